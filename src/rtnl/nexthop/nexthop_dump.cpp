// Nexthop dumps, and the differences between two nexthops.
#include <nlpp/rtnl/nexthop.hpp>

#include "rtnl/nexthop/nexthop_table.hpp"

namespace nlpp::rtnl {

void ObjectTraits<Nexthop>::emit_dump_request(const Filter& filter, wire::MessageBuilder& builder) {
  // The kernel refuses a dump request with anything but the family set in
  // the header (strict checking).
  nhmsg header{};
  header.nh_family = filter.family;
  builder.begin_message(RTM_GETNEXTHOP, 0).append_header(header);
  if (filter.oif != 0) builder.add_u32(NHA_OIF, filter.oif);
  if (filter.master != 0) builder.add_u32(NHA_MASTER, filter.master);
  if (filter.groups) builder.add_flag(NHA_GROUPS);
  if (filter.fdb) builder.add_flag(NHA_FDB);
}

bool ObjectTraits<Nexthop>::matches(const Filter& filter, const Nexthop& nexthop) {
  const bool is_group = !nexthop.group.empty();
  // Like the kernel: filtering by family or link leaves groups out.
  if ((filter.family != AF_UNSPEC || filter.oif != 0 || filter.master != 0) && is_group) return false;
  return (filter.family == AF_UNSPEC || nexthop.family == filter.family) &&
         (filter.oif == 0 || nexthop.oif == filter.oif) && (!filter.groups || is_group) && (!filter.fdb || nexthop.fdb);
}

std::vector<FieldChange> ObjectTraits<Nexthop>::diff(const Nexthop& before, const Nexthop& after) {
  FieldDiff diff;
  codec::diff_fields<nexthop_fields>(before, after, diff);
  return std::move(diff).take();
}

}  // namespace nlpp::rtnl
