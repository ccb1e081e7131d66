// Rules against the kernel, each test in a fresh namespace with a veth
// pair: every selector and every action, IPv4 and IPv6, added and deleted
// through nlpp, read back through nlpp and `ip -j -d rule show`; and the
// kernel's errors.
#include <nlpp/rtnl/rule.hpp>

#include "kernel/route_fixture.hpp"
#include "support/iproute2.hpp"

#include <gtest/gtest.h>

#include <netinet/in.h>

#include <cerrno>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::kernel_error;
using test::prefix;

class Rules : public test::RoutingTest {
 protected:
  void add(const Rule& rule) {
    Result<io::Ack> added = ip_route().add(rule);
    ASSERT_TRUE(added) << added.error().describe();
  }

  // The rule of this priority, through nlpp.
  Rule dumped(uint8_t family, uint32_t priority) {
    const std::vector<Rule> rules = ip_route().dump<Rule>({.family = family, .priority = priority}).value();
    EXPECT_EQ(rules.size(), 1u);
    return rules.empty() ? Rule{} : rules.front();
  }

  // The rule of this priority, through `ip -j -d [-6] rule show`.
  nlohmann::json shown(uint32_t priority, std::string_view family = "") {
    for (const nlohmann::json& rule : test::ip_json(ns_name(), std::string(family) + " rule show"))
      if (rule["priority"] == priority) return rule;
    ADD_FAILURE() << "ip shows no rule of priority " << priority;
    return nullptr;
  }
};

TEST_F(Rules, rule_with_every_selector_reads_back_through_nlpp_and_ip) {
  const Rule rule{.table = 1000,
                  .priority = 100,
                  .src = prefix("10.0.0.0/8"),
                  .dst = prefix("192.0.2.0/24"),
                  .tos = 0x10,
                  .iifname = "veth0",
                  .fwmark = 0x10,
                  .fwmask = 0xff,
                  .uid_range = UidRange{100, 200},
                  .ip_proto = IPPROTO_TCP,
                  .sport = PortRange{1000, 2000},
                  .dport = PortRange{80, 80},
                  .suppress_prefixlen = 8,
                  .suppress_ifgroup = 5,
                  .protocol = RTPROT_STATIC};
  add(rule);

  const Rule read = dumped(AF_INET, 100);
  EXPECT_EQ(ObjectTraits<Rule>::key(read), ObjectTraits<Rule>::key(rule));
  EXPECT_EQ(read.table, 1000u);
  EXPECT_EQ(read.uid_range, rule.uid_range);
  EXPECT_EQ(read.sport, rule.sport);

  const nlohmann::json shown_rule = shown(100);
  EXPECT_EQ(shown_rule["src"], "10.0.0.0");
  EXPECT_EQ(shown_rule["srclen"], 8);
  EXPECT_EQ(shown_rule["dst"], "192.0.2.0");
  EXPECT_EQ(shown_rule["dstlen"], 24);
  EXPECT_EQ(shown_rule["tos"], "0x10");
  EXPECT_EQ(shown_rule["iif"], "veth0");
  EXPECT_EQ(shown_rule["fwmark"], "0x10");
  EXPECT_EQ(shown_rule["fwmask"], "0xff");
  EXPECT_EQ(shown_rule["uid_start"], 100);
  EXPECT_EQ(shown_rule["uid_end"], 200);
  EXPECT_EQ(shown_rule["ipproto"], "tcp");
  EXPECT_EQ(shown_rule["sport_start"], 1000);
  EXPECT_EQ(shown_rule["sport_end"], 2000);
  EXPECT_EQ(shown_rule["dport"], 80);
  EXPECT_EQ(shown_rule["table"], "1000");
  EXPECT_EQ(shown_rule["suppress_prefixlen"], 8);
  EXPECT_EQ(shown_rule["suppress_ifgroup"], "5");
  EXPECT_EQ(shown_rule["protocol"], "static");
}

