// A bridge's port: IFLA_INFO_SLAVE_DATA of a link whose master is a bridge
// (IFLA_INFO_SLAVE_KIND "bridge", IFLA_BRPORT_*).
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/enum_text.hpp>
#include <nlpp/rtnl/link/bridge_id.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <linux/if_link.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl::link {

/// A port's spanning tree state (BR_STATE_*).
enum class BridgePortState : uint8_t { disabled = 0, listening = 1, learning = 2, forwarding = 3, blocking = 4 };

/// "disabled", "listening", "learning", "forwarding", "blocking" (iproute2's words), or the number.
std::string to_string(BridgePortState state);

/// A bridge port's settings. Times are in hundredths of a second; members
/// marked read-only are reported by the kernel and ignored when sent.
struct BridgePort {
  std::optional<BridgePortState> state{};         ///< IFLA_BRPORT_STATE
  std::optional<uint16_t> priority{};             ///< IFLA_BRPORT_PRIORITY
  std::optional<uint32_t> cost{};                 ///< IFLA_BRPORT_COST
  std::optional<bool> hairpin{};                  ///< IFLA_BRPORT_MODE: send frames back out the port they came in
  std::optional<bool> guard{};                    ///< IFLA_BRPORT_GUARD: BPDU guard
  std::optional<bool> root_block{};               ///< IFLA_BRPORT_PROTECT: never become the root port
  std::optional<bool> fast_leave{};               ///< IFLA_BRPORT_FAST_LEAVE
  std::optional<bool> learning{};                 ///< IFLA_BRPORT_LEARNING
  std::optional<bool> unicast_flood{};            ///< IFLA_BRPORT_UNICAST_FLOOD
  std::optional<bool> proxyarp{};                 ///< IFLA_BRPORT_PROXYARP
  std::optional<bool> learning_sync{};            ///< IFLA_BRPORT_LEARNING_SYNC
  std::optional<bool> proxyarp_wifi{};            ///< IFLA_BRPORT_PROXYARP_WIFI
  std::optional<BridgeId> root_id{};              ///< IFLA_BRPORT_ROOT_ID, read-only
  std::optional<BridgeId> bridge_id{};            ///< IFLA_BRPORT_BRIDGE_ID, read-only
  std::optional<uint16_t> designated_port{};      ///< IFLA_BRPORT_DESIGNATED_PORT, read-only
  std::optional<uint16_t> designated_cost{};      ///< IFLA_BRPORT_DESIGNATED_COST, read-only
  std::optional<uint16_t> id{};                   ///< IFLA_BRPORT_ID, read-only
  std::optional<uint16_t> no{};                   ///< IFLA_BRPORT_NO, read-only
  std::optional<uint8_t> topology_change_ack{};   ///< IFLA_BRPORT_TOPOLOGY_CHANGE_ACK, read-only
  std::optional<uint8_t> config_pending{};        ///< IFLA_BRPORT_CONFIG_PENDING, read-only
  std::optional<uint64_t> message_age_timer{};    ///< IFLA_BRPORT_MESSAGE_AGE_TIMER, read-only
  std::optional<uint64_t> forward_delay_timer{};  ///< IFLA_BRPORT_FORWARD_DELAY_TIMER, read-only
  std::optional<uint64_t> hold_timer{};           ///< IFLA_BRPORT_HOLD_TIMER, read-only
  bool flush = false;                             ///< IFLA_BRPORT_FLUSH: flush the port's FDB entries (request only)
  std::optional<uint8_t>
      multicast_router{};                ///< IFLA_BRPORT_MULTICAST_ROUTER: 0 off, 1 learned, 2 permanent, 3 temporary
  std::optional<bool> mcast_flood{};     ///< IFLA_BRPORT_MCAST_FLOOD
  std::optional<bool> mcast_to_ucast{};  ///< IFLA_BRPORT_MCAST_TO_UCAST
  std::optional<bool> vlan_tunnel{};     ///< IFLA_BRPORT_VLAN_TUNNEL
  std::optional<bool> bcast_flood{};     ///< IFLA_BRPORT_BCAST_FLOOD
  std::optional<uint16_t> group_fwd_mask{};         ///< IFLA_BRPORT_GROUP_FWD_MASK
  std::optional<bool> neigh_suppress{};             ///< IFLA_BRPORT_NEIGH_SUPPRESS
  std::optional<bool> isolated{};                   ///< IFLA_BRPORT_ISOLATED
  std::optional<LinkRef> backup_port{};             ///< IFLA_BRPORT_BACKUP_PORT: a port (ifindex or name), 0 for none
  std::optional<bool> mrp_ring_open{};              ///< IFLA_BRPORT_MRP_RING_OPEN, read-only
  std::optional<bool> mrp_in_open{};                ///< IFLA_BRPORT_MRP_IN_OPEN, read-only
  std::optional<uint32_t> mcast_eht_hosts_limit{};  ///< IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT
  std::optional<uint32_t> mcast_eht_hosts_cnt{};    ///< IFLA_BRPORT_MCAST_EHT_HOSTS_CNT, read-only
  std::optional<bool> locked{};                     ///< IFLA_BRPORT_LOCKED
  std::vector<RawAttribute> unknown{};              ///< what newer kernels add (mab, neigh_vlan_suppress...)

  friend bool operator==(const BridgePort&, const BridgePort&) = default;
};

/// The links a BridgePort names (link_resolution.hpp resolves them), visited
/// with the Link that holds it.
template <SameOrConst<BridgePort> Data, class Visit>
void visit_links(Data& data, Visit&& visit) {
  if (data.backup_port) visit(*data.backup_port);
}

}  // namespace nlpp::rtnl::link
