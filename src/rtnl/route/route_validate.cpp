// Input checks before a route is sent; each error names the field.
#include <nlpp/rtnl/route.hpp>

#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "mpls_labels.hpp"
#include "multipath_codec.hpp"
#include "path_codec.hpp"

#include <linux/icmpv6.h>

namespace nlpp::rtnl {
namespace {

using codec::invalid;

// A route's prefixes must also be networks: the kernel refuses host bits
// past the length ("Invalid prefix for given prefix length").
Result<void> validate_network(std::string_view field, const IpPrefix& prefix, int family) {
  if (Result<void> valid = codec::validate_prefix(field, prefix, family, "route"); !valid) return valid;
  if (!prefix.is_network()) return codec::invalid(field, "'" + prefix.to_string() + "' has bits set past its prefix length");
  return {};
}

Result<void> validate_ip_route(const Route& route, int family) {
  const RouteExtras& extras = *route.extras;
  if (Result<void> valid = validate_network("route dst", route.dst, family); !valid) return valid;
  if (Result<void> valid = validate_network("route src", extras.src, family); !valid) return valid;
  if (!route.prefsrc.empty() && route.prefsrc.family() != family)
    return codec::invalid("route prefsrc", "'" + route.prefsrc.to_string() + "' is not of the route's family");
  if (extras.label || extras.ttl_propagate)
    return codec::invalid("route label", "labels and ttl_propagate are for MPLS routes");
  if (family != AF_INET6 && (route.pref || extras.expires))
    return codec::invalid("route pref", "only IPv6 routes have a router preference and an expiry");
  if (route.pref && *route.pref != ICMPV6_ROUTER_PREF_LOW && *route.pref != ICMPV6_ROUTER_PREF_MEDIUM &&
      *route.pref != ICMPV6_ROUTER_PREF_HIGH)
    return codec::invalid("route pref", std::to_string(*route.pref) + " is not low (3), medium (0) or high (1)");
  return {};
}

Result<void> validate_mpls_route(const Route& route) {
  const RouteExtras& extras = *route.extras;
  if (!extras.label) return codec::invalid("route label", "an MPLS route needs its incoming label");
  if (Result<void> valid = validate_labels("route label", std::span(&*extras.label, 1)); !valid) return valid;
  if (!route.dst.address.empty() || !extras.src.address.empty() || !route.prefsrc.empty())
    return codec::invalid("route dst", "an MPLS route has a label, not IP prefixes or a preferred source");
  if (route.table != RT_TABLE_UNSPEC && route.table != RT_TABLE_MAIN)
    return codec::invalid("route table", "MPLS routes live in the main table only");
  return {};
}

}  // namespace

Result<void> ObjectTraits<Route>::validate(const Route& route) {
  const int family = route.resolved_family();
  if (family != AF_INET && family != AF_INET6 && family != AF_MPLS)
    return codec::invalid("route family", "must be AF_INET, AF_INET6 or AF_MPLS (or come from dst or gateway)");
  if (static_cast<unsigned>(route.type) > RTN_MAX)
    return codec::invalid("route type", std::to_string(static_cast<unsigned>(route.type)) + " is not an RTN_* type");
  if (Result<void> valid = family == AF_MPLS ? validate_mpls_route(route) : validate_ip_route(route, family); !valid)
    return valid;
  const RouteExtras& extras = *route.extras;
  if (route.nh_id != 0 && (!route.gateway.empty() || route.oif != 0 || !extras.multipath.empty() || extras.encap))
    return codec::invalid("route nh_id", "a route using a nexthop object has no gateway, oif, multipath or encap of its own");
  if (Result<void> valid = validate_path("route ", family, route.gateway, extras.newdst, extras.encap); !valid)
    return valid;
  return validate_multipath(family, extras.multipath);
}

}  // namespace nlpp::rtnl
