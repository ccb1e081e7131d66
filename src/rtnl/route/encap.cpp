// Dispatch over the kinds of Encap: parse by encap type, emit, check and
// describe by alternative. The per-kind code is in encap_<kind>.cpp.
#include "encap_codec.hpp"

#include "codec/attributes.hpp"
#include "codec/kind_union.hpp"
#include "codec/checks.hpp"

#include <type_traits>
#include <utility>

namespace nlpp::rtnl {
namespace {

template <class Kind>
Result<Encap> parse_as(wire::AttributeRange attributes) {
  Kind value;
  if (Result<void> parsed = parse_kind(attributes, value); !parsed) return std::move(parsed).error();
  return Encap(std::move(value));
}

}  // namespace

Result<Encap> parse_encap(uint16_t type, wire::Bytes nest_payload) {
  const auto serves = [type]<class Kind>(std::type_identity<Kind>) {
    if constexpr (std::is_same_v<Kind, RawEncap>)
      return false;  // what no kind serves: below
    else
      return Kind::encap_type == type;
  };
  std::optional<Result<Encap>> parsed;
  codec::with_alternative<Encap>(serves, [&]<class Kind>(std::type_identity<Kind>) {
    if constexpr (!std::is_same_v<Kind, RawEncap>) parsed = parse_as<Kind>(wire::AttributeRange(nest_payload));
  });
  if (parsed) return std::move(*parsed);
  return Encap(RawEncap{type, std::vector<std::byte>(nest_payload.begin(), nest_payload.end())});
}

Result<void> EncapPair::parse(const wire::Attribute& attribute, std::optional<Encap>& encap) const {
  if (!encap) encap = RawEncap{};
  auto* pending = std::get_if<RawEncap>(&*encap);
  if (pending == nullptr) return Error(errc::malformed_attribute, "a second encapsulation");
  if (attribute.type() == nest_type) {
    const wire::Bytes payload = attribute.payload();
    pending->payload.assign(payload.begin(), payload.end());
    return {};
  }
  if (!codec::read(attribute, pending->type)) return codec::bad_attribute("encap type", attribute);
  return {};
}

Result<void> decode_encap(std::optional<Encap>& encap) {
  const auto* pending = encap ? std::get_if<RawEncap>(&*encap) : nullptr;
  if (pending == nullptr || pending->type == LWTUNNEL_ENCAP_NONE) return {};
  Result<Encap> decoded = parse_encap(pending->type, pending->payload);
  if (!decoded) return std::move(decoded).error();
  encap = std::move(*decoded);
  return {};
}

void emit_encap(wire::MessageBuilder& builder, const Encap& encap, uint16_t encap_attribute, uint16_t type_attribute) {
  const wire::MessageBuilder::Nest nest = builder.begin_nested(encap_attribute);
  std::visit(
      [&](const auto& kind) {
        if constexpr (std::is_same_v<std::decay_t<decltype(kind)>, RawEncap>)
          builder.append_header_bytes(kind.payload);  // attributes, already laid out
        else
          emit_kind(kind, builder);
      },
      encap);
  builder.end_nested(nest);
  builder.add_u16(type_attribute, encap_type(encap));
}

uint16_t encap_type(const Encap& encap) noexcept {
  return std::visit(
      [](const auto& kind) -> uint16_t {
        if constexpr (std::is_same_v<std::decay_t<decltype(kind)>, RawEncap>)
          return kind.type;
        else
          return std::decay_t<decltype(kind)>::encap_type;
      },
      encap);
}

std::string to_string(const Encap& encap) {
  return std::visit(
      [](const auto& kind) -> std::string {
        if constexpr (std::is_same_v<std::decay_t<decltype(kind)>, RawEncap>)
          return "encap type " + std::to_string(kind.type) + " (" + std::to_string(kind.payload.size()) + " bytes)";
        else
          return describe_kind(kind);
      },
      encap);
}

Result<void> validate(const Encap& encap, std::string_view field) {
  return std::visit(
      [&](const auto& kind) -> Result<void> {
        if constexpr (std::is_same_v<std::decay_t<decltype(kind)>, RawEncap>) {
          if (kind.type == LWTUNNEL_ENCAP_NONE) return codec::invalid(field, "encap type 0 (none) cannot be sent");
          return {};
        } else {
          return validate_kind(kind, field);
        }
      },
      encap);
}

}  // namespace nlpp::rtnl
