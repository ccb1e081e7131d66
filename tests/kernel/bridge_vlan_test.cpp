// Bridge vlan filters against the kernel, each test in a fresh namespace
// with a vlan-filtering bridge (br0) and a port (veth1): vids and ranges
// added to and deleted from ports and the bridge, dumped through nlpp and
// read back through `bridge -j vlan show`; FDB entries on a vlan. The build
// machines' kernel has no vlan filtering (the bridge refuses
// vlan_filtering 1), so these skip there and run in the QEMU guest, where
// tests/vm/must_run.txt requires them to pass. BridgePorts.* runs anywhere.
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>

#include "support/ip_route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <map>

namespace nlpp::rtnl {
namespace {

using nlohmann::json;

class BridgeVlans : public test::IpRouteTest {
 protected:
  void SetUp() override {
    IpRouteTest::SetUp();
    if (HasFatalFailure()) return;
    Result<test::CommandOutput> bridge =
        test::run_command({"ip", "-n", ns_name(), "link", "add", "br0", "type", "bridge", "vlan_filtering", "1"});
    ASSERT_TRUE(bridge) << bridge.error().describe();
    if (bridge->exit_code != 0 && bridge->err.find("Operation not supported") != std::string::npos)
      GTEST_SKIP() << "this kernel's bridge refuses vlan_filtering (no CONFIG_BRIDGE_VLAN_FILTERING): " << bridge->err;
    ASSERT_EQ(bridge->exit_code, 0) << bridge->err;
    add_veth_pair("veth0", "veth1");
    ip_commands({"link set veth1 master br0", "link set br0 up"});
    veth0_ = ifindex_of("veth0");
    veth1_ = ifindex_of("veth1");
    br0_ = ifindex_of("br0");
  }

  // nlpp's vlans of one device.
  std::vector<BridgeVlanRange> vlans_of(uint32_t ifindex) {
    Result<std::vector<BridgeVlan>> dumped = ip_route().dump<BridgeVlan>({.ifindex = ifindex});
    EXPECT_TRUE(dumped) << dumped.error().describe();
    if (!dumped || dumped->size() != 1) {
      ADD_FAILURE() << "expected one message for ifindex " << ifindex;
      return {};
    }
    return (*dumped)[0].vlans;
  }

  // `bridge -j ARGS` in the test's namespace.
  json bridge_json(const std::string& args) {
    return json::parse(test::ip_netns("exec " + ns_name() + " bridge -j " + args), nullptr, false);
  }

  // `bridge -j vlan show dev DEV` as vid -> flags ([] for none), ranges
  // expanded: iproute2 6.1 prints one entry a vid, later ones compress.
  std::map<int, json> shown_vids(std::string_view dev) {
    const json devices = bridge_json("vlan show dev " + std::string(dev));
    std::map<int, json> vids;
    if (devices.empty()) return vids;
    for (const json& entry : devices[0]["vlans"]) {
      const int first = entry["vlan"];
      for (int vid = first; vid <= entry.value("vlanEnd", first); ++vid)
        vids[vid] = entry.value("flags", json::array());
    }
    return vids;
  }

