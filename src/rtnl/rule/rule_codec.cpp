// RTM_NEWRULE <-> Rule, through the rule's table (rule_table.hpp).
#include <nlpp/rtnl/rule.hpp>

#include "rule_defaults.hpp"
#include "rule_table.hpp"

namespace nlpp::rtnl {

Result<Rule> ObjectTraits<Rule>::parse(const wire::Message& message) {
  Rule rule;
  Result<fib_rule_hdr> parsed =
      codec::parse_message<rule_fields, fib_rule_hdr>(message, rule, name, codec::ErrorNaming::attribute_type);
  if (!parsed) return std::move(parsed).error();
  return rule;
}

void ObjectTraits<Rule>::emit(const Rule& rule, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  fib_rule_hdr header{};
  codec::write_header<rule_fields>(rule, header);
  header.family = rule.resolved_family();
  if (type == RTM_NEWRULE) {
    header.action = static_cast<uint8_t>(action_to_add(rule));
    if (rule.table == RT_TABLE_UNSPEC) header.table = static_cast<uint8_t>(table_to_add(rule));
  }
  // FIB_RULE_UNRESOLVED, *_DETACHED... are the kernel's state.
  header.flags &= FIB_RULE_INVERT | FIB_RULE_FIND_SADDR;
  builder.begin_message(type, flags).append_header(header);
  codec::emit_attributes<rule_fields>(rule, builder);
  codec::emit_unknown(rule.unknown, builder);
}

uint8_t Rule::resolved_family() const noexcept {
  if (family != AF_UNSPEC) return family;
  if (!src.address.empty()) return static_cast<uint8_t>(src.address.family());
  if (!dst.address.empty()) return static_cast<uint8_t>(dst.address.family());
  return AF_INET;
}

}  // namespace nlpp::rtnl
