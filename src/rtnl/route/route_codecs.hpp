// The codecs of a route's table lines (route_table.hpp) that the shared
// ones (codec/value_codecs.hpp, rtnl/shared/) do not cover: RTA_DST as a prefix or an MPLS label, the gateway as RTA_GATEWAY
// or RTA_VIA, label stacks, and the nests (metrics, multipath) with codecs of their own.
#pragma once

#include <nlpp/rtnl/route.hpp>

#include "codec/attributes.hpp"
#include "codec/field_table.hpp"
#include "codec/value_codecs.hpp"
#include "rtnl/route/encap_codec.hpp"
#include "rtnl/route/path_codec.hpp"
#include "rtnl/shared/family_address.hpp"
#include "rtnl/shared/route_family.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace nlpp::rtnl {

/// A member of a route's extras: read through ->, written through edit(),
/// which allocates them on the first attribute that needs them.
template <auto member>
struct InExtras {
  using owner_type = Route;
  using value_type = std::remove_cvref_t<decltype(std::declval<RouteExtras&>().*member)>;
  const value_type& get(const Route& route) const noexcept { return (*route.extras).*member; }
  value_type& edit(Route& route) const { return route.extras.edit().*member; }
};

/// rtm_dst_len + RTA_DST of an IP route (an MPLS route's are its label: MplsLabelDst).
struct RouteDst {
  constexpr std::array<uint16_t, 1> types() const noexcept { return {RTA_DST}; }
  bool accepts(const wire::Attribute&, const Route& route) const noexcept { return route.family != AF_MPLS; }
  void read(const rtmsg& header, IpPrefix& dst) const {
    if (header.rtm_family != AF_MPLS) dst.length = header.rtm_dst_len;
  }
  bool try_parse(const wire::Attribute& attribute, IpPrefix& dst, const Route& route) const noexcept {
    return FamilyAddress{RTA_DST}.try_parse(attribute, dst.address, route);
  }
  void emit(const IpPrefix& dst, wire::MessageBuilder& out) const { FamilyAddress{RTA_DST}.emit(dst.address, out); }
};

/// The incoming label of an AF_MPLS route: its RTA_DST.
struct MplsLabelDst {
  constexpr std::array<uint16_t, 1> types() const noexcept { return {RTA_DST}; }
  bool accepts(const wire::Attribute&, const Route& route) const noexcept { return route.family == AF_MPLS; }
  bool try_parse(const wire::Attribute& attribute, std::optional<uint32_t>& label) const noexcept;
  void emit(const std::optional<uint32_t>& label, wire::MessageBuilder& out, const Route& route) const;
};

/// The next hop: RTA_GATEWAY in the route's family, else RTA_VIA (struct
/// rtvia: an IPv6 next hop of an IPv4 route, an IP next hop of an MPLS
/// route). A via of another family (AF_PACKET) is left to unknown.
struct Gateway {
  constexpr std::array<uint16_t, 2> types() const noexcept { return {RTA_GATEWAY, RTA_VIA}; }
  bool accepts(const wire::Attribute& attribute) const noexcept {
    return attribute.type() != RTA_VIA || is_ip_via(attribute);
  }
  bool try_parse(const wire::Attribute& attribute, IpAddress& gateway, const Route& route) const noexcept {
    return attribute.type() == RTA_VIA
               ? read_via(attribute, gateway)
               : codec::read_address(attribute.payload(), address_family(route.family), gateway);
  }
  void emit(const IpAddress& gateway, wire::MessageBuilder& out, const Route& route) const {
    emit_gateway(out, route.resolved_family(), gateway);
  }
};

/// A label stack (RTA_NEWDST), outermost first; shown as iproute2 writes it ("100/200").
struct LabelStack {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  bool try_parse(const wire::Attribute& attribute, std::vector<uint32_t>& labels) const;
  void emit(const std::vector<uint32_t>& labels, wire::MessageBuilder& out) const;
  void diff(std::string_view name, const std::vector<uint32_t>& before, const std::vector<uint32_t>& after,
            FieldDiff& diff) const;
};

/// RTA_EXPIRES: a u32 of seconds for IPv6 routes. Multicast routes report a
/// u64 of clock ticks, which is left to unknown, as it came.
struct ExpiresSeconds : codec::Native {
  bool accepts(const wire::Attribute& attribute) const noexcept { return attribute.payload().size() == 4; }
};

/// RTA_CACHEINFO, which comes with every IPv6 route, all zero but for an
/// expiring one: kept only when it says something. It is the kernel's, never sent.
struct CacheInfo {
  static constexpr bool compared = false;
  constexpr std::array<uint16_t, 1> types() const noexcept { return {RTA_CACHEINFO}; }
  bool drops(const wire::Attribute& attribute) const noexcept;
  bool try_parse(const wire::Attribute& attribute, std::optional<RouteCacheInfo>& info) const noexcept;
  void emit(const std::optional<RouteCacheInfo>&, wire::MessageBuilder&) const {}
};

/// RTA_METRICS: a nest of RTAX_* values, diffed member by member ("metrics.mtu").
struct MetricsNest {
  static constexpr bool own_errors = true;
  constexpr std::array<uint16_t, 1> types() const noexcept { return {RTA_METRICS}; }
  Result<void> parse(const wire::Attribute& attribute, RouteMetrics& metrics) const;
  void emit(const RouteMetrics& metrics, wire::MessageBuilder& out) const;
  void diff(std::string_view name, const RouteMetrics& before, const RouteMetrics& after, FieldDiff& diff) const;
};

/// RTA_MULTIPATH: the paths of a multipath route, in the route's family.
struct MultipathNest {
  static constexpr bool own_errors = true;
  constexpr std::array<uint16_t, 1> types() const noexcept { return {RTA_MULTIPATH}; }
  Result<void> parse(const wire::Attribute& attribute, std::vector<RouteNexthop>& hops, const Route& route) const;
  void emit(const std::vector<RouteNexthop>& hops, wire::MessageBuilder& out, const Route& route) const;
  void diff(std::string_view name, const std::vector<RouteNexthop>& before, const std::vector<RouteNexthop>& after,
            FieldDiff& diff) const;
};

}  // namespace nlpp::rtnl
