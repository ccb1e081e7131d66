// IPDB's cache of bridge vlans (CacheOptions::bridge_vlans) against the
// kernel, each test in a fresh namespace: ports joining, leaving and
// deleted, a bridge deleted (any kernel); vids added and deleted by
// `bridge vlan`, a bridge made with vlan filtering, its filtering and
// default pvid changed (the guest tier: the build machines' bridge has no
// vlan filtering; tests/vm/must_run.txt). After each, the cache equals a
// fresh dump, and `bridge -j vlan show` shows the vids the cache has.
#include <nlpp/ipdb/cache.hpp>

#include "support/ip_route_fixture.hpp"
#include "support/ipdb_settle.hpp"
#include "support/iproute2.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace nlpp::ipdb {
namespace {

class IpdbBridgeVlans : public test::IpRouteTest {
 protected:
  void SetUp() override {
    IpRouteTest::SetUp();
    if (HasFatalFailure()) return;
    add_veth_pair("v0", "v0p");
    add_veth_pair("v1", "v1p");
  }

  Cache open() {
    Result<Cache> cache = Cache::open({.bridge_vlans = true, .socket = {.netns = ns_ref()}});
    EXPECT_TRUE(cache) << cache.error().describe();
    return std::move(cache).value();
  }

  // Each port's (and bridge's) vids, one line each: "v0 master 3: 1 pvid untagged".
  std::string lines_of(std::vector<rtnl::BridgeVlan> entries) {
    std::vector<std::string> lines;
    for (const rtnl::BridgeVlan& entry : entries)
      lines.push_back(std::to_string(uint32_t{entry.ifindex}) + " master " + std::to_string(entry.master.value_or(0)) +
                      ": " + rtnl::vlans_text(entry));
    std::ranges::sort(lines);
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    return text;
  }

  // The cache holds what a fresh dump holds; the cache's vids are those
  // `bridge -j vlan show` shows, device by device.
  void expect_equal_to_a_fresh_dump(Cache& cache, const std::string& after) {
    test::settle(cache);
    EXPECT_EQ(lines_of(cache.all<rtnl::BridgeVlan>()), lines_of(ip_route().dump<rtnl::BridgeVlan>().value())) << after;
    std::map<std::string, std::string> shown;
    for (const nlohmann::json& device : test::bridge_json(ns_name(), "vlan show"))
      shown[device["ifname"]] = vids_shown(device["vlans"]);
    std::map<std::string, std::string> cached;
    for (const rtnl::BridgeVlan& entry : cache.all<rtnl::BridgeVlan>())
      if (!entry.vlans.empty()) cached[cache.link(uint32_t{entry.ifindex})->name.value_or("?")] = vids_cached(entry);
    EXPECT_EQ(cached, shown) << after;
  }

  // Vids as "1 PVID,Egress Untagged; 10 ;" from `bridge -j` (iproute2 6.1
  // prints one entry a vid, later ones compress ranges) and from the cache.
  static std::string vids_shown(const nlohmann::json& vlans) {
    std::string text;
    for (const nlohmann::json& entry : vlans) {
      const int first = entry["vlan"];
      std::string flags;
      for (const nlohmann::json& flag : entry.value("flags", nlohmann::json::array()))
        flags += (flags.empty() ? "" : ",") + flag.get<std::string>();
      for (int vid = first; vid <= entry.value("vlanEnd", first); ++vid)
        text += std::to_string(vid) + " " + flags + "; ";
    }
    return text;
  }
  static std::string vids_cached(const rtnl::BridgeVlan& entry) {
    std::string text;
    for (const rtnl::BridgeVlanRange& range : entry.vlans) {
      std::string flags;
      if (range.flags.contains(rtnl::BridgeVlanFlag::pvid)) flags = "PVID";
      if (range.flags.contains(rtnl::BridgeVlanFlag::untagged))
        flags += (flags.empty() ? "" : ",") + std::string("Egress Untagged");
      for (uint32_t vid = range.vid; vid <= range.vid_end.value_or(range.vid); ++vid)
        text += std::to_string(vid) + " " + flags + "; ";
    }
    return text;
  }

  // Runs each step's command (`bridge ...`, else `ip ...`) in the
  // namespace, and after each the cache must equal a fresh dump.
  void expect_followed(Cache& cache, const std::vector<std::pair<std::string, std::string>>& steps) {
    for (const auto& [name, command] : steps) {
      if (command.starts_with("bridge "))
        test::bridge_run(ns_name(), command.substr(7));
      else
        test::ip_run(ns_name(), command);
      expect_equal_to_a_fresh_dump(cache, name);
      if (HasFailure()) return;
    }
  }

  // Whether this kernel's bridge filters vlans (the guest's does; the build
  // machines' refuses): the one reason to skip.
  bool has_vlan_filtering() {
    Result<test::CommandOutput> probe =
        test::run_command({"ip", "-n", ns_name(), "link", "add", "probe0", "type", "bridge", "vlan_filtering", "1"});
    if (!probe || probe->exit_code != 0) return false;
    test::ip_run(ns_name(), "link del probe0");
    return true;
  }
};

TEST_F(IpdbBridgeVlans, ports_joining_leaving_and_deleted_and_a_bridge_deleted_are_followed) {
  Cache cache = open();
  const std::vector<std::pair<std::string, std::string>> steps = {
      {"bridge made", "link add br0 type bridge"},
      {"port joined", "link set v0 master br0"},
      {"second port joined", "link set v1 master br0"},
      {"port up", "link set v0 up"},
      {"port left", "link set v1 nomaster"},
      {"port deleted", "link del v0"},
      {"port joined again", "link set v1 master br0"},
      {"bridge deleted", "link del br0"},
  };
  expect_followed(cache, steps);
  if (HasFailure()) return;
  EXPECT_EQ(cache.count<rtnl::BridgeVlan>(), 0u);
}

TEST_F(IpdbBridgeVlans, with_vlan_filtering_the_vids_bridge_vlan_changes_and_those_the_kernel_moves_are_followed) {
  if (!has_vlan_filtering()) GTEST_SKIP() << "this kernel's bridge has no vlan filtering (the guest tier runs this)";
  Cache cache = open();
  const std::vector<std::pair<std::string, std::string>> steps = {
      {"bridge made, filtering", "link add br0 type bridge vlan_filtering 1"},
      // Up: the kernel notifies a change of a link's kind options only
      // when the link is up (docs/IPDB.md).
      {"bridge up", "link set br0 up"},
      {"port joined (default pvid)", "link set v0 master br0"},
      {"second port joined", "link set v1 master br0"},
      {"vids added", "bridge vlan add dev v0 vid 10 pvid untagged"},
      {"range added", "bridge vlan add dev v0 vid 20-30"},
      {"vids deleted", "bridge vlan del dev v0 vid 25-30"},
      {"bridge's own vid", "bridge vlan add dev br0 vid 40 self"},
      {"default pvid changed (ports' pvid moves)", "link set br0 type bridge vlan_default_pvid 7"},
      {"filtering off", "link set br0 type bridge vlan_filtering 0"},
      {"filtering on", "link set br0 type bridge vlan_filtering 1"},
      {"port left", "link set v1 nomaster"},
      {"bridge deleted", "link del br0"},
  };
  expect_followed(cache, steps);
}

}  // namespace
}  // namespace nlpp::ipdb