  uint32_t veth0_ = 0, veth1_ = 0, br0_ = 0;
};

constexpr BridgeVlanFlags pvid_untagged{BridgeVlanFlag::pvid, BridgeVlanFlag::untagged};

TEST_F(BridgeVlans, adds_a_pvid_untagged_vid_and_a_range_to_a_port) {
  Result<io::Ack> added = ip_route().add(
      BridgeVlan{.ifindex = veth1_, .vlans = {{.vid = 10, .flags = pvid_untagged}, {.vid = 20, .vid_end = 30}}});
  ASSERT_TRUE(added) << added.error().describe();

  // vid 1 came with the port (the bridge's default pvid); 10 took the pvid.
  EXPECT_EQ(vlans_of(veth1_), (std::vector<BridgeVlanRange>{{.vid = 1, .flags = {BridgeVlanFlag::untagged}},
                                                            {.vid = 10, .flags = pvid_untagged},
                                                            {.vid = 20, .vid_end = 30}}));
  std::map<int, json> shown = shown_vids("veth1");
  EXPECT_EQ(shown.size(), 1u + 1u + 11u);
  EXPECT_EQ(shown[1], json::array({"Egress Untagged"}));
  EXPECT_EQ(shown[10], json::array({"PVID", "Egress Untagged"}));
  EXPECT_EQ(shown[20], json::array());
  EXPECT_EQ(shown[30], json::array());
}

TEST_F(BridgeVlans, deletes_part_of_the_vids_and_keeps_the_rest) {
  ASSERT_TRUE(ip_route().add(BridgeVlan{.ifindex = veth1_, .vlans = {{.vid = 20, .vid_end = 30}}}));
  Result<io::Ack> deleted =
      ip_route().del(BridgeVlan{.ifindex = veth1_, .vlans = {{.vid = 1}, {.vid = 25, .vid_end = 30}}});
  ASSERT_TRUE(deleted) << deleted.error().describe();
  EXPECT_EQ(vlans_of(veth1_), (std::vector<BridgeVlanRange>{{.vid = 20, .vid_end = 24}}));
  const std::map<int, json> shown = shown_vids("veth1");
  ASSERT_EQ(shown.size(), 5u);
  EXPECT_EQ(shown.begin()->first, 20);
  EXPECT_EQ(shown.rbegin()->first, 24);
}

TEST_F(BridgeVlans, adding_a_vid_again_changes_its_flags) {
  ASSERT_TRUE(ip_route().add(BridgeVlan{.ifindex = veth1_, .vlans = {{.vid = 10}}}));
  ASSERT_TRUE(
      ip_route().add(BridgeVlan{.ifindex = veth1_, .vlans = {{.vid = 10, .flags = {BridgeVlanFlag::untagged}}}}));
  const std::vector<BridgeVlanRange> vlans = vlans_of(veth1_);
  ASSERT_EQ(vlans.size(), 2u);
  EXPECT_EQ(vlans[1], (BridgeVlanRange{.vid = 10, .flags = {BridgeVlanFlag::untagged}}));
}

TEST_F(BridgeVlans, adds_vids_to_the_bridge_itself_with_self) {
  Result<io::Ack> added =
      ip_route().add(BridgeVlan{.ifindex = br0_, .vlans = {{.vid = 100}}, .bridge_flags = {BridgeFlag::self}});
  ASSERT_TRUE(added) << added.error().describe();
  const std::vector<BridgeVlanRange> vlans = vlans_of(br0_);
  const auto found =
      std::find_if(vlans.begin(), vlans.end(), [](const BridgeVlanRange& range) { return range.vid == 100; });
  EXPECT_NE(found, vlans.end());
  EXPECT_EQ(shown_vids("br0").count(100), 1u) << bridge_json("vlan show dev br0");
}

TEST_F(BridgeVlans, dumps_select_the_ports_of_a_bridge_and_the_bridge) {
  test::ip_run(ns_name(), "link add br1 type bridge vlan_filtering 1");
  test::ip_run(ns_name(), "link set veth0 master br1");
  Result<std::vector<BridgeVlan>> of_br0 = ip_route().dump<BridgeVlan>({.master = br0_});
  ASSERT_TRUE(of_br0) << of_br0.error().describe();
  std::vector<uint32_t> devices;
  for (const BridgeVlan& vlans : *of_br0) devices.push_back(vlans.ifindex);
  std::sort(devices.begin(), devices.end());
  EXPECT_EQ(devices, (std::vector<uint32_t>{std::min(veth1_, br0_), std::max(veth1_, br0_)}));
  const auto port =
      std::find_if(of_br0->begin(), of_br0->end(), [&](const BridgeVlan& vlans) { return vlans.ifindex == veth1_; });
  ASSERT_NE(port, of_br0->end());
  EXPECT_EQ(port->master, br0_);
}

TEST_F(BridgeVlans, a_vid_for_a_device_that_is_no_bridge_port_is_refused) {
  Result<io::Ack> added = ip_route().add(BridgeVlan{.ifindex = veth0_, .vlans = {{.vid = 10}}});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), std::error_code(EOPNOTSUPP, std::system_category())) << added.error().describe();
}

TEST_F(BridgeVlans, fdb_entries_on_a_vlan_of_a_port) {
  ASSERT_TRUE(ip_route().add(BridgeVlan{.ifindex = veth1_, .vlans = {{.vid = 10}}}));
  const FdbEntry entry{.ifindex = veth1_,
                       .lladdr = MacAddress::parse("02:00:00:00:00:dd").value(),
                       .state = fdb_static,
                       .flags = {NeighbourFlag::master},
                       .vlan = 10};
  Result<io::Ack> added = ip_route().add(entry);
  ASSERT_TRUE(added) << added.error().describe();

  Result<std::vector<FdbEntry>> on_vlan =
      ip_route().dump<FdbEntry>({.ifindex = veth1_, .vlan = 10, .states = fdb_static});
  ASSERT_TRUE(on_vlan) << on_vlan.error().describe();
  ASSERT_EQ(on_vlan->size(), 1u);
  EXPECT_EQ((*on_vlan)[0].lladdr, entry.lladdr);
  Result<FdbEntry> got = ip_route().get(entry);
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(got->vlan, 10);

  bool shown = false;
  for (const json& fdb : bridge_json("fdb show dev veth1"))
    shown |= fdb["mac"] == "02:00:00:00:00:dd" && fdb["vlan"] == 10 && fdb["state"] == "static";
  EXPECT_TRUE(shown) << bridge_json("fdb show dev veth1");

  FdbEntry other_vlan = entry;
  other_vlan.vlan = 20;
  Result<io::Ack> refused = ip_route().add(other_vlan);
  ASSERT_FALSE(refused) << "vid 20 is not configured on the port";
  EXPECT_EQ(refused.error().code(), std::error_code(EINVAL, std::system_category()));
}

// What runs on any kernel: the AF_BRIDGE link dump itself.
using BridgePorts = test::IpRouteTest;

TEST_F(BridgePorts, dump_gives_each_port_with_its_bridge_and_a_get_is_refused) {
  add_veth_pair("veth0", "veth1");
  ip_commands({"link add br0 type bridge", "link set veth1 master br0"});
  const uint32_t veth1 = ifindex_of("veth1");
  Result<std::vector<BridgeVlan>> ports = ip_route().dump<BridgeVlan>({.ifindex = veth1});
  ASSERT_TRUE(ports) << ports.error().describe();
  ASSERT_EQ(ports->size(), 1u);
  EXPECT_EQ((*ports)[0].master, ifindex_of("br0"));

  Result<BridgeVlan> got = ip_route().get(BridgeVlan{.ifindex = veth1, .vlans = {{.vid = 1}}});
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code(), errc::protocol_error);
  EXPECT_EQ(got.error().context(), "bridge vlan: a link message of family 0, not AF_BRIDGE");
}

}  // namespace
}  // namespace nlpp::rtnl
