// RTM_NEWNEXTHOP <-> Nexthop through the nexthop's table (nexthop_table.hpp);
// RTM_GETNEXTHOP and RTM_DELNEXTHOP carry the id alone, the only attribute
// the kernel takes there.
#include <nlpp/rtnl/nexthop.hpp>

#include "rtnl/nexthop/nexthop_table.hpp"

namespace nlpp::rtnl {

Result<Nexthop> ObjectTraits<Nexthop>::parse(const wire::Message& message) {
  Nexthop nexthop;
  // NHA_GROUP is read once NHA_OP_FLAGS, which comes after it, has said how.
  std::optional<wire::Attribute> group;
  std::optional<wire::Attribute> op_flags;
  const auto keep = [&](const wire::Attribute& attribute) {
    if (attribute.type() == NHA_GROUP)
      group = attribute;
    else if (attribute.type() == nha_op_flags)  // how the reply is encoded, not part of the nexthop
      op_flags = attribute;
    else
      codec::keep_unknown(nexthop.unknown, attribute);
  };
  Result<nhmsg> header =
      codec::parse_message<nexthop_fields, nhmsg>(message, nexthop, name, codec::ErrorNaming::attribute_type, keep);
  if (!header) return std::move(header).error();
  // Reported only, so not in the table: a nexthop asked for without a
  // gateway reads back with link scope, and is what was asked for.
  nexthop.scope = header->nh_scope;
  uint32_t op_flag_bits = 0;
  if (op_flags && !codec::read(*op_flags, op_flag_bits)) return codec::bad_attribute(name, *op_flags);
  // The high byte of a weight is real in a reply whose NHA_OP_FLAGS says the
  // kernel zeroed the reserved bytes (older kernels left them undefined),
  // and in a request, which a kernel that knows it reads it from.
  const bool high_weights =
      (op_flag_bits & op_flag_resp_grp_resvd_0) != 0 || (message.flags() & NLM_F_REQUEST) != 0;
  if (group && !read_group(*group, high_weights, nexthop.group)) return codec::bad_attribute("nexthop group", *group);
  if (Result<void> decoded = decode_encap(nexthop.encap); !decoded) return std::move(decoded).error();
  return nexthop;
}

void ObjectTraits<Nexthop>::emit(const Nexthop& nexthop, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  nhmsg header{};
  if (type != RTM_NEWNEXTHOP) {
    builder.begin_message(type, flags).append_header(header).add_u32(NHA_ID, nexthop.id);
    return;
  }
  header.nh_family = nexthop.resolved_family();
  header.nh_protocol = nexthop.protocol;
  // RTNH_F_ONLINK is the one flag the kernel takes; the rest is its state.
  header.nh_flags = nexthop.flags & RTNH_F_ONLINK;
  builder.begin_message(type, flags).append_header(header);
  codec::emit_attributes<nexthop_fields>(nexthop, builder);
  codec::emit_unknown(nexthop.unknown, builder);
}

void ResilientNest::diff(std::string_view name, const std::optional<ResilientGroup>& before,
                         const std::optional<ResilientGroup>& after, FieldDiff& diff) const {
  const auto text = [](const std::optional<ResilientGroup>& group) {
    if (!group) return std::string();
    return "buckets " + std::to_string(group->buckets.value_or(0)) + " idle_timer " +
           std::to_string(group->idle_timer.value_or(0)) + " unbalanced_timer " +
           std::to_string(group->unbalanced_timer.value_or(0));
  };
  diff.field(name, text(before), text(after));
}

std::string to_string(NexthopGroupType type) {
  switch (type) {
    case NexthopGroupType::mpath:
      return "mpath";
    case NexthopGroupType::resilient:
      return "resilient";
  }
  return std::to_string(static_cast<uint16_t>(type));
}

uint8_t Nexthop::resolved_family() const noexcept {
  if (family != AF_UNSPEC) return family;
  if (!gateway.empty()) return static_cast<uint8_t>(gateway.family());
  return group.empty() ? AF_INET : AF_UNSPEC;
}

}  // namespace nlpp::rtnl
