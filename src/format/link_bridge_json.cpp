// The bridge kind and its ports as iproute2 6.1 prints them
// (ip/iplink_bridge.c, iplink_bridge_slave.c), member for member in their order.
#include "link_kind_fields.hpp"
#include "link_kind_writers.hpp"

#include <linux/if_bridge.h>

#include <cstdio>

namespace nlpp::format::detail {
namespace {

void optional_timer(JsonWriter& json, std::string_view key, const std::optional<uint64_t>& value) {
  if (!value) return;
  json.key(key);
  json.raw_number(hundredths(*value));
}

// br_dump_bridge_id(): the priority as four hex digits, a dot, and the
// address as ether_ntoa() writes it, without leading zeros ("8000.2:18:77:51:68:81").
std::string bridge_id(const rtnl::link::BridgeId& id) {
  char text[32];
  int length = std::snprintf(text, sizeof text, "%.2x%.2x.", id.priority >> 8, id.priority & 0xff);
  const wire::Bytes address = id.address.bytes();
  for (size_t i = 0; i < address.size(); ++i)
    length += std::snprintf(text + length, sizeof text - static_cast<size_t>(length), i == 0 ? "%x" : ":%x",
                            std::to_integer<unsigned>(address[i]));
  return text;
}

// _bitmask2str() of the port's group_fwd_mask: the named bits, else hex.
std::string group_fwd_mask_words(uint16_t mask) {
  std::string text;
  for (int bit = 0; bit < 16; ++bit) {
    if (!(mask & (1u << bit))) continue;
    if (!text.empty()) text += ',';
    text += bit == 0 ? "stp" : bit == 2 ? "lacp" : bit == 14 ? "lldp" : hex_0x(1u << bit);
  }
  return text.empty() ? "0x0" : text;
}

}  // namespace

void write_bridge(JsonWriter& json, const rtnl::link::Bridge& bridge) {
  optional_number(json, "forward_delay", bridge.forward_delay);
  optional_number(json, "hello_time", bridge.hello_time);
  optional_number(json, "max_age", bridge.max_age);
  optional_number(json, "ageing_time", bridge.ageing_time);
  optional_number(json, "stp_state", bridge.stp_state);
  optional_number(json, "priority", bridge.priority);
  optional_bool_number(json, "vlan_filtering", bridge.vlan_filtering);
  if (bridge.vlan_protocol) text_field(json, "vlan_protocol", to_string(*bridge.vlan_protocol));
  if (bridge.bridge_id) text_field(json, "bridge_id", bridge_id(*bridge.bridge_id));
  if (bridge.root_id) text_field(json, "root_id", bridge_id(*bridge.root_id));
  optional_number(json, "root_port", bridge.root_port);
  optional_number(json, "root_path_cost", bridge.root_path_cost);
  optional_number(json, "topology_change", bridge.topology_change);
  optional_number(json, "topology_change_detected", bridge.topology_change_detected);
  optional_timer(json, "hello_timer", bridge.hello_timer);
  optional_timer(json, "tcn_timer", bridge.tcn_timer);
  optional_timer(json, "topology_change_timer", bridge.topology_change_timer);
  optional_timer(json, "gc_timer", bridge.gc_timer);
  optional_number(json, "vlan_default_pvid", bridge.vlan_default_pvid);
  optional_bool_number(json, "vlan_stats_enabled", bridge.vlan_stats_enabled);
  optional_bool_number(json, "vlan_stats_per_port", bridge.vlan_stats_per_port);
  if (bridge.group_fwd_mask) text_field(json, "group_fwd_mask", hex_0x(*bridge.group_fwd_mask));
  if (bridge.group_addr) text_field(json, "group_addr", bridge.group_addr->to_string());
  optional_bool_number(json, "mcast_snooping", bridge.mcast_snooping);
  if (bridge.multi_boolopt) {
    const auto boolopt = [&](std::string_view key, int bit) {
      const uint32_t mask = 1u << bit;
      if (bridge.multi_boolopt->optmask & mask)
        number_field(json, key, (bridge.multi_boolopt->optval & mask) ? 1u : 0u);
    };
    boolopt("no_linklocal_learn", BR_BOOLOPT_NO_LL_LEARN);
    boolopt("mcast_vlan_snooping", BR_BOOLOPT_MCAST_VLAN_SNOOPING);
  }
  optional_number(json, "mcast_router", bridge.mcast_router);
  optional_bool_number(json, "mcast_query_use_ifaddr", bridge.mcast_query_use_ifaddr);
  optional_bool_number(json, "mcast_querier", bridge.mcast_querier);
  optional_number(json, "mcast_hash_elasticity", bridge.mcast_hash_elasticity);
  optional_number(json, "mcast_hash_max", bridge.mcast_hash_max);
  optional_number(json, "mcast_last_member_cnt", bridge.mcast_last_member_cnt);
  optional_number(json, "mcast_startup_query_cnt", bridge.mcast_startup_query_cnt);
  optional_number(json, "mcast_last_member_intvl", bridge.mcast_last_member_intvl);
  optional_number(json, "mcast_membership_intvl", bridge.mcast_membership_intvl);
  optional_number(json, "mcast_querier_intvl", bridge.mcast_querier_intvl);
  optional_number(json, "mcast_query_intvl", bridge.mcast_query_intvl);
  optional_number(json, "mcast_query_response_intvl", bridge.mcast_query_response_intvl);
  optional_number(json, "mcast_startup_query_intvl", bridge.mcast_startup_query_intvl);
  optional_bool_number(json, "mcast_stats_enabled", bridge.mcast_stats_enabled);
  optional_number(json, "mcast_igmp_version", bridge.mcast_igmp_version);
  optional_number(json, "mcast_mld_version", bridge.mcast_mld_version);
  optional_bool_number(json, "nf_call_iptables", bridge.nf_call_iptables);
  optional_bool_number(json, "nf_call_ip6tables", bridge.nf_call_ip6tables);
  optional_bool_number(json, "nf_call_arptables", bridge.nf_call_arptables);
}

void write_bridge_port(JsonWriter& json, const rtnl::link::BridgePort& port, const LinkNames& names) {
  if (port.state) {
    if (*port.state <= rtnl::link::BridgePortState::blocking)
      text_field(json, "state", to_string(*port.state));
    else
      number_field(json, "state_index", static_cast<uint8_t>(*port.state));
  }
  optional_number(json, "priority", port.priority);
  optional_number(json, "cost", port.cost);
  optional_bool(json, "hairpin", port.hairpin);
  optional_bool(json, "guard", port.guard);
  optional_bool(json, "root_block", port.root_block);
  optional_bool(json, "fastleave", port.fast_leave);
  optional_bool(json, "learning", port.learning);
  optional_bool(json, "flood", port.unicast_flood);
  if (port.id) text_field(json, "id", hex_0x(*port.id));
  if (port.no) text_field(json, "no", hex_0x(*port.no));
  optional_number(json, "designated_port", port.designated_port);
  optional_number(json, "designated_cost", port.designated_cost);
  if (port.bridge_id) text_field(json, "bridge_id", bridge_id(*port.bridge_id));
  if (port.root_id) text_field(json, "root_id", bridge_id(*port.root_id));
  optional_timer(json, "hold_timer", port.hold_timer);
  optional_timer(json, "message_age_timer", port.message_age_timer);
  optional_timer(json, "forward_delay_timer", port.forward_delay_timer);
  optional_number(json, "topology_change_ack", port.topology_change_ack);
  optional_number(json, "config_pending", port.config_pending);
  optional_bool(json, "proxy_arp", port.proxyarp);
  optional_bool(json, "proxy_arp_wifi", port.proxyarp_wifi);
  optional_number(json, "multicast_router", port.multicast_router);
  optional_bool(json, "mcast_flood", port.mcast_flood);
  optional_bool(json, "bcast_flood", port.bcast_flood);
  optional_bool(json, "mcast_to_unicast", port.mcast_to_ucast);
  optional_bool(json, "neigh_suppress", port.neigh_suppress);
  if (port.group_fwd_mask) {
    text_field(json, "group_fwd_mask", hex_0x(*port.group_fwd_mask));
    text_field(json, "group_fwd_mask_str", group_fwd_mask_words(*port.group_fwd_mask));
  }
  optional_bool(json, "vlan_tunnel", port.vlan_tunnel);
  optional_bool(json, "isolated", port.isolated);
  optional_bool(json, "locked", port.locked);
  if (port.backup_port) text_field(json, "backup_port", names.name(*port.backup_port));
}

}  // namespace nlpp::format::detail
