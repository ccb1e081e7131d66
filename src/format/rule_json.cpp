// Rules as `ip -j -d rule show` (ip/iprule.c print_rule()) prints them,
// member for member in its order.
#include <nlpp/format/json.hpp>

#include "iproute2_words.hpp"
#include "json_fields.hpp"

#include <linux/fib_rules.h>

namespace nlpp::format {
namespace {

using namespace detail;

// "from" / "to": the address, and its length when not a host's.
void write_selector(JsonWriter& json, const nlpp::IpPrefix& prefix, int family, std::string_view key,
                    std::string_view length_key, bool all_when_empty) {
  const uint8_t host_length = family == AF_INET6 ? 128 : 32;
  if (!prefix.address.empty()) {
    text_field(json, key, prefix.address.to_string());
    if (prefix.length != host_length) number_field(json, length_key, prefix.length);
  } else if (prefix.length != 0) {
    text_field(json, key, "0");
    number_field(json, length_key, prefix.length);
  } else if (all_when_empty) {
    text_field(json, key, "all");
  }
}

void write_ports(JsonWriter& json, const std::optional<rtnl::PortRange>& range, std::string_view key) {
  if (!range) return;
  const std::string name(key);
  if (range->start == range->end) {
    number_field(json, name, range->start);
  } else {
    number_field(json, name + "_start", range->start);
    number_field(json, name + "_end", range->end);
  }
}

void write_table(JsonWriter& json, const rtnl::Rule& rule) {
  if (rule.table == RT_TABLE_UNSPEC) return;
  text_field(json, "table", table_name(rule.table));
  if (rule.suppress_prefixlen && *rule.suppress_prefixlen != 0xffffffff)
    number_field(json, "suppress_prefixlen", static_cast<int32_t>(*rule.suppress_prefixlen));
  if (rule.suppress_ifgroup && *rule.suppress_ifgroup != 0xffffffff)
    text_field(json, "suppress_ifgroup",
               *rule.suppress_ifgroup == 0 ? std::string("default") : std::to_string(*rule.suppress_ifgroup));
}

void write_action(JsonWriter& json, const rtnl::Rule& rule) {
  switch (rule.action) {
    case rtnl::RuleAction::goto_:
      if (rule.goto_target)
        number_field(json, "goto", *rule.goto_target);
      else
        text_field(json, "goto", "none");
      if (rule.flags & FIB_RULE_UNRESOLVED) null_field(json, "unresolved");
      break;
    case rtnl::RuleAction::nop:
      null_field(json, "nop");
      break;
    case rtnl::RuleAction::to_tbl:
      break;
    default:  // the drop actions ("blackhole", "unreachable", "prohibit"), or a number
      text_field(json, "action", rtnl::to_string(rule.action));
  }
}

}  // namespace

void write_rule(JsonWriter& json, const rtnl::Rule& rule) {
  const int family = rule.resolved_family();
  json.begin_object();
  number_field(json, "priority", rule.priority.value_or(0));
  if (rule.flags & FIB_RULE_INVERT) null_field(json, "not");
  write_selector(json, rule.src, family, "src", "srclen", true);
  write_selector(json, rule.dst, family, "dst", "dstlen", false);
  if (rule.tos != 0) {
    char tos[8];
    std::snprintf(tos, sizeof tos, "0x%02x", rule.tos);
    text_field(json, "tos", tos);
  }
  if (rule.fwmark || rule.fwmask) {
    text_field(json, "fwmark", hex_0x(rule.fwmark.value_or(0)));
    if (rule.fwmask && *rule.fwmask != 0xffffffff) text_field(json, "fwmask", hex_0x(*rule.fwmask));
  }
  if (!rule.iifname.empty()) {
    text_field(json, "iif", rule.iifname);
    if (rule.flags & FIB_RULE_IIF_DETACHED) null_field(json, "iif_detached");
  }
  if (!rule.oifname.empty()) {
    text_field(json, "oif", rule.oifname);
    if (rule.flags & FIB_RULE_OIF_DETACHED) null_field(json, "oif_detached");
  }
  if (rule.l3mdev) null_field(json, "l3mdev");
  if (rule.uid_range) {
    number_field(json, "uid_start", rule.uid_range->start);
    number_field(json, "uid_end", rule.uid_range->end);
  }
  if (rule.ip_proto != 0) text_field(json, "ipproto", ip_protocol_name(rule.ip_proto));
  write_ports(json, rule.sport, "sport");
  write_ports(json, rule.dport, "dport");
  if (rule.tun_id) number_field(json, "tun_id", *rule.tun_id);
  write_table(json, rule);
  if (rule.flow != 0) {
    const auto realm = [](uint32_t value) { return value == 0 ? std::string("unknown") : std::to_string(value); };
    if (rule.flow >> 16) text_field(json, "flow_from", realm(rule.flow >> 16));
    text_field(json, "flow_to", realm(rule.flow & 0xffff));
  }
  write_action(json, rule);
  text_field(json, "protocol", protocol_name(rule.protocol));
  json.end_object();
}

std::string rules_json(std::span<const rtnl::Rule> rules) {
  return json_array(rules, [](JsonWriter& json, const rtnl::Rule& rule) { write_rule(json, rule); });
}

}  // namespace nlpp::format
