#include <nlpp/rtnl/link/bridge_id.hpp>

#include "rtnl/link/bridge_id_table.hpp"

#include <array>
#include <cstdio>

namespace nlpp::rtnl::link {

std::string BridgeId::to_string() const {
  char priority_text[5];
  std::snprintf(priority_text, sizeof priority_text, "%04x", priority);
  return priority_text + ("." + address.to_string());
}

}  // namespace nlpp::rtnl::link

namespace nlpp::codec {

Result<rtnl::link::BridgeId> NativeValue<rtnl::link::BridgeId>::parse(const wire::Attribute& attribute) {
  const wire::Bytes payload = attribute.payload();
  if (payload.size() != 8) return wrong_size(attribute, 8);
  Result<MacAddress> address = MacAddress::from_bytes(payload.subspan(2));
  if (!address) return std::move(address).error();
  const auto priority =
      static_cast<uint16_t>(std::to_integer<unsigned>(payload[0]) << 8 | std::to_integer<unsigned>(payload[1]));
  return rtnl::link::BridgeId{priority, *address};
}

void NativeValue<rtnl::link::BridgeId>::emit(wire::MessageBuilder& out, uint16_t type, const rtnl::link::BridgeId& value) {
  std::array<std::byte, 8> payload{std::byte(value.priority >> 8), std::byte(value.priority & 0xff)};
  std::copy(value.address.bytes().begin(), value.address.bytes().end(), payload.begin() + 2);
  out.add(type, payload);
}

}  // namespace nlpp::codec
