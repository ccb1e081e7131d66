// A bond's port: IFLA_INFO_SLAVE_DATA of a link whose master is a bond
// (IFLA_INFO_SLAVE_KIND "bond", IFLA_BOND_SLAVE_*).
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>

#include <linux/if_link.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl::link {

/// A bond port: its state as the bond sees it (read-only) and the two
/// settings a port has, queue_id and prio.
struct BondPort {
  std::optional<uint8_t> state{};       ///< IFLA_BOND_SLAVE_STATE: 0 active, 1 backup; read-only
  std::optional<uint8_t> mii_status{};  ///< IFLA_BOND_SLAVE_MII_STATUS: 0 up, 1 fail, 2 down, 3 back; read-only
  std::optional<uint32_t> link_failure_count{};          ///< IFLA_BOND_SLAVE_LINK_FAILURE_COUNT, read-only
  std::optional<MacAddress> perm_hwaddr{};               ///< IFLA_BOND_SLAVE_PERM_HWADDR, read-only
  std::optional<uint16_t> queue_id{};                    ///< IFLA_BOND_SLAVE_QUEUE_ID
  std::optional<uint16_t> ad_aggregator_id{};            ///< IFLA_BOND_SLAVE_AD_AGGREGATOR_ID, read-only
  std::optional<uint8_t> ad_actor_oper_port_state{};     ///< IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE, read-only
  std::optional<uint16_t> ad_partner_oper_port_state{};  ///< IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE, read-only
  std::optional<int32_t> prio{};                         ///< IFLA_BOND_SLAVE_PRIO: reselection priority (Linux 6.0)
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const BondPort&, const BondPort&) = default;
};

}  // namespace nlpp::rtnl::link
