// RTM_NEWROUTE <-> Route through the route's table (route_table.hpp): the
// hot path of a route dump, where an ordinary route (table, dst, gateway,
// oif, priority, prefsrc, pref) is stored inline and allocates nothing. The
// header is written here, with its defaults resolved; RTM_GETROUTE becomes
// a FIB lookup (route_query.hpp).
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/route_query.hpp>

#include "rtnl/route/route_defaults.hpp"
#include "rtnl/route/route_table.hpp"

namespace nlpp::rtnl {
namespace {

// A million routes must fit in well under 128 MiB (docs/RTNL_ROUTES.md).
static_assert(sizeof(Route) <= 88, "Route grew: move the new field into RouteExtras");

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

// The lookup IpRoute::get() asks for: the FIB entry for the route's dst.
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

Result<Route> ObjectTraits<Route>::parse(const wire::Message& message) {
  Route route;
  const auto keep = [&route](const wire::Attribute& attribute) {
    codec::keep_unknown(route.extras.edit().unknown, attribute);
  };
  Result<rtmsg> parsed =
      codec::parse_message<route_fields, rtmsg>(message, route, name, codec::ErrorNaming::attribute_type, keep);
  if (!parsed) return std::move(parsed).error();
  if (route.extras->encap)
    if (Result<void> decoded = decode_encap(route.extras.edit().encap); !decoded) return std::move(decoded).error();
  return route;
}

void ObjectTraits<Route>::emit(const Route& route, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  const int family = route.resolved_family();
  if (type == RTM_GETROUTE) return emit_lookup(route, family, builder);
  const RouteExtras& extras = *route.extras;
  builder.begin_message(type, flags).append_header(header_of(route, family, type == RTM_DELROUTE));

  codec::emit_attributes<route_fields>(route, builder);
  codec::emit_unknown(extras.unknown, builder);
}

uint8_t Route::resolved_family() const noexcept {
  if (family != AF_UNSPEC) return family;
  if (!dst.address.empty()) return static_cast<uint8_t>(dst.address.family());
  return static_cast<uint8_t>(gateway.family());
}

}  // namespace nlpp::rtnl
