// `nlpp -j` against `ip -j -d` (issue 5): a topology with every link kind
// the kernel has, created through nlpp in a fresh namespace, then each
// `show` printed by both tools, parsed and compared object by object, key by
// key. CliIproute2 runs the kinds the build machines' kernel has (bridge
// and its ports, veth, vxlan, macvlan, macvtap, ifb, tun, tap);
// CliIproute2Guest the rest, in the guest tier (must-run there).
#include "support/comparison_topology.hpp"
#include "support/iproute2.hpp"
#include "support/json_compare.hpp"
#include "support/netns_fixture.hpp"
#include "support/nlpp_cli.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

class CliIproute2 : public NetnsTest {
 protected:
  void SetUp() override {
    NetnsTest::SetUp();
    if (HasFatalFailure()) return;
    // No duplicate address detection, so IPv6 addresses are not "tentative"
    // in one dump and settled in the other.
    ip_netns("exec " + ns_name() + " sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0");
  }

  // Runs each `nlpp -n NS WORDS`, expecting success.
  template <class Commands>
  void nlpp_commands(const Commands& commands) {
    for (const std::string_view words : commands) {
      const CommandOutput output = run_nlpp(ns_name(), words);
      ASSERT_EQ(output.exit_code, 0) << "nlpp " << words << ": " << output.err;
    }
  }
  void nlpp_commands(std::initializer_list<std::string_view> commands) { nlpp_commands<>(commands); }

  // `nlpp -j WORDS` against `ip -j -d WORDS`.
  void expect_same(std::string_view words) {
    expect_same_as_ip(ns_name(), words, [&] {
      const CommandOutput output = run_nlpp(ns_name(), "-j " + std::string(words));
      EXPECT_EQ(output.exit_code, 0) << "nlpp -j " << words << ": " << output.err;
      return output.out;
    });
  }

  // The comparison topology and the host's other kinds.
  void build_host_topology() {
    nlpp_commands(comparison_topology);
    nlpp_commands({
        "link add mvt0 link br0 type macvtap mode vepa",
        "link add ifb0 type ifb",
        "link add tap0 type tun type tap persist 1 multi_queue 1",
        "link add tun0 type tun type tun persist 1 owner 0 group 0",
    });
  }
};

TEST_F(CliIproute2, links_of_every_host_kind_match_ip_link_show) {
  build_host_topology();
  if (HasFatalFailure()) return;
  expect_same("link show");
}

TEST_F(CliIproute2, addresses_routes_and_neighbours_match_ip) {
  build_host_topology();
  if (HasFatalFailure()) return;
  expect_same("addr show");
  expect_same("route show table all");
  expect_same("-6 route show table all");
  expect_same("route show");  // one table: no "table" member
  expect_same("-6 route show");
  expect_same("route show table 100");
  expect_same("neigh show");
}

// Kinds the build machines' kernel lacks; the guest tier runs them (must-run).
class CliIproute2Guest : public CliIproute2 {
 protected:
  void SetUp() override {
    CliIproute2::SetUp();
    if (HasFatalFailure()) return;
    if (run_nlpp(ns_name(), "link add probe0 type dummy").exit_code != 0) GTEST_SKIP() << "no dummy links here";
    nlpp_commands({"link del probe0"});
  }
};

