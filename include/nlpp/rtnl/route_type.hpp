// Route types (rtm_type, RTN_*): what a route does with a packet.
#pragma once

#include <nlpp/rtnl/enum_text.hpp>

#include <linux/rtnetlink.h>

#include <cstdint>
#include <string_view>

namespace nlpp::rtnl {

/// rtm_type. Rules use the same values for their drop actions.
enum class RouteType : uint8_t {
  unspec = RTN_UNSPEC,
  unicast = RTN_UNICAST,          ///< a gateway or a directly connected destination
  local = RTN_LOCAL,              ///< accepted locally
  broadcast = RTN_BROADCAST,      ///< accepted locally as broadcast, sent as broadcast
  anycast = RTN_ANYCAST,          ///< accepted locally as broadcast, sent as unicast
  multicast = RTN_MULTICAST,      ///< a multicast route
  blackhole = RTN_BLACKHOLE,      ///< dropped silently
  unreachable = RTN_UNREACHABLE,  ///< dropped with ICMP unreachable (EHOSTUNREACH locally)
  prohibit = RTN_PROHIBIT,        ///< dropped with ICMP prohibited (EACCES locally)
  throw_ = RTN_THROW,             ///< lookup goes on with the next rule
  nat = RTN_NAT,                  ///< obsolete stateless NAT
  xresolve = RTN_XRESOLVE,        ///< an external resolver
};

/// iproute2's name for a type ("unicast", "blackhole", "throw"...), or
/// "unknown" for a value beyond RTN_MAX.
std::string_view to_string(RouteType type) noexcept;

}  // namespace nlpp::rtnl
