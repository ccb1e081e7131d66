// RTM_NEWROUTE -> Route: the hot path of a route dump. One pass over the
// attributes; an ordinary route (table, dst, gateway, oif, priority,
// prefsrc, pref) is stored inline and allocates nothing.
#include <nlpp/rtnl/route.hpp>

#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "metrics_codec.hpp"
#include "mpls_labels.hpp"
#include "multipath_codec.hpp"
#include "path_codec.hpp"
#include "route_family.hpp"

namespace nlpp::rtnl {
namespace {

// Where read_path_attribute() puts the route's own path; the rare parts
// allocate the extras only when they appear.
struct RoutePath {
  Route& route;
  IpAddress& gateway() { return route.gateway; }
  std::vector<uint32_t>& newdst() { return route.extras.edit().newdst; }
  uint32_t& flow() { return route.extras.edit().flow; }
  std::vector<RawAttribute>& unknown() { return route.extras.edit().unknown; }
};

// RTA_CACHEINFO comes with every IPv6 route, all zero but for an expiring
// one; it is kept only when it says something.
bool read_cacheinfo(const wire::Attribute& attribute, Route& route) {
  if (attribute.payload().size() != sizeof(rta_cacheinfo)) return false;
  const auto info = wire::load<RouteCacheInfo>(attribute.payload());
  if (info != RouteCacheInfo{}) route.extras.edit().cacheinfo = info;
  return true;
}

static_assert(sizeof(RouteCacheInfo) == sizeof(rta_cacheinfo), "RouteCacheInfo mirrors struct rta_cacheinfo");

// A million routes must fit in well under 128 MiB (docs/RTNL_ROUTES.md).
static_assert(sizeof(Route) <= 88, "Route grew: move the new field into RouteExtras");

}  // namespace

Result<Route> ObjectTraits<Route>::parse(const wire::Message& message) {
  Result<codec::MessageParts<rtmsg>> parts = codec::split_message<rtmsg>(name, message);
  if (!parts) return std::move(parts).error();
  const rtmsg& header = parts->header;

  Route route{.family = header.rtm_family,
              .tos = header.rtm_tos,
              .type = static_cast<RouteType>(header.rtm_type),
              .protocol = header.rtm_protocol,
              .scope = header.rtm_scope,
              .table = header.rtm_table,
              .flags = header.rtm_flags};
  const int family = address_family(route.family);
  // An MPLS route's rtm_dst_len is the label's 20 bits, not a prefix.
  if (route.family != AF_MPLS) route.dst.length = header.rtm_dst_len;
  if (header.rtm_src_len != 0) route.extras.edit().src.length = header.rtm_src_len;

  RoutePath path{route};
  PendingEncap encap;
  std::optional<Error> nested_error;
  // A nested parse keeps its own, more precise, error.
  const auto nested = [&](Result<void> parsed) {
    if (parsed) return true;
    nested_error = std::move(parsed).error();
    return false;
  };
  Result<void> parsed = codec::parse_attributes("route", parts->attributes, [&](const wire::Attribute& attribute) {
    switch (attribute.type()) {
      case RTA_DST:
        if (route.family == AF_MPLS) return read_label(attribute, route.extras.edit().label);
        return codec::read_address(attribute.payload(), family, route.dst.address);
      case RTA_SRC:
        return codec::read_address(attribute.payload(), family, route.extras.edit().src.address);
      case RTA_PREFSRC:
        return codec::read_address(attribute.payload(), family, route.prefsrc);
      case RTA_TABLE:
        return codec::read(attribute, route.table);
      case RTA_PRIORITY:
        return codec::read(attribute, route.priority);
      case RTA_OIF:
        return codec::read(attribute, route.oif);
      case RTA_IIF:
        return codec::read(attribute, route.extras.edit().iif);
      case RTA_NH_ID:
        return codec::read(attribute, route.nh_id);
      case RTA_PREF:
        return codec::read(attribute, route.pref);
      case RTA_METRICS:
        return nested(parse_metrics(attribute, route.extras.edit().metrics));
      case RTA_MULTIPATH:
        return nested(parse_multipath(attribute, family, route.extras.edit().multipath));
      case RTA_CACHEINFO:
        return read_cacheinfo(attribute, route);
      case RTA_TTL_PROPAGATE: {
        uint8_t propagate = 0;
        if (!codec::read(attribute, propagate)) return false;
        route.extras.edit().ttl_propagate = propagate != 0;
        return true;
      }
      case RTA_EXPIRES:
        // A u32 of seconds sent for IPv6; multicast routes report a u64 of
        // clock ticks, which is kept as it came.
        if (attribute.payload().size() == sizeof(uint32_t)) return codec::read(attribute, route.extras.edit().expires);
        break;
      case RTA_PAD:
        return true;  // aligns 64-bit attributes; no content
      default:
        break;
    }
    if (std::optional<bool> read = read_path_attribute(attribute, family, path, encap)) return *read;
    codec::keep_unknown(route.extras.edit().unknown, attribute);
    return true;
  });
  if (nested_error) return std::move(*nested_error);
  if (!parsed) return std::move(parsed).error();
  if (encap.present())
    if (Result<void> decoded = encap.decode(route.extras.edit().encap); !decoded) return std::move(decoded).error();
  return route;
}

}  // namespace nlpp::rtnl
