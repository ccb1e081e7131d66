#include <nlpp/rtnl/link/port_range.hpp>

#include "rtnl/link/port_range_table.hpp"

#include <array>

namespace nlpp::rtnl::link {

std::string PortRange::to_string() const { return std::to_string(low) + "-" + std::to_string(high); }

}  // namespace nlpp::rtnl::link

namespace nlpp::codec {

Result<rtnl::link::PortRange> NativeValue<rtnl::link::PortRange>::parse(const wire::Attribute& attribute) {
  if (attribute.payload().size() != 4) return wrong_size(attribute, 4);
  const auto ports = wire::load<std::array<uint16_t, 2>>(attribute.payload());
  return rtnl::link::PortRange{wire::network_to_host(ports[0]), wire::network_to_host(ports[1])};
}

void NativeValue<rtnl::link::PortRange>::emit(wire::MessageBuilder& out, uint16_t type, const rtnl::link::PortRange& value) {
  const std::array<uint16_t, 2> ports{wire::host_to_network(value.low), wire::host_to_network(value.high)};
  out.add_struct(type, ports);
}

}  // namespace nlpp::codec
