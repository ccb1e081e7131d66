// How link::bond's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/bond.hpp>

#include "rtnl/link/kind_traits.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Bond> {
  static constexpr std::string_view kinds[] = {"bond"};
  static constexpr auto fields = std::tuple{
      field("mode", &Bond::mode, IFLA_BOND_MODE),
      field("active_slave", &Bond::active_slave, IFLA_BOND_ACTIVE_SLAVE),
      field("miimon", &Bond::miimon, IFLA_BOND_MIIMON),
      field("updelay", &Bond::updelay, IFLA_BOND_UPDELAY),
      field("downdelay", &Bond::downdelay, IFLA_BOND_DOWNDELAY),
      field("use_carrier", &Bond::use_carrier, IFLA_BOND_USE_CARRIER),
      field("arp_interval", &Bond::arp_interval, IFLA_BOND_ARP_INTERVAL),
      field("arp_ip_target", &Bond::arp_ip_target, NestedList<IpAddress>{IFLA_BOND_ARP_IP_TARGET, {}}),
      field("arp_validate", &Bond::arp_validate, IFLA_BOND_ARP_VALIDATE),
      field("arp_all_targets", &Bond::arp_all_targets, IFLA_BOND_ARP_ALL_TARGETS),
      field("primary", &Bond::primary, IFLA_BOND_PRIMARY),
      field("primary_reselect", &Bond::primary_reselect, IFLA_BOND_PRIMARY_RESELECT),
      field("fail_over_mac", &Bond::fail_over_mac, IFLA_BOND_FAIL_OVER_MAC),
      field("xmit_hash_policy", &Bond::xmit_hash_policy, IFLA_BOND_XMIT_HASH_POLICY),
      field("resend_igmp", &Bond::resend_igmp, IFLA_BOND_RESEND_IGMP),
      field("num_peer_notif", &Bond::num_peer_notif, IFLA_BOND_NUM_PEER_NOTIF),
      field("all_slaves_active", &Bond::all_slaves_active, IFLA_BOND_ALL_SLAVES_ACTIVE),
      field("min_links", &Bond::min_links, IFLA_BOND_MIN_LINKS),
      field("lp_interval", &Bond::lp_interval, IFLA_BOND_LP_INTERVAL),
      field("packets_per_slave", &Bond::packets_per_slave, IFLA_BOND_PACKETS_PER_SLAVE),
      field("ad_lacp_rate", &Bond::ad_lacp_rate, IFLA_BOND_AD_LACP_RATE),
      field("ad_select", &Bond::ad_select, IFLA_BOND_AD_SELECT),
      field("ad_actor_sys_prio", &Bond::ad_actor_sys_prio, IFLA_BOND_AD_ACTOR_SYS_PRIO),
      field("ad_user_port_key", &Bond::ad_user_port_key, IFLA_BOND_AD_USER_PORT_KEY),
      field("ad_actor_system", &Bond::ad_actor_system, IFLA_BOND_AD_ACTOR_SYSTEM),
      field("tlb_dynamic_lb", &Bond::tlb_dynamic_lb, IFLA_BOND_TLB_DYNAMIC_LB),
      field("peer_notif_delay", &Bond::peer_notif_delay, IFLA_BOND_PEER_NOTIF_DELAY),
      field("ad_lacp_active", &Bond::ad_lacp_active, IFLA_BOND_AD_LACP_ACTIVE),
      field("missed_max", &Bond::missed_max, IFLA_BOND_MISSED_MAX),
      field("ns_ip6_target", &Bond::ns_ip6_target, NestedList<IpAddress>{IFLA_BOND_NS_IP6_TARGET, {}}),
      field("coupled_control", &Bond::coupled_control, IFLA_BOND_COUPLED_CONTROL),
  };
  /// arp_ip_target holds at most 16 IPv4 addresses, ns_ip6_target at most 16 IPv6 ones.
  static Result<void> validate(const Bond& bond, std::string_view kind);
};

}  // namespace nlpp::rtnl::link
