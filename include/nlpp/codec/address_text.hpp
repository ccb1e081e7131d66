// The text forms of addresses, read at compile time or at run time by the
// same code: IPv4 and IPv6 as inet_pton(3) accepts them, prefix lengths,
// and MAC addresses. ip_address.hpp builds its types on these; they are
// constexpr so that an address literal can be checked by the compiler.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nlpp::address_text {

/// One hexadecimal digit's value, or -1.
constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Dotted-quad IPv4 into 4 bytes: four decimal numbers up to 255, without
/// leading zeros (inet_pton refuses "010", which inet_aton would read as octal).
constexpr bool parse_ipv4(std::string_view text, std::byte* out) noexcept {
  size_t octets = 0;
  size_t i = 0;
  while (octets < 4) {
    unsigned value = 0;
    size_t digits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
      if (digits == 1 && value == 0) return false;  // a leading zero
      value = value * 10 + static_cast<unsigned>(text[i] - '0');
      if (value > 255) return false;
    }
    if (digits == 0) return false;
    out[octets++] = static_cast<std::byte>(value);
    if (octets < 4) {
      if (i >= text.size() || text[i] != '.') return false;
      ++i;
    }
  }
  return i == text.size();
}

/// IPv6 into 16 bytes: up to eight groups of one to four hex digits, one
/// "::" standing for at least one zero group, and an IPv4 address as the
/// last 32 bits ("::ffff:192.0.2.1").
constexpr bool parse_ipv6(std::string_view text, std::byte* out) noexcept {
  std::array<std::byte, 16> bytes{};
  size_t filled = 0;                  // bytes written
  size_t gap = bytes.size() + 1;      // where "::" stands, if anywhere
  size_t i = 0;
  if (text.size() >= 2 && text[0] == ':' && text[1] == ':') {
    gap = 0;
    i = 2;
  } else if (!text.empty() && text[0] == ':') {
    return false;
  }
  while (i < text.size()) {
    const size_t group_start = i;
    unsigned value = 0;
    size_t digits = 0;
    for (; i < text.size() && hex_value(text[i]) >= 0 && digits < 5; ++i, ++digits)
      value = value * 16 + static_cast<unsigned>(hex_value(text[i]));
    if (i < text.size() && text[i] == '.') {  // the IPv4 tail
      if (filled + 4 > bytes.size() || !parse_ipv4(text.substr(group_start), bytes.data() + filled)) return false;
      filled += 4;
      i = text.size();
      break;
    }
    if (digits == 0 || digits > 4 || filled + 2 > bytes.size()) return false;
    bytes[filled++] = static_cast<std::byte>(value >> 8);
    bytes[filled++] = static_cast<std::byte>(value & 0xff);
    if (i == text.size()) break;
    if (text[i] != ':') return false;
    ++i;
    if (i < text.size() && text[i] == ':') {
      if (gap <= bytes.size()) return false;  // a second "::"
      gap = filled;
      ++i;
    } else if (i == text.size()) {
      return false;  // a single trailing ':'
    }
  }
  if (gap <= bytes.size()) {
    if (filled == bytes.size()) return false;  // "::" must stand for something
    const size_t tail = filled - gap;
    for (size_t k = 0; k < tail; ++k) bytes[bytes.size() - 1 - k] = bytes[filled - 1 - k];
    for (size_t k = gap; k < bytes.size() - tail; ++k) bytes[k] = std::byte{0};
  } else if (filled != bytes.size()) {
    return false;
  }
  for (size_t k = 0; k < bytes.size(); ++k) out[k] = bytes[k];
  return true;
}

/// A prefix length of at most max_bits ("24"), or -1.
constexpr int parse_prefix_length(std::string_view text, int max_bits) noexcept {
  if (text.empty() || text.size() > 3) return -1;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value <= max_bits ? value : -1;
}

/// "02:00:00:00:00:01" (or '-' between the bytes, hex digits of any case) into 6 bytes.
constexpr bool parse_mac(std::string_view text, uint8_t* out) noexcept {
  if (text.size() != 17) return false;
  for (size_t i = 0; i < 6; ++i) {
    const int high = hex_value(text[i * 3]);
    const int low = hex_value(text[i * 3 + 1]);
    if (high < 0 || low < 0) return false;
    if (i != 5 && text[i * 3 + 2] != ':' && text[i * 3 + 2] != '-') return false;
    out[i] = static_cast<uint8_t>(high * 16 + low);
  }
  return true;
}

}  // namespace nlpp::address_text
