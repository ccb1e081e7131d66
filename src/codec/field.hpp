// Field tables: an object maps each member onto the wire with one table
// line, and one engine (field_table.hpp) parses, emits and diffs every
// object through its table, the way systemd's sd-netlink type tables work.
// A line names the member (for diffs and errors), says where it lives in
// the object, and holds the codec that knows its wire layout: an attribute
// (value_codecs.hpp), a field of the message's fixed header
// (header_codecs.hpp), or both.
//
//     constexpr auto rule_fields = std::tuple{
//         field("tos", &Rule::tos, in_header(&fib_rule_hdr::tos)),
//         field("priority", &Rule::priority, FRA_PRIORITY),
//         ...};
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/value_codecs.hpp"

#include <concepts>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

namespace nlpp::codec {

// What a codec provides, for a member of type Value of an object of type
// Owner (field_table.hpp calls them; the Owner parameter is optional
// everywhere, for codecs that need the object: a route's addresses are read
// in the route's family):
//
// An attribute codec:
//     constexpr std::array<uint16_t, N> types() const;            // the attribute types it reads
//     Result<void> parse(const wire::Attribute&, Value&[, const Owner&]) const;
//     void emit(const Value&, wire::MessageBuilder&[, const Owner&]) const;  // nothing when unset
//     bool accepts(const wire::Attribute&[, const Owner&]) const;  // optional: a finer test than the
//                                                                  // type; refused ones go to unknown
//     bool drops(const wire::Attribute&) const;                    // optional: claimed, nothing stored
//     static constexpr bool own_errors = true;                     // optional: a nest's parse errors
//                                                                  // are reported as they are
// A header codec, Header being the message's fixed header (rtmsg, fib_rule_hdr...):
//     void read(const Header&, Value&) const;
//     void write(const Value&, Header&) const;
//     bool present(const Header&) const;                           // optional: false leaves the member
// Either may add:
//     static constexpr bool compared = false;                      // left out of diffs
//     void diff(std::string_view name, const Value&, const Value&, FieldDiff&) const;  // a nest's own fields

/// Where a line's value lives: a data member of Owner.
template <class Owner, class Value>
struct Member {
  using owner_type = Owner;
  using value_type = Value;
  Value Owner::*member;

  constexpr const Value& get(const Owner& owner) const noexcept { return owner.*member; }
  constexpr Value& edit(Owner& owner) const noexcept { return owner.*member; }
};

/// What else a line can reach its value through (a member of a member
/// allocated on first write, as Route's extras): get() and edit().
template <class Access>
concept Accessor = requires(const Access& access, const typename Access::owner_type& object,
                            typename Access::owner_type& edited) {
  { access.get(object) } -> std::convertible_to<const typename Access::value_type&>;
  { access.edit(edited) } -> std::same_as<typename Access::value_type&>;
};

/// One line of a table: a member's name (the kernel's or iproute2's word),
/// where it lives, and how it is carried.
template <class Access, class Codec>
struct Field {
  using owner_type = typename Access::owner_type;
  using value_type = typename Access::value_type;
  std::string_view name;
  Access access;
  Codec codec;
};

/// A member carried in the kernel's native layout (see Native) in one
/// attribute: `field("mtu", &Link::mtu, IFLA_MTU)`.
template <class Owner, class Value>
constexpr Field<Member<Owner, Value>, Native> field(std::string_view name, Value Owner::*member, uint16_t type) {
  return {name, {member}, Native{type}};
}

/// A member carried by another codec: `field("port", &Vxlan::port, BigEndian{IFLA_VXLAN_PORT})`.
template <class Owner, class Value, class Codec>
requires(!std::is_convertible_v<Codec, uint16_t>)  // an attribute type: the overload above
constexpr Field<Member<Owner, Value>, Codec> field(std::string_view name, Value Owner::*member, Codec codec) {
  return {name, {member}, codec};
}

/// A value reached through an accessor.
template <Accessor Access, class Codec>
constexpr Field<Access, Codec> field(std::string_view name, Access access, Codec codec) {
  return {name, access, codec};
}

/// A line that is only compared (diff) and named, never carried: a member
/// another line writes, or one nlpp derives.
struct Compared {};

}  // namespace nlpp::codec
