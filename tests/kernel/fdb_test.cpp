// Bridge FDB entries against the kernel, each test in a fresh namespace with
// a bridge (br0, port veth1) and a vxlan (vx0): entries in the bridge's
// table and in the vxlan's own (remotes with dst, port, vni, via), added,
// appended, replaced, got, dumped and deleted through nlpp, read back
// through `bridge -j fdb show`; and the kernel's errors. Entries with a vlan
// need vlan filtering: BridgeVlan.* tests them in the guest.
#include <nlpp/rtnl/fdb_entry.hpp>

#include "support/ip_route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/rtnl_values.hpp"

#include <gtest/gtest.h>

#include <cerrno>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::mac;

class Fdb : public test::IpRouteTest {
 protected:
  void SetUp() override {
    IpRouteTest::SetUp();
    if (HasFatalFailure()) return;
    add_veth_pair("veth0", "veth1");
    ip_commands({"link add br0 type bridge", "link set veth1 master br0", "link set br0 up",
                 "link add vx0 type vxlan id 42 dstport 4789 nolearning"});
    veth0_ = ifindex_of("veth0");
    veth1_ = ifindex_of("veth1");
    br0_ = ifindex_of("br0");
    vx0_ = ifindex_of("vx0");
  }

  FdbEntry static_on_port() const {
    return FdbEntry{
        .ifindex = veth1_, .lladdr = mac("02:00:00:00:00:dd"), .state = fdb_static, .flags = {NeighbourFlag::master}};
  }
  FdbEntry vxlan_remote(std::string_view dst) const {
    return FdbEntry{.ifindex = vx0_, .state = fdb_permanent, .flags = {NeighbourFlag::self}, .dst = ip(dst)};
  }

  // nlpp's entries of one device for one address, those on a vlan left
  // out: a kernel built with vlan filtering also adds an entry for each
  // vlan of the port (vid 1 by default), even on a bridge not filtering.
  std::vector<FdbEntry> dump(uint32_t ifindex, const MacAddress& lladdr) {
    Result<std::vector<FdbEntry>> entries = ip_route().dump<FdbEntry>({.ifindex = ifindex, .lladdr = lladdr});
    EXPECT_TRUE(entries) << entries.error().describe();
    std::vector<FdbEntry> found = entries.value_or(std::vector<FdbEntry>());
    std::erase_if(found, [](const FdbEntry& entry) { return entry.vlan.has_value(); });
    return found;
  }

  // `bridge -j fdb show dev DEV`: the entries for lladdr, but on a vlan.
  nlohmann::json shown(std::string_view dev, std::string_view lladdr) {
    const std::string out = test::ip_netns("exec " + ns_name() + " bridge -j fdb show dev " + std::string(dev));
    nlohmann::json found = nlohmann::json::array();
    for (const nlohmann::json& entry : nlohmann::json::parse(out, nullptr, false))
      if (entry["mac"] == lladdr && !entry.contains("vlan")) found.push_back(entry);
    return found;
  }

  uint32_t veth0_ = 0, veth1_ = 0, br0_ = 0, vx0_ = 0;
};

TEST_F(Fdb, adds_a_static_entry_to_the_table_of_a_ports_bridge) {
  Result<io::Ack> added = ip_route().add(static_on_port());
  ASSERT_TRUE(added) << added.error().describe();

  const std::vector<FdbEntry> entries = dump(veth1_, mac("02:00:00:00:00:dd"));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].state, fdb_static);
  EXPECT_EQ(entries[0].master, br0_);
  EXPECT_FALSE(entries[0].is_self());

  const nlohmann::json entry = shown("veth1", "02:00:00:00:00:dd");
  ASSERT_EQ(entry.size(), 1u) << entry;
  EXPECT_EQ(entry[0]["master"], "br0");
  EXPECT_EQ(entry[0]["state"], "static");
}

TEST_F(Fdb, gets_an_entry_of_a_bridge_table) {
  ASSERT_TRUE(ip_route().add(static_on_port()));
  Result<FdbEntry> got = ip_route().get(static_on_port());
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(got->lladdr, mac("02:00:00:00:00:dd"));
  EXPECT_EQ(got->master, br0_);
  EXPECT_EQ(got->state, fdb_static);
}

