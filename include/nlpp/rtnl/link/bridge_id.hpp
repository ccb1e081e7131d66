// A spanning tree bridge identifier (struct ifla_bridge_id): what a bridge
// reports as its own id and its root's, and a port as its designated ones.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/core/result.hpp>

#include <cstdint>
#include <string>

namespace nlpp::rtnl::link {

/// A bridge id: the 16-bit priority and the bridge's MAC address.
struct BridgeId {
  uint16_t priority = 0;
  MacAddress address{};

  /// "8000.02:00:00:00:00:b0": the priority in hex, a dot, the address.
  std::string to_string() const;

  friend bool operator==(const BridgeId&, const BridgeId&) = default;
};

}  // namespace nlpp::rtnl::link
