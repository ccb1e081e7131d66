// How link::bridge_port's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/bridge_port.hpp>

#include "rtnl/link/kind_traits.hpp"
#include "rtnl/link/bridge_id_table.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<BridgePort> {
  static constexpr std::string_view kinds[] = {"bridge"};
  static constexpr auto fields = std::tuple{
      field("state", &BridgePort::state, IFLA_BRPORT_STATE),
      field("priority", &BridgePort::priority, IFLA_BRPORT_PRIORITY),
      field("cost", &BridgePort::cost, IFLA_BRPORT_COST),
      field("hairpin", &BridgePort::hairpin, IFLA_BRPORT_MODE),
      field("guard", &BridgePort::guard, IFLA_BRPORT_GUARD),
      field("root_block", &BridgePort::root_block, IFLA_BRPORT_PROTECT),
      field("fast_leave", &BridgePort::fast_leave, IFLA_BRPORT_FAST_LEAVE),
      field("learning", &BridgePort::learning, IFLA_BRPORT_LEARNING),
      field("unicast_flood", &BridgePort::unicast_flood, IFLA_BRPORT_UNICAST_FLOOD),
      field("proxyarp", &BridgePort::proxyarp, IFLA_BRPORT_PROXYARP),
      field("learning_sync", &BridgePort::learning_sync, IFLA_BRPORT_LEARNING_SYNC),
      field("proxyarp_wifi", &BridgePort::proxyarp_wifi, IFLA_BRPORT_PROXYARP_WIFI),
      field("root_id", &BridgePort::root_id, IFLA_BRPORT_ROOT_ID),
      field("bridge_id", &BridgePort::bridge_id, IFLA_BRPORT_BRIDGE_ID),
      field("designated_port", &BridgePort::designated_port, IFLA_BRPORT_DESIGNATED_PORT),
      field("designated_cost", &BridgePort::designated_cost, IFLA_BRPORT_DESIGNATED_COST),
      field("id", &BridgePort::id, IFLA_BRPORT_ID),
      field("no", &BridgePort::no, IFLA_BRPORT_NO),
      field("topology_change_ack", &BridgePort::topology_change_ack, IFLA_BRPORT_TOPOLOGY_CHANGE_ACK),
      field("config_pending", &BridgePort::config_pending, IFLA_BRPORT_CONFIG_PENDING),
      field("message_age_timer", &BridgePort::message_age_timer, IFLA_BRPORT_MESSAGE_AGE_TIMER),
      field("forward_delay_timer", &BridgePort::forward_delay_timer, IFLA_BRPORT_FORWARD_DELAY_TIMER),
      field("hold_timer", &BridgePort::hold_timer, IFLA_BRPORT_HOLD_TIMER),
      field("flush", &BridgePort::flush, IFLA_BRPORT_FLUSH),
      field("multicast_router", &BridgePort::multicast_router, IFLA_BRPORT_MULTICAST_ROUTER),
      field("mcast_flood", &BridgePort::mcast_flood, IFLA_BRPORT_MCAST_FLOOD),
      field("mcast_to_ucast", &BridgePort::mcast_to_ucast, IFLA_BRPORT_MCAST_TO_UCAST),
      field("vlan_tunnel", &BridgePort::vlan_tunnel, IFLA_BRPORT_VLAN_TUNNEL),
      field("bcast_flood", &BridgePort::bcast_flood, IFLA_BRPORT_BCAST_FLOOD),
      field("group_fwd_mask", &BridgePort::group_fwd_mask, IFLA_BRPORT_GROUP_FWD_MASK),
      field("neigh_suppress", &BridgePort::neigh_suppress, IFLA_BRPORT_NEIGH_SUPPRESS),
      field("isolated", &BridgePort::isolated, IFLA_BRPORT_ISOLATED),
      field("backup_port", &BridgePort::backup_port, IFLA_BRPORT_BACKUP_PORT),
      field("mrp_ring_open", &BridgePort::mrp_ring_open, IFLA_BRPORT_MRP_RING_OPEN),
      field("mrp_in_open", &BridgePort::mrp_in_open, IFLA_BRPORT_MRP_IN_OPEN),
      field("mcast_eht_hosts_limit", &BridgePort::mcast_eht_hosts_limit, IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT),
      field("mcast_eht_hosts_cnt", &BridgePort::mcast_eht_hosts_cnt, IFLA_BRPORT_MCAST_EHT_HOSTS_CNT),
      field("locked", &BridgePort::locked, IFLA_BRPORT_LOCKED),
  };
};

}  // namespace nlpp::rtnl::link