TEST_F(Fdb, replace_changes_state_and_flags) {
  ASSERT_TRUE(ip_route().add(static_on_port()));
  FdbEntry sticky = static_on_port();
  sticky.state = fdb_dynamic;
  sticky.flags.insert(NeighbourFlag::sticky);
  Result<io::Ack> replaced = ip_route().replace(sticky);
  ASSERT_TRUE(replaced) << replaced.error().describe();

  const std::vector<FdbEntry> entries = dump(veth1_, mac("02:00:00:00:00:dd"));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_TRUE(entries[0].flags.contains(NeighbourFlag::sticky)) << entries[0].flags.to_string();
  EXPECT_FALSE(entries[0].state.contains(NeighbourState::noarp)) << entries[0].state.to_string();
  const nlohmann::json entry = shown("veth1", "02:00:00:00:00:dd");
  ASSERT_EQ(entry.size(), 1u) << entry;
  EXPECT_EQ(entry[0]["flags"], nlohmann::json::array({"sticky"}));
  EXPECT_EQ(entry[0]["state"], "") << entry;
}

TEST_F(Fdb, delete_removes_the_entry_and_a_second_delete_fails_with_enoent) {
  ASSERT_TRUE(ip_route().add(static_on_port()));
  ASSERT_TRUE(ip_route().del(static_on_port()));
  EXPECT_TRUE(dump(veth1_, mac("02:00:00:00:00:dd")).empty());
  EXPECT_TRUE(shown("veth1", "02:00:00:00:00:dd").empty());
  Result<io::Ack> again = ip_route().del(static_on_port());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), std::error_code(ENOENT, std::system_category()));
}

TEST_F(Fdb, adding_twice_fails_with_eexist) {
  ASSERT_TRUE(ip_route().add(static_on_port()));
  Result<io::Ack> again = ip_route().add(static_on_port());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), std::error_code(EEXIST, std::system_category()));
}

TEST_F(Fdb, adds_a_vxlan_remote_with_port_vni_and_via) {
  FdbEntry remote = vxlan_remote("198.51.100.7");
  remote.port = 4790;
  remote.vni = 100;
  remote.via_ifindex = veth0_;
  Result<io::Ack> added = ip_route().add(remote);
  ASSERT_TRUE(added) << added.error().describe();

  const std::vector<FdbEntry> entries = dump(vx0_, MacAddress());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(ObjectTraits<FdbEntry>::key(entries[0]), ObjectTraits<FdbEntry>::key(remote));
  EXPECT_EQ(entries[0].dst, ip("198.51.100.7"));
  EXPECT_EQ(entries[0].port, 4790);
  EXPECT_EQ(entries[0].vni, 100u);
  EXPECT_EQ(entries[0].via_ifindex, veth0_);

  const nlohmann::json entry = shown("vx0", "00:00:00:00:00:00");
  ASSERT_EQ(entry.size(), 1u) << entry;
  EXPECT_EQ(entry[0]["dst"], "198.51.100.7");
  EXPECT_EQ(entry[0]["port"], 4790);
  EXPECT_EQ(entry[0]["vni"], 100);
  EXPECT_EQ(entry[0]["viaIf"], "veth0");
  EXPECT_EQ(entry[0]["state"], "permanent");
}

TEST_F(Fdb, append_adds_a_second_remote_for_the_same_address) {
  ASSERT_TRUE(ip_route().add(vxlan_remote("198.51.100.7")));
  Result<io::Ack> appended = ip_route().change(Verb::append, vxlan_remote("198.51.100.8"));
  ASSERT_TRUE(appended) << appended.error().describe();

  std::vector<std::string> remotes;
  for (const FdbEntry& entry : dump(vx0_, MacAddress())) remotes.push_back(entry.dst.value_or(IpAddress()).to_string());
  std::sort(remotes.begin(), remotes.end());
  EXPECT_EQ(remotes, (std::vector<std::string>{"198.51.100.7", "198.51.100.8"}));
  EXPECT_EQ(shown("vx0", "00:00:00:00:00:00").size(), 2u);

  Result<io::Ack> again = ip_route().add(vxlan_remote("198.51.100.9"));
  ASSERT_FALSE(again) << "add, unlike append, wants the address to be new";
  EXPECT_EQ(again.error().code(), std::error_code(EEXIST, std::system_category()));
}

TEST_F(Fdb, deleting_one_remote_keeps_the_others) {
  ASSERT_TRUE(ip_route().add(vxlan_remote("198.51.100.7")));
  ASSERT_TRUE(ip_route().change(Verb::append, vxlan_remote("198.51.100.8")));
  ASSERT_TRUE(ip_route().del(vxlan_remote("198.51.100.7")));
  const std::vector<FdbEntry> entries = dump(vx0_, MacAddress());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].dst, ip("198.51.100.8"));
}

