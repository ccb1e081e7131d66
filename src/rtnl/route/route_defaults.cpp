#include "route_defaults.hpp"

namespace nlpp::rtnl {

uint32_t resolved_table(const Route& route) noexcept {
  if (route.table != RT_TABLE_UNSPEC) return route.table;
  switch (route.type) {
    case RouteType::local:
    case RouteType::broadcast:
    case RouteType::anycast:
    case RouteType::nat:
      return RT_TABLE_LOCAL;
    default:
      return RT_TABLE_MAIN;
  }
}

uint8_t resolved_scope(const Route& route, int family, bool deleting) noexcept {
  if (route.scope) return *route.scope;
  if (family == AF_INET6 || family == AF_MPLS) return RT_SCOPE_UNIVERSE;
  switch (route.type) {
    case RouteType::local:
    case RouteType::nat:
      return RT_SCOPE_HOST;
    case RouteType::broadcast:
    case RouteType::multicast:
    case RouteType::anycast:
      return RT_SCOPE_LINK;
    case RouteType::unspec:
    case RouteType::unicast:
      if (deleting) return RT_SCOPE_NOWHERE;
      if (route.gateway.empty() && route.extras->multipath.empty() && route.nh_id == 0) return RT_SCOPE_LINK;
      return RT_SCOPE_UNIVERSE;
    default:
      return deleting ? RT_SCOPE_NOWHERE : RT_SCOPE_UNIVERSE;
  }
}

}  // namespace nlpp::rtnl
