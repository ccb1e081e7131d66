// Rules against messages captured from iproute2 and the kernel
// (tests/data/golden/capture_routes.py).
#include <nlpp/rtnl/rule.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <netinet/in.h>

namespace nlpp::rtnl {
namespace {

using test::differing_fields;
using test::expect_golden;
using test::prefix;

// What `ip rule add` fills in: the family and, for to_tbl, the action.
Rule as_ip_sends(Rule rule, uint8_t family) {
  rule.family = family;
  if (rule.action == RuleAction::unspec) rule.action = RuleAction::to_tbl;
  return rule;
}

TEST(RuleGolden, every_selector_kind_matches_ip_rule) {
  const Rule sent{.table = 1000,
                  .priority = 100,
                  .src = prefix("10.0.0.0/8"),
                  .dst = prefix("192.0.2.0/24"),
                  .iifname = "veth0",
                  .fwmark = 0x10,
                  .fwmask = 0xff,
                  .uid_range = UidRange{100, 200},
                  .ip_proto = IPPROTO_TCP,
                  .sport = PortRange{1000, 2000},
                  .dport = PortRange{80, 80}};
  const Rule parsed = as_ip_sends(sent, AF_INET);
  const Rule dumped = expect_golden("rule_selectors", sent, parsed);
  // Linux 6.15+ adds FRA_DPORT_MASK for a port range; it is kept as it came.
  const std::vector<std::string> extra =
      dumped.unknown.empty() ? std::vector<std::string>{} : std::vector<std::string>{"unknown"};
  EXPECT_EQ(differing_fields(parsed, dumped), extra);
}

TEST(RuleGolden, goto_rule_is_reported_unresolved_until_its_target_exists) {
  const Rule sent{.action = RuleAction::goto_, .priority = 200, .goto_target = 300};
  const Rule dumped = expect_golden("rule_goto", sent, as_ip_sends(sent, AF_INET));
  EXPECT_EQ(dumped.flags, uint32_t{FIB_RULE_UNRESOLVED});
  EXPECT_EQ(dumped.goto_target, 300u);
}

TEST(RuleGolden, suppress_prefixlength_zero_is_sent_and_read_back) {
  const Rule sent{.table = RT_TABLE_MAIN, .priority = 300, .suppress_prefixlen = 0};
  const Rule dumped = expect_golden("rule_suppress", sent, as_ip_sends(sent, AF_INET));
  EXPECT_EQ(dumped.suppress_prefixlen, 0u);
  EXPECT_EQ(dumped.table, uint32_t{RT_TABLE_MAIN});
}

TEST(RuleGolden, ipv6_blackhole_rule_matches_ip_rule) {
  const Rule sent{.action = RuleAction::blackhole, .priority = 400, .src = prefix("2001:db8::/32")};
  const Rule dumped = expect_golden("rule_ipv6_blackhole", sent, as_ip_sends(sent, AF_INET6));
  EXPECT_EQ(dumped.action, RuleAction::blackhole);
  EXPECT_FALSE(dumped.suppress_prefixlen);  // the kernel's -1
}

}  // namespace
}  // namespace nlpp::rtnl
