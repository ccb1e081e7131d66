// How link::bridge's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/bridge.hpp>

#include "rtnl/link/kind_traits.hpp"
#include "rtnl/link/bridge_id_table.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Bridge> {
  static constexpr std::string_view kinds[] = {"bridge"};
  static constexpr auto fields = std::tuple{
      field("forward_delay", &Bridge::forward_delay, IFLA_BR_FORWARD_DELAY),
      field("hello_time", &Bridge::hello_time, IFLA_BR_HELLO_TIME),
      field("max_age", &Bridge::max_age, IFLA_BR_MAX_AGE),
      field("ageing_time", &Bridge::ageing_time, IFLA_BR_AGEING_TIME),
      field("stp_state", &Bridge::stp_state, IFLA_BR_STP_STATE),
      field("priority", &Bridge::priority, IFLA_BR_PRIORITY),
      field("vlan_filtering", &Bridge::vlan_filtering, IFLA_BR_VLAN_FILTERING),
      field("vlan_protocol", &Bridge::vlan_protocol, BigEndian{IFLA_BR_VLAN_PROTOCOL}),
      field("group_fwd_mask", &Bridge::group_fwd_mask, IFLA_BR_GROUP_FWD_MASK),
      field("root_id", &Bridge::root_id, IFLA_BR_ROOT_ID),
      field("bridge_id", &Bridge::bridge_id, IFLA_BR_BRIDGE_ID),
      field("root_port", &Bridge::root_port, IFLA_BR_ROOT_PORT),
      field("root_path_cost", &Bridge::root_path_cost, IFLA_BR_ROOT_PATH_COST),
      field("topology_change", &Bridge::topology_change, IFLA_BR_TOPOLOGY_CHANGE),
      field("topology_change_detected", &Bridge::topology_change_detected, IFLA_BR_TOPOLOGY_CHANGE_DETECTED),
      field("hello_timer", &Bridge::hello_timer, IFLA_BR_HELLO_TIMER),
      field("tcn_timer", &Bridge::tcn_timer, IFLA_BR_TCN_TIMER),
      field("topology_change_timer", &Bridge::topology_change_timer, IFLA_BR_TOPOLOGY_CHANGE_TIMER),
      field("gc_timer", &Bridge::gc_timer, IFLA_BR_GC_TIMER),
      field("group_addr", &Bridge::group_addr, IFLA_BR_GROUP_ADDR),
      field("fdb_flush", &Bridge::fdb_flush, IFLA_BR_FDB_FLUSH),
      field("mcast_router", &Bridge::mcast_router, IFLA_BR_MCAST_ROUTER),
      field("mcast_snooping", &Bridge::mcast_snooping, IFLA_BR_MCAST_SNOOPING),
      field("mcast_query_use_ifaddr", &Bridge::mcast_query_use_ifaddr, IFLA_BR_MCAST_QUERY_USE_IFADDR),
      field("mcast_querier", &Bridge::mcast_querier, IFLA_BR_MCAST_QUERIER),
      field("mcast_hash_elasticity", &Bridge::mcast_hash_elasticity, IFLA_BR_MCAST_HASH_ELASTICITY),
      field("mcast_hash_max", &Bridge::mcast_hash_max, IFLA_BR_MCAST_HASH_MAX),
      field("mcast_last_member_cnt", &Bridge::mcast_last_member_cnt, IFLA_BR_MCAST_LAST_MEMBER_CNT),
      field("mcast_startup_query_cnt", &Bridge::mcast_startup_query_cnt, IFLA_BR_MCAST_STARTUP_QUERY_CNT),
      field("mcast_last_member_intvl", &Bridge::mcast_last_member_intvl, IFLA_BR_MCAST_LAST_MEMBER_INTVL),
      field("mcast_membership_intvl", &Bridge::mcast_membership_intvl, IFLA_BR_MCAST_MEMBERSHIP_INTVL),
      field("mcast_querier_intvl", &Bridge::mcast_querier_intvl, IFLA_BR_MCAST_QUERIER_INTVL),
      field("mcast_query_intvl", &Bridge::mcast_query_intvl, IFLA_BR_MCAST_QUERY_INTVL),
      field("mcast_query_response_intvl", &Bridge::mcast_query_response_intvl, IFLA_BR_MCAST_QUERY_RESPONSE_INTVL),
      field("mcast_startup_query_intvl", &Bridge::mcast_startup_query_intvl, IFLA_BR_MCAST_STARTUP_QUERY_INTVL),
      field("nf_call_iptables", &Bridge::nf_call_iptables, IFLA_BR_NF_CALL_IPTABLES),
      field("nf_call_ip6tables", &Bridge::nf_call_ip6tables, IFLA_BR_NF_CALL_IP6TABLES),
      field("nf_call_arptables", &Bridge::nf_call_arptables, IFLA_BR_NF_CALL_ARPTABLES),
      field("vlan_default_pvid", &Bridge::vlan_default_pvid, IFLA_BR_VLAN_DEFAULT_PVID),
      field("vlan_stats_enabled", &Bridge::vlan_stats_enabled, IFLA_BR_VLAN_STATS_ENABLED),
      field("mcast_stats_enabled", &Bridge::mcast_stats_enabled, IFLA_BR_MCAST_STATS_ENABLED),
      field("mcast_igmp_version", &Bridge::mcast_igmp_version, IFLA_BR_MCAST_IGMP_VERSION),
      field("mcast_mld_version", &Bridge::mcast_mld_version, IFLA_BR_MCAST_MLD_VERSION),
      field("vlan_stats_per_port", &Bridge::vlan_stats_per_port, IFLA_BR_VLAN_STATS_PER_PORT),
      field("multi_boolopt", &Bridge::multi_boolopt, IFLA_BR_MULTI_BOOLOPT),
  };
  /// vlan_protocol is 802.1Q or 802.1ad, vlan_default_pvid at most 4094.
  static Result<void> validate(const Bridge& bridge, std::string_view kind);
};

}  // namespace nlpp::rtnl::link
