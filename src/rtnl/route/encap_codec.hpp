// Reading and writing lightweight tunnel encapsulations. Each kind of Encap
// has four overloads, defined in encap_<kind>.cpp: adding a kind is adding
// an alternative to Encap and one such file; encap.cpp dispatches on the
// variant and needs no change.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/route_encap.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nlpp::rtnl {

/// Appends the nest (encap_attribute, flagged nested as iproute2 sends it)
/// and then the type attribute, in iproute2's order.
void emit_encap(wire::MessageBuilder& builder, const Encap& encap, uint16_t encap_attribute, uint16_t type_attribute);

/// Decodes the payload of an encapsulation nest (RTA_ENCAP, NHA_ENCAP) by
/// its encap type; a type nlpp does not model stays a RawEncap.
Result<Encap> parse_encap(uint16_t type, wire::Bytes nest_payload);

/// The nest (RTA_ENCAP, NHA_ENCAP) and the encap type (RTA_ENCAP_TYPE...)
/// of a table line: they come in either order (the kernel sends the nest
/// first), so both are read into a RawEncap, which decode_encap() turns into
/// the typed encapsulation once the attributes are read.
struct EncapPair {
  static constexpr bool own_errors = true;
  uint16_t nest_type;
  uint16_t type_type;

  constexpr std::array<uint16_t, 2> types() const noexcept { return {nest_type, type_type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<Encap>& encap) const;
  void emit(const std::optional<Encap>& encap, wire::MessageBuilder& out) const {
    if (encap) emit_encap(out, *encap, nest_type, type_type);
  }
};

/// Decodes the encapsulation an EncapPair read, if any.
Result<void> decode_encap(std::optional<Encap>& encap);


// Per kind: read the nest's attributes into out; write them; check a value
// before it is sent (errors prefixed with field); describe in iproute2's words.

Result<void> parse_kind(wire::AttributeRange attributes, MplsEncap& out);
void emit_kind(const MplsEncap& encap, wire::MessageBuilder& builder);
Result<void> validate_kind(const MplsEncap& encap, std::string_view field);
std::string describe_kind(const MplsEncap& encap);

template <int Family>
Result<void> parse_kind(wire::AttributeRange attributes, IpTunnelEncap<Family>& out);
template <int Family>
void emit_kind(const IpTunnelEncap<Family>& encap, wire::MessageBuilder& builder);
template <int Family>
Result<void> validate_kind(const IpTunnelEncap<Family>& encap, std::string_view field);
template <int Family>
std::string describe_kind(const IpTunnelEncap<Family>& encap);

Result<void> parse_kind(wire::AttributeRange attributes, Seg6Encap& out);
void emit_kind(const Seg6Encap& encap, wire::MessageBuilder& builder);
Result<void> validate_kind(const Seg6Encap& encap, std::string_view field);
std::string describe_kind(const Seg6Encap& encap);

Result<void> parse_kind(wire::AttributeRange attributes, Seg6LocalEncap& out);
void emit_kind(const Seg6LocalEncap& encap, wire::MessageBuilder& builder);
Result<void> validate_kind(const Seg6LocalEncap& encap, std::string_view field);
std::string describe_kind(const Seg6LocalEncap& encap);

Result<void> parse_kind(wire::AttributeRange attributes, BpfEncap& out);
void emit_kind(const BpfEncap& encap, wire::MessageBuilder& builder);
Result<void> validate_kind(const BpfEncap& encap, std::string_view field);
std::string describe_kind(const BpfEncap& encap);

// A BPF program (LWT_BPF_PROG_* and SEG6_LOCAL_BPF_PROG_* number their fd
// and name attributes alike), shared by bpf and seg6local's End.BPF.

Result<void> parse_bpf_program(const wire::Attribute& nest, BpfProgram& out);
void emit_bpf_program(wire::MessageBuilder& builder, uint16_t type, const BpfProgram& program);
Result<void> validate_bpf_program(const BpfProgram& program, std::string_view field);

}  // namespace nlpp::rtnl
