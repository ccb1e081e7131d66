// ObjectTraits<FdbEntry>: input checks, identity, diff, dumps; and append,
// the one FDB operation IpRoute has no generic form of.
#include <nlpp/rtnl/fdb_entry.hpp>

#include "fdb_entry_table.hpp"

#include <sys/socket.h>

namespace nlpp::rtnl {
namespace {

constexpr uint32_t max_vni = (1u << 24) - 1;
constexpr uint16_t max_vlan = 4094;  // 0 and 4095 are reserved (802.1Q)

Error invalid(std::string_view field, const std::string& why) {
  return Error(errc::invalid_argument, "fdb entry " + std::string(field) + ": " + why);
}

Result<void> check_vni(std::string_view field, const std::optional<uint32_t>& vni) {
  if (vni && *vni > max_vni) return invalid(field, std::to_string(*vni) + " does not fit in 24 bits");
  return {};
}

bool has_remote(const FdbEntry& entry) {
  return entry.dst || entry.port || entry.vni || entry.via_ifindex || entry.src_vni || entry.nh_id;
}

}  // namespace

Result<void> ObjectTraits<FdbEntry>::validate(const FdbEntry& entry) {
  if (entry.ifindex == 0) return invalid("ifindex", "0 names no link");
  if (entry.vlan && (*entry.vlan == 0 || *entry.vlan > max_vlan))
    return invalid("vlan", std::to_string(*entry.vlan) + " is not from 1 to " + std::to_string(max_vlan));
  if (Result<void> checked = check_vni("vni", entry.vni); !checked) return checked;
  if (Result<void> checked = check_vni("src_vni", entry.src_vni); !checked) return checked;
  // A bridge ignores them: only a device's own table (a vxlan's) has remotes.
  if (has_remote(entry) && !entry.is_self())
    return invalid("flags", "a remote (dst, port, vni, via_ifindex, src_vni, nh_id) needs flags self");
  // vxlan_fdb_parse(): "DST, VNI, ifindex and port are mutually exclusive with NH_ID".
  if (entry.nh_id && (entry.dst || entry.port || entry.vni || entry.via_ifindex))
    return invalid("nh_id", "a nexthop group excludes dst, port, vni and via_ifindex");
  return {};
}

FdbKey ObjectTraits<FdbEntry>::key(const FdbEntry& entry) {
  return {entry.ifindex,        entry.lladdr, entry.vlan.value_or(0), entry.is_self(), entry.dst.value_or(IpAddress()),
          entry.vni.value_or(0)};
}

std::vector<FieldChange> ObjectTraits<FdbEntry>::diff(const FdbEntry& before, const FdbEntry& after) {
  FieldDiff diff;
  codec::diff_fields<fdb_entry_fields>(before, after, diff);
  return std::move(diff).take();
}

void ObjectTraits<FdbEntry>::emit_dump_request(const Filter& filter, wire::MessageBuilder& builder) {
  // valid_fdb_dump_strict(): a zero header but for the port's ifindex; the
  // bridge as NDA_MASTER.
  builder.begin_message(get_type, 0).append_header(request_ndmsg(AF_BRIDGE, filter.ifindex.value_or(0), {}));
  if (filter.master) builder.add_u32(NDA_MASTER, *filter.master);
}

bool ObjectTraits<FdbEntry>::matches(const Filter& filter, const FdbEntry& entry) {
  return (!filter.ifindex || *filter.ifindex == entry.ifindex) && (!filter.vlan || filter.vlan == entry.vlan) &&
         (!filter.lladdr || *filter.lladdr == entry.lladdr) &&
         (filter.states.empty() || entry.state.intersects(filter.states)) && entry.flags.contains_all(filter.flags);
}

}  // namespace nlpp::rtnl
