// Route dumps: the request carries what the kernel filters itself under
// strict checking; matches() applies the whole filter again.
#include <nlpp/rtnl/route.hpp>

#include <algorithm>
#include <cerrno>

namespace nlpp::rtnl {
namespace {

// ip_valid_fib_dump_req() (IPv4, IPv6, multicast) takes table, type and
// cloned; MPLS refuses them, and an AF_UNSPEC dump reaches MPLS too.
bool kernel_filters_table_and_type(uint8_t family) { return family == AF_INET || family == AF_INET6; }

bool uses_link(const Route& route, uint32_t ifindex) {
  if (route.oif == ifindex) return true;
  const std::vector<RouteNexthop>& hops = route.extras->multipath;
  if (std::any_of(hops.begin(), hops.end(), [&](const RouteNexthop& hop) { return hop.ifindex == ifindex; }))
    return true;
  // A route through a nexthop object reports no link of its own when
  // net.ipv4.nexthop_compat_mode is 0: the kernel already chose it.
  return route.nh_id != 0 && route.oif == 0 && hops.empty();
}

bool uses_gateway(const Route& route, const IpAddress& gateway) {
  const std::vector<RouteNexthop>& hops = route.extras->multipath;
  return route.gateway == gateway ||
         std::any_of(hops.begin(), hops.end(), [&](const RouteNexthop& hop) { return hop.gateway == gateway; });
}

}  // namespace

void ObjectTraits<Route>::emit_dump_request(const Filter& filter, wire::MessageBuilder& builder) {
  const bool full = kernel_filters_table_and_type(filter.family);
  rtmsg header{};
  header.rtm_family = filter.family;
  header.rtm_protocol = filter.protocol.value_or(RTPROT_UNSPEC);
  if (full && filter.type) header.rtm_type = static_cast<unsigned char>(*filter.type);
  if (full && filter.cloned) header.rtm_flags = RTM_F_CLONED;
  builder.begin_message(RTM_GETROUTE, 0).append_header(header);
  if (full && filter.table) builder.add_u32(RTA_TABLE, *filter.table);
  if (filter.oif != 0) builder.add_u32(RTA_OIF, filter.oif);
}

bool ObjectTraits<Route>::matches(const Filter& filter, const Route& route) {
  return (filter.family == AF_UNSPEC || route.family == filter.family) &&
         (!filter.table || route.table == *filter.table) && (!filter.protocol || route.protocol == *filter.protocol) &&
         (!filter.type || route.type == *filter.type) && (filter.oif == 0 || uses_link(route, filter.oif)) &&
         (!filter.scope || route.scope == filter.scope) && (!filter.dst || route.dst == *filter.dst) &&
         (!filter.gateway || uses_gateway(route, *filter.gateway)) && (!filter.nh_id || route.nh_id == *filter.nh_id) &&
         ((route.flags & RTM_F_CLONED) != 0) == filter.cloned;
}

bool ObjectTraits<Route>::is_empty_dump(const Filter& filter, const Error& error) {
  return filter.table && kernel_filters_table_and_type(filter.family) &&
         error.code() == std::error_code(ENOENT, std::system_category());
}

}  // namespace nlpp::rtnl
