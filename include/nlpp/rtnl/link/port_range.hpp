// A UDP source port range (struct ifla_vxlan_port_range, also geneve's):
// the range the kernel picks a tunnel's source ports from.
#pragma once

#include <nlpp/core/result.hpp>

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

}  // namespace nlpp::rtnl::link
