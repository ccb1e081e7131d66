// Byte spans and unaligned loads/stores: the vocabulary of the wire layer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <bit>
#include <cstring>
#include <span>
#include <string_view>
#include <type_traits>

namespace nlpp::wire {

/// A read-only view of bytes received from (or about to be sent to) the kernel.
using Bytes = std::span<const std::byte>;

/// Netlink aligns headers and attributes to 4 bytes (NLMSG_ALIGNTO, NLA_ALIGNTO).
constexpr size_t align4(size_t n) noexcept { return (n + 3u) & ~size_t{3}; }

/// Copies a trivially copyable T out of bytes that may be unaligned.
/// The caller guarantees bytes.size() >= sizeof(T).
template <class T>
T load(Bytes bytes) noexcept {
  static_assert(std::is_trivially_copyable_v<T>);
  T value;
  std::memcpy(&value, bytes.data(), sizeof(T));
  return value;
}

/// Reverses the byte order of an unsigned integer (network <-> host on x86).
template <class T>
constexpr T byteswap(T value) noexcept {
  static_assert(std::is_unsigned_v<T>);
  if constexpr (sizeof(T) == 1) return value;
  else if constexpr (sizeof(T) == 2) return __builtin_bswap16(value);
  else if constexpr (sizeof(T) == 4) return __builtin_bswap32(value);
  else return __builtin_bswap64(value);
}

/// Converts between host order and network (big-endian) order.
template <class T>
constexpr T host_to_network(T value) noexcept {
  if constexpr (std::endian::native == std::endian::little) return byteswap(value);
  else return value;
}
template <class T>
constexpr T network_to_host(T value) noexcept { return host_to_network(value); }

/// Views the bytes of a trivially copyable object.
template <class T>
Bytes bytes_of(const T& object) noexcept {
  static_assert(std::is_trivially_copyable_v<T>);
  return {reinterpret_cast<const std::byte*>(&object), sizeof(T)};
}

/// Views the characters of a string as bytes (no terminator).
inline Bytes bytes_of(std::string_view text) noexcept {
  return {reinterpret_cast<const std::byte*>(text.data()), text.size()};
}

}  // namespace nlpp::wire
