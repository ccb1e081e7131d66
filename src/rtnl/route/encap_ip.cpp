// LWTUNNEL_ENCAP_IP and LWTUNNEL_ENCAP_IP6 (linux/lwtunnel.h): one code for
// both, since they number their attributes alike.
#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "encap_codec.hpp"

namespace nlpp::rtnl {
namespace {

constexpr bool same_number(lwtunnel_ip6_t ip6, lwtunnel_ip_t ip) { return int{ip6} == int{ip}; }
static_assert(same_number(LWTUNNEL_IP6_ID, LWTUNNEL_IP_ID) && same_number(LWTUNNEL_IP6_DST, LWTUNNEL_IP_DST) &&
              same_number(LWTUNNEL_IP6_SRC, LWTUNNEL_IP_SRC) && same_number(LWTUNNEL_IP6_HOPLIMIT, LWTUNNEL_IP_TTL) &&
              same_number(LWTUNNEL_IP6_TC, LWTUNNEL_IP_TOS) && same_number(LWTUNNEL_IP6_FLAGS, LWTUNNEL_IP_FLAGS) &&
              same_number(LWTUNNEL_IP6_PAD, LWTUNNEL_IP_PAD));

constexpr std::string_view name_of(int family) { return family == AF_INET ? "ip" : "ip6"; }

}  // namespace

template <int Family>
Result<void> parse_kind(wire::AttributeRange attributes, IpTunnelEncap<Family>& out) {
  return codec::parse_attributes(std::string(name_of(Family)) + " encap", attributes, [&](const wire::Attribute& attribute) {
    switch (attribute.type()) {
      case LWTUNNEL_IP_ID: {
        uint64_t id = 0;
        if (!codec::read(attribute, id)) return false;
        out.id = wire::network_to_host(id);
        return true;
      }
      case LWTUNNEL_IP_DST:
        return codec::read_address(attribute.payload(), Family, out.dst);
      case LWTUNNEL_IP_SRC:
        return codec::read_address(attribute.payload(), Family, out.src);
      case LWTUNNEL_IP_TTL:
        return codec::read(attribute, out.ttl);
      case LWTUNNEL_IP_TOS:
        return codec::read(attribute, out.tos);
      case LWTUNNEL_IP_FLAGS:
        return codec::read(attribute, out.flags);
      case LWTUNNEL_IP_PAD:
        return true;  // aligns the 64-bit id; no content
      default:
        codec::keep_unknown(out.unknown, attribute);
        return true;
    }
  });
}

// In iproute2's order: id, dst, src, tos, ttl, flags.
template <int Family>
void emit_kind(const IpTunnelEncap<Family>& encap, wire::MessageBuilder& builder) {
  if (encap.id) builder.add_be64(LWTUNNEL_IP_ID, *encap.id);
  if (!encap.dst.empty()) builder.add(LWTUNNEL_IP_DST, encap.dst.bytes());
  if (!encap.src.empty()) builder.add(LWTUNNEL_IP_SRC, encap.src.bytes());
  if (encap.tos) builder.add_u8(LWTUNNEL_IP_TOS, *encap.tos);
  if (encap.ttl) builder.add_u8(LWTUNNEL_IP_TTL, *encap.ttl);
  if (encap.flags) builder.add_u16(LWTUNNEL_IP_FLAGS, *encap.flags);
  codec::emit_unknown(encap.unknown, builder);
}

template <int Family>
Result<void> validate_kind(const IpTunnelEncap<Family>& encap, std::string_view field) {
  for (const IpAddress* address : {&encap.dst, &encap.src})
    if (!address->empty() && address->family() != Family)
      return codec::invalid(field, std::string(name_of(Family)) + " encap address '" + address->to_string() +
                                "' is of the other IP family");
  return {};
}

template <int Family>
std::string describe_kind(const IpTunnelEncap<Family>& encap) {
  std::string text(name_of(Family));
  if (encap.id) text += " id " + std::to_string(*encap.id);
  if (!encap.src.empty()) text += " src " + encap.src.to_string();
  if (!encap.dst.empty()) text += " dst " + encap.dst.to_string();
  if (encap.ttl) text += (Family == AF_INET ? " ttl " : " hoplimit ") + std::to_string(*encap.ttl);
  if (encap.tos) text += (Family == AF_INET ? " tos " : " tc ") + std::to_string(*encap.tos);
  return text;
}

template Result<void> parse_kind(wire::AttributeRange, IpEncap&);
template Result<void> parse_kind(wire::AttributeRange, Ip6Encap&);
template void emit_kind(const IpEncap&, wire::MessageBuilder&);
template void emit_kind(const Ip6Encap&, wire::MessageBuilder&);
template Result<void> validate_kind(const IpEncap&, std::string_view);
template Result<void> validate_kind(const Ip6Encap&, std::string_view);
template std::string describe_kind(const IpEncap&);
template std::string describe_kind(const Ip6Encap&);

}  // namespace nlpp::rtnl
