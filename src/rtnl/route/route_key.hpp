// Internal: how a route's key (RouteKey) is made from its fields, in
// parts, for code that compares keys of many routes without building them
// (IPDB's ordered set of routes).
#pragma once

#include <nlpp/rtnl/route.hpp>

#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <cstdint>

namespace nlpp::rtnl {

/// The members of a route's key that are not its fields as they are:
/// defaults resolved as the kernel resolves them.
struct ResolvedKeyParts {
  uint8_t family;
  uint32_t table;
  uint32_t priority;
};
ResolvedKeyParts resolve_key_parts(const Route& route) noexcept;
inline ResolvedKeyParts resolved_key_parts(const Route& route) noexcept {
  // A route as the kernel reports it has nothing to resolve: inline, for
  // the comparisons of a big dump.
  const bool resolved =
      (route.family == AF_INET || (route.family == AF_INET6 && route.priority != 0)) && route.table != RT_TABLE_UNSPEC;
  return resolved ? ResolvedKeyParts{route.family, route.table, route.priority} : resolve_key_parts(route);
}

inline constexpr IpPrefix no_prefix{};
/// A zero-length prefix is the default route whatever address it carries
/// (the kernel sends none for it).
inline const IpPrefix& normalized(const IpPrefix& prefix) noexcept { return prefix.length == 0 ? no_prefix : prefix; }

}  // namespace nlpp::rtnl
