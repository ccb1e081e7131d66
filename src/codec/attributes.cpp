#include "codec/attributes.hpp"
#include "codec/checks.hpp"

#include <sys/socket.h>

#include <new>
#include <type_traits>

namespace nlpp {

std::string to_string(const RawAttribute& attribute) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string text = "type " + std::to_string(attribute.type) + ": ";
  for (const std::byte byte : attribute.payload) {
    text += digits[std::to_integer<unsigned>(byte) >> 4];
    text += digits[std::to_integer<unsigned>(byte) & 0xf];
  }
  return text;
}

}  // namespace nlpp

namespace nlpp::codec {

bool read_address(wire::Bytes bytes, int family, IpAddress& out) noexcept {
  // The common case, without the Result that from_bytes() builds, and
  // built in place: assigning v4()'s result copies it through a temporary
  // whose 16-byte load waits on the narrower stores that wrote it (a
  // store-forwarding stall, a third of a route's parse).
  if (family == AF_INET && bytes.size() == sizeof(uint32_t)) {
    static_assert(std::is_trivially_destructible_v<IpAddress>);
    new (&out) IpAddress(IpAddress::v4(wire::network_to_host(wire::load<uint32_t>(bytes))));
    return true;
  }
  Result<IpAddress> address = IpAddress::from_bytes(family, bytes);
  if (!address) return false;
  out = *address;
  return true;
}

std::string describe_raw(const std::vector<RawAttribute>& attributes) {
  std::string text;
  for (const RawAttribute& attribute : attributes) text += (text.empty() ? "" : ", ") + to_string(attribute);
  return text;
}

Error bad_attribute(std::string_view what, const wire::Attribute& attribute) {
  return Error(errc::malformed_attribute, std::string(what) + ": attribute type " + std::to_string(attribute.type()) +
                                              " with a payload of " + std::to_string(attribute.payload().size()) +
                                              " bytes");
}

Result<void> check_consumed(std::string_view what, wire::AttributeRange attributes, size_t consumed) {
  if (consumed >= attributes.bytes().size()) return {};
  return Error(errc::malformed_attribute, std::string(what) + ": bad attribute header at offset " +
                                              std::to_string(consumed) + " of " +
                                              std::to_string(attributes.bytes().size()) + " bytes");
}

Error parse_error(std::string_view what, const Error& error) {
  return Error(error.code(), std::string(what) + ": " + error.context());
}

Error invalid(std::string_view field, std::string_view why) {
  return Error(errc::invalid_argument, std::string(field) + ": " + std::string(why));
}

Result<void> validate_prefix(std::string_view field, const IpPrefix& prefix, int family, std::string_view owner) {
  if (prefix.address.empty()) {
    if (prefix.length != 0) return invalid(field, "a prefix length without an address");
    return {};
  }
  if (prefix.address.family() != family)
    return invalid(field, "'" + prefix.to_string() + "' is not of the " + std::string(owner) + "'s family");
  const size_t bits = prefix.address.size() * 8;
  if (prefix.length > bits)
    return invalid(field, "prefix length " + std::to_string(prefix.length) + " is more than " + std::to_string(bits));
  return {};
}

}  // namespace nlpp::codec
