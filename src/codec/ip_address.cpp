#include <nlpp/codec/ip_address.hpp>

#include <arpa/inet.h>
#include <sys/socket.h>

#include <charconv>
#include <cstring>
#include <ostream>

namespace nlpp {
namespace {

Error bad(std::string_view what, std::string_view text, std::string_view why) {
  return Error(errc::invalid_argument, std::string(what) + " '" + std::string(text) + "': " + std::string(why));
}

int bits_of(int family) { return family == AF_INET ? 32 : family == AF_INET6 ? 128 : 0; }

}  // namespace

namespace address_text {

void throw_not_an_address(std::string_view text) {
  throw Exception(bad("address", text, "not an IPv4 or IPv6 address"));
}
void throw_not_a_prefix(std::string_view text) { throw Exception(IpPrefix::parse(text).error()); }
void throw_not_a_mac(std::string_view text) { throw Exception(MacAddress::parse(text).error()); }

}  // namespace address_text

Result<IpAddress> IpAddress::parse(std::string_view text) {
  IpAddress address;
  if (!address.read(text)) return bad("address", text, "not an IPv4 or IPv6 address");
  return address;
}

Result<IpAddress> IpAddress::from_bytes(int family, wire::Bytes bytes) {
  IpAddress address;
  address.family_ = static_cast<uint8_t>(family);
  if ((family != AF_INET && family != AF_INET6) || bytes.size() != address.size())
    return Error(errc::malformed_attribute,
                 "address of family " + std::to_string(family) + " with " + std::to_string(bytes.size()) + " bytes");
  std::memcpy(address.bytes_.data(), bytes.data(), bytes.size());
  return address;
}

IpAddress IpAddress::v4(uint32_t host_order) noexcept {
  IpAddress address;
  address.family_ = AF_INET;
  const uint32_t network = wire::host_to_network(host_order);
  std::memcpy(address.bytes_.data(), &network, sizeof network);
  return address;
}

size_t IpAddress::size() const noexcept { return static_cast<size_t>(bits_of(family_) / 8); }

std::string IpAddress::to_string() const {
  if (empty()) return {};
  if (family_ == AF_INET) {
    // glibc's inet_ntop formats IPv4 through sprintf, a tenth of printing
    // a big route table: four to_chars do the same.
    std::string text;
    text.reserve(15);
    for (size_t i = 0; i < 4; ++i) {
      char digits[3];
      if (i != 0) text += '.';
      text.append(digits, std::to_chars(digits, digits + sizeof digits, std::to_integer<unsigned>(bytes_[i])).ptr);
    }
    return text;
  }
  char text[INET6_ADDRSTRLEN];
  return ::inet_ntop(family_, bytes_.data(), text, sizeof text);
}

Result<IpPrefix> IpPrefix::parse(std::string_view text) {
  IpPrefix prefix;
  switch (prefix.read(text)) {
    case TextError::none:
      return prefix;
    case TextError::address:
      return bad("prefix", text, "not an IPv4 or IPv6 address before the '/'");
    case TextError::length:
      break;
  }
  return bad("prefix", text,
             "the length must be a number from 0 to " + std::to_string(bits_of(prefix.address.family())));
}

bool IpPrefix::is_network() const noexcept {
  const wire::Bytes bytes = address.bytes();
  for (size_t bit = length; bit < bytes.size() * 8; ++bit)
    if ((std::to_integer<uint8_t>(bytes[bit / 8]) >> (7 - bit % 8)) & 1) return false;
  return true;
}

std::string IpPrefix::to_string() const { return address.to_string() + "/" + std::to_string(length); }

Result<MacAddress> MacAddress::parse(std::string_view text) {
  std::array<uint8_t, 6> bytes{};
  if (!address_text::parse_mac(text, bytes.data()))
    return bad("MAC address", text, "expected six hex bytes such as 02:00:00:00:00:01");
  return MacAddress(bytes);
}

Result<MacAddress> MacAddress::from_bytes(wire::Bytes bytes) {
  if (bytes.size() != 6)
    return Error(errc::malformed_attribute, "MAC address of " + std::to_string(bytes.size()) + " bytes");
  std::array<uint8_t, 6> copy{};
  std::memcpy(copy.data(), bytes.data(), copy.size());
  return MacAddress(copy);
}

std::string MacAddress::to_string() const {
  static constexpr char digits[] = "0123456789abcdef";
  std::string text;
  for (size_t i = 0; i < bytes_.size(); ++i) {
    if (i != 0) text += ':';
    text += digits[bytes_[i] >> 4];
    text += digits[bytes_[i] & 0xf];
  }
  return text;
}

std::ostream& operator<<(std::ostream& out, const IpAddress& address) { return out << address.to_string(); }
std::ostream& operator<<(std::ostream& out, const IpPrefix& prefix) { return out << prefix.to_string(); }
std::ostream& operator<<(std::ostream& out, const MacAddress& address) { return out << address.to_string(); }

}  // namespace nlpp
