// A value and the bits of it a match compares, as flower's keys carry
// them: the packet matches when (field & mask) == (value & mask).
#pragma once

#include <nlpp/codec/ip_address.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace nlpp::rtnl::tc {

/// The mask of a prefix's length in its family ("/24": 255.255.255.0);
/// none for a whole address's length, which compares every bit.
std::optional<IpAddress> prefix_mask(const IpPrefix& prefix);

/// A key and its mask. No mask: every bit is compared (an exact match), and
/// a mask of all ones read from the kernel reads as none, so what was asked
/// and what a dump gives back compare equal.
///
///     flower.dst_port = 80;                        // exact
///     flower.tcp_flags = {0x02, 0x12};             // SYN set, ACK clear
///     flower.dst_ip = "10.0.0.0/24";               // an address: a prefix, or
///     flower.src_ip = {"10.0.0.1", "255.0.0.255"}; // any mask
template <class T>
struct Masked {
  T value{};
  std::optional<T> mask{};  ///< the bits compared; none: all of them

  constexpr Masked() = default;
  constexpr Masked(T exact) : value(exact) {}  // NOLINT: implicit by design, dst_port = 80
  constexpr Masked(T key, T bits) : value(key), mask(bits) {}
  /// An address prefix ("10.0.0.0/24", or an address alone: exact); bad
  /// text throws nlpp::Exception naming it.
  Masked(const IpPrefix& prefix) requires std::is_same_v<T, IpAddress>  // NOLINT: implicit, dst_ip = "10.0.0.0/24"
      : value(prefix.address), mask(prefix_mask(prefix)) {}
  Masked(const char* text) requires std::is_same_v<T, IpAddress>  // NOLINT: implicit
      : Masked(IpPrefix(std::string_view(text))) {}
  Masked(const char* text) requires std::is_same_v<T, MacAddress>  // NOLINT: implicit, dst_mac = "02:00:00:00:00:01"
      : value(std::string_view(text)) {}

  /// Whether every bit is compared.
  constexpr bool exact() const noexcept { return !mask.has_value(); }

  /// "VALUE" or "VALUE/MASK", for diffs and messages (integers in hex).
  std::string to_string() const {
    std::string text = text_of(value);
    if (mask) text += "/" + text_of(*mask);
    return text;
  }

  friend bool operator==(const Masked&, const Masked&) = default;

 private:
  static std::string text_of(const T& part) {
    if constexpr (std::is_integral_v<T>) {
      static constexpr char digits[] = "0123456789abcdef";
      std::string hex;
      auto bits = static_cast<uint64_t>(part);
      do {
        hex.insert(hex.begin(), digits[bits & 0xf]);
        bits >>= 4;
      } while (bits != 0);
      return "0x" + hex;
    } else if constexpr (requires { part.to_string(); }) {
      return part.to_string();
    } else {  // bytes (conntrack labels)
      static constexpr char digits[] = "0123456789abcdef";
      std::string hex;
      for (uint8_t byte : part) {
        hex += digits[byte >> 4];
        hex += digits[byte & 0xf];
      }
      return hex;
    }
  }
};

/// A 128-bit conntrack label, in the kernel's byte order.
using CtLabel = std::array<uint8_t, 16>;

}  // namespace nlpp::rtnl::tc
