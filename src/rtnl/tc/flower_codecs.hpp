// The codecs of flower's keys: a key and its mask in two attributes (each
// value in its own layout: an integer native or big-endian, an address, a
// MAC address, a conntrack label), an address whose family picks its
// attributes, a port or ICMP key whose attributes ip_proto picks, and a
// port range.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/flower.hpp>
#include <nlpp/rtnl/tc/masked.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/value_codecs.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <type_traits>

namespace nlpp::rtnl::tc {

/// How one half of a masked key is laid out: integers natively, or in
/// network order when big_endian; addresses and labels as their bytes.
template <class T, bool big_endian>
struct MaskPart {
  static Result<T> parse(const wire::Attribute& attribute) {
    if constexpr (std::is_same_v<T, CtLabel>) {
      if (attribute.payload().size() != sizeof(T)) return codec::wrong_size(attribute, sizeof(T));
      T label{};
      std::memcpy(label.data(), attribute.payload().data(), label.size());
      return label;
    } else {
      Result<T> value = codec::NativeValue<T>::parse(attribute);
      if constexpr (big_endian)
        if (value) *value = wire::network_to_host(*value);
      return value;
    }
  }
  static void emit(wire::MessageBuilder& out, uint16_t type, const T& value) {
    if constexpr (std::is_same_v<T, CtLabel>)
      out.add(type, wire::bytes_of(value));
    else if constexpr (big_endian)
      out.add(type, wire::bytes_of(wire::host_to_network(value)));
    else
      codec::NativeValue<T>::emit(out, type, value);
  }
  /// Every bit of a value like `like` (an address: of its family).
  static T all_ones(const T& like) {
    if constexpr (std::is_integral_v<T>) {
      return static_cast<T>(~T{});
    } else if constexpr (std::is_same_v<T, IpAddress>) {
      const std::array<std::byte, 16> ones = filled_bytes<16>();
      IpAddress mask;
      codec::read_address(wire::Bytes(ones.data(), like.size()), like.family(), mask);
      return mask;
    } else if constexpr (std::is_same_v<T, MacAddress>) {
      return MacAddress(std::array<uint8_t, 6>{0xff, 0xff, 0xff, 0xff, 0xff, 0xff});
    } else {
      T ones{};
      ones.fill(0xff);
      return ones;
    }
  }

 private:
  template <size_t size>
  static std::array<std::byte, size> filled_bytes() {
    std::array<std::byte, size> bytes{};
    bytes.fill(std::byte{0xff});
    return bytes;
  }
};

/// A key in key_type and its mask in mask_type. A mask of all ones (or of
/// exact_bits, for a key with fewer bits than its integer: TCP's 12 flags)
/// reads as none (exact). An exact key is sent with that mask, as tc sends
/// most keys, or alone when mask_when_exact is false (tc's ports).
template <bool big_endian = false>
struct MaskedIn {
  uint16_t key_type;
  uint16_t mask_type;
  bool mask_when_exact = true;
  uint32_t exact_bits = 0;  // 0: all of the value's bits

  constexpr std::array<uint16_t, 2> types() const noexcept { return {key_type, mask_type}; }

  template <class T>
  Result<void> parse(const wire::Attribute& attribute, std::optional<Masked<T>>& key) const {
    Result<T> part = MaskPart<T, big_endian>::parse(attribute);
    if (!part) return std::move(part).error();
    if (!key) key.emplace();
    if (attribute.type() == key_type)
      key->value = *part;
    else
      key->mask = *part == exact_mask(*part) ? std::nullopt : std::optional<T>(*part);
    return {};
  }
  template <class T>
  void emit(const std::optional<Masked<T>>& key, wire::MessageBuilder& out) const {
    if (!key) return;
    MaskPart<T, big_endian>::emit(out, key_type, key->value);
    if (key->mask)
      MaskPart<T, big_endian>::emit(out, mask_type, *key->mask);
    else if (mask_when_exact)
      MaskPart<T, big_endian>::emit(out, mask_type, exact_mask(key->value));
  }

 private:
  template <class T>
  T exact_mask(const T& like) const {
    if constexpr (std::is_integral_v<T>)
      if (exact_bits != 0) return static_cast<T>(exact_bits);
    return MaskPart<T, big_endian>::all_ones(like);
  }
};

/// An address key with an IPv4 and an IPv6 pair of attributes: either is
/// read; the address's family picks the pair written.
struct MaskedAddressIn {
  MaskedIn<> v4;
  MaskedIn<> v6;

  constexpr std::array<uint16_t, 4> types() const noexcept {
    return {v4.key_type, v4.mask_type, v6.key_type, v6.mask_type};
  }
  Result<void> parse(const wire::Attribute& attribute, std::optional<Masked<IpAddress>>& key) const {
    return (attribute.type() == v4.key_type || attribute.type() == v4.mask_type ? v4 : v6).parse(attribute, key);
  }
  void emit(const std::optional<Masked<IpAddress>>& key, wire::MessageBuilder& out) const {
    if (key) (key->value.is_v4() ? v4 : v6).emit(key, out);
  }
};

/// A key whose attributes depend on another key (a port's on ip_proto, an
/// ICMP field's on icmp or icmpv6): each choice's pair is read; the one
/// `choose(flower)` names is written, none when it names none (validation
/// refuses that before).
template <size_t choices, bool big_endian>
struct ChosenMaskedIn {
  std::array<MaskedIn<big_endian>, choices> pairs;
  int (*choose)(const Flower& flower);  // an index into pairs, or -1

  constexpr std::array<uint16_t, 2 * choices> types() const noexcept {
    std::array<uint16_t, 2 * choices> all{};
    for (size_t index = 0; index < choices; ++index) {
      all[2 * index] = pairs[index].key_type;
      all[2 * index + 1] = pairs[index].mask_type;
    }
    return all;
  }
  template <class T>
  Result<void> parse(const wire::Attribute& attribute, std::optional<Masked<T>>& key) const {
    const auto pair = std::ranges::find_if(pairs, [&](const MaskedIn<big_endian>& candidate) {
      return attribute.type() == candidate.key_type || attribute.type() == candidate.mask_type;
    });
    return pair->parse(attribute, key);  // types() claims no other attribute
  }
  template <class T>
  void emit(const std::optional<Masked<T>>& key, wire::MessageBuilder& out, const Flower& flower) const {
    const int chosen = choose(flower);
    if (key && chosen >= 0) pairs[static_cast<size_t>(chosen)].emit(key, out);
  }
};

/// A port range in two big-endian u16 attributes.
struct PortRangeIn {
  uint16_t min_type;
  uint16_t max_type;

  constexpr std::array<uint16_t, 2> types() const noexcept { return {min_type, max_type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<PortRange>& range) const;
  void emit(const std::optional<PortRange>& range, wire::MessageBuilder& out) const;
};

}  // namespace nlpp::rtnl::tc
