// Neighbour <-> RTM_NEWNEIGH messages: ObjectTraits<Neighbour>::parse and emit.
#include <nlpp/rtnl/neighbour.hpp>

#include "codec/attributes.hpp"

#include "ndmsg_fields.hpp"

namespace nlpp::rtnl {
namespace {

using codec::store;

Result<void> read_attribute(Neighbour& neighbour, int family, const wire::Attribute& attribute) {
  switch (attribute.type()) {
    case NDA_DST:
      return store(neighbour.dst, IpAddress::from_bytes(family, attribute.payload()));
    case NDA_LLADDR:
      // Other sizes (tunnels' NBMA addresses, InfiniBand's 20 bytes) stay raw.
      if (attribute.payload().size() != 6) break;
      return store(neighbour.lladdr, MacAddress::from_bytes(attribute.payload()));
    case NDA_PROBES:
      return store(neighbour.probes, attribute.u32());
    case NDA_CACHEINFO:
      return detail::read_cacheinfo(neighbour.cacheinfo, attribute);
    case NDA_PROTOCOL:
      return store(neighbour.protocol, attribute.u8());
    case NDA_FLAGS_EXT:
      return store(neighbour.ext_flags, attribute.u32());
  }
  codec::keep_unknown(neighbour.unknown, attribute);
  return {};
}

}  // namespace

Result<Neighbour> ObjectTraits<Neighbour>::parse(const wire::Message& message) {
  Result<codec::MessageParts<ndmsg>> split = codec::split_message<ndmsg>(name, message);
  if (!split) return std::move(split).error();
  const ndmsg& header = split->header;
  Neighbour neighbour{.ifindex = static_cast<uint32_t>(header.ndm_ifindex),
                      .state = NeighbourStates(header.ndm_state),
                      .flags = NeighbourFlags(header.ndm_flags),
                      .type = header.ndm_type};
  Result<void> read = codec::read_each(name, split->attributes, [&](const wire::Attribute& attribute) {
    return read_attribute(neighbour, header.ndm_family, attribute);
  });
  if (!read) return std::move(read).error();
  if (neighbour.dst.empty()) return Error(errc::malformed_attribute, "neighbour: no NDA_DST");
  return neighbour;
}

void ObjectTraits<Neighbour>::emit(const Neighbour& neighbour, wire::MessageBuilder& builder, uint16_t type,
                                   uint16_t flags) {
  builder.begin_message(type, flags);
  if (type == get_type) {
    // neigh_valid_get_req() takes NTF_PROXY and NDA_DST only.
    const NeighbourFlags proxy = neighbour.is_proxy() ? NeighbourFlags{NeighbourFlag::proxy} : NeighbourFlags{};
    builder.append_header(detail::make_ndmsg(neighbour.family(), neighbour.ifindex, {}, proxy, 0));
    builder.add(NDA_DST, neighbour.dst.bytes());
    return;
  }
  builder.append_header(
      detail::make_ndmsg(neighbour.family(), neighbour.ifindex, neighbour.state, neighbour.flags, neighbour.type));
  // neigh_fill_info()'s order.
  builder.add(NDA_DST, neighbour.dst.bytes());
  if (neighbour.lladdr) builder.add(NDA_LLADDR, neighbour.lladdr->bytes());
  if (neighbour.probes) builder.add_u32(NDA_PROBES, *neighbour.probes);
  detail::add_cacheinfo(builder, neighbour.cacheinfo);
  if (neighbour.protocol) builder.add_u8(NDA_PROTOCOL, *neighbour.protocol);
  if (neighbour.ext_flags) builder.add_u32(NDA_FLAGS_EXT, neighbour.ext_flags->bits());
  codec::emit_unknown(neighbour.unknown, builder);
}

}  // namespace nlpp::rtnl
