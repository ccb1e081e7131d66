// The attribute codecs most table lines use (field.hpp says what a codec
// is): one attribute in the kernel's native layout, a plain member sent
// unless it holds its default, an integer in network order, an address
// that has an IPv4 and an IPv6 attribute, a nest that holds a list, and
// padding. An object with an unusual layout writes its own beside it.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/codec/flag_set.hpp>
#include <nlpp/codec/ip_address.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/bytes.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/attributes.hpp"

#include <algorithm>
#include <array>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <optional>
#include <sys/socket.h>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace nlpp::codec {

/// An attribute whose payload has another size than its value needs.
Error wrong_size(const wire::Attribute& attribute, size_t expected);

/// How one value is laid out in an attribute's payload, natively (as the
/// kernel's nla_put_*() writes it). The primary template is for structs the
/// kernel copies as they are (rtnl_link_stats64, ifla_vlan_flags...): a
/// shorter payload (an older kernel's struct) leaves the rest zero, a longer
/// one (a newer kernel's) is cut to what T knows.
template <class T>
struct NativeValue {
  static_assert(std::is_trivially_copyable_v<T> && std::is_class_v<T>, "no native layout for this type");
  static Result<T> parse(const wire::Attribute& attribute) {
    T value{};
    std::memcpy(&value, attribute.payload().data(), std::min(sizeof(T), attribute.payload().size()));
    return value;
  }
  static void emit(wire::MessageBuilder& out, uint16_t type, const T& value) { out.add_struct(type, value); }
};

/// Integers in host order, exactly as wide as T.
template <class T>
requires std::is_integral_v<T> &&(!std::is_same_v<T, bool>)struct NativeValue<T> {
  static Result<T> parse(const wire::Attribute& attribute) {
    if (attribute.payload().size() != sizeof(T)) return wrong_size(attribute, sizeof(T));
    return wire::load<T>(attribute.payload());
  }
  static void emit(wire::MessageBuilder& out, uint16_t type, T value) { out.add(type, wire::bytes_of(value)); }
};

/// A class that stands for an integer on the wire: it names the integer
/// (wire_type), converts to it and is made from it (rtnl::LinkRef).
template <class T>
  requires requires { typename T::wire_type; }
struct NativeValue<T> {
  using Wire = typename T::wire_type;
  static Result<T> parse(const wire::Attribute& attribute) {
    Result<Wire> value = NativeValue<Wire>::parse(attribute);
    if (!value) return std::move(value).error();
    return T(*value);
  }
  static void emit(wire::MessageBuilder& out, uint16_t type, const T& value) {
    NativeValue<Wire>::emit(out, type, static_cast<Wire>(value));
  }
};

/// Enumerations as their underlying integer.
template <class T>
requires std::is_enum_v<T>
struct NativeValue<T> {
  using Integer = std::underlying_type_t<T>;
  static Result<T> parse(const wire::Attribute& attribute) {
    Result<Integer> value = NativeValue<Integer>::parse(attribute);
    if (!value) return std::move(value).error();
    return static_cast<T>(*value);
  }
  static void emit(wire::MessageBuilder& out, uint16_t type, T value) {
    NativeValue<Integer>::emit(out, type, static_cast<Integer>(value));
  }
};

/// A flag set as the integer of its bits, as wide as the kernel's field.
template <class Flag>
struct NativeValue<FlagSet<Flag>> {
  using Bits = typename FlagSet<Flag>::Bits;
  static Result<FlagSet<Flag>> parse(const wire::Attribute& attribute) {
    Result<Bits> bits = NativeValue<Bits>::parse(attribute);
    if (!bits) return std::move(bits).error();
    return FlagSet<Flag>(*bits);
  }
  static void emit(wire::MessageBuilder& out, uint16_t type, FlagSet<Flag> value) {
    NativeValue<Bits>::emit(out, type, value.bits());
  }
};

/// The kernel's booleans are u8 0 / 1 (an NLA_FLAG is a plain bool member, see Native).
template <>
struct NativeValue<bool> {
  static Result<bool> parse(const wire::Attribute& attribute);
  static void emit(wire::MessageBuilder& out, uint16_t type, bool value);
};

/// NUL-terminated text.
template <>
struct NativeValue<std::string> {
  static Result<std::string> parse(const wire::Attribute& attribute);
  static void emit(wire::MessageBuilder& out, uint16_t type, const std::string& value);
};