TEST_F(Rules, inverted_rule_with_oif_tun_id_and_realms) {
  add(Rule{.table = 7,
           .priority = 14,
           .flags = FIB_RULE_INVERT,
           .src = prefix("10.0.0.0/8"),
           .oifname = "veth0",
           .tun_id = 42,
           .flow = 5});
  const Rule read = dumped(AF_INET, 14);
  EXPECT_EQ(read.flags & FIB_RULE_INVERT, uint32_t{FIB_RULE_INVERT});
  EXPECT_EQ(read.oifname, "veth0");
  EXPECT_EQ(read.tun_id, 42u);
  EXPECT_EQ(read.flow, 5u);
  const nlohmann::json shown_rule = shown(14);
  EXPECT_TRUE(shown_rule.contains("not"));
  EXPECT_EQ(shown_rule["oif"], "veth0");
  EXPECT_EQ(shown_rule["tun_id"], 42);
  EXPECT_EQ(shown_rule["flow_to"], "5");
}

TEST_F(Rules, every_action_reads_back_through_nlpp_and_ip) {
  add(Rule{.action = RuleAction::goto_, .priority = 10, .goto_target = 20});
  add(Rule{.action = RuleAction::nop, .priority = 20});
  add(Rule{.action = RuleAction::blackhole, .priority = 21});
  add(Rule{.action = RuleAction::unreachable, .priority = 22});
  add(Rule{.action = RuleAction::prohibit, .priority = 23});

  const Rule jump = dumped(AF_INET, 10);
  EXPECT_EQ(jump.action, RuleAction::goto_);
  EXPECT_EQ(jump.goto_target, 20u);
  // Its target exists, so the kernel does not flag it unresolved.
  EXPECT_EQ(jump.flags & FIB_RULE_UNRESOLVED, 0u);
  EXPECT_EQ(shown(10)["goto"], 20);
  EXPECT_EQ(dumped(AF_INET, 20).action, RuleAction::nop);
  EXPECT_TRUE(shown(20).contains("nop"));
  const std::pair<uint32_t, std::string> drops[] = {{21, "blackhole"}, {22, "unreachable"}, {23, "prohibit"}};
  for (const auto& [priority, action] : drops) EXPECT_EQ(shown(priority)["action"], action);
  EXPECT_EQ(dumped(AF_INET, 23).action, RuleAction::prohibit);
}

TEST_F(Rules, l3mdev_rule_takes_the_table_of_the_vrf) {
  add(Rule{.priority = 1000, .l3mdev = true});
  EXPECT_TRUE(dumped(AF_INET, 1000).l3mdev);
  EXPECT_TRUE(shown(1000).contains("l3mdev"));
}

TEST_F(Rules, ipv6_rule_with_a_table_above_255) {
  add(Rule{.table = 100000, .priority = 15, .src = prefix("2001:db8::/32")});
  const Rule read = dumped(AF_INET6, 15);
  EXPECT_EQ(read.family, AF_INET6);
  EXPECT_EQ(read.table, 100000u);
  EXPECT_EQ(read.src, prefix("2001:db8::/32"));
  const nlohmann::json shown_rule = shown(15, "-6");
  EXPECT_EQ(shown_rule["table"], "100000");
  EXPECT_EQ(shown_rule["src"], "2001:db8::");
  EXPECT_EQ(shown_rule["srclen"], 32);
}

TEST_F(Rules, deleting_by_priority_removes_the_rule) {
  add(Rule{.table = 100, .priority = 50, .src = prefix("10.0.0.0/8")});
  Result<io::Ack> deleted = ip_route().del(Rule{.priority = 50});
  ASSERT_TRUE(deleted) << deleted.error().describe();
  EXPECT_TRUE(ip_route().dump<Rule>({.family = AF_INET, .priority = 50}).value().empty());
}

TEST_F(Rules, adding_a_rule_twice_fails_with_eexist_and_deleting_a_missing_one_with_enoent) {
  const Rule rule{.table = 100, .priority = 50, .src = prefix("10.0.0.0/8")};
  add(rule);
  Result<io::Ack> again = ip_route().add(rule);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), kernel_error(EEXIST));
  Result<io::Ack> deleted = ip_route().del(Rule{.priority = 99});
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().code(), kernel_error(ENOENT));
}

TEST_F(Rules, backward_goto_is_refused_with_an_extended_ack) {
  // validate() catches it when both priorities are known; without the
  // rule's own priority only the kernel can tell.
  Result<io::Ack> added = ip_route().add(Rule{.action = RuleAction::goto_, .goto_target = 1});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), kernel_error(EINVAL));
  EXPECT_EQ(added.error().ext_ack().message, "Backward goto not supported");
}

}  // namespace
}  // namespace nlpp::rtnl
