// Neighbour <-> RTM_NEWNEIGH messages, through the neighbour's table
// (neighbour_table.hpp): ObjectTraits<Neighbour>::parse and emit.
#include <nlpp/rtnl/neighbour.hpp>

#include "neighbour_table.hpp"

namespace nlpp::rtnl {

Result<Neighbour> ObjectTraits<Neighbour>::parse(const wire::Message& message) {
  Neighbour neighbour;
  Result<ndmsg> header = codec::parse_message<neighbour_fields, ndmsg>(message, neighbour, name);
  if (!header) return std::move(header).error();
  if (neighbour.dst.empty()) return Error(errc::malformed_attribute, "neighbour: no NDA_DST");
  // The table reads dst's family from its size; it must be the header's.
  if (neighbour.family() != header->ndm_family) {
    Result<IpAddress> in_family = IpAddress::from_bytes(header->ndm_family, neighbour.dst.bytes());
    return codec::parse_error(name, in_family.error());
  }
  return neighbour;
}

void ObjectTraits<Neighbour>::emit(const Neighbour& neighbour, wire::MessageBuilder& builder, uint16_t type,
                                   uint16_t flags) {
  builder.begin_message(type, flags);
  if (type == get_type) {
    // neigh_valid_get_req() takes NTF_PROXY and NDA_DST only.
    const NeighbourFlags proxy = neighbour.is_proxy() ? NeighbourFlags{NeighbourFlag::proxy} : NeighbourFlags{};
    builder.append_header(request_ndmsg(neighbour.family(), neighbour.ifindex, proxy));
    builder.add(NDA_DST, neighbour.dst.bytes());
    return;
  }
  ndmsg header{};
  codec::write_header<neighbour_fields>(neighbour, header);
  header.ndm_family = static_cast<uint8_t>(neighbour.family());
  // No state: permanent, as `ip neigh add | change | replace` and pyroute2
  // send it. The kernel would make a NONE entry and drop the lladdr. (A
  // proxy entry has no state: the kernel reports and ignores NONE.)
  if (type == new_type && neighbour.state.empty() && !neighbour.is_proxy()) header.ndm_state = NUD_PERMANENT;
  builder.append_header(header);
  codec::emit_attributes<neighbour_fields>(neighbour, builder);
  codec::emit_unknown(neighbour.unknown, builder);
}

}  // namespace nlpp::rtnl