/// The 6 bytes of a MAC address.
template <>
struct NativeValue<MacAddress> {
  static Result<MacAddress> parse(const wire::Attribute& attribute);
  static void emit(wire::MessageBuilder& out, uint16_t type, const MacAddress& value);
};

/// An IPv4 (4 bytes) or IPv6 (16 bytes) address, in network order; the
/// payload's size says which.
template <>
struct NativeValue<IpAddress> {
  static Result<IpAddress> parse(const wire::Attribute& attribute);
  static void emit(wire::MessageBuilder& out, uint16_t type, const IpAddress& value);
};

/// Reads an attribute in T's native layout into out without building a
/// Result: false when it does not hold one (the parse() of the same codec
/// says why). The hot path of a dump: integers, enums and addresses are
/// read in place.
template <class T>
bool read_native(const wire::Attribute& attribute, T& out) {
  if constexpr ((std::is_integral_v<T> && !std::is_same_v<T, bool>) || std::is_enum_v<T>) {
    if (attribute.payload().size() != sizeof(T)) return false;
    out = wire::load<T>(attribute.payload());
    return true;
  } else if constexpr (std::is_same_v<T, IpAddress>) {
    const size_t size = attribute.payload().size();
    return (size == 4 || size == 16) && read_address(attribute.payload(), size == 4 ? AF_INET : AF_INET6, out);
  } else {
    Result<T> parsed = NativeValue<T>::parse(attribute);
    if (!parsed) return false;
    out = std::move(*parsed);
    return true;
  }
}

/// One attribute in the native layout: a std::optional<T> member is the
/// attribute's value when present (see NativeValue for each T); a plain bool
/// member is an NLA_FLAG, true when the attribute is there.
struct Native {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }

  template <class T>
  Result<void> parse(const wire::Attribute& attribute, std::optional<T>& value) const {
    Result<T> parsed = NativeValue<T>::parse(attribute);
    if (!parsed) return std::move(parsed).error();
    value = std::move(*parsed);
    return {};
  }
  Result<void> parse(const wire::Attribute&, bool& present) const {
    present = true;
    return {};
  }
  template <class T>
  bool try_parse(const wire::Attribute& attribute, std::optional<T>& value) const {
    T read{};
    if (!read_native(attribute, read)) return false;
    value = std::move(read);
    return true;
  }
  bool try_parse(const wire::Attribute&, bool& present) const noexcept {
    present = true;
    return true;
  }

  template <class T>
  void emit(const std::optional<T>& value, wire::MessageBuilder& out) const {
    if (value) NativeValue<T>::emit(out, type, *value);
  }
  void emit(bool present, wire::MessageBuilder& out) const {
    if (present) out.add_flag(type);
  }
};

/// An option the kernel takes as an NLA_FLAG but reports as a u8 0 / 1
/// (IFLA_VXLAN_TTL_INHERIT): a plain bool member, sent as the flag when true.
struct FlagReportedAsU8 {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, bool& on) const {
    const wire::Bytes payload = attribute.payload();
    on = payload.empty() || payload[0] != std::byte{0};
    return {};
  }
  void emit(bool on, wire::MessageBuilder& out) const {
    if (on) out.add_flag(type);
  }
};

/// An unsigned integer (or an enumeration of one) in network byte order,
/// held in host order: ports, GRE keys and flags, vlan protocols.
struct BigEndian {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }

  template <class T>
  Result<void> parse(const wire::Attribute& attribute, std::optional<T>& value) const {
    Result<Unsigned<T>> parsed = NativeValue<Unsigned<T>>::parse(attribute);
    if (!parsed) return std::move(parsed).error();
    value = static_cast<T>(wire::network_to_host(*parsed));
    return {};
  }
  template <class T>
  void emit(const std::optional<T>& value, wire::MessageBuilder& out) const {
    if (value) out.add(type, wire::bytes_of(wire::host_to_network(static_cast<Unsigned<T>>(*value))));
  }

 private:
  template <class T>
  struct Integer {
    using type = T;
  };
  template <class T>
  requires std::is_enum_v<T>
  struct Integer<T> {
    using type = std::underlying_type_t<T>;
  };
  template <class T>
  using Unsigned = std::make_unsigned_t<typename Integer<T>::type>;
};