TEST_F(CliIproute2Guest, links_of_every_guest_kind_match_ip_link_show) {
  nlpp_commands({
      "link add d0 type dummy",
      "link add d1 type dummy",
      "link add d2 type dummy",
      "link add d3 type dummy",
      "link add d4 type dummy",
      "link add b0 type bond mode active-backup miimon 100",
      "link set d1 master b0",
      "link add b1 type bond mode 802.3ad lacp_rate fast",
      "link set d2 master b1",
      "link set b1 up",
      "link add vl0 link d0 type vlan id 10 protocol 802.1ad",
      "link add vl1 link d0 type vlan id 11",
      "link add vrf0 type vrf table 1000",
      "link set d3 master vrf0",
      "link add gre0 type gre remote 10.0.0.2 local 10.0.0.1 ttl 64 iflags 0xa000 oflags 0xa000 ikey 42 okey 42",
      "link add gt0 type gretap remote 10.0.0.2 local 10.0.0.1 iflags 0x3000 oflags 0x3000 ikey 5 okey 6 dev d0",
      "link add g60 type ip6gre remote 2001:db8::2 local 2001:db8::1 ttl 10 flowinfo 0x02001234",
      "link add gt60 type ip6gretap remote 2001:db8::2 local 2001:db8::1",
      // ERSPAN takes exactly the sequence and key flags, and a 10-bit key.
      "link add es1 type erspan remote 10.0.0.2 local 10.0.0.1 iflags 0x3000 oflags 0x3000 ikey 10 okey 10 "
      "erspan_ver 1 erspan_index 123",
      "link add es2 type erspan remote 10.0.0.2 local 10.0.0.1 iflags 0x3000 oflags 0x3000 ikey 11 okey 11 "
      "erspan_ver 2 erspan_dir 1 erspan_hwid 7",
      "link add es6 type ip6erspan remote 2001:db8::2 local 2001:db8::1 iflags 0x3000 oflags 0x3000 ikey 12 okey 12 "
      "erspan_ver 2 erspan_dir 0 erspan_hwid 3",
      "link add ii0 type ipip remote 10.0.0.2 local 10.0.0.1 ttl 10 tos 0x10 fwmark 7",
      "link add sit1 type sit remote 10.0.0.3 local 10.0.0.1",
      "link add it6 type ip6tnl remote 2001:db8::2 local 2001:db8::1 proto 41 flags 1",
      "link add vt0 type vti remote 10.0.0.2 local 10.0.0.1 ikey 7 okey 8",
      "link add vt6 type vti6 remote 2001:db8::2 local 2001:db8::1",
      "link add gn0 type geneve id 5 remote 10.0.0.9 ttl 20 tos 4",
      "link add gn6 type geneve id 6 remote 2001:db8::9 ttl_inherit 1 df 1",
      "link add xf0 type xfrm dev d0 if_id 5",
      "link add ipv0 link d0 type ipvlan mode l3 flags 1",
      "link add mvt0 link d4 type macvtap mode vepa",
      "link add wg0 type wireguard",
      "link add nl0 type nlmon",
      "link add tap0 type tun type tap persist 1 multi_queue 1",
  });
  // nlpp has no words for nested lists (a vlan's priority maps, a bond's
  // targets): ip sets them.
  ip_run(ns_name(), "link set vl0 type vlan ingress-qos-map 1:2 2:3 egress-qos-map 4:5");
  ip_run(ns_name(), "link set b0 type bond arp_ip_target 192.0.2.5,192.0.2.6 ns_ip6_target 2001:db8::5 primary d1");
  ip_run(ns_name(), "link set vl1 type vlan gvrp on loose_binding on");
  if (HasFatalFailure()) return;
  expect_same("link show");
  // What the comparison covered: every kind, the 802.3ad bond's aggregator
  // and the ports' data of each master kind.
  std::set<std::string> kinds;
  std::set<std::string> port_kinds;
  for (const nlohmann::json& link : ip_json(ns_name(), "link show")) {
    const nlohmann::json& info = link.value("linkinfo", nlohmann::json::object());
    if (info.contains("info_kind")) kinds.insert(info["info_kind"].get<std::string>());
    if (info.contains("info_slave_data")) port_kinds.insert(info["info_slave_kind"].get<std::string>());
    if (link["ifname"] == "b1") {
      EXPECT_TRUE(info["info_data"].contains("ad_info")) << info.dump();
    }
  }
  const std::set<std::string> every_kind = {
      "dummy", "bond",   "vlan", "vrf",  "gre",    "gretap", "erspan", "ip6gre",  "ip6gretap", "ip6erspan", "ipip",
      "sit",   "ip6tnl", "vti",  "vti6", "geneve", "xfrm",   "ipvlan", "macvtap", "wireguard", "nlmon",     "tun"};
  EXPECT_EQ(kinds, every_kind);
  EXPECT_EQ(port_kinds, (std::set<std::string>{"bond", "vrf"}));
}

TEST_F(CliIproute2Guest, mpls_routes_match_ip_route_show) {
  ip_netns("exec " + ns_name() + " sysctl -qw net.mpls.platform_labels=1000");
  nlpp_commands({
      "link add d0 type dummy",
      "link set d0 up",
      "address add 10.0.0.1/24 dev d0",
      "-f mpls route add 100 as 200 via inet 10.0.0.2 dev d0",
      "-f mpls route add 101 nexthop as 300 via inet 10.0.0.3 dev d0 nexthop via inet 10.0.0.4 dev d0",
      "route add 198.51.100.0/24 encap mpls 500/600 via 10.0.0.2 dev d0",
  });
  if (HasFatalFailure()) return;
  expect_same("-f mpls route show");
  expect_same("route show table all");
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
