// Routes against messages captured from iproute2 and the kernel
// (tests/data/golden/capture_routes.py): nlpp sends the bytes `ip route add`
// sends, parses them back, and reads the kernel's dump of each route.
#include <nlpp/rtnl/route.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <linux/icmpv6.h>

namespace nlpp::rtnl {
namespace {

using test::expect_golden;
using test::expect_request;
using test::ip;
using test::prefix;

constexpr uint32_t veth0 = 3;  // its ifindex in the capture namespace

// What `ip route add` fills in for a route that does not say: AF_INET,
// proto boot, unicast, main table, and the scope it computes.
Route as_ip_sends(Route route, uint8_t family, uint8_t scope) {
  route.family = family;
  route.protocol = route.protocol == RTPROT_UNSPEC ? uint8_t{RTPROT_BOOT} : route.protocol;
  route.type = route.type == RouteType::unspec ? RouteType::unicast : route.type;
  route.table = route.table == RT_TABLE_UNSPEC ? uint32_t{RT_TABLE_MAIN} : route.table;
  route.scope = scope;
  return route;
}

TEST(RouteGolden, table_1000_with_locked_mtu_advmss_and_hoplimit_matches_ip_route) {
  Route sent{.dst = prefix("198.51.100.0/24"),
             .gateway = ip("192.0.2.254"),
             .prefsrc = ip("192.0.2.1"),
             .table = 1000,
             .priority = 5,
             .oif = veth0};
  RouteMetrics& metrics = sent.extras.edit().metrics;
  metrics.mtu = 1400;
  metrics.advmss = 1360;
  metrics.hoplimit = 32;
  metrics.locked = RouteMetrics::lock_bit(RTAX_MTU);
  const Route parsed = as_ip_sends(sent, AF_INET, RT_SCOPE_UNIVERSE);
  const Route dumped = expect_golden("route_table1000", sent, parsed);
  // The kernel sends rtm_table 252 (RT_TABLE_COMPAT) and the id in RTA_TABLE.
  EXPECT_EQ(dumped, parsed);
  EXPECT_TRUE(dumped.extras->metrics.is_locked(RTAX_MTU));
}

TEST(RouteGolden, multipath_with_weights_matches_ip_route) {
  Route sent{.dst = prefix("203.0.113.0/24")};
  sent.extras.edit().multipath = {{.gateway = ip("192.0.2.2"), .ifindex = veth0, .weight = 1},
                                  {.gateway = ip("192.0.2.3"), .ifindex = veth0, .weight = 3}};
  const Route parsed = as_ip_sends(sent, AF_INET, RT_SCOPE_UNIVERSE);
  EXPECT_EQ(expect_golden("route_multipath", sent, parsed), parsed);
}

TEST(RouteGolden, ipv6_gateway_of_an_ipv4_route_goes_in_rta_via) {
  const Route sent{.dst = prefix("198.51.100.128/25"), .gateway = ip("2001:db8::2"), .oif = veth0};
  const Route parsed = as_ip_sends(sent, AF_INET, RT_SCOPE_UNIVERSE);
  const Route dumped = expect_golden("route_via_inet6", sent, parsed);
  EXPECT_EQ(dumped.gateway, ip("2001:db8::2"));
  EXPECT_EQ(dumped.family, AF_INET);
}

TEST(RouteGolden, blackhole_route_with_protocol_static_matches_ip_route) {
  const Route sent{.type = RouteType::blackhole, .protocol = RTPROT_STATIC, .dst = prefix("10.9.0.0/16"), .table = 100};
  const Route parsed = as_ip_sends(sent, AF_INET, RT_SCOPE_UNIVERSE);
  EXPECT_EQ(expect_golden("route_blackhole", sent, parsed), parsed);
}

TEST(RouteGolden, ipv6_route_with_metric_and_high_preference_matches_ip_route) {
  const Route sent{.pref = ICMPV6_ROUTER_PREF_HIGH,
                   .dst = prefix("2001:db8:1::/64"),
                   .gateway = ip("2001:db8::2"),
                   .priority = 100,
                   .oif = veth0};
  const Route parsed = as_ip_sends(sent, AF_INET6, RT_SCOPE_UNIVERSE);
  const Route dumped = expect_golden("route_ipv6", sent, parsed);
  // The all-zero RTA_CACHEINFO the kernel adds to IPv6 routes is not kept.
  EXPECT_EQ(dumped, parsed);
  EXPECT_FALSE(dumped.extras.allocated());
}

TEST(RouteGolden, ip_tunnel_encap_matches_ip_route) {
  Route sent{.dst = prefix("10.10.0.0/24"), .oif = veth0};
  sent.extras.edit().encap = IpEncap{.id = 10, .dst = ip("198.51.100.1"), .ttl = 64};
  const Route parsed = as_ip_sends(sent, AF_INET, RT_SCOPE_LINK);
  const Route dumped = expect_golden("route_encap_ip", sent, parsed);
  // The kernel reports every field of the tunnel key.
  EXPECT_EQ(*dumped.extras->encap,
            Encap(IpEncap{.id = 10, .dst = ip("198.51.100.1"), .src = ip("0.0.0.0"), .ttl = 64, .tos = 0, .flags = 0}));
}

TEST(RouteGolden, seg6_encap_lists_segments_in_travel_order) {
  Route sent{.dst = prefix("2001:db8:2::/64"), .oif = veth0};
  sent.extras.edit().encap =
      Seg6Encap{.mode = Seg6Mode::encap, .srh = {.segments = {ip("2001:db8::10"), ip("2001:db8::11")}}};
  const Route parsed = as_ip_sends(sent, AF_INET6, RT_SCOPE_UNIVERSE);
  const Route dumped = expect_golden("route_seg6", sent, parsed);
  EXPECT_EQ(dumped.extras->encap, parsed.extras->encap);
  EXPECT_EQ(to_string(*dumped.extras->encap), "seg6 mode encap segs 2001:db8::10,2001:db8::11");
}

TEST(RouteGolden, seg6local_end_dx6_matches_ip_route) {
  Route sent{.dst = prefix("2001:db8:3::1/128"), .oif = veth0};
  sent.extras.edit().encap = Seg6LocalEncap{.action = Seg6LocalAction::end_dx6, .nh6 = ip("2001:db8::2")};
  const Route parsed = as_ip_sends(sent, AF_INET6, RT_SCOPE_UNIVERSE);
  const Route dumped = expect_golden("route_seg6local", sent, parsed);
  EXPECT_EQ(dumped.extras->encap, parsed.extras->encap);
  EXPECT_EQ(dumped.priority, 1024u);
}

TEST(RouteGolden, route_through_a_nexthop_group_is_reported_with_its_paths) {
  const Route sent{.dst = prefix("10.20.0.0/24"), .nh_id = 10};
  const Route parsed = as_ip_sends(sent, AF_INET, RT_SCOPE_UNIVERSE);
  const Route dumped = expect_golden("route_nh_id", sent, parsed);
  EXPECT_EQ(dumped.nh_id, 10u);
  // net.ipv4.nexthop_compat_mode (1 by default) adds the group's paths.
  ASSERT_EQ(dumped.extras->multipath.size(), 2u);
  EXPECT_EQ(dumped.extras->multipath[1].weight, 3);
}

// The MPLS captures are ip's requests only: the build machines' kernel has no
// MPLS routing (the guest tier's kernel tests send them for real).

TEST(RouteGolden, mpls_route_swapping_its_label_for_two_matches_ip_route) {
  Route sent{.family = AF_MPLS, .gateway = ip("192.0.2.2"), .oif = veth0};
  sent.extras.edit().label = 100;
  sent.extras.edit().newdst = {200, 300};
  expect_request("route_mpls_swap", sent, as_ip_sends(sent, AF_MPLS, RT_SCOPE_UNIVERSE));
}

TEST(RouteGolden, mpls_multipath_with_ipv4_and_ipv6_next_hops_matches_ip_route) {
  Route sent{.family = AF_MPLS};
  sent.extras.edit().label = 101;
  sent.extras.edit().multipath = {{.gateway = ip("192.0.2.2"), .ifindex = veth0, .newdst = {201}},
                                  {.gateway = ip("2001:db8::2"), .ifindex = veth0}};
  expect_request("route_mpls_multipath", sent, as_ip_sends(sent, AF_MPLS, RT_SCOPE_UNIVERSE));
}

TEST(RouteGolden, mpls_encap_pushing_two_labels_matches_ip_route) {
  Route sent{.dst = prefix("10.30.0.0/24"), .gateway = ip("192.0.2.2"), .oif = veth0};
  sent.extras.edit().encap = MplsEncap{.labels = {100, 200}, .ttl = 10};
  expect_request("route_mpls_encap", sent, as_ip_sends(sent, AF_INET, RT_SCOPE_UNIVERSE));
}

}  // namespace
}  // namespace nlpp::rtnl
