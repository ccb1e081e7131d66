// FdbEntry <-> AF_BRIDGE RTM_NEWNEIGH messages, through the entry's table
// (fdb_entry_table.hpp): ObjectTraits<FdbEntry>::parse and emit.
#include <nlpp/rtnl/fdb_entry.hpp>

#include "fdb_entry_table.hpp"

#include <sys/socket.h>

namespace nlpp::rtnl {

Result<FdbEntry> ObjectTraits<FdbEntry>::parse(const wire::Message& message) {
  FdbEntry entry;
  Result<ndmsg> header = codec::parse_message<fdb_entry_fields, ndmsg>(message, entry, name);
  if (!header) return std::move(header).error();
  if (header->ndm_family != AF_BRIDGE)
    return Error(errc::protocol_error, "fdb entry: family " + std::to_string(header->ndm_family) + " is not AF_BRIDGE");
  return entry;
}

void ObjectTraits<FdbEntry>::emit(const FdbEntry& entry, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  builder.begin_message(type, flags);
  if (type == get_type) {
    // valid_fdb_get_strict(): master/self in the header; lladdr, vlan,
    // vni and master as attributes, nothing else.
    const NeighbourFlags table(entry.flags.bits() & (NTF_MASTER | NTF_SELF));
    builder.append_header(request_ndmsg(AF_BRIDGE, entry.ifindex, table));
    builder.add(NDA_LLADDR, entry.lladdr.bytes());
    if (entry.vlan) builder.add_u16(NDA_VLAN, *entry.vlan);
    if (entry.vni) builder.add_u32(NDA_VNI, *entry.vni);
    return;
  }
  ndmsg header{};
  codec::write_header<fdb_entry_fields>(entry, header);
  header.ndm_family = AF_BRIDGE;
  // bridge fdb add | del: no table named (and none reported) is the
  // device's own (the kernel would refuse a device that is not a bridge
  // port with a bare EINVAL); no state is "permanent" (NOARP|PERMANENT).
  if (entry.is_self()) header.ndm_flags = static_cast<uint8_t>(header.ndm_flags | NTF_SELF);
  if (type == new_type && entry.state.empty()) header.ndm_state = NUD_NOARP | NUD_PERMANENT;
  builder.append_header(header);
  codec::emit_attributes<fdb_entry_fields>(entry, builder);
  codec::emit_unknown(entry.unknown, builder);
}

}  // namespace nlpp::rtnl
