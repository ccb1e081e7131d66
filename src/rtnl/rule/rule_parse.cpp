// RTM_NEWRULE -> Rule.
#include <nlpp/rtnl/rule.hpp>

#include "../attribute_codec.hpp"
#include "../object_codec.hpp"
#include "../route/route_family.hpp"

namespace nlpp::rtnl {
namespace {

// The kernel reports "no suppress_prefixlen" as -1.
constexpr uint32_t unset = UINT32_MAX;

}  // namespace

Result<Rule> ObjectTraits<Rule>::parse(const wire::Message& message) {
  Result<codec::MessageParts<fib_rule_hdr>> parts = codec::split_message<fib_rule_hdr>(message);
  if (!parts) return std::move(parts).error();
  const fib_rule_hdr& header = parts->header;

  Rule rule;
  rule.family = header.family;
  rule.action = static_cast<RuleAction>(header.action);
  rule.table = header.table;
  rule.flags = header.flags;
  rule.tos = header.tos;
  rule.src.length = header.src_len;
  rule.dst.length = header.dst_len;
  const int family = codec::address_family(rule.family);  // multicast rules have IP addresses too
  Result<void> parsed = codec::parse_attributes("rule", parts->attributes, [&](const wire::Attribute& attribute) {
    switch (attribute.type()) {
      case FRA_SRC:
        return codec::read_address(attribute.payload(), family, rule.src.address);
      case FRA_DST:
        return codec::read_address(attribute.payload(), family, rule.dst.address);
      case FRA_TABLE:
        return codec::read(attribute, rule.table);
      case FRA_PRIORITY:
        return codec::read(attribute, rule.priority);
      case FRA_IIFNAME:
        rule.iifname = attribute.string();
        return true;
      case FRA_OIFNAME:
        rule.oifname = attribute.string();
        return true;
      case FRA_FWMARK:
        return codec::read(attribute, rule.fwmark);
      case FRA_FWMASK:
        return codec::read(attribute, rule.fwmask);
      case FRA_TUN_ID: {
        uint64_t id = 0;
        if (!codec::read(attribute, id)) return false;
        rule.tun_id = wire::network_to_host(id);
        return true;
      }
      case FRA_L3MDEV: {
        uint8_t l3mdev = 0;
        if (!codec::read(attribute, l3mdev)) return false;
        rule.l3mdev = l3mdev != 0;
        return true;
      }
      case FRA_UID_RANGE:
        return codec::read(attribute, rule.uid_range);
      case FRA_SPORT_RANGE:
        return codec::read(attribute, rule.sport);
      case FRA_DPORT_RANGE:
        return codec::read(attribute, rule.dport);
      case FRA_IP_PROTO:
        return codec::read(attribute, rule.ip_proto);
      case FRA_SUPPRESS_PREFIXLEN:
        if (!codec::read(attribute, rule.suppress_prefixlen)) return false;
        if (rule.suppress_prefixlen == unset) rule.suppress_prefixlen.reset();
        return true;
      case FRA_SUPPRESS_IFGROUP:
        if (!codec::read(attribute, rule.suppress_ifgroup)) return false;
        if (rule.suppress_ifgroup == unset) rule.suppress_ifgroup.reset();
        return true;
      case FRA_GOTO:
        return codec::read(attribute, rule.goto_target);
      case FRA_FLOW:
        return codec::read(attribute, rule.flow);
      case FRA_PROTOCOL:
        return codec::read(attribute, rule.protocol);
      case FRA_PAD:
        return true;  // aligns FRA_TUN_ID; no content
      default:
        detail::keep_unknown(rule.unknown, attribute);
        return true;
    }
  });
  if (!parsed) return std::move(parsed).error();
  return rule;
}

}  // namespace nlpp::rtnl
