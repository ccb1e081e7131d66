#include <nlpp/rtnl/link/vlan_protocol.hpp>

#include "text.hpp"

namespace nlpp::rtnl::link {

std::string to_string(VlanProtocol protocol) {
  if (protocol == VlanProtocol::ieee802_1q) return "802.1Q";
  if (protocol == VlanProtocol::ieee802_1ad) return "802.1ad";
  return hex(static_cast<uint16_t>(protocol));
}

}  // namespace nlpp::rtnl::link
