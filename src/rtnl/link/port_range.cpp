#include <nlpp/rtnl/link/port_range.hpp>

#include <array>

namespace nlpp::rtnl::link {

std::string PortRange::to_string() const { return std::to_string(low) + "-" + std::to_string(high); }

Result<PortRange> NativeValue<PortRange>::parse(const wire::Attribute& attribute) {
  if (attribute.payload().size() != 4) return wrong_size(attribute, 4);
  const auto ports = wire::load<std::array<uint16_t, 2>>(attribute.payload());
  return PortRange{wire::network_to_host(ports[0]), wire::network_to_host(ports[1])};
}

void NativeValue<PortRange>::emit(wire::MessageBuilder& out, uint16_t type, const PortRange& value) {
  const std::array<uint16_t, 2> ports{wire::host_to_network(value.low), wire::host_to_network(value.high)};
  out.add_struct(type, ports);
}

}  // namespace nlpp::rtnl::link
