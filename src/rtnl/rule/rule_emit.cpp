// Rule -> RTM_NEWRULE / RTM_DELRULE, as `ip rule` sends it with arguments
// in this order: not from to pref tos fwmark/mask realms table
// suppress_prefixlength suppress_ifgroup iif oif l3mdev uidrange ipproto
// sport dport tun_id protocol goto (the action).
#include <nlpp/rtnl/rule.hpp>

#include "../attribute_codec.hpp"
#include "../object_codec.hpp"
#include "rule_defaults.hpp"

namespace nlpp::rtnl {

static_assert(sizeof(UidRange) == sizeof(fib_rule_uid_range) && sizeof(PortRange) == sizeof(fib_rule_port_range),
              "UidRange and PortRange are sent as the kernel's structs");

void ObjectTraits<Rule>::emit(const Rule& rule, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  const bool adding = type == RTM_NEWRULE;
  const uint32_t table = adding ? codec::table_to_add(rule) : rule.table;
  fib_rule_hdr header{};
  header.family = rule.resolved_family();
  header.dst_len = rule.dst.length;
  header.src_len = rule.src.length;
  header.tos = rule.tos;
  // Above 255 the id goes in FRA_TABLE alone, as iproute2 sends it.
  header.table = static_cast<uint8_t>(table < 256 ? table : RT_TABLE_UNSPEC);
  header.action = static_cast<uint8_t>(adding ? codec::action_to_add(rule) : rule.action);
  // FIB_RULE_UNRESOLVED, *_DETACHED... are the kernel's state.
  header.flags = rule.flags & (FIB_RULE_INVERT | FIB_RULE_FIND_SADDR);
  builder.begin_message(type, flags).append_header(header);

  if (!rule.src.address.empty()) builder.add(FRA_SRC, rule.src.address.bytes());
  if (!rule.dst.address.empty()) builder.add(FRA_DST, rule.dst.address.bytes());
  if (rule.priority) builder.add_u32(FRA_PRIORITY, *rule.priority);
  if (rule.fwmark) builder.add_u32(FRA_FWMARK, *rule.fwmark);
  if (rule.fwmask) builder.add_u32(FRA_FWMASK, *rule.fwmask);
  if (rule.flow != 0) builder.add_u32(FRA_FLOW, rule.flow);
  if (table > 255) builder.add_u32(FRA_TABLE, table);
  if (rule.suppress_prefixlen) builder.add_u32(FRA_SUPPRESS_PREFIXLEN, *rule.suppress_prefixlen);
  if (rule.suppress_ifgroup) builder.add_u32(FRA_SUPPRESS_IFGROUP, *rule.suppress_ifgroup);
  if (!rule.iifname.empty()) builder.add_string(FRA_IIFNAME, rule.iifname);
  if (!rule.oifname.empty()) builder.add_string(FRA_OIFNAME, rule.oifname);
  if (rule.l3mdev) builder.add_u8(FRA_L3MDEV, 1);
  if (rule.uid_range) builder.add_struct(FRA_UID_RANGE, *rule.uid_range);
  if (rule.ip_proto != 0) builder.add_u8(FRA_IP_PROTO, rule.ip_proto);
  if (rule.sport) builder.add_struct(FRA_SPORT_RANGE, *rule.sport);
  if (rule.dport) builder.add_struct(FRA_DPORT_RANGE, *rule.dport);
  if (rule.tun_id) builder.add_be64(FRA_TUN_ID, *rule.tun_id);
  if (rule.protocol != RTPROT_UNSPEC) builder.add_u8(FRA_PROTOCOL, rule.protocol);
  if (rule.goto_target) builder.add_u32(FRA_GOTO, *rule.goto_target);
  detail::emit_unknown(rule.unknown, builder);
}

uint8_t Rule::resolved_family() const noexcept {
  if (family != AF_UNSPEC) return family;
  if (!src.address.empty()) return static_cast<uint8_t>(src.address.family());
  if (!dst.address.empty()) return static_cast<uint8_t>(dst.address.family());
  return AF_INET;
}

}  // namespace nlpp::rtnl
