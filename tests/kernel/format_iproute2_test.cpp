// The format layer against iproute2 itself: a topology in a fresh namespace
// (a bridge with a veth port, a vxlan and a macvlan, IPv4 and IPv6
// addresses, a multipath route with metrics, a neighbour, rules), dumped
// through nlpp and formatted, and `ip -j -d ... show` of the same state;
// both parsed and compared object by object, key by key.
#include <nlpp/format/json.hpp>

#include "support/comparison_topology.hpp"
#include "support/ip_route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/json_compare.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace nlpp::format {
namespace {

using nlohmann::json;

class FormatIproute2 : public test::IpRouteTest {
 protected:
  void SetUp() override {
    IpRouteTest::SetUp();
    if (HasFatalFailure()) return;
    // No duplicate address detection, so IPv6 addresses are not "tentative"
    // in one dump and settled in the other.
    test::ip_netns("exec " + ns_name() +
                   " sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0");
    for (const std::string_view command : test::comparison_topology) ip_commands({command});
    ip_commands({
        "rule add from 10.0.0.0/8 table 100 priority 1000",
        "rule add fwmark 0x10/0xff lookup 100 priority 1001",
        "rule add not to 192.0.2.0/24 iif br0 prohibit priority 1002",
        "-6 rule add from 2001:db8::/32 table 100 priority 1000",
    });
  }

  template <class T>
  std::vector<T> dump(const typename rtnl::ObjectTraits<T>::Filter& filter = {}) {
    Result<std::vector<T>> objects = ip_route().dump<T>(filter);
    EXPECT_TRUE(objects) << objects.error().describe();
    return objects ? std::move(*objects) : std::vector<T>{};
  }

  template <class Format>
  void expect_same(std::string_view ip_args, Format nlpp_json) {
    test::expect_same_as_ip(ns_name(), ip_args, nlpp_json);
  }
};

TEST_F(FormatIproute2, links_match_ip_link_show_key_by_key) {
  if (HasFatalFailure()) return;
  expect_same("link show", [&] { return links_json(dump<rtnl::Link>()); });
}

TEST_F(FormatIproute2, links_with_their_addresses_match_ip_addr_show_key_by_key) {
  if (HasFatalFailure()) return;
  expect_same("addr show", [&] { return addresses_json(dump<rtnl::Link>(), dump<rtnl::Address>()); });
}

TEST_F(FormatIproute2, routes_of_every_table_match_ip_route_show_table_all) {
  if (HasFatalFailure()) return;
  expect_same("route show table all", [&] {
    const std::vector<rtnl::Link> links = dump<rtnl::Link>();
    return routes_json(dump<rtnl::Route>(), LinkNames(links));
  });
}

TEST_F(FormatIproute2, neighbours_match_ip_neigh_show) {
  if (HasFatalFailure()) return;
  expect_same("neigh show", [&] {
    const std::vector<rtnl::Link> links = dump<rtnl::Link>();
    // `ip neigh show` leaves out NOARP entries (multicast, the bridge's own).
    std::vector<rtnl::Neighbour> shown;
    for (rtnl::Neighbour& neighbour : dump<rtnl::Neighbour>())
      if (!neighbour.state.contains(rtnl::NeighbourState::noarp)) shown.push_back(std::move(neighbour));
    return neighbours_json(shown, LinkNames(links));
  });
}

TEST_F(FormatIproute2, ipv4_and_ipv6_rules_match_ip_rule_show) {
  if (HasFatalFailure()) return;
  expect_same("rule show", [&] { return rules_json(dump<rtnl::Rule>({.family = AF_INET})); });
  expect_same("-6 rule show", [&] { return rules_json(dump<rtnl::Rule>({.family = AF_INET6})); });
}

}  // namespace
}  // namespace nlpp::format
