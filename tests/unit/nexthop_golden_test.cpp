// Nexthop objects against messages captured from iproute2 and the kernel
// (tests/data/golden/capture_routes.py).
#include <nlpp/rtnl/nexthop.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

namespace nlpp::rtnl {
namespace {

using test::differing_fields;
using test::expect_golden;

constexpr uint32_t veth0 = 3;  // its ifindex in the capture namespace

TEST(NexthopGolden, gateway_nexthop_matches_ip_nexthop_and_is_reported_with_link_scope) {
  const Nexthop sent{.id = 1, .oif = veth0, .gateway = IpAddress::parse("192.0.2.2").value()};
  Nexthop parsed = sent;
  parsed.family = AF_INET;
  const Nexthop dumped = expect_golden("nexthop_gateway", sent, parsed);
  EXPECT_EQ(differing_fields(parsed, dumped), std::vector<std::string>{});
  EXPECT_EQ(dumped.scope, RT_SCOPE_LINK);
}

TEST(NexthopGolden, blackhole_nexthop_is_sent_as_ipv4) {
  const Nexthop sent{.id = 3, .blackhole = true};
  Nexthop parsed = sent;
  parsed.family = AF_INET;
  EXPECT_EQ(expect_golden("nexthop_blackhole", sent, parsed), parsed);
}

TEST(NexthopGolden, group_weights_are_sent_minus_one_and_read_back) {
  const Nexthop sent{.id = 10, .group = {{.id = 1}, {.id = 2, .weight = 3}}};
  const Nexthop dumped = expect_golden("nexthop_group", sent, sent);
  EXPECT_EQ(dumped.group, sent.group);
  // The kernel names the default type; NHA_OP_FLAGS is read, not kept.
  EXPECT_EQ(dumped.group_type, NexthopGroupType::mpath);
  EXPECT_TRUE(dumped.unknown.empty());
}

TEST(NexthopGolden, resilient_group_with_buckets_and_idle_timer_matches_ip_nexthop) {
  const Nexthop sent{.id = 11,
                     .group = {{.id = 1}, {.id = 2}},
                     .group_type = NexthopGroupType::resilient,
                     .resilient = ResilientGroup{.buckets = 8, .idle_timer = 6000}};
  const Nexthop dumped = expect_golden("nexthop_resilient", sent, sent);
  EXPECT_EQ(dumped.resilient,
            (ResilientGroup{.buckets = 8, .idle_timer = 6000, .unbalanced_timer = 0, .unbalanced_time = 0}));
}

}  // namespace
}  // namespace nlpp::rtnl
