// The attributes that describe one path of a route, found both at the top
// of an RTM_NEWROUTE message and inside each rtnexthop record of
// RTA_MULTIPATH: gateway (RTA_GATEWAY or RTA_VIA), MPLS labels
// (RTA_NEWDST), encapsulation (RTA_ENCAP + RTA_ENCAP_TYPE) and realms
// (RTA_FLOW). Written once here for both.
#pragma once

#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "rtnl/route/encap_codec.hpp"
#include "rtnl/route/mpls_labels.hpp"

#include <nlpp/core/result.hpp>
#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/route_encap.hpp>
#include <nlpp/rtnl/route_nexthop.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <linux/rtnetlink.h>

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// Whether an RTA_VIA (struct rtvia) holds an IPv4 or IPv6 next hop; one of
/// another family (AF_PACKET for MPLS) is kept in unknown.
bool is_ip_via(const wire::Attribute& attribute) noexcept;

/// Reads an RTA_VIA's IPv4 or IPv6 next hop; false if malformed.
bool read_via(const wire::Attribute& attribute, IpAddress& gateway) noexcept;

/// The next hop as iproute2 sends it: RTA_GATEWAY in the route's family,
/// else RTA_VIA; none is not sent.
void emit_gateway(wire::MessageBuilder& builder, int family, const IpAddress& gateway);

/// Reads one attribute of a multipath hop into it (false when malformed);
/// decode_encap(hop.encap) once they are all read.
bool read_hop_attribute(const wire::Attribute& attribute, int family, RouteNexthop& hop);

/// One path's attributes as iproute2 orders them: RTA_NEWDST, RTA_GATEWAY
/// (or RTA_VIA when the gateway's family is not the route's), RTA_ENCAP +
/// RTA_ENCAP_TYPE, RTA_FLOW.
void emit_path(wire::MessageBuilder& builder, int family, const IpAddress& gateway, std::span<const uint32_t> newdst,
               const std::optional<Encap>& encap, uint32_t flow);

/// Checks one path of a route of the family: a gateway the kernel can use
/// (its own family; IPv6 for an IPv4 route; IPv4 or IPv6 for MPLS), labels
/// only on MPLS routes and of 20 bits, the encapsulation.
Result<void> validate_path(std::string_view field, int family, const IpAddress& gateway,
                           std::span<const uint32_t> newdst, const std::optional<Encap>& encap);

}  // namespace nlpp::rtnl
