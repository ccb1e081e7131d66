// Routes (RTM_NEWROUTE / RTM_DELROUTE / RTM_GETROUTE): IPv4, IPv6 and MPLS,
// every table, metrics, multipath, nexthop objects and lightweight tunnels.
//
// A route table can hold a million routes, so Route is compact (88 bytes):
// what every route has is stored inline, and everything most routes lack
// (metrics, multipath, encapsulation, MPLS labels, unknown attributes...)
// sits in RouteExtras behind one pointer that is null for an ordinary route.
// Parsing such a route allocates nothing.
//
//     Route route{.dst = "198.51.100.0/24",
//                 .gateway = "192.0.2.254", .table = 1000};
//     route.extras.edit().metrics.mtu = 1400;
//     ipr.add(route).value();
//     for (const Route& r : ipr.dump<Route>({.family = AF_INET, .table = 1000}).value()) std::cout << r << '\n';
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/route_encap.hpp>
#include <nlpp/rtnl/route_filter.hpp>
#include <nlpp/rtnl/route_metrics.hpp>
#include <nlpp/rtnl/route_nexthop.hpp>
#include <nlpp/rtnl/route_rare.hpp>
#include <nlpp/rtnl/route_type.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// RTA_CACHEINFO as the kernel reports it (struct rta_cacheinfo): usage of
/// a cached route, or the remaining lifetime of an expiring IPv6 route.
struct RouteCacheInfo {
  uint32_t clntref = 0;
  uint32_t lastuse = 0;  ///< clock ticks since last use
  int32_t expires = 0;   ///< clock ticks until the route expires; 0: never
  uint32_t error = 0;
  uint32_t used = 0;
  uint32_t id = 0;
  uint32_t ts = 0;
  uint32_t tsage = 0;

  friend bool operator==(const RouteCacheInfo&, const RouteCacheInfo&) = default;
};

/// The parts of a route that most routes lack; see Route::extras.
struct RouteExtras {
  IpPrefix src{};                         ///< rtm_src_len + RTA_SRC: IPv6 source-specific routing
  LinkRef iif{};                          ///< RTA_IIF: input link (route get replies, multicast routes); 0: none
  RouteMetrics metrics{};                 ///< RTA_METRICS
  std::vector<RouteNexthop> multipath{};  ///< RTA_MULTIPATH: the paths of a multipath route
  std::optional<Encap> encap{};           ///< RTA_ENCAP_TYPE + RTA_ENCAP
  std::optional<uint32_t> label{};        ///< AF_MPLS: the incoming label (RTA_DST)
  std::vector<uint32_t> newdst{};         ///< AF_MPLS: labels swapped in, outermost first; empty pops
  std::optional<bool> ttl_propagate{};    ///< AF_MPLS: RTA_TTL_PROPAGATE; absent: the sysctl decides
  uint32_t flow = 0;                      ///< RTA_FLOW: realms (IPv4); 0 is not sent
  std::optional<uint32_t> expires{};      ///< RTA_EXPIRES: IPv6 lifetime in seconds; sent only
  /// RTA_CACHEINFO, reported only, and kept only when it says something
  /// (the kernel sends an all-zero one with every IPv6 route).
  std::optional<RouteCacheInfo> cacheinfo{};
  std::vector<RawAttribute> unknown{};  ///< attributes nlpp does not model, sent back as they came

  friend bool operator==(const RouteExtras&, const RouteExtras&) = default;
};

/// A route. Fields left at their defaults are filled in when the route is
/// sent the way `ip route` fills them, so a route built by hand needs only
/// what makes it different; a parsed route has them all set and is sent
/// back exactly.
struct Route {
  /// rtm_family: AF_INET, AF_INET6 or AF_MPLS. AF_UNSPEC: the family of dst,
  /// else of gateway (see resolved_family()).
  uint8_t family = AF_UNSPEC;
  uint8_t tos = 0;  ///< rtm_tos (IPv4 TOS selector)
  /// rtm_type. unspec: unicast when adding, any type when deleting.
  RouteType type = RouteType::unspec;
  /// rtm_protocol, who installed the route (RTPROT_*). RTPROT_UNSPEC:
  /// RTPROT_BOOT when adding (as `ip route` does), any when deleting.
  uint8_t protocol = RTPROT_UNSPEC;
  /// rtm_scope (RT_SCOPE_*). Absent: what `ip route` picks: host for local
  /// and nat routes, link for broadcast, multicast, anycast and for unicast
  /// routes with no gateway, multipath or nexthop object, universe
  /// otherwise and for IPv6 and MPLS; when deleting, any scope.
  std::optional<uint8_t> scope{};
  std::optional<uint8_t> pref{};  ///< RTA_PREF: IPv6 router preference, ICMPV6_ROUTER_PREF_*
  IpPrefix dst{};                 ///< rtm_dst_len + RTA_DST; no address: the default route
  /// RTA_GATEWAY when of the route's family; otherwise sent as RTA_VIA (an
  /// IPv6 next hop of an IPv4 route, the next hop of an MPLS route).
  IpAddress gateway{};
  IpAddress prefsrc{};  ///< RTA_PREFSRC: the source address preferred for this route
  /// The table id (rtm_table, and RTA_TABLE above 255). RT_TABLE_UNSPEC:
  /// main, or local for local, broadcast, anycast and nat routes.
  uint32_t table = RT_TABLE_UNSPEC;
  uint32_t priority = 0;  ///< RTA_PRIORITY, the metric; 0: the kernel's default
  LinkRef oif{};          ///< RTA_OIF: output link ifindex; 0: none
  /// rtm_flags: RTNH_F_ONLINK and RTM_F_* to set; the kernel also reports
  /// its state (RTNH_F_DEAD, RTNH_F_LINKDOWN, RTM_F_OFFLOAD...), never sent back.
  uint32_t flags = 0;
  uint32_t nh_id = 0;  ///< RTA_NH_ID: the nexthop object (nexthop.hpp) the route uses; 0: none
  /// Metrics, multipath, encapsulation, MPLS labels, unknown attributes...:
  /// read with `route.extras->metrics`, change with `route.extras.edit().metrics`.
  Rare<RouteExtras> extras{};

