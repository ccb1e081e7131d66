// Bad routes are refused before anything is sent, with the field named.
#include <nlpp/rtnl/route.hpp>

#include "support/rtnl_values.hpp"

#include <gtest/gtest.h>

#include <linux/icmpv6.h>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::prefix;

// The context of the error validate() returns ("" when it accepts the route).
std::string refusal(const Route& route) {
  const Result<void> valid = ObjectTraits<Route>::validate(route);
  if (valid) return "";
  EXPECT_EQ(valid.error().code(), make_error_code(errc::invalid_argument));
  return valid.error().context();
}

TEST(RouteValidate, accepts_an_ordinary_route) {
  EXPECT_EQ(refusal(Route{.dst = prefix("10.0.0.0/8"), .gateway = ip("192.0.2.1")}), "");
}

TEST(RouteValidate, refuses_a_prefix_longer_than_the_address) {
  const Route route{.dst = IpPrefix{ip("10.0.0.0"), 33}};
  EXPECT_EQ(refusal(route), "route dst: prefix length 33 is more than 32");
}

TEST(RouteValidate, refuses_host_bits_past_the_prefix_length) {
  EXPECT_EQ(refusal(Route{.dst = IpPrefix{ip("10.0.0.1"), 8}}),
            "route dst: '10.0.0.1/8' has bits set past its prefix length");
}

TEST(RouteValidate, refuses_a_route_whose_family_cannot_be_told) {
  EXPECT_EQ(refusal(Route{.oif = 1}).rfind("route family:", 0), 0u);
}

TEST(RouteValidate, refuses_an_ipv4_gateway_on_an_ipv6_route) {
  const Route route{.dst = prefix("2001:db8::/64"), .gateway = ip("192.0.2.1")};
  EXPECT_EQ(refusal(route).rfind("route gateway:", 0), 0u);
}

TEST(RouteValidate, accepts_an_ipv6_gateway_on_an_ipv4_route) {
  EXPECT_EQ(refusal(Route{.dst = prefix("10.0.0.0/8"), .gateway = ip("2001:db8::1")}), "");
}

TEST(RouteValidate, refuses_a_router_preference_on_an_ipv4_route) {
  EXPECT_EQ(refusal(Route{.pref = ICMPV6_ROUTER_PREF_HIGH, .dst = prefix("10.0.0.0/8")}).rfind("route pref:", 0), 0u);
}

TEST(RouteValidate, refuses_an_mpls_label_of_more_than_20_bits) {
  Route route{.family = AF_MPLS, .gateway = ip("192.0.2.1")};
  route.extras.edit().label = 1u << 20;
  EXPECT_EQ(refusal(route), "route label: label 1048576 does not fit in 20 bits (at most 1048575)");
  route.extras.edit().label = 100;
  route.extras.edit().newdst = {200, 2000000};
  EXPECT_EQ(refusal(route), "route newdst: label 2000000 does not fit in 20 bits (at most 1048575)");
}

TEST(RouteValidate, refuses_swapped_labels_on_an_ip_route) {
  Route route{.dst = prefix("10.0.0.0/8")};
  route.extras.edit().newdst = {200};
  EXPECT_EQ(refusal(route), "route newdst: only MPLS routes swap labels");
}

TEST(RouteValidate, refuses_an_mpls_route_without_its_label_or_in_another_table) {
  Route route{.family = AF_MPLS};
  EXPECT_EQ(refusal(route), "route label: an MPLS route needs its incoming label");
  route.extras.edit().label = 100;
  route.table = 100;
  EXPECT_EQ(refusal(route), "route table: MPLS routes live in the main table only");
}

TEST(RouteValidate, refuses_multipath_weights_outside_1_to_256) {
  Route route{.dst = prefix("10.0.0.0/8")};
  route.extras.edit().multipath = {{.gateway = ip("192.0.2.1"), .weight = 1},
                                   {.gateway = ip("192.0.2.2"), .weight = 257}};
  EXPECT_EQ(refusal(route), "route multipath[1] weight: 257 is not from 1 to 256");
  route.extras.edit().multipath[1].weight = 0;
  EXPECT_EQ(refusal(route), "route multipath[1] weight: 0 is not from 1 to 256");
}

TEST(RouteValidate, refuses_a_nexthop_object_with_a_gateway_of_its_own) {
  const Route route{.dst = prefix("10.0.0.0/8"), .gateway = ip("192.0.2.1"), .nh_id = 10};
  EXPECT_EQ(refusal(route).rfind("route nh_id:", 0), 0u);
}

TEST(RouteValidate, refuses_an_mpls_encap_without_labels) {
  Route route{.dst = prefix("10.0.0.0/8"), .oif = 1};
  route.extras.edit().encap = MplsEncap{};
  EXPECT_EQ(refusal(route), "route encap: mpls encap needs at least one label");
  route.extras.edit().encap = MplsEncap{.labels = {1u << 20}};
  EXPECT_EQ(refusal(route), "route encap labels: label 1048576 does not fit in 20 bits (at most 1048575)");
}

TEST(RouteValidate, refuses_a_seg6_segment_that_is_not_ipv6) {
  Route route{.dst = prefix("2001:db8::/64"), .oif = 1};
  route.extras.edit().encap = Seg6Encap{.srh = {.segments = {ip("192.0.2.1")}}};
  EXPECT_EQ(refusal(route), "route encap srh: segment '192.0.2.1' is not an IPv6 address");
}

TEST(RouteValidate, refuses_a_bpf_program_without_its_fd) {
  Route route{.dst = prefix("10.0.0.0/8"), .oif = 1};
  route.extras.edit().encap = BpfEncap{.in = BpfProgram{.name = "counter"}};
  EXPECT_EQ(refusal(route).rfind("route encap in:", 0), 0u);
}

}  // namespace
}  // namespace nlpp::rtnl
