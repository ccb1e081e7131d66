#include <nlpp/rtnl/link/bridge.hpp>

#include "rtnl/link/bridge_table.hpp"

#include "checks.hpp"
#include "text.hpp"

namespace nlpp::rtnl::link {

std::string BridgeBoolOptions::to_string() const { return hex(optval) + "/" + hex(optmask); }

Result<void> KindTraits<Bridge>::validate(const Bridge& bridge, std::string_view kind) {
  if (bridge.vlan_protocol && !is_known(*bridge.vlan_protocol))
    return invalid(kind, "vlan_protocol", to_string(*bridge.vlan_protocol) + " is neither 802.1Q nor 802.1ad");
  return check_at_most(kind, "vlan_default_pvid", bridge.vlan_default_pvid, 4094);
}

}  // namespace nlpp::rtnl::link
