// A rule's identity (RuleKey), its differences from another rule, and dumps.
#include <nlpp/rtnl/route_type.hpp>
#include <nlpp/rtnl/rule.hpp>

#include "rule_defaults.hpp"
#include "rule_table.hpp"

namespace nlpp::rtnl {
namespace {

IpPrefix normalized(const IpPrefix& prefix) { return prefix.length == 0 ? IpPrefix{} : prefix; }

}  // namespace

std::string to_string(RuleAction action) {
  switch (action) {
    case RuleAction::to_tbl:
      return "lookup";  // `ip rule` prints "lookup main"
    case RuleAction::goto_:
      return "goto";
    case RuleAction::nop:
      return "nop";
    default:
      // iproute2 names every other action by the route type of the same
      // number (rtnl_rtntype_n2a()): the drop actions are the drop types.
      static_assert(static_cast<int>(RuleAction::blackhole) == static_cast<int>(RouteType::blackhole) &&
                    static_cast<int>(RuleAction::unreachable) == static_cast<int>(RouteType::unreachable) &&
                    static_cast<int>(RuleAction::prohibit) == static_cast<int>(RouteType::prohibit));
      return std::string(to_string(static_cast<RouteType>(action)));
  }
}

std::string PortRange::to_string() const { return std::to_string(start) + "-" + std::to_string(end); }

std::string UidRange::to_string() const { return std::to_string(start) + "-" + std::to_string(end); }

ObjectTraits<Rule>::Key ObjectTraits<Rule>::key(const Rule& rule) {
  // fib_nl2rule(): a non-zero mark alone compares all its bits.
  const uint32_t fwmark = rule.fwmark.value_or(0);
  return RuleKey{.family = rule.resolved_family(),
                 .priority = rule.priority.value_or(0),
                 .action = action_to_add(rule),
                 .table = table_to_add(rule),
                 .src = normalized(rule.src),
                 .dst = normalized(rule.dst),
                 .tos = rule.tos,
                 .flow = rule.flow,
                 .iifname = rule.iifname,
                 .oifname = rule.oifname,
                 .fwmark = fwmark,
                 .fwmask = rule.fwmask.value_or(fwmark != 0 ? UINT32_MAX : 0),
                 .tun_id = rule.tun_id.value_or(0),
                 .l3mdev = rule.l3mdev,
                 .uid_range = rule.uid_range,
                 .ip_proto = rule.ip_proto,
                 .sport = rule.sport,
                 .dport = rule.dport,
                 .suppress_prefixlen = rule.suppress_prefixlen,
                 .suppress_ifgroup = rule.suppress_ifgroup,
                 .protocol = rule.protocol};
}

std::vector<FieldChange> ObjectTraits<Rule>::diff(const Rule& before, const Rule& after) {
  FieldDiff diff;
  codec::diff_fields<rule_fields>(before, after, diff);
  return std::move(diff).take();
}

void ObjectTraits<Rule>::emit_dump_request(const Filter& filter, wire::MessageBuilder& builder) {
  // Strict checking refuses anything but the family in a rule dump request.
  fib_rule_hdr header{};
  header.family = filter.family;
  builder.begin_message(RTM_GETRULE, 0).append_header(header);
}

bool ObjectTraits<Rule>::matches(const Filter& filter, const Rule& rule) {
  return (filter.family == AF_UNSPEC || rule.family == filter.family) &&
         (!filter.table || rule.table == *filter.table) &&
         (!filter.priority || rule.priority.value_or(0) == *filter.priority) &&
         (!filter.action || rule.action == *filter.action) && (!filter.protocol || rule.protocol == *filter.protocol) &&
         (!filter.iifname || rule.iifname == *filter.iifname);
}

}  // namespace nlpp::rtnl
