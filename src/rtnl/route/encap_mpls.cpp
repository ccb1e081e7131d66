// LWTUNNEL_ENCAP_MPLS (linux/mpls_iptunnel.h).
#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "encap_codec.hpp"
#include "mpls_labels.hpp"

#include <linux/mpls_iptunnel.h>

namespace nlpp::rtnl {

Result<void> parse_kind(wire::AttributeRange attributes, MplsEncap& out) {
  return codec::parse_attributes("mpls encap", attributes, [&](const wire::Attribute& attribute) {
    switch (attribute.type()) {
      case MPLS_IPTUNNEL_DST:
        return read_labels(attribute, out.labels);
      case MPLS_IPTUNNEL_TTL:
        return codec::read(attribute, out.ttl);
      default:
        codec::keep_unknown(out.unknown, attribute);
        return true;
    }
  });
}

void emit_kind(const MplsEncap& encap, wire::MessageBuilder& builder) {
  // No labels only in an encap read without MPLS_IPTUNNEL_DST (validate
  // refuses to send it): an empty attribute would not read back.
  if (!encap.labels.empty()) emit_labels(builder, MPLS_IPTUNNEL_DST, encap.labels);
  if (encap.ttl) builder.add_u8(MPLS_IPTUNNEL_TTL, *encap.ttl);
  codec::emit_unknown(encap.unknown, builder);
}

Result<void> validate_kind(const MplsEncap& encap, std::string_view field) {
  if (encap.labels.empty()) return codec::invalid(field, "mpls encap needs at least one label");
  return validate_labels(std::string(field) + " labels", encap.labels);
}

std::string describe_kind(const MplsEncap& encap) {
  std::string text = "mpls " + labels_to_string(encap.labels);
  if (encap.ttl) text += " ttl " + std::to_string(*encap.ttl);
  return text;
}

}  // namespace nlpp::rtnl
