// The kinds' data as iproute2's link_util print_opt() functions print it
// (ip/iplink_bridge.c, iplink_bridge_slave.c, iplink_vxlan.c,
// iplink_macvlan.c), member for member in their order.
#include "link_kind_json.hpp"

#include "iproute2_words.hpp"
#include "json_fields.hpp"

#include <linux/if_bridge.h>
#include <linux/if_link.h>

#include <cstdio>
#include <variant>

namespace nlpp::format::detail {
namespace {

template <class Number>
void optional_number(JsonWriter& json, std::string_view key, const std::optional<Number>& value) {
  if (value) number_field(json, key, *value);
}

// print_on_off() in JSON: a boolean.
void optional_bool(JsonWriter& json, std::string_view key, const std::optional<bool>& value) {
  if (value) bool_field(json, key, *value);
}

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

void write_bridge(JsonWriter& json, const rtnl::link::Bridge& bridge) {
  optional_number(json, "forward_delay", bridge.forward_delay);
  optional_number(json, "hello_time", bridge.hello_time);
  optional_number(json, "max_age", bridge.max_age);
  optional_number(json, "ageing_time", bridge.ageing_time);
  optional_number(json, "stp_state", bridge.stp_state);
  optional_number(json, "priority", bridge.priority);
  if (bridge.vlan_filtering) number_field(json, "vlan_filtering", *bridge.vlan_filtering ? 1u : 0u);
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
  if (bridge.vlan_stats_enabled) number_field(json, "vlan_stats_enabled", *bridge.vlan_stats_enabled ? 1u : 0u);
  if (bridge.vlan_stats_per_port) number_field(json, "vlan_stats_per_port", *bridge.vlan_stats_per_port ? 1u : 0u);
  if (bridge.group_fwd_mask) text_field(json, "group_fwd_mask", hex_0x(*bridge.group_fwd_mask));
  if (bridge.group_addr) text_field(json, "group_addr", bridge.group_addr->to_string());
  if (bridge.mcast_snooping) number_field(json, "mcast_snooping", *bridge.mcast_snooping ? 1u : 0u);
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
  if (bridge.mcast_query_use_ifaddr)
    number_field(json, "mcast_query_use_ifaddr", *bridge.mcast_query_use_ifaddr ? 1u : 0u);
  if (bridge.mcast_querier) number_field(json, "mcast_querier", *bridge.mcast_querier ? 1u : 0u);
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
  if (bridge.mcast_stats_enabled) number_field(json, "mcast_stats_enabled", *bridge.mcast_stats_enabled ? 1u : 0u);
  optional_number(json, "mcast_igmp_version", bridge.mcast_igmp_version);
  optional_number(json, "mcast_mld_version", bridge.mcast_mld_version);
  if (bridge.nf_call_iptables) number_field(json, "nf_call_iptables", *bridge.nf_call_iptables ? 1u : 0u);
  if (bridge.nf_call_ip6tables) number_field(json, "nf_call_ip6tables", *bridge.nf_call_ip6tables ? 1u : 0u);
  if (bridge.nf_call_arptables) number_field(json, "nf_call_arptables", *bridge.nf_call_arptables ? 1u : 0u);
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

// Neither absent nor all zeros (0.0.0.0, ::), which iproute2 leaves out.
bool is_specified(const rtnl::IpAddress& address) {
  for (const std::byte byte : address.bytes())
    if (byte != std::byte{0}) return true;
  return false;
}

void write_vxlan(JsonWriter& json, const rtnl::link::Vxlan& vxlan, const LinkNames& names) {
  if (vxlan.collect_metadata.value_or(false)) bool_field(json, "external", true);
  if (vxlan.vnifilter.value_or(false)) bool_field(json, "vnifilter", true);
  optional_number(json, "id", vxlan.vni);
  if (vxlan.group && is_specified(*vxlan.group)) {
    const auto first = std::to_integer<unsigned>(vxlan.group->bytes()[0]);
    const bool multicast = vxlan.group->is_v4() ? (first & 0xf0) == 0xe0 : first == 0xff;
    const bool v6 = vxlan.group->is_v6();
    text_field(json, multicast ? (v6 ? "group6" : "group") : (v6 ? "remote6" : "remote"), vxlan.group->to_string());
  }
  if (vxlan.local && is_specified(*vxlan.local))
    text_field(json, vxlan.local->is_v6() ? "local6" : "local", vxlan.local->to_string());
  if (vxlan.link && *vxlan.link != 0) text_field(json, "link", names.name(*vxlan.link));
  if (vxlan.port_range) {
    json.key("port_range");
    json.begin_object();
    number_field(json, "low", vxlan.port_range->low);
    number_field(json, "high", vxlan.port_range->high);
    json.end_object();
  }
  optional_number(json, "port", vxlan.port);
  optional_bool(json, "learning", vxlan.learning);
  if (vxlan.proxy.value_or(false)) bool_field(json, "proxy", true);
  if (vxlan.rsc.value_or(false)) bool_field(json, "rsc", true);
  if (vxlan.l2miss.value_or(false)) bool_field(json, "l2miss", true);
  if (vxlan.l3miss.value_or(false)) bool_field(json, "l3miss", true);
  if (vxlan.tos.value_or(0) != 0) text_field(json, "tos", hex_0x(*vxlan.tos));
  // "ttl inherit" has no TTL of its own.
  if (!vxlan.ttl_inherit && vxlan.ttl) number_field(json, "ttl", *vxlan.ttl);
  if (vxlan.df) {
    static constexpr std::string_view df_words[] = {"unset", "set", "inherit"};
    if (*vxlan.df < std::size(df_words)) text_field(json, "df", df_words[*vxlan.df]);
  }
  if (vxlan.label.value_or(0) != 0) text_field(json, "label", hex_0x(*vxlan.label));
  optional_number(json, "ageing", vxlan.ageing);
  if (vxlan.limit.value_or(0) != 0) number_field(json, "limit", *vxlan.limit);
  optional_bool(json, "udp_csum", vxlan.udp_csum);
  optional_bool(json, "udp_zero_csum6_tx", vxlan.udp_zero_csum6_tx);
  optional_bool(json, "udp_zero_csum6_rx", vxlan.udp_zero_csum6_rx);
  if (vxlan.remcsum_tx.value_or(false)) bool_field(json, "remcsum_tx", true);
  if (vxlan.remcsum_rx.value_or(false)) bool_field(json, "remcsum_rx", true);
  if (vxlan.gbp) bool_field(json, "gbp", true);
  if (vxlan.gpe) bool_field(json, "gpe", true);
}

void write_macvlan(JsonWriter& json, const rtnl::link::Macvlan& macvlan) {
  using rtnl::link::MacvlanMode;
  if (!macvlan.mode) return;  // iproute2 prints nothing without a mode
  const MacvlanMode mode = *macvlan.mode;
  const bool known = mode == MacvlanMode::private_ || mode == MacvlanMode::vepa || mode == MacvlanMode::bridge ||
                     mode == MacvlanMode::passthru || mode == MacvlanMode::source;
  text_field(json, "mode", known ? to_string(mode) : "unknown");
  const uint16_t flags = macvlan.flags.value_or(0);
  if (flags & MACVLAN_FLAG_NOPROMISC) bool_field(json, "nopromisc", true);
  if (flags & MACVLAN_FLAG_NODST) bool_field(json, "nodst", true);
  optional_number(json, "bcqueuelen", macvlan.bc_queue_len);
  optional_number(json, "usedbcqueuelen", macvlan.bc_queue_len_used);
  if (mode != MacvlanMode::source || !macvlan.macaddr_count) return;
  number_field(json, "macaddr_count", static_cast<int32_t>(*macvlan.macaddr_count));
  if (macvlan.macaddr_data.empty()) return;
  json.key("macaddr_data");
  json.begin_array();
  for (const rtnl::MacAddress& address : macvlan.macaddr_data) json.string(address.to_string());
  json.end_array();
}

// Whether iproute2 has a print_opt() for the kind, and so writes
// "info_data" (an empty object when the kernel sent no IFLA_INFO_DATA).
bool has_info_data(std::string_view kind) {
  return kind == "bridge" || kind == "vxlan" || kind == "macvlan" || kind == "macvtap";
}

void write_info_data(JsonWriter& json, const rtnl::LinkInfo& info, const LinkNames& names) {
  json.key("info_data");
  json.begin_object();
  if (const auto* bridge = std::get_if<rtnl::link::Bridge>(&info.data)) write_bridge(json, *bridge);
  if (const auto* vxlan = std::get_if<rtnl::link::Vxlan>(&info.data)) write_vxlan(json, *vxlan, names);
  if (const auto* macvlan = std::get_if<rtnl::link::Macvlan>(&info.data)) write_macvlan(json, *macvlan);
  json.end_object();
}

}  // namespace

void write_linkinfo(JsonWriter& json, const rtnl::LinkInfo& info, const LinkNames& names) {
  json.key("linkinfo");
  json.begin_object();
  if (!info.kind.empty()) {
    text_field(json, "info_kind", info.kind);
    if (has_info_data(info.kind)) write_info_data(json, info, names);
  }
  if (!info.slave_kind.empty()) {
    text_field(json, "info_slave_kind", info.slave_kind);
    if (info.slave_kind == "bridge") {
      json.key("info_slave_data");
      json.begin_object();
      if (const auto* port = std::get_if<rtnl::link::BridgePort>(&info.slave_data))
        write_bridge_port(json, *port, names);
      json.end_object();
    }
  }
  json.end_object();
}

}  // namespace nlpp::format::detail
