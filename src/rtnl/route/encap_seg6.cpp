// LWTUNNEL_ENCAP_SEG6 (linux/seg6_iptunnel.h): SEG6_IPTUNNEL_SRH holds a
// struct seg6_iptunnel_encap, the mode followed by the SRH itself.
#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "encap_codec.hpp"
#include "srh_codec.hpp"

#include <linux/seg6_iptunnel.h>

#include <cstring>

namespace nlpp::rtnl {
namespace {

constexpr size_t mode_size = sizeof(seg6_iptunnel_encap::mode);

// Inline mode keeps the SRH's segments[0] for the packet's own destination.
bool reserves_first(Seg6Mode mode) { return mode == Seg6Mode::inline_; }

// SEG6_IPTUN_MODE_* are numbered from 0 with no gap.
constexpr auto last_mode = static_cast<uint32_t>(Seg6Mode::l2encap_red);

}  // namespace

std::string to_string(Seg6Mode mode) {
  switch (mode) {
    case Seg6Mode::inline_:
      return "inline";
    case Seg6Mode::encap:
      return "encap";
    case Seg6Mode::l2encap:
      return "l2encap";
    case Seg6Mode::encap_red:
      return "encap.red";
    case Seg6Mode::l2encap_red:
      return "l2encap.red";
  }
  return std::to_string(static_cast<uint32_t>(mode));
}

namespace {

// SEG6_IPTUNNEL_SRH: struct seg6_iptunnel_encap, the mode then the SRH.
void emit_srh(const Seg6Encap& encap, wire::MessageBuilder& builder) {
  const std::vector<std::byte> srh = encode_srh(encap.srh, reserves_first(encap.mode));
  std::vector<std::byte> payload(mode_size + srh.size());
  const auto mode = static_cast<uint32_t>(encap.mode);
  std::memcpy(payload.data(), &mode, mode_size);
  std::memcpy(payload.data() + mode_size, srh.data(), srh.size());
  builder.add(SEG6_IPTUNNEL_SRH, payload);
}

}  // namespace

Result<void> parse_kind(wire::AttributeRange attributes, Seg6Encap& out) {
  return codec::parse_attributes("seg6 encap", attributes, [&](const wire::Attribute& attribute) {
    if (attribute.type() != SEG6_IPTUNNEL_SRH) {
      codec::keep_unknown(out.unknown, attribute);
      return true;
    }
    const wire::Bytes payload = attribute.payload();
    if (payload.size() < mode_size) return false;
    out.mode = static_cast<Seg6Mode>(wire::load<uint32_t>(payload));
    return decode_srh(payload.subspan(mode_size), reserves_first(out.mode), out.srh);
  });
}

void emit_kind(const Seg6Encap& encap, wire::MessageBuilder& builder) {
  // No segments only in an encap read without SEG6_IPTUNNEL_SRH (validate
  // refuses to send it): an SRH of no segments would not read back.
  if (!encap.srh.segments.empty()) emit_srh(encap, builder);
  codec::emit_unknown(encap.unknown, builder);
}

Result<void> validate_kind(const Seg6Encap& encap, std::string_view field) {
  if (static_cast<uint32_t>(encap.mode) > last_mode) {
    std::string modes;
    for (uint32_t mode = 0; mode <= last_mode; ++mode) modes += (mode == 0 ? "" : ", ") + to_string(Seg6Mode{mode});
    return codec::invalid(field, "seg6 mode " + to_string(encap.mode) + " is not one of " + modes);
  }
  return validate_srh(std::string(field) + " srh", encap.srh);
}

std::string describe_kind(const Seg6Encap& encap) {
  return "seg6 mode " + to_string(encap.mode) + " " + srh_to_string(encap.srh);
}

}  // namespace nlpp::rtnl