TEST_F(Fdb, dumps_filter_by_bridge_in_the_kernel) {
  ASSERT_TRUE(ip_route().add(static_on_port()));
  ASSERT_TRUE(ip_route().add(vxlan_remote("198.51.100.7")));
  Result<std::vector<FdbEntry>> of_bridge = ip_route().dump<FdbEntry>({.master = br0_});
  ASSERT_TRUE(of_bridge) << of_bridge.error().describe();
  EXPECT_FALSE(of_bridge->empty());
  for (const FdbEntry& entry : *of_bridge)
    EXPECT_TRUE(entry.ifindex == veth1_ || entry.ifindex == br0_) << entry.ifindex;
  Result<std::vector<FdbEntry>> statics = ip_route().dump<FdbEntry>({.states = fdb_static});
  ASSERT_TRUE(statics);
  EXPECT_FALSE(statics->empty());
  for (const FdbEntry& entry : *statics) EXPECT_EQ(entry.lladdr, mac("02:00:00:00:00:dd"));
}

// The defaults, against bridge with the same words: neither self nor
// master is self, no state is permanent. On a device that is no bridge
// port the kernel alone refuses both with a bare EINVAL; on a port it
// would pick the bridge's table.
TEST_F(Fdb, an_entry_without_table_or_state_is_what_bridge_fdb_add_makes_of_the_same_words) {
  struct Case {
    std::string_view dev;
    uint32_t ifindex;
    std::string_view by_bridge, by_nlpp;  // the two entries' addresses
  };
  for (const Case& c : {Case{"veth0", veth0_, "02:00:00:00:00:a1", "02:00:00:00:00:a2"},
                        Case{"veth1", veth1_, "02:00:00:00:00:b1", "02:00:00:00:00:b2"}}) {
    SCOPED_TRACE(c.dev);
    test::ip_netns("exec " + ns_name() + " bridge fdb add " + std::string(c.by_bridge) + " dev " + std::string(c.dev));
    Result<io::Ack> added = ip_route().add(FdbEntry{.ifindex = c.ifindex, .lladdr = c.by_nlpp});
    ASSERT_TRUE(added) << added.error().describe();

    nlohmann::json by_bridge = shown(c.dev, c.by_bridge);
    nlohmann::json by_nlpp = shown(c.dev, c.by_nlpp);
    ASSERT_EQ(by_bridge.size(), 1u) << by_bridge;
    ASSERT_EQ(by_nlpp.size(), 1u) << by_nlpp;
    EXPECT_EQ(by_nlpp[0]["flags"], nlohmann::json::array({"self"})) << by_nlpp;
    EXPECT_EQ(by_nlpp[0]["state"], "permanent") << by_nlpp;
    by_bridge[0].erase("mac");
    by_nlpp[0].erase("mac");
    EXPECT_EQ(by_nlpp, by_bridge);
  }
}

TEST_F(Fdb, a_vxlan_remote_without_table_or_state_is_what_bridge_fdb_append_makes_of_the_same_words) {
  test::ip_netns("exec " + ns_name() + " bridge fdb append 00:00:00:00:00:00 dev vx0 dst 198.51.100.8");
  Result<io::Ack> added = ip_route().change(Verb::append, FdbEntry{.ifindex = vx0_, .dst = "198.51.100.9"});
  ASSERT_TRUE(added) << added.error().describe();

  nlohmann::json by_bridge, by_nlpp;
  for (const nlohmann::json& entry : shown("vx0", "00:00:00:00:00:00"))
    (entry["dst"] == "198.51.100.8" ? by_bridge : by_nlpp) = entry;
  ASSERT_FALSE(by_bridge.is_null());
  ASSERT_FALSE(by_nlpp.is_null()) << shown("vx0", "00:00:00:00:00:00");
  EXPECT_EQ(by_nlpp["dst"], "198.51.100.9");
  by_bridge.erase("dst");
  by_nlpp.erase("dst");
  EXPECT_EQ(by_nlpp, by_bridge);
}

TEST_F(Fdb, adding_on_a_missing_link_fails_with_enodev_and_the_kernels_message) {
  FdbEntry entry = static_on_port();
  entry.ifindex = 999;
  Result<io::Ack> added = ip_route().add(entry);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), std::error_code(ENODEV, std::system_category()));
  EXPECT_EQ(added.error().ext_ack().message, "unknown ifindex");
}

TEST_F(Fdb, the_kernel_explains_that_only_ethernet_devices_have_an_fdb) {
  const FdbEntry entry{.ifindex = ifindex_of("lo"),
                       .lladdr = mac("02:00:00:00:00:ee"),
                       .state = fdb_permanent,
                       .flags = {NeighbourFlag::self}};
  Result<io::Ack> added = ip_route().add(entry);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), std::error_code(EINVAL, std::system_category()));
  EXPECT_EQ(added.error().ext_ack().message, "FDB add only supported for Ethernet devices");
}

}  // namespace
}  // namespace nlpp::rtnl
