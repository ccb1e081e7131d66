// The bond kind: IFLA_INFO_DATA of a "bond" link (IFLA_BOND_*).
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/enum_text.hpp>
#include <nlpp/rtnl/link_ref.hpp>

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

/// How a bond spreads traffic over its ports (BOND_MODE_*).
enum class BondMode : uint8_t {
  balance_rr = 0,
  active_backup = 1,
  balance_xor = 2,
  broadcast = 3,
  ieee802_3ad = 4,  ///< LACP
  balance_tlb = 5,
  balance_alb = 6,
};

/// How a bond hashes a flow onto a port (BOND_XMIT_POLICY_*).
enum class BondXmitHashPolicy : uint8_t {
  layer2 = 0,
  layer3_4 = 1,
  layer2_3 = 2,
  encap2_3 = 3,
  encap3_4 = 4,
  vlan_srcmac = 5,
};

/// How often the LACP partner is asked for LACPDUs.
enum class BondLacpRate : uint8_t { slow = 0, fast = 1 };

/// iproute2's words: "active-backup", "802.3ad", "layer3+4", "fast"...; or the number.
std::string to_string(BondMode mode);
std::string to_string(BondXmitHashPolicy policy);
std::string to_string(BondLacpRate rate);

/// A bond. Times are in milliseconds.
struct Bond {
  std::optional<BondMode> mode{};                        ///< IFLA_BOND_MODE (only while the bond has no ports)
  std::optional<LinkRef> active_slave{};                 ///< IFLA_BOND_ACTIVE_SLAVE: a port (ifindex or name)
  std::optional<uint32_t> miimon{};                      ///< IFLA_BOND_MIIMON: link check interval
  std::optional<uint32_t> updelay{};                     ///< IFLA_BOND_UPDELAY
  std::optional<uint32_t> downdelay{};                   ///< IFLA_BOND_DOWNDELAY
  std::optional<bool> use_carrier{};                     ///< IFLA_BOND_USE_CARRIER
  std::optional<uint32_t> arp_interval{};                ///< IFLA_BOND_ARP_INTERVAL
  std::vector<IpAddress> arp_ip_target{};                ///< IFLA_BOND_ARP_IP_TARGET: IPv4, at most 16
  std::optional<uint32_t> arp_validate{};                ///< IFLA_BOND_ARP_VALIDATE: BOND_ARP_VALIDATE_*
  std::optional<uint32_t> arp_all_targets{};             ///< IFLA_BOND_ARP_ALL_TARGETS: 0 any, 1 all
  std::optional<LinkRef> primary{};                      ///< IFLA_BOND_PRIMARY: a port (ifindex or name)
  std::optional<uint8_t> primary_reselect{};             ///< IFLA_BOND_PRIMARY_RESELECT: 0 always, 1 better, 2 failure
  std::optional<uint8_t> fail_over_mac{};                ///< IFLA_BOND_FAIL_OVER_MAC: 0 none, 1 active, 2 follow
  std::optional<BondXmitHashPolicy> xmit_hash_policy{};  ///< IFLA_BOND_XMIT_HASH_POLICY
  std::optional<uint32_t> resend_igmp{};                 ///< IFLA_BOND_RESEND_IGMP
  std::optional<uint8_t> num_peer_notif{};               ///< IFLA_BOND_NUM_PEER_NOTIF
  std::optional<bool> all_slaves_active{};               ///< IFLA_BOND_ALL_SLAVES_ACTIVE
  std::optional<uint32_t> min_links{};                   ///< IFLA_BOND_MIN_LINKS
  std::optional<uint32_t> lp_interval{};                 ///< IFLA_BOND_LP_INTERVAL (seconds)
  std::optional<uint32_t> packets_per_slave{};           ///< IFLA_BOND_PACKETS_PER_SLAVE
  std::optional<BondLacpRate> ad_lacp_rate{};            ///< IFLA_BOND_AD_LACP_RATE
  std::optional<uint8_t> ad_select{};                    ///< IFLA_BOND_AD_SELECT: 0 stable, 1 bandwidth, 2 count
  std::optional<uint16_t> ad_actor_sys_prio{};           ///< IFLA_BOND_AD_ACTOR_SYS_PRIO
  std::optional<uint16_t> ad_user_port_key{};            ///< IFLA_BOND_AD_USER_PORT_KEY
  std::optional<MacAddress> ad_actor_system{};           ///< IFLA_BOND_AD_ACTOR_SYSTEM
  std::optional<bool> tlb_dynamic_lb{};                  ///< IFLA_BOND_TLB_DYNAMIC_LB
  std::optional<uint32_t> peer_notif_delay{};            ///< IFLA_BOND_PEER_NOTIF_DELAY
  std::optional<bool> ad_lacp_active{};                  ///< IFLA_BOND_AD_LACP_ACTIVE
  std::optional<uint8_t> missed_max{};                   ///< IFLA_BOND_MISSED_MAX
  std::vector<IpAddress> ns_ip6_target{};                ///< IFLA_BOND_NS_IP6_TARGET: IPv6, at most 16
  std::optional<bool> coupled_control{};                 ///< IFLA_BOND_COUPLED_CONTROL (Linux 6.12)
  std::vector<RawAttribute> unknown{};                   ///< IFLA_BOND_AD_INFO (read-only) and newer attributes

  /// This data as a "bond" link's info: `Link{.name = "x", .info = link::Bond{...}}`.
  operator LinkInfo() const;  // NOLINT: implicit by design

  friend bool operator==(const Bond&, const Bond&) = default;
};

/// The links a Bond names (link_resolution.hpp resolves them), visited
/// with the Link that holds it.
template <SameOrConst<Bond> Data, class Visit>
void visit_links(Data& data, Visit&& visit) {
  if (data.active_slave) visit(*data.active_slave);
  if (data.primary) visit(*data.primary);
}

}  // namespace nlpp::rtnl::link
