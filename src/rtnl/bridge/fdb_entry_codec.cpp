// FdbEntry <-> AF_BRIDGE RTM_NEWNEIGH messages: ObjectTraits<FdbEntry>::parse and emit.
#include <nlpp/rtnl/fdb_entry.hpp>

#include "codec/attributes.hpp"

#include "rtnl/neighbour/ndmsg_fields.hpp"

#include <sys/socket.h>

namespace nlpp::rtnl {
namespace {

using codec::store;

// A vxlan remote is IPv4 or IPv6 in an AF_BRIDGE message: the size tells.
Result<IpAddress> remote_address(wire::Bytes bytes) {
  return IpAddress::from_bytes(bytes.size() == 4 ? AF_INET : AF_INET6, bytes);
}

Result<void> read_attribute(FdbEntry& entry, const wire::Attribute& attribute) {
  switch (attribute.type()) {
    case NDA_LLADDR:
      return store(entry.lladdr, MacAddress::from_bytes(attribute.payload()));
    case NDA_MASTER:
      return store(entry.master, attribute.u32());
    case NDA_FLAGS_EXT:
      return store(entry.ext_flags, attribute.u32());
    case NDA_NH_ID:
      return store(entry.nh_id, attribute.u32());
    case NDA_DST:
      return store(entry.dst, remote_address(attribute.payload()));
    case NDA_PORT:
      return store(entry.port, attribute.be16());
    case NDA_VNI:
      return store(entry.vni, attribute.u32());
    case NDA_IFINDEX:
      return store(entry.via_ifindex, attribute.u32());
    case NDA_SRC_VNI:
      return store(entry.src_vni, attribute.u32());
    case NDA_PROTOCOL:
      return store(entry.protocol, attribute.u8());
    case NDA_CACHEINFO:
      return detail::read_cacheinfo(entry.cacheinfo, attribute);
    case NDA_VLAN:
      return store(entry.vlan, attribute.u16());
  }
  codec::keep_unknown(entry.unknown, attribute);
  return {};
}

void add_u32(wire::MessageBuilder& builder, uint16_t type, const std::optional<uint32_t>& value) {
  if (value) builder.add_u32(type, *value);
}

}  // namespace

Result<FdbEntry> ObjectTraits<FdbEntry>::parse(const wire::Message& message) {
  Result<codec::MessageParts<ndmsg>> split = codec::split_message<ndmsg>(name, message);
  if (!split) return std::move(split).error();
  const ndmsg& header = split->header;
  if (header.ndm_family != AF_BRIDGE)
    return Error(errc::protocol_error, "fdb entry: family " + std::to_string(header.ndm_family) + " is not AF_BRIDGE");
  FdbEntry entry{.ifindex = static_cast<uint32_t>(header.ndm_ifindex),
                 .state = NeighbourStates(header.ndm_state),
                 .flags = NeighbourFlags(header.ndm_flags),
                 .type = header.ndm_type};
  Result<void> read = codec::read_each(
      name, split->attributes, [&](const wire::Attribute& attribute) { return read_attribute(entry, attribute); });
  if (!read) return std::move(read).error();
  return entry;
}

void ObjectTraits<FdbEntry>::emit(const FdbEntry& entry, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  builder.begin_message(type, flags);
  if (type == get_type) {
    // valid_fdb_get_strict(): master/self in the header; lladdr, vlan,
    // vni and master as attributes, nothing else.
    const NeighbourFlags table(entry.flags.bits() & (NTF_MASTER | NTF_SELF));
    builder.append_header(detail::make_ndmsg(AF_BRIDGE, entry.ifindex, {}, table, 0));
    builder.add(NDA_LLADDR, entry.lladdr.bytes());
    if (entry.vlan) builder.add_u16(NDA_VLAN, *entry.vlan);
    add_u32(builder, NDA_VNI, entry.vni);
    return;
  }
  builder.append_header(detail::make_ndmsg(AF_BRIDGE, entry.ifindex, entry.state, entry.flags, entry.type));
  // fdb_fill_info() (bridge) and vxlan_fdb_info() (vxlan) agree on this order.
  builder.add(NDA_LLADDR, entry.lladdr.bytes());
  add_u32(builder, NDA_MASTER, entry.master);
  if (entry.ext_flags) builder.add_u32(NDA_FLAGS_EXT, entry.ext_flags->bits());
  add_u32(builder, NDA_NH_ID, entry.nh_id);
  if (entry.dst) builder.add(NDA_DST, entry.dst->bytes());
  if (entry.port) builder.add_be16(NDA_PORT, *entry.port);
  add_u32(builder, NDA_VNI, entry.vni);
  add_u32(builder, NDA_IFINDEX, entry.via_ifindex);
  add_u32(builder, NDA_SRC_VNI, entry.src_vni);
  if (entry.protocol) builder.add_u8(NDA_PROTOCOL, *entry.protocol);
  detail::add_cacheinfo(builder, entry.cacheinfo);
  if (entry.vlan) builder.add_u16(NDA_VLAN, *entry.vlan);
  codec::emit_unknown(entry.unknown, builder);
}

}  // namespace nlpp::rtnl
