// A route's identity (RouteKey) and its differences from another route.
#include <nlpp/rtnl/route.hpp>

#include "rtnl/route/route_defaults.hpp"
#include "rtnl/route/route_key.hpp"
#include "rtnl/route/route_table.hpp"

namespace nlpp::rtnl {
namespace {

// IPv6 gives a route added without a metric this one (IP6_RT_PRIO_USER).
constexpr uint32_t ipv6_default_priority = 1024;

}  // namespace

ResolvedKeyParts resolve_key_parts(const Route& route) noexcept {
  const uint8_t family = route.resolved_family();
  const bool ipv6_default = family == AF_INET6 && route.priority == 0;
  return {.family = family,
          .table = family == AF_MPLS ? uint32_t{RT_TABLE_MAIN} : resolved_table(route),
          .priority = ipv6_default ? ipv6_default_priority : route.priority};
}

ObjectTraits<Route>::Key ObjectTraits<Route>::key(const Route& route) {
  const ResolvedKeyParts resolved = resolved_key_parts(route);
  return RouteKey{.family = resolved.family,
                  .table = resolved.table,
                  .dst = normalized(route.dst),
                  .src = normalized(route.extras->src),
                  .label = route.extras->label,
                  .tos = route.tos,
                  .priority = resolved.priority};
}

std::vector<FieldChange> ObjectTraits<Route>::diff(const Route& before, const Route& after) {
  FieldDiff diff;
  codec::diff_fields<route_fields>(before, after, diff);
  return std::move(diff).take();
}

}  // namespace nlpp::rtnl
