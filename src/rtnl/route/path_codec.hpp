// The attributes that describe one path of a route, found both at the top
// of an RTM_NEWROUTE message and inside each rtnexthop record of
// RTA_MULTIPATH: gateway (RTA_GATEWAY or RTA_VIA), MPLS labels
// (RTA_NEWDST), encapsulation (RTA_ENCAP + RTA_ENCAP_TYPE) and realms
// (RTA_FLOW). Written once here for both.
#pragma once

#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "encap_codec.hpp"
#include "mpls_labels.hpp"

#include <nlpp/core/result.hpp>
#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/route_encap.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <linux/rtnetlink.h>

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// RTA_ENCAP and RTA_ENCAP_TYPE may come in either order (the kernel sends
/// the nest first), so the nest is decoded once the attributes are read.
class PendingEncap {
 public:
  bool read_type(const wire::Attribute& attribute) noexcept { return codec::read(attribute, type_); }
  void set_nest(const wire::Attribute& attribute) noexcept { nest_ = attribute; }
  bool present() const noexcept { return nest_.has_value(); }
  /// Decodes the nest into out, if there was one.
  Result<void> decode(std::optional<Encap>& out) const;

 private:
  std::optional<wire::Attribute> nest_;
  uint16_t type_ = LWTUNNEL_ENCAP_NONE;
};

/// RTA_VIA (struct rtvia): an IPv4 or IPv6 next hop goes to gateway; one of
/// another family (AF_PACKET for MPLS) is kept in unknown. False if malformed.
bool read_via(const wire::Attribute& attribute, IpAddress& gateway, std::vector<RawAttribute>& unknown);

/// Reads attribute into path if it is a path attribute (true, or false when
/// malformed); nullopt for any other attribute. Path gives access to where
/// each value goes: gateway(), newdst(), flow(), unknown(); a route's rare
/// ones live in its extras, which are allocated only if one is present.
template <class Path>
std::optional<bool> read_path_attribute(const wire::Attribute& attribute, int family, Path& path, PendingEncap& encap) {
  switch (attribute.type()) {
    case RTA_GATEWAY:
      return codec::read_address(attribute.payload(), family, path.gateway());
    case RTA_VIA:
      return read_via(attribute, path.gateway(), path.unknown());
    case RTA_NEWDST:
      return read_labels(attribute, path.newdst());
    case RTA_FLOW:
      return codec::read(attribute, path.flow());
    case RTA_ENCAP_TYPE:
      return encap.read_type(attribute);
    case RTA_ENCAP:
      encap.set_nest(attribute);
      return true;
    default:
      return std::nullopt;
  }
}

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
