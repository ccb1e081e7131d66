// Addresses as RTNL carries them: IPv4 and IPv6 addresses, prefixes, and
// link-layer (MAC) addresses. Parsing checks the text and names what is
// wrong, so bad input is refused before anything is sent.
//
// Each type is written the way its user writes it, three ways:
//
//     route.gateway = "10.0.0.2";              // converts; bad text throws nlpp::Exception
//     using namespace nlpp::literals;
//     route.gateway = "10.0.0.2"_ip;           // checked by the compiler
//     Result<IpAddress> gateway = IpAddress::parse(text);  // the error as a value
#pragma once

#include <nlpp/codec/address_text.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/wire/bytes.hpp>

#include <sys/socket.h>  // AF_INET, AF_INET6, AF_UNSPEC: what family() returns

#include <array>
#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace nlpp {

namespace address_text {
// Throw nlpp::Exception for text that is not an address of the kind named.
// Not constexpr on purpose: reached while the compiler checks a literal,
// they make it a compile-time error that names them.
[[noreturn]] void throw_not_an_address(std::string_view text);
[[noreturn]] void throw_not_a_prefix(std::string_view text);
[[noreturn]] void throw_not_a_mac(std::string_view text);
}  // namespace address_text

/// An IPv4 or IPv6 address, or none (family() == AF_UNSPEC). 17 bytes of
/// storage, no allocation.
class IpAddress {
 public:
  /// No address (AF_UNSPEC).
  constexpr IpAddress() noexcept = default;
  /// "192.0.2.1" or "2001:db8::1", as inet_pton(3) reads them; other text
  /// throws nlpp::Exception naming it (parse() returns the error instead).
  constexpr IpAddress(std::string_view text) {  // NOLINT: implicit by design, gateway = "10.0.0.2"
    if (!read(text)) address_text::throw_not_an_address(text);
  }
  constexpr IpAddress(const char* text) : IpAddress(std::string_view(text)) {}  // NOLINT: implicit
  IpAddress(const std::string& text) : IpAddress(std::string_view(text)) {}     // NOLINT: implicit

  /// Parses "192.0.2.1" or "2001:db8::1". The error names the text.
  static Result<IpAddress> parse(std::string_view text);
  /// An address of a family (AF_INET: 4 bytes, AF_INET6: 16) from its wire
  /// bytes, in network order; the wrong size or family is an error.
  static Result<IpAddress> from_bytes(int family, wire::Bytes bytes);
  /// An IPv4 address from its host-order value (0xc0000201 is 192.0.2.1).
  static IpAddress v4(uint32_t host_order) noexcept;

  /// AF_INET, AF_INET6 or AF_UNSPEC.
  int family() const noexcept { return family_; }
  constexpr bool is_v4() const noexcept { return family_ == AF_INET; }
  constexpr bool is_v6() const noexcept { return family_ == AF_INET6; }
  bool empty() const noexcept { return size() == 0; }
  /// The address in network order: 4, 16 or 0 bytes.
  wire::Bytes bytes() const noexcept { return wire::Bytes(bytes_.data(), size()); }
  size_t size() const noexcept;
  /// "192.0.2.1", "2001:db8::1", or "" for none.
  std::string to_string() const;

  friend bool operator==(const IpAddress&, const IpAddress&) = default;
  friend auto operator<=>(const IpAddress&, const IpAddress&) = default;

 private:
  friend struct IpPrefix;  // its text constructor reads the address in place
  /// Reads the text as IPv4, else IPv6; false (and unchanged family) when it is neither.
  constexpr bool read(std::string_view text) noexcept {
    if (address_text::parse_ipv4(text, bytes_.data()))
      family_ = AF_INET;
    else if (address_text::parse_ipv6(text, bytes_.data()))
      family_ = AF_INET6;
    else
      return false;
    return true;
  }

  uint8_t family_ = 0;  // AF_UNSPEC
  std::array<std::byte, 16> bytes_{};
};

/// An address and a prefix length: "10.0.0.0/24", "2001:db8::/64".
struct IpPrefix {
  IpAddress address;
  uint8_t length = 0;

