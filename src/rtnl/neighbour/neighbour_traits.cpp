// ObjectTraits<Neighbour>: input checks, identity, diff, and dumps.
#include <nlpp/rtnl/neighbour.hpp>

#include "neighbour_table.hpp"

namespace nlpp::rtnl {
namespace {

Error invalid(std::string_view field, const std::string& why) {
  return Error(errc::invalid_argument, "neighbour " + std::string(field) + ": " + why);
}

}  // namespace

Result<void> ObjectTraits<Neighbour>::validate(const Neighbour& neighbour) {
  if (neighbour.dst.empty()) return invalid("dst", "no address set");
  if (neighbour.is_proxy()) {
    if (neighbour.lladdr) return invalid("lladdr", "a proxy entry answers with the link's own address");
    return {};
  }
  if (neighbour.ifindex == 0) return invalid("ifindex", "0 names no link (only a proxy entry may have none)");
  // neigh_add(): "Invalid NTF_* flag for permanent entry".
  const bool managed = neighbour.ext_flags && neighbour.ext_flags->contains(NeighbourExtFlag::managed);
  if (managed && neighbour.state.contains(NeighbourState::permanent))
    return invalid("ext_flags", "a managed entry cannot be permanent");
  return {};
}

NeighbourKey ObjectTraits<Neighbour>::key(const Neighbour& neighbour) {
  return {neighbour.family(), neighbour.ifindex, neighbour.dst, neighbour.is_proxy()};
}

std::vector<FieldChange> ObjectTraits<Neighbour>::diff(const Neighbour& before, const Neighbour& after) {
  FieldDiff diff;
  codec::diff_fields<neighbour_fields>(before, after, diff);
  return std::move(diff).take();
}

void ObjectTraits<Neighbour>::emit_dump_request(const Filter& filter, wire::MessageBuilder& builder) {
  // neigh_valid_dump_req() under strict checking: only the family and
  // NTF_PROXY in the header, the link and master as attributes.
  const NeighbourFlags proxy = filter.proxies ? NeighbourFlags{NeighbourFlag::proxy} : NeighbourFlags{};
  builder.begin_message(get_type, 0).append_header(request_ndmsg(filter.family, 0, proxy));
  if (filter.ifindex) builder.add_u32(NDA_IFINDEX, *filter.ifindex);
  if (filter.master) builder.add_u32(NDA_MASTER, *filter.master);
}

bool ObjectTraits<Neighbour>::matches(const Filter& filter, const Neighbour& neighbour) {
  return (filter.family == AF_UNSPEC || filter.family == neighbour.family()) &&
         (!filter.ifindex || *filter.ifindex == neighbour.ifindex) && filter.proxies == neighbour.is_proxy() &&
         (filter.states.empty() || neighbour.state.intersects(filter.states)) &&
         neighbour.flags.contains_all(filter.flags);
}

}  // namespace nlpp::rtnl
