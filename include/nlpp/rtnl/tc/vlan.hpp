// The vlan action: pops, pushes or rewrites a packet's outer VLAN tag (or,
// pop_eth / push_eth, its Ethernet header).
//
//     rtnl::tc::Action tag{.options = rtnl::tc::Vlan{.operation = rtnl::tc::Vlan::Operation::push, .id = 100}};
//     // tc ... action vlan push id 100
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>

#include <linux/tc_act/tc_vlan.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// vlan's options (struct tc_vlan and the attributes beside it).
struct Vlan {
  /// tc_vlan.v_action: what is done to the tag.
  enum class Operation : int32_t {
    pop = TCA_VLAN_ACT_POP,
    push = TCA_VLAN_ACT_PUSH,
    modify = TCA_VLAN_ACT_MODIFY,  ///< rewrite the outer tag's id, priority and protocol
    pop_eth = TCA_VLAN_ACT_POP_ETH,
    push_eth = TCA_VLAN_ACT_PUSH_ETH,
  };
  Operation operation = Operation::pop;
  std::optional<uint16_t> id{};  ///< TCA_VLAN_PUSH_VLAN_ID: push and modify (required there)
  /// TCA_VLAN_PUSH_VLAN_PROTOCOL: ETH_P_8021Q or ETH_P_8021AD, host order
  /// (big endian on the wire); unset: 802.1Q. The kernel reports it for
  /// every push and modify.
  std::optional<uint16_t> protocol{};
  /// TCA_VLAN_PUSH_VLAN_PRIORITY: 0 to 7; the kernel reports it (0 when
  /// not given) for every push and modify.
  std::optional<uint8_t> priority{};
  std::optional<MacAddress> destination{};  ///< TCA_VLAN_PUSH_ETH_DST: push_eth's (required there)
  std::optional<MacAddress> source{};       ///< TCA_VLAN_PUSH_ETH_SRC: push_eth's (required there)
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Vlan&, const Vlan&) = default;
};

}  // namespace nlpp::rtnl::tc