  constexpr IpPrefix() noexcept = default;
  constexpr IpPrefix(IpAddress prefix_address, uint8_t prefix_length) noexcept
      : address(prefix_address), length(prefix_length) {}
  /// "ADDRESS/LENGTH", or "ADDRESS" alone as a host prefix; other text
  /// throws nlpp::Exception naming it (parse() returns the error instead).
  constexpr IpPrefix(std::string_view text) {  // NOLINT: implicit by design, dst = "10.0.0.0/24"
    if (read(text) != TextError::none) address_text::throw_not_a_prefix(text);
  }
  constexpr IpPrefix(const char* text) : IpPrefix(std::string_view(text)) {}  // NOLINT: implicit
  IpPrefix(const std::string& text) : IpPrefix(std::string_view(text)) {}     // NOLINT: implicit

  /// Parses "ADDRESS/LENGTH", or "ADDRESS" alone as a host prefix (/32 or
  /// /128). A length beyond the family's bits is an error naming it.
  static Result<IpPrefix> parse(std::string_view text);
  /// Whether bits past the prefix length are zero (routes want that).
  bool is_network() const noexcept;
  std::string to_string() const;

  friend bool operator==(const IpPrefix&, const IpPrefix&) = default;
  friend auto operator<=>(const IpPrefix&, const IpPrefix&) = default;

 private:
  // Which half of the text was wrong, for parse()'s message.
  enum class TextError : uint8_t { none, address, length };
  // Reads "ADDRESS/LENGTH" or "ADDRESS" (a host prefix) into this prefix:
  // the one reader of the constructor and parse().
  constexpr TextError read(std::string_view text) noexcept {
    const size_t slash = text.find('/');
    if (!address.read(text.substr(0, slash))) return TextError::address;
    const int bits = address.is_v4() ? 32 : 128;
    const int parsed =
        slash == std::string_view::npos ? bits : address_text::parse_prefix_length(text.substr(slash + 1), bits);
    if (parsed < 0) return TextError::length;
    length = static_cast<uint8_t>(parsed);
    return TextError::none;
  }
};

/// A 6-byte link-layer address.
class MacAddress {
 public:
  constexpr MacAddress() noexcept = default;
  constexpr explicit MacAddress(const std::array<uint8_t, 6>& bytes) noexcept : bytes_(bytes) {}
  /// "02:00:00:00:00:01"; other text throws nlpp::Exception naming it
  /// (parse() returns the error instead).
  constexpr MacAddress(std::string_view text) {  // NOLINT: implicit by design, lladdr = "02:00:00:00:00:09"
    if (!address_text::parse_mac(text, bytes_.data())) address_text::throw_not_a_mac(text);
  }
  constexpr MacAddress(const char* text) : MacAddress(std::string_view(text)) {}  // NOLINT: implicit
  MacAddress(const std::string& text) : MacAddress(std::string_view(text)) {}     // NOLINT: implicit

  /// Parses "02:00:00:00:00:01" (':' or '-' separated, hex, any case).
  static Result<MacAddress> parse(std::string_view text);
  /// From the 6 wire bytes of IFLA_ADDRESS / NDA_LLADDR; another size is an error.
  static Result<MacAddress> from_bytes(wire::Bytes bytes);

  wire::Bytes bytes() const noexcept { return wire::bytes_of(bytes_); }
  /// "02:00:00:00:00:01".
  std::string to_string() const;

  friend bool operator==(const MacAddress&, const MacAddress&) = default;
  friend auto operator<=>(const MacAddress&, const MacAddress&) = default;

 private:
  std::array<uint8_t, 6> bytes_{};
};

/// The to_string() text: "192.0.2.1", "10.0.0.0/24", "02:00:00:00:00:01".
std::ostream& operator<<(std::ostream& out, const IpAddress& address);
std::ostream& operator<<(std::ostream& out, const IpPrefix& prefix);
std::ostream& operator<<(std::ostream& out, const MacAddress& address);

/// Address literals the compiler checks: "10.0.0.2"_ip, "10.0.0.0/24"_prefix,
/// "02:00:00:00:00:09"_mac. A literal that is not one fails to compile.
namespace literals {
consteval IpAddress operator""_ip(const char* text, size_t size) { return IpAddress(std::string_view(text, size)); }
consteval IpPrefix operator""_prefix(const char* text, size_t size) { return IpPrefix(std::string_view(text, size)); }
consteval MacAddress operator""_mac(const char* text, size_t size) { return MacAddress(std::string_view(text, size)); }
}  // namespace literals

}  // namespace nlpp
