// The values `ip route` sends for what a Route leaves unset (table 0,
// protocol 0, type unspec, no scope), shared by emit and key so that a
// route built by hand and the same route read back agree.
#pragma once

#include <nlpp/rtnl/route.hpp>

#include <cstdint>

namespace nlpp::rtnl {

/// RT_TABLE_LOCAL for local, broadcast, anycast and nat routes, else
/// RT_TABLE_MAIN; route.table itself when set.
uint32_t resolved_table(const Route& route) noexcept;

/// The scope sent for route: its own, else host for local and nat, link
/// for broadcast, multicast and anycast and for a unicast route without
/// gateway, multipath or nexthop object, universe otherwise and always for
/// IPv6 and MPLS; when deleting other than local, nat, broadcast, multicast
/// or anycast routes, RT_SCOPE_NOWHERE (which matches any scope).
uint8_t resolved_scope(const Route& route, int family, bool deleting) noexcept;

/// The rtm_flags bits that are the kernel's state rather than a request
/// (dead, linkdown, offload, trap, cloned): never sent back.
inline constexpr uint32_t kernel_route_flags = RTNH_F_DEAD | RTNH_F_LINKDOWN | RTNH_F_OFFLOAD | RTNH_F_TRAP |
                                               RTM_F_CLONED | RTM_F_OFFLOAD | RTM_F_TRAP | RTM_F_OFFLOAD_FAILED;

}  // namespace nlpp::rtnl
