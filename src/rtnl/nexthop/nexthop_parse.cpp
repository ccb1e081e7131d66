// RTM_NEWNEXTHOP -> Nexthop.
#include <nlpp/rtnl/nexthop.hpp>

#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "rtnl/route/path_codec.hpp"
#include "group_codec.hpp"

namespace nlpp::rtnl {

Result<Nexthop> ObjectTraits<Nexthop>::parse(const wire::Message& message) {
  Result<codec::MessageParts<nhmsg>> parts = codec::split_message<nhmsg>(name, message);
  if (!parts) return std::move(parts).error();
  const nhmsg& header = parts->header;

  Nexthop nexthop;
  nexthop.family = header.nh_family;
  nexthop.protocol = header.nh_protocol;
  nexthop.scope = header.nh_scope;
  nexthop.flags = header.nh_flags;
  // NHA_GROUP is read once NHA_OP_FLAGS, which comes after it, has said how.
  std::optional<wire::Attribute> group;
  uint32_t op_flags = 0;
  PendingEncap encap;
  std::optional<Error> nested_error;
  Result<void> parsed = codec::parse_attributes("nexthop", parts->attributes, [&](const wire::Attribute& attribute) {
    switch (attribute.type()) {
      case NHA_ID:
        return codec::read(attribute, nexthop.id);
      case NHA_GROUP:
        group = attribute;
        return true;
      case NHA_GROUP_TYPE:
        return codec::read(attribute, nexthop.group_type);
      case NHA_RES_GROUP: {
        Result<void> read = parse_resilient_group(attribute, nexthop.resilient.emplace());
        if (!read) nested_error = std::move(read).error();
        return !nested_error;
      }
      case NHA_BLACKHOLE:
        nexthop.blackhole = true;
        return true;
      case NHA_OIF:
        return codec::read(attribute, nexthop.oif);
      case NHA_GATEWAY:
        return codec::read_address(attribute.payload(), nexthop.family, nexthop.gateway);
      case NHA_ENCAP_TYPE:
        return encap.read_type(attribute);
      case NHA_ENCAP:
        encap.set_nest(attribute);
        return true;
      case NHA_FDB:
        nexthop.fdb = true;
        return true;
      // How the reply is encoded, not part of the nexthop.
      case nha_op_flags:
        return codec::read(attribute, op_flags);
      default:
        codec::keep_unknown(nexthop.unknown, attribute);
        return true;
    }
  });
  if (nested_error) return std::move(*nested_error);
  if (!parsed) return std::move(parsed).error();
  // The high byte of a weight is real in a reply whose NHA_OP_FLAGS says the
  // kernel zeroed the reserved bytes (older kernels left them undefined),
  // and in a request, which a kernel that knows it reads it from.
  const bool high_weights =
      (op_flags & op_flag_resp_grp_resvd_0) != 0 || (message.flags() & NLM_F_REQUEST) != 0;
  if (group && !read_group(*group, high_weights, nexthop.group))
    return codec::bad_attribute("nexthop group", *group);
  if (Result<void> decoded = encap.decode(nexthop.encap); !decoded) return std::move(decoded).error();
  return nexthop;
}

}  // namespace nlpp::rtnl
