#include "rule_defaults.hpp"

namespace nlpp::rtnl {

RuleAction action_to_add(const Rule& rule) noexcept {
  return rule.action == RuleAction::unspec ? RuleAction::to_tbl : rule.action;
}

uint32_t table_to_add(const Rule& rule) noexcept {
  if (rule.table != RT_TABLE_UNSPEC || rule.l3mdev || action_to_add(rule) != RuleAction::to_tbl) return rule.table;
  return RT_TABLE_MAIN;
}

}  // namespace nlpp::rtnl
