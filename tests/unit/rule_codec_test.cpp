// Rules beyond the captures: checks before sending, keys, filters, tables
// above 255, every action.
#include <nlpp/rtnl/rule.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

namespace nlpp::rtnl {
namespace {

using test::prefix;
using test::reparsed;

std::string refusal(const Rule& rule) {
  const Result<void> valid = ObjectTraits<Rule>::validate(rule);
  return valid ? "" : valid.error().context();
}

TEST(RuleValidate, refuses_a_goto_without_target_and_a_backward_goto) {
  EXPECT_EQ(refusal(Rule{.action = RuleAction::goto_, .priority = 10}).rfind("rule goto_target:", 0), 0u);
  EXPECT_EQ(refusal(Rule{.action = RuleAction::goto_, .priority = 10, .goto_target = 5}).rfind("rule goto_target:", 0),
            0u);
}

TEST(RuleValidate, refuses_an_interface_name_of_16_bytes) {
  EXPECT_EQ(refusal(Rule{.table = 100, .iifname = "sixteen-letters!"}),
            "rule iifname: 'sixteen-letters!' is longer than 15 bytes");
}

TEST(RuleValidate, refuses_l3mdev_with_a_table_and_a_reversed_port_range) {
  EXPECT_EQ(refusal(Rule{.table = 100, .l3mdev = true}).rfind("rule l3mdev:", 0), 0u);
  EXPECT_EQ(refusal(Rule{.table = 100, .sport = PortRange{200, 100}}), "rule sport: the range starts after it ends");
}

TEST(RuleValidate, refuses_a_source_of_the_other_family) {
  EXPECT_EQ(refusal(Rule{.family = AF_INET6, .table = 100, .src = prefix("10.0.0.0/8")}),
            "rule src: '10.0.0.0/8' is not of the rule's family");
}

TEST(RuleCodec, every_action_and_a_table_above_255_round_trip) {
  for (const RuleAction action :
       {RuleAction::to_tbl, RuleAction::nop, RuleAction::blackhole, RuleAction::unreachable, RuleAction::prohibit}) {
    const Rule rule{.family = AF_INET6,
                    .action = action,
                    .table = 100000,
                    .priority = 5,
                    .oifname = "veth0",
                    .tun_id = 42,
                    .suppress_ifgroup = 3,
                    .protocol = RTPROT_STATIC};
    EXPECT_EQ(reparsed(rule), rule) << static_cast<int>(action);
  }
  const Rule l3mdev{.family = AF_INET, .action = RuleAction::to_tbl, .priority = 1000, .l3mdev = true};
  EXPECT_EQ(reparsed(l3mdev), l3mdev);
}

TEST(RuleCodec, adding_without_a_table_looks_up_main_as_ip_rule_does) {
  wire::MessageBuilder builder;
  ObjectTraits<Rule>::emit(Rule{.src = prefix("10.0.0.0/8")}, builder, RTM_NEWRULE, 0);
  const fib_rule_hdr header = wire::Message(builder.bytes()).fixed_header<fib_rule_hdr>().value();
  EXPECT_EQ(header.table, RT_TABLE_MAIN);
  EXPECT_EQ(header.action, FR_ACT_TO_TBL);
  EXPECT_EQ(header.family, AF_INET);
}

TEST(RuleCodec, deleting_leaves_action_and_table_to_match_any) {
  wire::MessageBuilder builder;
  ObjectTraits<Rule>::emit(Rule{.priority = 100}, builder, RTM_DELRULE, 0);
  const fib_rule_hdr header = wire::Message(builder.bytes()).fixed_header<fib_rule_hdr>().value();
  EXPECT_EQ(header.table, RT_TABLE_UNSPEC);
  EXPECT_EQ(header.action, FR_ACT_UNSPEC);
}

TEST(RuleKey, a_lone_fwmark_compares_all_its_bits_and_flags_do_not_count) {
  const Rule lone{.table = 100, .priority = 5, .fwmark = 0x10};
  const Rule masked{.table = 100, .priority = 5, .fwmark = 0x10, .fwmask = 0xffffffff};
  EXPECT_EQ(ObjectTraits<Rule>::key(lone), ObjectTraits<Rule>::key(masked));
  Rule inverted = lone;
  inverted.flags = FIB_RULE_INVERT;
  EXPECT_EQ(ObjectTraits<Rule>::key(lone), ObjectTraits<Rule>::key(inverted));
  Rule other_mask = lone;
  other_mask.fwmask = 0xff;
  EXPECT_NE(ObjectTraits<Rule>::key(lone), ObjectTraits<Rule>::key(other_mask));
}

TEST(RuleFilter, dump_request_carries_only_the_family) {
  wire::MessageBuilder builder;
  ObjectTraits<Rule>::emit_dump_request({.family = AF_INET6, .table = 100}, builder);
  EXPECT_EQ(wire::Message(builder.bytes()).length(), sizeof(nlmsghdr) + sizeof(fib_rule_hdr));
  EXPECT_TRUE(ObjectTraits<Rule>::matches({.table = 100}, Rule{.table = 100}));
  EXPECT_FALSE(ObjectTraits<Rule>::matches({.table = 100, .iifname = "veth0"}, Rule{.table = 100}));
}

}  // namespace
}  // namespace nlpp::rtnl
