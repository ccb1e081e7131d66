// Attribute tables: a link kind (and Link itself) maps each member of its
// struct onto attributes with one table line, and one engine parses, emits
// and diffs every kind through its table, the way systemd's sd-netlink type
// tables work. This header holds a table line (Field) and what a codec, the
// part of a line that knows the wire layout, must provide.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/link/codecs.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <concepts>
#include <cstdint>
#include <string_view>
#include <utility>

namespace nlpp::rtnl::link {

/// What a codec provides for a member of type Value:
///
///     bool matches(const wire::Attribute&) const;              // the attribute is this member's
///     Result<void> parse(const wire::Attribute&, Value&) const; // reads it into the member
///     void emit(const Value&, wire::MessageBuilder&) const;     // writes the member; nothing when unset
///
/// codecs.hpp has the common ones; a kind with an unusual layout (a nest of
/// mappings, a struct in network order) writes its own beside its struct.
template <class Codec, class Value>
concept FieldCodec = requires(const Codec& codec, const wire::Attribute& attribute, Value& value,
                              wire::MessageBuilder& out) {
  { codec.matches(attribute) } -> std::same_as<bool>;
  { codec.parse(attribute, value) } -> std::same_as<Result<void>>;
  codec.emit(std::as_const(value), out);
};

/// One line of an attribute table: a member of Owner, its name (for diffs
/// and errors; the kernel's or iproute2's word), and how it is carried.
template <class Owner, class Value, class Codec>
struct Field {
  std::string_view name{};
  Value Owner::*member;
  Codec codec;
};

/// A member carried in the kernel's native layout (see Native) in one
/// attribute: `field("mtu", &Link::mtu, IFLA_MTU)`.
template <class Owner, class Value>
constexpr Field<Owner, Value, Native> field(std::string_view name, Value Owner::*member, uint16_t type) {
  return {name, member, Native{type}};
}

/// A member carried by another codec: `field("port", &Vxlan::port, BigEndian{IFLA_VXLAN_PORT})`.
template <class Owner, class Value, FieldCodec<Value> Codec>
constexpr Field<Owner, Value, Codec> field(std::string_view name, Value Owner::*member, Codec codec) {
  return {name, member, codec};
}

}  // namespace nlpp::rtnl::link
