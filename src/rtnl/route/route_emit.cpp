// Route -> RTM_NEWROUTE / RTM_DELROUTE, byte for byte what `ip route` sends
// for the same route when its arguments come in this order:
//   table DST from metric src nhid as via encap realms pref expires
//   ttl-propagate dev (metrics) (nexthops)
// RTM_GETROUTE becomes a FIB lookup (route_query.hpp).
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/route_query.hpp>

#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "metrics_codec.hpp"
#include "mpls_labels.hpp"
#include "multipath_codec.hpp"
#include "path_codec.hpp"
#include "route_defaults.hpp"

namespace nlpp::rtnl {
namespace {

constexpr uint8_t mpls_label_bits = 20;

rtmsg header_of(const Route& route, int family, bool deleting) {
  const bool mpls = family == AF_MPLS;
  const uint32_t table = resolved_table(route);
  RouteType type = route.type;
  if (type == RouteType::unspec && (mpls || !deleting)) type = RouteType::unicast;
  return rtmsg{
      .rtm_family = static_cast<unsigned char>(family),
      .rtm_dst_len = mpls ? mpls_label_bits : route.dst.length,
      .rtm_src_len = route.extras->src.length,
      .rtm_tos = route.tos,
      // Above 255 the id goes in RTA_TABLE alone, as iproute2 sends it.
      .rtm_table = static_cast<unsigned char>(mpls          ? RT_TABLE_MAIN
                                              : table < 256 ? table
                                                            : RT_TABLE_UNSPEC),
      .rtm_protocol = (route.protocol != RTPROT_UNSPEC || deleting) ? route.protocol : uint8_t{RTPROT_BOOT},
      .rtm_scope = resolved_scope(route, family, deleting),
      .rtm_type = static_cast<unsigned char>(type),
      .rtm_flags = route.flags & ~kernel_route_flags,
  };
}

// The lookup IPRoute::get() asks for: the FIB entry for the route's dst.
void emit_lookup(const Route& route, int family, wire::MessageBuilder& builder) {
  RouteQuery query{.oif = route.oif, .tos = route.tos, .fib_match = true};
  query.dst = route.dst.address;
  if (query.dst.empty()) {
    // The default route: look up the zero address of the family.
    static constexpr std::byte zero[16] = {};
    if (Result<IpAddress> any = IpAddress::from_bytes(family, wire::Bytes(zero, family == AF_INET ? 4 : 16)))
      query.dst = *any;
  }
  // A query that cannot be made leaves the builder empty, which the request
  // engine refuses before sending anything.
  (void)emit_route_query(query, builder);
}

}  // namespace

void ObjectTraits<Route>::emit(const Route& route, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  const int family = route.resolved_family();
  if (type == RTM_GETROUTE) return emit_lookup(route, family, builder);
  const RouteExtras& extras = *route.extras;
  builder.begin_message(type, flags).append_header(header_of(route, family, type == RTM_DELROUTE));

  const uint32_t table = resolved_table(route);
  if (family != AF_MPLS && table > 255) builder.add_u32(RTA_TABLE, table);
  if (family == AF_MPLS && extras.label) emit_labels(builder, RTA_DST, std::span(&*extras.label, 1));
  if (!route.dst.address.empty()) builder.add(RTA_DST, route.dst.address.bytes());
  if (!extras.src.address.empty()) builder.add(RTA_SRC, extras.src.address.bytes());
  if (extras.iif != 0) builder.add_u32(RTA_IIF, extras.iif);
  if (route.priority != 0) builder.add_u32(RTA_PRIORITY, route.priority);
  if (!route.prefsrc.empty()) builder.add(RTA_PREFSRC, route.prefsrc.bytes());
  if (route.nh_id != 0) builder.add_u32(RTA_NH_ID, route.nh_id);
  emit_path(builder, family, route.gateway, extras.newdst, extras.encap, extras.flow);
  if (route.pref) builder.add_u8(RTA_PREF, *route.pref);
  if (extras.expires) builder.add_u32(RTA_EXPIRES, *extras.expires);
  if (extras.ttl_propagate) builder.add_u8(RTA_TTL_PROPAGATE, *extras.ttl_propagate ? 1 : 0);
  if (route.oif != 0) builder.add_u32(RTA_OIF, route.oif);
  emit_metrics(builder, extras.metrics);
  emit_multipath(builder, family, extras.multipath);
  codec::emit_unknown(extras.unknown, builder);
}

uint8_t Route::resolved_family() const noexcept {
  if (family != AF_UNSPEC) return family;
  if (!dst.address.empty()) return static_cast<uint8_t>(dst.address.family());
  return static_cast<uint8_t>(gateway.family());
}

}  // namespace nlpp::rtnl