  /// family, or the family of dst, else of gateway when family is AF_UNSPEC.
  uint8_t resolved_family() const noexcept;

  friend bool operator==(const Route&, const Route&) = default;
};

/// What the kernel identifies a route by: two routes with the same key
/// cannot both exist (NLM_F_EXCL fails with EEXIST), and replace or delete
/// find the route through it. Defaults are resolved as the kernel resolves
/// them: table 0 is main (or local), an IPv6 priority of 0 is 1024, a
/// zero-length prefix is the default route whatever its address.
/// (`ip route append` adds IPv4 routes that share a key; their next hops
/// tell them apart.)
struct RouteKey {
  uint8_t family = AF_UNSPEC;
  uint32_t table = 0;
  IpPrefix dst{};
  IpPrefix src{};                   ///< IPv6 source-specific routes
  std::optional<uint32_t> label{};  ///< AF_MPLS routes: the incoming label
  uint8_t tos = 0;
  uint32_t priority = 0;

  friend bool operator==(const RouteKey&, const RouteKey&) = default;
  friend auto operator<=>(const RouteKey&, const RouteKey&) = default;
};

/// How routes map onto RTM_*ROUTE messages (see object_traits.hpp).
///
/// emit() with RTM_GETROUTE sends a FIB lookup of the route's dst address
/// with RTM_F_FIB_MATCH, so IpRoute::get() returns the route the kernel
/// would use for it; ipr.run(RouteQuery{...}) (route_query.hpp) offers every lookup option.
/// The links of a route: oif, iif and each path's link (link_resolution.hpp
/// resolves the names among them).
template <SameOrConst<Route> R, class Visit>
void visit_links(R& route, Visit&& visit) {
  visit(route.oif);
  if (auto* extras = route.extras.get()) {
    visit(extras->iif);
    for (auto& path : extras->multipath) visit(path.ifindex);
  }
}

template <>
struct ObjectTraits<Route> {
  static constexpr std::string_view name = "route";
  static constexpr uint16_t new_type = RTM_NEWROUTE;
  static constexpr uint16_t del_type = RTM_DELROUTE;
  static constexpr std::optional<uint16_t> set_flags = NLM_F_REPLACE;  ///< verb.hpp
  static constexpr uint16_t get_type = RTM_GETROUTE;
  using Key = RouteKey;
  using Filter = RouteFilter;

  static Result<Route> parse(const wire::Message& message);
  static void emit(const Route& route, wire::MessageBuilder& builder, uint16_t type, uint16_t flags);
  static Result<void> validate(const Route& route);
  static Key key(const Route& route);
  static std::vector<FieldChange> diff(const Route& before, const Route& after);
  static void emit_dump_request(const Filter& filter, wire::MessageBuilder& builder);
  static bool matches(const Filter& filter, const Route& route);
  /// A dump filtered on a table the kernel has not made yet (ENOENT, "FIB
  /// table does not exist") holds no route: an empty result, as pyroute2
  /// gives, where `ip route show table N` fails.
  static bool is_empty_dump(const Filter& filter, const Error& error);

  /// Notifications: where they go, and their name in printed events.
  static constexpr NotificationGroup groups[] = {{EventGroup::ipv4_routes, RTNLGRP_IPV4_ROUTE, "ipv4_routes"},
                                                 {EventGroup::ipv6_routes, RTNLGRP_IPV6_ROUTE, "ipv6_routes"},
                                                 {EventGroup::mpls_routes, RTNLGRP_MPLS_ROUTE, "mpls_routes"}};
  static constexpr std::string_view event_name = "route";
};

/// Its events (rtnl::Event).
using NewRoute = NewEvent<Route>;
using DelRoute = DelEvent<Route>;

}  // namespace nlpp::rtnl