/// A plain member (not an optional) in one attribute in its native layout.
/// NonDefault: sent unless it holds its type's default (a u8 protocol of 0,
/// an empty name, an empty address, a false bool, then sent as u8 1, are
/// not sent). Always: sent whatever it holds, for what every message of its
/// object carries (an FDB entry's all-zeros NDA_LLADDR is a vxlan's default
/// remote).
template <bool always>
struct PlainMember {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }

  template <class T>
  Result<void> parse(const wire::Attribute& attribute, T& value) const {
    Result<T> parsed = NativeValue<T>::parse(attribute);
    if (!parsed) return std::move(parsed).error();
    value = std::move(*parsed);
    return {};
  }
  template <class T>
  bool try_parse(const wire::Attribute& attribute, T& value) const {
    return read_native(attribute, value);
  }
  template <class T>
  void emit(const T& value, wire::MessageBuilder& out) const {
    if (always || !(value == T{})) NativeValue<T>::emit(out, type, value);
  }
};

using NonDefault = PlainMember<false>;
using Always = PlainMember<true>;

/// An optional u32 the kernel reports as `absent` when unset
/// (FRA_SUPPRESS_PREFIXLEN's -1): that value reads as no value.
struct AbsentAs {
  uint16_t type;
  uint32_t absent;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<uint32_t>& value) const {
    Result<uint32_t> parsed = NativeValue<uint32_t>::parse(attribute);
    if (!parsed) return std::move(parsed).error();
    value = *parsed == absent ? std::nullopt : std::optional(*parsed);
    return {};
  }
  void emit(const std::optional<uint32_t>& value, wire::MessageBuilder& out) const {
    if (value) out.add_u32(type, *value);
  }
};

/// An attribute read and dropped (RTA_PAD, FRA_PAD: alignment, no content).
/// Its line has no member (see field_table.hpp's padding()).
struct Padding {
  static constexpr bool compared = false;
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute&, std::monostate&) const { return {}; }
  void emit(std::monostate, wire::MessageBuilder&) const {}
};

/// One address in two attributes, one per family (IFLA_VXLAN_GROUP and
/// IFLA_VXLAN_GROUP6): either is read; the address's family picks the one
/// written.
struct IpPair {
  uint16_t v4_type;
  uint16_t v6_type;

  constexpr std::array<uint16_t, 2> types() const noexcept { return {v4_type, v6_type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<IpAddress>& value) const;
  void emit(const std::optional<IpAddress>& value, wire::MessageBuilder& out) const;
};

/// A list in a nest: each entry an attribute holding one T in its native
/// layout. The entries' type is entry_type (IFLA_VLAN_QOS_MAPPING,
/// IFLA_ALT_IFNAME); without one they are numbered from 0, as in an
/// indexed array (bond's arp_ip_target). An empty list is not sent. The
/// nest goes without NLA_F_NESTED, as iproute2 sends it (the kernel's link
/// code does not ask for the flag), so nlpp's requests are ip's, byte for
/// byte; nested_flag sends it with the flag, for the kernel's strict
/// parsers (tc's ets quanta) and the tools that set it for them.
template <class T>
struct NestedList {
  uint16_t type;
  std::optional<uint16_t> entry_type{};
  bool nested_flag = false;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }

  Result<void> parse(const wire::Attribute& attribute, std::vector<T>& values) const {
    values.clear();
    if (Result<void> valid = attribute.nested().validate(); !valid) return valid;
    for (const wire::Attribute& entry : attribute.nested()) {
      if (entry_type && entry.type() != *entry_type)
        return Error(errc::malformed_attribute, "an entry of type " + std::to_string(entry.type()) + " in the list");
      Result<T> value = NativeValue<T>::parse(entry);
      if (!value) return std::move(value).error();
      values.push_back(std::move(*value));
    }
    return {};
  }
  void emit(const std::vector<T>& values, wire::MessageBuilder& out) const {
    if (values.empty()) return;
    const wire::MessageBuilder::Nest nest = nested_flag ? out.begin_nested(type) : out.begin_nested_without_flag(type);
    for (size_t i = 0; i < values.size(); ++i)
      NativeValue<T>::emit(out, entry_type.value_or(static_cast<uint16_t>(i)), values[i]);
    out.end_nested(nest);
  }
};

}  // namespace nlpp::codec
