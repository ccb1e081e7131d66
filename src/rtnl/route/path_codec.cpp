#include "path_codec.hpp"


#include <cstring>
#include <string>

namespace nlpp::rtnl {
namespace {

constexpr size_t via_family_size = sizeof(rtvia::rtvia_family);

}  // namespace

bool is_ip_via(const wire::Attribute& attribute) noexcept {
  const wire::Bytes payload = attribute.payload();
  if (payload.size() < via_family_size) return true;  // malformed: read_via() says so
  const auto family = wire::load<uint16_t>(payload);
  return family == AF_INET || family == AF_INET6;
}

bool read_via(const wire::Attribute& attribute, IpAddress& gateway) noexcept {
  const wire::Bytes payload = attribute.payload();
  if (payload.size() < via_family_size) return false;
  return codec::read_address(payload.subspan(via_family_size), wire::load<uint16_t>(payload), gateway);
}

bool read_hop_attribute(const wire::Attribute& attribute, int family, RouteNexthop& hop) {
  switch (attribute.type()) {
    case RTA_GATEWAY:
      return codec::read_address(attribute.payload(), family, hop.gateway);
    case RTA_VIA:
      if (is_ip_via(attribute)) return read_via(attribute, hop.gateway);
      break;
    case RTA_NEWDST:
      return read_labels(attribute, hop.newdst);
    case RTA_FLOW:
      return codec::read(attribute, hop.flow);
    case RTA_ENCAP_TYPE:
    case RTA_ENCAP:
      return bool(EncapPair{RTA_ENCAP, RTA_ENCAP_TYPE}.parse(attribute, hop.encap));
  }
  codec::keep_unknown(hop.unknown, attribute);
  return true;
}

void emit_gateway(wire::MessageBuilder& builder, int family, const IpAddress& gateway) {
  // An empty gateway (family AF_UNSPEC, like a wildcard route's) is not sent.
  if (gateway.empty()) return;
  if (gateway.family() == family) {
    builder.add(RTA_GATEWAY, gateway.bytes());
    return;
  }
  std::byte via[via_family_size + 16];
  const auto via_family = static_cast<uint16_t>(gateway.family());
  std::memcpy(via, &via_family, via_family_size);
  std::memcpy(via + via_family_size, gateway.bytes().data(), gateway.size());
  builder.add(RTA_VIA, wire::Bytes(via, via_family_size + gateway.size()));
}

void emit_path(wire::MessageBuilder& builder, int family, const IpAddress& gateway, std::span<const uint32_t> newdst,
               const std::optional<Encap>& encap, uint32_t flow) {
  if (!newdst.empty()) emit_labels(builder, RTA_NEWDST, newdst);
  emit_gateway(builder, family, gateway);
  if (encap) emit_encap(builder, *encap, RTA_ENCAP, RTA_ENCAP_TYPE);
  if (flow != 0) builder.add_u32(RTA_FLOW, flow);
}

Result<void> validate_path(std::string_view field, int family, const IpAddress& gateway,
                           std::span<const uint32_t> newdst, const std::optional<Encap>& encap) {
  const std::string prefix(field);
  const bool via_ok = (family == AF_INET && gateway.is_v6()) || (family == AF_MPLS && !gateway.empty());
  if (!gateway.empty() && gateway.family() != family && !via_ok)
    return codec::invalid(prefix + "gateway", "'" + gateway.to_string() + "' cannot be the next hop of a route of family " +
                                           std::to_string(family) + " (an IPv6 route needs an IPv6 gateway)");
  if (!newdst.empty() && family != AF_MPLS) return codec::invalid(prefix + "newdst", "only MPLS routes swap labels");
  if (Result<void> labels = validate_labels(prefix + "newdst", newdst); !labels) return labels;
  if (encap) return validate(*encap, prefix + "encap");
  return {};
}

}  // namespace nlpp::rtnl
