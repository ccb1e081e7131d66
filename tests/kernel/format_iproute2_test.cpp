// The format layer against iproute2 itself: a topology in a fresh namespace
// (a bridge with a veth port, a vxlan and a macvlan, IPv4 and IPv6
// addresses, a multipath route with metrics, a neighbour, rules), dumped
// through nlpp and formatted, and `ip -j -d ... show` of the same state;
// both parsed and compared object by object, key by key.
#include <nlpp/format/json.hpp>

#include "support/ip_route_fixture.hpp"
#include "support/iproute2.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace nlpp::format {
namespace {

using nlohmann::json;

// Timers count down between the two dumps: both must be numbers, the
// values may differ.
const std::set<std::string> timers = {"hello_timer", "tcn_timer",         "topology_change_timer", "gc_timer",
                                      "hold_timer",  "message_age_timer", "forward_delay_timer"};

// Every difference between iproute2's value and nlpp's, as "path: ..." lines.
void compare(const json& expected, const json& actual, const std::string& path, std::vector<std::string>& out) {
  if (expected.is_object() && actual.is_object()) {
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key))
        out.push_back(path + "." + key + ": missing in nlpp (ip has " + value.dump() + ")");
      else if (timers.count(key) && !(value.is_number() && actual[key].is_number()))
        out.push_back(path + "." + key + ": a timer that is not a number on both sides");
      else if (!timers.count(key))
        compare(value, actual[key], path + "." + key, out);
    }
    for (const auto& [key, value] : actual.items())
      if (!expected.contains(key)) out.push_back(path + "." + key + ": only in nlpp (" + value.dump() + ")");
  } else if (expected.is_array() && actual.is_array()) {
    if (expected.size() != actual.size()) {
      out.push_back(path + ": ip has " + expected.dump() + ", nlpp " + actual.dump());
      return;
    }
    for (size_t i = 0; i < expected.size(); ++i)
      compare(expected[i], actual[i], path + "[" + std::to_string(i) + "]", out);
  } else if (expected != actual) {
    out.push_back(path + ": ip has " + expected.dump() + ", nlpp " + actual.dump());
  }
}

class FormatIproute2 : public test::IPRouteTest {
 protected:
  void SetUp() override {
    IPRouteTest::SetUp();
    if (HasFatalFailure()) return;
    // No duplicate address detection, so IPv6 addresses are not "tentative"
    // in one dump and settled in the other.
    test::ip_netns("exec " + ns_name() +
                   " sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0");
    ip_commands({
        "link add br0 type bridge",
        "link add v0 type veth peer name v1",
        "link set v0 master br0",
        "link set br0 up",
        "link set v0 up",
        "link set v1 up",
        "link add vx0 type vxlan id 42 dstport 4789 local 10.0.0.1 ttl 64 dev br0",
        "link add link v1 name mv0 type macvlan mode bridge",
        "link set dev br0 alias the-bridge",
        "addr add 10.0.0.1/24 brd + dev br0",
        "addr add 2001:db8::1/64 dev br0 nodad",
        "addr add 10.1.0.1/24 dev v1",
        "addr add 10.9.0.1 peer 10.9.0.2/32 dev v1 metric 20",
        "route add 198.51.100.0/24 metric 100 mtu lock 1400 advmss 1360 "
        "nexthop via 10.0.0.2 dev br0 weight 1 nexthop via 10.1.0.2 dev v1 weight 3",
        "route add 2001:db8:5::/48 via 2001:db8::2 dev br0 metric 50",
        "route add blackhole 203.0.113.0/24 table 100 proto static",
        "neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev br0 nud permanent",
        "neigh add 2001:db8::2 lladdr 02:00:00:00:00:03 dev br0 router nud permanent",
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

  // Compares nlpp's document with ip's. Kernel state can move between the
  // two dumps (a port's STP state, a link's operstate), so a difference
  // is looked at again a few times before it counts.
  template <class Format>
  void expect_same(std::string_view ip_args, Format nlpp_json) {
    std::vector<std::string> differences;
    size_t objects = 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
      const json expected = test::ip_json(ns_name(), ip_args);
      const json actual = json::parse(nlpp_json());
      differences.clear();
      compare(expected, actual, std::string(ip_args), differences);
      objects = expected.size();
      if (differences.empty()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    EXPECT_GT(objects, 0u) << ip_args;
    std::string report;
    for (const std::string& difference : differences) report += difference + "\n";
    EXPECT_TRUE(differences.empty()) << report;
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
