// One path of a multipath route: a struct rtnexthop record of RTA_MULTIPATH
// and the attributes that follow it. (Nexthop *objects*, RTM_NEWNEXTHOP, are
// nexthop.hpp; a route refers to one of those through Route::nh_id.)
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/route_encap.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl {

/// A next hop of a multipath route.
struct RouteNexthop {
  /// RTA_GATEWAY when of the route's family, else RTA_VIA (an IPv6 next hop
  /// of an IPv4 route; any IP next hop of an MPLS route). Empty: on-link.
  IpAddress gateway{};
  LinkRef ifindex{};     ///< rtnh_ifindex; 0: resolved through the gateway
  /// rtnh_flags: RTNH_F_ONLINK to set; the kernel also reports RTNH_F_DEAD,
  /// RTNH_F_LINKDOWN... which are its state and never sent back.
  uint8_t flags = 0;
  /// Relative share of the traffic, 1 to 256 (rtnh_hops is weight - 1).
  uint16_t weight = 1;
  uint32_t flow = 0;                    ///< RTA_FLOW: realms (IPv4); 0 is not sent
  std::vector<uint32_t> newdst{};       ///< RTA_NEWDST: labels an MPLS route pushes on this path
  std::optional<Encap> encap{};         ///< RTA_ENCAP_TYPE + RTA_ENCAP
  std::vector<RawAttribute> unknown{};  ///< attributes nlpp does not model

  friend bool operator==(const RouteNexthop&, const RouteNexthop&) = default;
};

}  // namespace nlpp::rtnl
