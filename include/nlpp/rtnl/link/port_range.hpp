// A UDP source port range (struct ifla_vxlan_port_range, also geneve's):
// the range the kernel picks a tunnel's source ports from.
#pragma once

#include <nlpp/rtnl/link/codecs.hpp>

#include <cstdint>
#include <string>

namespace nlpp::rtnl::link {

/// An inclusive range of ports, in host order.
struct PortRange {
  uint16_t low = 0;
  uint16_t high = 0;

  /// "low-high".
  std::string to_string() const;

  friend bool operator==(const PortRange&, const PortRange&) = default;
};

/// Two big-endian 16-bit ports, low then high.
template <>
struct NativeValue<PortRange> {
  static Result<PortRange> parse(const wire::Attribute& attribute);
  static void emit(wire::MessageBuilder& out, uint16_t type, const PortRange& value);
};

}  // namespace nlpp::rtnl::link
