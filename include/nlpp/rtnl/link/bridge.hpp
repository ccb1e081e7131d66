// The bridge kind: IFLA_INFO_DATA of a "bridge" link (IFLA_BR_*).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/link/bridge_id.hpp>
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

/// struct br_boolopt_multi (IFLA_BR_MULTI_BOOLOPT): the bridge's boolean
/// options, one bit each (BR_BOOLOPT_NO_LL_LEARN, _MCAST_VLAN_SNOOPING,
/// _MST_ENABLE); optmask says which bits a request changes.
struct BridgeBoolOptions {
  uint32_t optval = 0;
  uint32_t optmask = 0;

  /// "optval/optmask" in hex.
  std::string to_string() const;

  friend bool operator==(const BridgeBoolOptions&, const BridgeBoolOptions&) = default;
};

/// A bridge. Times are in hundredths of a second (the kernel's clock_t),
/// as iproute2 shows them; members marked read-only are reported by the
/// kernel and ignored (or refused) when sent.
struct Bridge {
  std::optional<uint32_t> forward_delay{};            ///< IFLA_BR_FORWARD_DELAY
  std::optional<uint32_t> hello_time{};               ///< IFLA_BR_HELLO_TIME
  std::optional<uint32_t> max_age{};                  ///< IFLA_BR_MAX_AGE
  std::optional<uint32_t> ageing_time{};              ///< IFLA_BR_AGEING_TIME
  std::optional<uint32_t> stp_state{};                ///< IFLA_BR_STP_STATE: 0 off, 1 on (2: user-space STP, reported)
  std::optional<uint16_t> priority{};                 ///< IFLA_BR_PRIORITY
  std::optional<bool> vlan_filtering{};               ///< IFLA_BR_VLAN_FILTERING
  std::optional<VlanProtocol> vlan_protocol{};        ///< IFLA_BR_VLAN_PROTOCOL
  std::optional<uint16_t> group_fwd_mask{};           ///< IFLA_BR_GROUP_FWD_MASK
  std::optional<BridgeId> root_id{};                  ///< IFLA_BR_ROOT_ID, read-only
  std::optional<BridgeId> bridge_id{};                ///< IFLA_BR_BRIDGE_ID, read-only
  std::optional<uint16_t> root_port{};                ///< IFLA_BR_ROOT_PORT, read-only
  std::optional<uint32_t> root_path_cost{};           ///< IFLA_BR_ROOT_PATH_COST, read-only
  std::optional<uint8_t> topology_change{};           ///< IFLA_BR_TOPOLOGY_CHANGE, read-only
  std::optional<uint8_t> topology_change_detected{};  ///< IFLA_BR_TOPOLOGY_CHANGE_DETECTED, read-only
  std::optional<uint64_t> hello_timer{};              ///< IFLA_BR_HELLO_TIMER, read-only
  std::optional<uint64_t> tcn_timer{};                ///< IFLA_BR_TCN_TIMER, read-only
  std::optional<uint64_t> topology_change_timer{};    ///< IFLA_BR_TOPOLOGY_CHANGE_TIMER, read-only
  std::optional<uint64_t> gc_timer{};                 ///< IFLA_BR_GC_TIMER, read-only
  std::optional<MacAddress> group_addr{};             ///< IFLA_BR_GROUP_ADDR: the STP group address
  bool fdb_flush = false;                        ///< IFLA_BR_FDB_FLUSH: flush the dynamic FDB entries (request only)
  std::optional<uint8_t> mcast_router{};         ///< IFLA_BR_MCAST_ROUTER: 0 disabled, 1 learned (default), 2 permanent
  std::optional<bool> mcast_snooping{};          ///< IFLA_BR_MCAST_SNOOPING
  std::optional<bool> mcast_query_use_ifaddr{};  ///< IFLA_BR_MCAST_QUERY_USE_IFADDR
  std::optional<bool> mcast_querier{};           ///< IFLA_BR_MCAST_QUERIER
  std::optional<uint32_t> mcast_hash_elasticity{};       ///< IFLA_BR_MCAST_HASH_ELASTICITY
  std::optional<uint32_t> mcast_hash_max{};              ///< IFLA_BR_MCAST_HASH_MAX
  std::optional<uint32_t> mcast_last_member_cnt{};       ///< IFLA_BR_MCAST_LAST_MEMBER_CNT
  std::optional<uint32_t> mcast_startup_query_cnt{};     ///< IFLA_BR_MCAST_STARTUP_QUERY_CNT
  std::optional<uint64_t> mcast_last_member_intvl{};     ///< IFLA_BR_MCAST_LAST_MEMBER_INTVL
  std::optional<uint64_t> mcast_membership_intvl{};      ///< IFLA_BR_MCAST_MEMBERSHIP_INTVL
  std::optional<uint64_t> mcast_querier_intvl{};         ///< IFLA_BR_MCAST_QUERIER_INTVL
  std::optional<uint64_t> mcast_query_intvl{};           ///< IFLA_BR_MCAST_QUERY_INTVL
  std::optional<uint64_t> mcast_query_response_intvl{};  ///< IFLA_BR_MCAST_QUERY_RESPONSE_INTVL
  std::optional<uint64_t> mcast_startup_query_intvl{};   ///< IFLA_BR_MCAST_STARTUP_QUERY_INTVL
  std::optional<bool> nf_call_iptables{};                ///< IFLA_BR_NF_CALL_IPTABLES
  std::optional<bool> nf_call_ip6tables{};               ///< IFLA_BR_NF_CALL_IP6TABLES
  std::optional<bool> nf_call_arptables{};               ///< IFLA_BR_NF_CALL_ARPTABLES
  std::optional<uint16_t> vlan_default_pvid{};           ///< IFLA_BR_VLAN_DEFAULT_PVID: 0 (none) to 4094
  std::optional<bool> vlan_stats_enabled{};              ///< IFLA_BR_VLAN_STATS_ENABLED
  std::optional<bool> mcast_stats_enabled{};             ///< IFLA_BR_MCAST_STATS_ENABLED
  std::optional<uint8_t> mcast_igmp_version{};           ///< IFLA_BR_MCAST_IGMP_VERSION: 2 or 3
  std::optional<uint8_t> mcast_mld_version{};            ///< IFLA_BR_MCAST_MLD_VERSION: 1 or 2
  std::optional<bool> vlan_stats_per_port{};             ///< IFLA_BR_VLAN_STATS_PER_PORT
  std::optional<BridgeBoolOptions> multi_boolopt{};      ///< IFLA_BR_MULTI_BOOLOPT
  std::vector<RawAttribute> unknown{};                   ///< IFLA_BR_MCAST_QUERIER_STATE and what newer kernels add

  /// This data as a "bridge" link's info: `Link{.name = "x", .info = link::Bridge{...}}`.
  operator LinkInfo() const;  // NOLINT: implicit by design

  friend bool operator==(const Bridge&, const Bridge&) = default;
};

}  // namespace nlpp::rtnl::link
