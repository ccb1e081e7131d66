// The vlan kind: IFLA_INFO_DATA of a "vlan" link (IFLA_VLAN_*), a tagged
// sub-interface of its IFLA_LINK.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/link/vlan_protocol.hpp>
#include <nlpp/codec/raw_attribute.hpp>

#include <linux/if_link.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl {
struct LinkInfo;
}

namespace nlpp::rtnl::link {

/// struct ifla_vlan_flags: VLAN_FLAG_REORDER_HDR (1), _GVRP (2),
/// _LOOSE_BINDING (4), _MVRP (8), _BRIDGE_BINDING (16); mask says which
/// bits a request changes.
struct VlanFlags {
  uint32_t flags = 0;
  uint32_t mask = 0;

  /// "flags/mask" in hex.
  std::string to_string() const;

  friend bool operator==(const VlanFlags&, const VlanFlags&) = default;
};

/// struct ifla_vlan_qos_mapping: one entry of a priority map. Ingress maps a
/// tag's priority (0-7) to skb->priority, egress the other way.
struct VlanQosMapping {
  uint32_t from = 0;
  uint32_t to = 0;

  /// "from:to", as iproute2 writes a mapping.
  std::string to_string() const;

  friend bool operator==(const VlanQosMapping&, const VlanQosMapping&) = default;
};

/// A vlan sub-interface; its parent is the link's IFLA_LINK.
struct Vlan {
  std::optional<uint16_t> id{};               ///< IFLA_VLAN_ID: 0 to 4094
  std::optional<VlanFlags> flags{};           ///< IFLA_VLAN_FLAGS
  std::vector<VlanQosMapping> egress_qos{};   ///< IFLA_VLAN_EGRESS_QOS: skb priority -> tag priority (0-7)
  std::vector<VlanQosMapping> ingress_qos{};  ///< IFLA_VLAN_INGRESS_QOS: tag priority (0-7) -> skb priority
  std::optional<VlanProtocol> protocol{};     ///< IFLA_VLAN_PROTOCOL
  std::vector<RawAttribute> unknown{};

  /// This data as a "vlan" link's info: `Link{.name = "x", .info = link::Vlan{...}}`.
  operator LinkInfo() const;  // NOLINT: implicit by design

  friend bool operator==(const Vlan&, const Vlan&) = default;
};

}  // namespace nlpp::rtnl::link
