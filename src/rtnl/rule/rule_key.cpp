// A rule's identity (RuleKey), its differences from another rule, and dumps.
#include <nlpp/rtnl/rule.hpp>

#include "../attribute_codec.hpp"
#include "rule_defaults.hpp"

namespace nlpp::rtnl {
namespace {

IpPrefix normalized(const IpPrefix& prefix) { return prefix.length == 0 ? IpPrefix{} : prefix; }

std::string text_of(const std::optional<PortRange>& range) {
  return range ? std::to_string(range->start) + "-" + std::to_string(range->end) : "";
}

std::string text_of(const std::optional<UidRange>& range) {
  return range ? std::to_string(range->start) + "-" + std::to_string(range->end) : "";
}

}  // namespace

ObjectTraits<Rule>::Key ObjectTraits<Rule>::key(const Rule& rule) {
  // fib_nl2rule(): a non-zero mark alone compares all its bits.
  const uint32_t fwmark = rule.fwmark.value_or(0);
  return RuleKey{.family = rule.resolved_family(),
                 .priority = rule.priority.value_or(0),
                 .action = codec::action_to_add(rule),
                 .table = codec::table_to_add(rule),
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
  diff.field("family", before.family, after.family)
      .field("action", static_cast<unsigned>(before.action), static_cast<unsigned>(after.action))
      .field("table", before.table, after.table)
      .field("priority", before.priority, after.priority)
      .field("flags", before.flags, after.flags)
      .field("src", before.src, after.src)
      .field("dst", before.dst, after.dst)
      .field("tos", before.tos, after.tos)
      .field("iifname", before.iifname, after.iifname)
      .field("oifname", before.oifname, after.oifname)
      .field("fwmark", before.fwmark, after.fwmark)
      .field("fwmask", before.fwmask, after.fwmask)
      .field("tun_id", before.tun_id, after.tun_id)
      .field("l3mdev", before.l3mdev, after.l3mdev)
      .field("uid_range", text_of(before.uid_range), text_of(after.uid_range))
      .field("ip_proto", before.ip_proto, after.ip_proto)
      .field("sport", text_of(before.sport), text_of(after.sport))
      .field("dport", text_of(before.dport), text_of(after.dport))
      .field("suppress_prefixlen", before.suppress_prefixlen, after.suppress_prefixlen)
      .field("suppress_ifgroup", before.suppress_ifgroup, after.suppress_ifgroup)
      .field("goto_target", before.goto_target, after.goto_target)
      .field("flow", before.flow, after.flow)
      .field("protocol", before.protocol, after.protocol)
      .field("unknown", codec::describe_raw(before.unknown), codec::describe_raw(after.unknown));
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
