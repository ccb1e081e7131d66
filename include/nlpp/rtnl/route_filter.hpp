// Which routes a dump returns. The kernel filters what strict checking lets
// it (ip_valid_fib_dump_req: table, protocol, type, output link, cloned);
// ObjectTraits<Route>::matches() checks every field again, so a filter means
// the same thing on a kernel, or a socket, without strict checking.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/route_type.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <sys/socket.h>

#include <cstdint>
#include <optional>

namespace nlpp::rtnl {

/// Selects routes; a default-constructed filter selects every route.
struct RouteFilter {
  /// rtm_family: AF_INET, AF_INET6, AF_MPLS, or AF_UNSPEC for all. The
  /// kernel filters by table and type only in an AF_INET or AF_INET6 dump:
  /// MPLS refuses those filters, and an AF_UNSPEC dump reaches MPLS too, so
  /// there nlpp filters them itself.
  uint8_t family = AF_UNSPEC;
  /// Only this table (RTA_TABLE). A table that does not exist holds no
  /// route: the kernel's ENOENT ("FIB table does not exist") is an empty
  /// result.
  std::optional<uint32_t> table{};
  std::optional<uint8_t> protocol{};  ///< only routes installed by this RTPROT_* (rtm_protocol)
  std::optional<RouteType> type{};    ///< only this rtm_type
  /// Only routes with a next hop through this ifindex (RTA_OIF; the kernel
  /// answers ENODEV for a link that does not exist). A route that uses a
  /// nexthop object matches when the kernel reports the object's link with
  /// it, which it does unless net.ipv4.nexthop_compat_mode is 0.
  LinkRef oif{};
  std::optional<uint8_t> scope{};      ///< only this rtm_scope (nlpp filters)
  std::optional<IpPrefix> dst{};       ///< only this destination prefix (nlpp filters)
  std::optional<IpAddress> gateway{};  ///< only routes with a next hop via this gateway (nlpp filters)
  std::optional<uint32_t> nh_id{};     ///< only routes using this nexthop object (nlpp filters)
  /// RTM_F_CLONED: the kernel's cached routes (exceptions: PMTU, redirects)
  /// instead of the FIB.
  bool cloned = false;
};

/// The link a filter names (link_resolution.hpp resolves it).
template <SameOrConst<RouteFilter> F, class Visit>
void visit_links(F& filter, Visit&& visit) {
  visit(filter.oif);
}

}  // namespace nlpp::rtnl
