#include "path_codec.hpp"


#include <cstring>
#include <string>

namespace nlpp::rtnl {
namespace {

constexpr size_t via_family_size = sizeof(rtvia::rtvia_family);

}  // namespace

Result<void> PendingEncap::decode(std::optional<Encap>& out) const {
  if (!nest_) return {};
  Result<Encap> encap = parse_encap(type_, *nest_);
  if (!encap) return std::move(encap).error();
  out = std::move(*encap);
  return {};
}

bool read_via(const wire::Attribute& attribute, IpAddress& gateway, std::vector<RawAttribute>& unknown) {
  const wire::Bytes payload = attribute.payload();
  if (payload.size() < via_family_size) return false;
  const auto family = wire::load<uint16_t>(payload);
  if (family != AF_INET && family != AF_INET6) {
    codec::keep_unknown(unknown, attribute);
    return true;
  }
  return codec::read_address(payload.subspan(via_family_size), family, gateway);
}

void emit_path(wire::MessageBuilder& builder, int family, const IpAddress& gateway, std::span<const uint32_t> newdst,
               const std::optional<Encap>& encap, uint32_t flow) {
  if (!newdst.empty()) emit_labels(builder, RTA_NEWDST, newdst);
  // An empty gateway (family AF_UNSPEC, like a wildcard route's) is not sent.
  if (gateway.family() == family && !gateway.empty()) {
    builder.add(RTA_GATEWAY, gateway.bytes());
  } else if (!gateway.empty()) {
    std::byte via[via_family_size + 16];
    const auto via_family = static_cast<uint16_t>(gateway.family());
    std::memcpy(via, &via_family, via_family_size);
    std::memcpy(via + via_family_size, gateway.bytes().data(), gateway.size());
    builder.add(RTA_VIA, wire::Bytes(via, via_family_size + gateway.size()));
  }
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
