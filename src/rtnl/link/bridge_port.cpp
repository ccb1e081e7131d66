#include <nlpp/rtnl/link/bridge_port.hpp>

#include "rtnl/link/bridge_port_table.hpp"

#include "text.hpp"

namespace nlpp::rtnl::link {

std::string to_string(BridgePortState state) {
  static constexpr EnumName<BridgePortState> names[] = {
      {BridgePortState::disabled, "disabled"}, {BridgePortState::listening, "listening"},
      {BridgePortState::learning, "learning"}, {BridgePortState::forwarding, "forwarding"},
      {BridgePortState::blocking, "blocking"},
  };
  return name_of(state, names);
}

}  // namespace nlpp::rtnl::link
