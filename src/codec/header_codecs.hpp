// Codecs for the members a message's fixed header carries (rtmsg,
// fib_rule_hdr, ndmsg...; field.hpp says what a header codec provides), and for a prefix whose
// length is in the header and whose address is an attribute.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/value_codecs.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <tuple>
#include <type_traits>

namespace nlpp::codec {

/// A member held in one field of the header, converted to and from the
/// field's type: `field("tos", &Rule::tos, in_header(&fib_rule_hdr::tos))`.
/// A field that is an array (tc_mqprio_qopt's prio_tc_map) is a std::array
/// member of the same length, copied element by element.
template <class Header, class Stored>
struct HeaderMember {
  Stored Header::*stored;

  template <class Value>
  void read(const Header& header, Value& value) const {
    if constexpr (std::is_array_v<Stored>) {
      static_assert(std::tuple_size_v<Value> == std::extent_v<Stored>, "the array member's length is the field's");
      std::ranges::copy(header.*stored, value.begin());
    } else {
      value = static_cast<Value>(header.*stored);
    }
  }
  template <class Value>
  void write(const Value& value, Header& header) const {
    if constexpr (std::is_array_v<Stored>) {
      static_assert(std::tuple_size_v<Value> == std::extent_v<Stored>, "the array member's length is the field's");
      std::ranges::copy(value, header.*stored);
    } else if constexpr (requires { value.bits(); }) {  // a FlagSet
      header.*stored = static_cast<Stored>(value.bits());
    } else {
      header.*stored = static_cast<Stored>(value);
    }
  }
};

template <class Header, class Stored>
constexpr HeaderMember<Header, Stored> in_header(Stored Header::*stored) {
  return {stored};
}

/// A prefix: its length in a header field, its address in an attribute
/// (rtm_dst_len + RTA_DST, src_len + FRA_SRC). The address's size says its
/// family; no address is not sent.
template <class Header>
struct PrefixIn {
  uint8_t Header::*length;
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  bool present(const Header& header) const { return header.*length != 0; }
  void read(const Header& header, IpPrefix& prefix) const { prefix.length = header.*length; }
  void write(const IpPrefix& prefix, Header& header) const { header.*length = prefix.length; }
  Result<void> parse(const wire::Attribute& attribute, IpPrefix& prefix) const {
    Result<IpAddress> address = NativeValue<IpAddress>::parse(attribute);
    if (!address) return std::move(address).error();
    prefix.address = *address;
    return {};
  }
  void emit(const IpPrefix& prefix, wire::MessageBuilder& out) const {
    if (!prefix.address.empty()) out.add(type, prefix.address.bytes());
  }
};

template <class Header>
constexpr PrefixIn<Header> prefix_in(uint8_t Header::*length, uint16_t type) {
  return {length, type};
}

}  // namespace nlpp::codec
