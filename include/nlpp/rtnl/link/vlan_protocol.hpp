// The two VLAN tag protocols the kernel knows, for vlan links and for a
// bridge's vlan filtering.
#pragma once

#include <nlpp/rtnl/enum_text.hpp>

#include <cstdint>
#include <string>

namespace nlpp::rtnl::link {

/// A VLAN tag's EtherType (carried in network order: IFLA_VLAN_PROTOCOL,
/// IFLA_BR_VLAN_PROTOCOL).
enum class VlanProtocol : uint16_t {
  ieee802_1q = 0x8100,   ///< ETH_P_8021Q, the default
  ieee802_1ad = 0x88a8,  ///< ETH_P_8021AD, the outer tag of QinQ
};

/// "802.1Q", "802.1ad" (iproute2's words), or the number in hex.
std::string to_string(VlanProtocol protocol);

/// Whether protocol is one of the two the kernel accepts (others are EPROTONOSUPPORT).
constexpr bool is_known(VlanProtocol protocol) noexcept {
  return protocol == VlanProtocol::ieee802_1q || protocol == VlanProtocol::ieee802_1ad;
}

}  // namespace nlpp::rtnl::link
