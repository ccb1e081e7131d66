// Addresses as RTNL carries them: IPv4 and IPv6 addresses, prefixes, and
// link-layer (MAC) addresses. Parsing checks the text and names what is
// wrong, so bad input is refused before anything is sent.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/bytes.hpp>

#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace nlpp {

/// An IPv4 or IPv6 address, or none (family() == AF_UNSPEC). 17 bytes of
/// storage, no allocation.
class IpAddress {
 public:
  /// No address (AF_UNSPEC).
  IpAddress() noexcept = default;

  /// Parses "192.0.2.1" or "2001:db8::1". The error names the text.
  static Result<IpAddress> parse(std::string_view text);
  /// An address of a family (AF_INET: 4 bytes, AF_INET6: 16) from its wire
  /// bytes, in network order; the wrong size or family is an error.
  static Result<IpAddress> from_bytes(int family, wire::Bytes bytes);
  /// An IPv4 address from its host-order value (0xc0000201 is 192.0.2.1).
  static IpAddress v4(uint32_t host_order) noexcept;

  /// AF_INET, AF_INET6 or AF_UNSPEC.
  int family() const noexcept { return family_; }
  bool is_v4() const noexcept;
  bool is_v6() const noexcept;
  bool empty() const noexcept { return size() == 0; }
  /// The address in network order: 4, 16 or 0 bytes.
  wire::Bytes bytes() const noexcept { return wire::Bytes(bytes_.data(), size()); }
  size_t size() const noexcept;
  /// "192.0.2.1", "2001:db8::1", or "" for none.
  std::string to_string() const;

  friend bool operator==(const IpAddress&, const IpAddress&) = default;
  friend auto operator<=>(const IpAddress&, const IpAddress&) = default;

 private:
  uint8_t family_ = 0;  // AF_UNSPEC
  std::array<std::byte, 16> bytes_{};
};

/// An address and a prefix length: "10.0.0.0/24", "2001:db8::/64".
struct IpPrefix {
  IpAddress address;
  uint8_t length = 0;

  /// Parses "ADDRESS/LENGTH", or "ADDRESS" alone as a host prefix (/32 or
  /// /128). A length beyond the family's bits is an error naming it.
  static Result<IpPrefix> parse(std::string_view text);
  /// Whether bits past the prefix length are zero (routes want that).
  bool is_network() const noexcept;
  std::string to_string() const;

  friend bool operator==(const IpPrefix&, const IpPrefix&) = default;
  friend auto operator<=>(const IpPrefix&, const IpPrefix&) = default;
};

/// A 6-byte link-layer address.
class MacAddress {
 public:
  MacAddress() noexcept = default;
  explicit MacAddress(const std::array<uint8_t, 6>& bytes) noexcept : bytes_(bytes) {}

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

}  // namespace nlpp
