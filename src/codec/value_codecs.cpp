#include "codec/value_codecs.hpp"

#include "codec/attributes.hpp"

#include <sys/socket.h>

namespace nlpp::codec {

Error wrong_size(const wire::Attribute& attribute, size_t expected) {
  return Error(errc::malformed_attribute, std::to_string(attribute.payload().size()) + " bytes where " +
                                              std::to_string(expected) + " were expected");
}

Result<bool> NativeValue<bool>::parse(const wire::Attribute& attribute) {
  Result<uint8_t> value = attribute.u8();
  if (!value) return wrong_size(attribute, 1);
  return *value != 0;
}

void NativeValue<bool>::emit(wire::MessageBuilder& out, uint16_t type, bool value) { out.add_u8(type, value ? 1 : 0); }

Result<std::string> NativeValue<std::string>::parse(const wire::Attribute& attribute) {
  return std::string(attribute.string());
}

void NativeValue<std::string>::emit(wire::MessageBuilder& out, uint16_t type, const std::string& value) {
  out.add_string(type, value);
}

Result<MacAddress> NativeValue<MacAddress>::parse(const wire::Attribute& attribute) {
  return MacAddress::from_bytes(attribute.payload());
}

void NativeValue<MacAddress>::emit(wire::MessageBuilder& out, uint16_t type, const MacAddress& value) {
  out.add(type, value.bytes());
}

Result<IpAddress> NativeValue<IpAddress>::parse(const wire::Attribute& attribute) {
  const size_t size = attribute.payload().size();
  if (size != 4 && size != 16) return wrong_size(attribute, 4);
  IpAddress address;
  read_address(attribute.payload(), size == 4 ? AF_INET : AF_INET6, address);
  return address;
}

void NativeValue<IpAddress>::emit(wire::MessageBuilder& out, uint16_t type, const IpAddress& value) {
  out.add(type, value.bytes());
}

Result<void> IpPair::parse(const wire::Attribute& attribute, std::optional<IpAddress>& value) const {
  const int family = attribute.type() == v4_type ? AF_INET : AF_INET6;
  Result<IpAddress> address = IpAddress::from_bytes(family, attribute.payload());
  if (!address) return std::move(address).error();
  value = *address;
  return {};
}

void IpPair::emit(const std::optional<IpAddress>& value, wire::MessageBuilder& out) const {
  if (value) out.add(value->is_v4() ? v4_type : v6_type, value->bytes());
}

}  // namespace nlpp::codec
