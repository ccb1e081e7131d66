// The bond kind and its ports as iproute2 6.1 prints them
// (ip/iplink_bond.c, iplink_bond_slave.c): settings named from iproute2's
// word tables ("UNKNOWN" past their end), ports and addresses by name.
#include "link_kind_fields.hpp"
#include "link_kind_writers.hpp"

#include <nlpp/wire/attribute.hpp>

#include <linux/if_link.h>

namespace nlpp::format::detail {
namespace {

using rtnl::link::Bond;

constexpr std::string_view mode_words[] = {"balance-rr", "active-backup", "balance-xor", "broadcast",
                                           "802.3ad",    "balance-tlb",   "balance-alb"};
constexpr std::string_view arp_validate_words[] = {"none",   "active",        "backup",       "all",
                                                   "filter", "filter_active", "filter_backup"};
constexpr std::string_view arp_all_targets_words[] = {"any", "all"};
constexpr std::string_view primary_reselect_words[] = {"always", "better", "failure"};
constexpr std::string_view fail_over_mac_words[] = {"none", "active", "follow"};
constexpr std::string_view xmit_hash_policy_words[] = {"layer2",   "layer3+4", "layer2+3",
                                                       "encap2+3", "encap3+4", "vlan+srcmac"};
constexpr std::string_view lacp_active_words[] = {"off", "on"};
constexpr std::string_view lacp_rate_words[] = {"slow", "fast"};
constexpr std::string_view ad_select_words[] = {"stable", "bandwidth", "count"};

template <class Value>
void optional_word(JsonWriter& json, std::string_view key, std::span<const std::string_view> words,
                   const std::optional<Value>& value) {
  if (value) text_field(json, key, word_at(words, static_cast<uint64_t>(*value)));
}

// A port given by ifindex, printed by name; 0 (none) is left out.
void optional_port(JsonWriter& json, std::string_view key, const std::optional<uint32_t>& ifindex,
                   const LinkNames& names) {
  if (ifindex.value_or(0) != 0) text_field(json, key, names.name(*ifindex));
}

void optional_addresses(JsonWriter& json, std::string_view key, const std::vector<nlpp::IpAddress>& addresses) {
  if (addresses.empty()) return;
  json.key(key);
  json.begin_array();
  for (const nlpp::IpAddress& address : addresses) json.string(address.to_string());
  json.end_array();
}

// IFLA_BOND_AD_INFO (802.3ad only), which nlpp keeps raw: an "ad_info" object.
void write_ad_info(JsonWriter& json, const Bond& bond) {
  const nlpp::RawAttribute* info = find_raw(bond.unknown, IFLA_BOND_AD_INFO);
  if (!info) return;
  static constexpr std::pair<uint16_t, std::string_view> numbers[] = {
      {IFLA_BOND_AD_INFO_AGGREGATOR, "aggregator"},
      {IFLA_BOND_AD_INFO_NUM_PORTS, "num_ports"},
      {IFLA_BOND_AD_INFO_ACTOR_KEY, "actor_key"},
      {IFLA_BOND_AD_INFO_PARTNER_KEY, "partner_key"},
  };
  const wire::AttributeRange nested{wire::Bytes(info->payload)};
  json.key("ad_info");
  json.begin_object();
  for (const auto& [type, key] : numbers)
    if (const auto attribute = nested.find(type); attribute && attribute->u16())
      number_field(json, key, *attribute->u16());
  if (const auto mac = nested.find(IFLA_BOND_AD_INFO_PARTNER_MAC))
    if (const Result<nlpp::MacAddress> address = nlpp::MacAddress::from_bytes(mac->payload()))
      text_field(json, "partner_mac", address->to_string());
  json.end_object();
}

// The LACP port state bits, named (LACP_STATE_* of linux/if_bonding.h).
void write_lacp_state(JsonWriter& json, std::string_view key, uint8_t state) {
  static constexpr std::string_view bits[] = {"active",     "short_timeout", "aggregating", "in_sync",
                                              "collecting", "distributing",  "defaulted",   "expired"};
  json.key(key);
  json.begin_array();
  for (size_t bit = 0; bit < std::size(bits); ++bit)
    if (state & (1u << bit)) json.string(bits[bit]);
  json.end_array();
}

}  // namespace

void write_bond(JsonWriter& json, const Bond& bond, const LinkNames& names) {
  optional_word(json, "mode", mode_words, bond.mode);
  optional_port(json, "active_slave", bond.active_slave, names);
  optional_number(json, "miimon", bond.miimon);
  optional_number(json, "updelay", bond.updelay);
  optional_number(json, "downdelay", bond.downdelay);
  optional_number(json, "peer_notify_delay", bond.peer_notif_delay);
  optional_bool_number(json, "use_carrier", bond.use_carrier);
  optional_number(json, "arp_interval", bond.arp_interval);
  optional_number(json, "arp_missed_max", bond.missed_max);
  optional_addresses(json, "arp_ip_target", bond.arp_ip_target);
  optional_addresses(json, "ns_ip6_target", bond.ns_ip6_target);
  if (bond.arp_validate == 0u)
    null_field(json, "arp_validate");  // "none" is a null in JSON
  else
    optional_word(json, "arp_validate", arp_validate_words, bond.arp_validate);
  optional_word(json, "arp_all_targets", arp_all_targets_words, bond.arp_all_targets);
  optional_port(json, "primary", bond.primary, names);
  optional_word(json, "primary_reselect", primary_reselect_words, bond.primary_reselect);
  optional_word(json, "fail_over_mac", fail_over_mac_words, bond.fail_over_mac);
  optional_word(json, "xmit_hash_policy", xmit_hash_policy_words, bond.xmit_hash_policy);
  optional_number(json, "resend_igmp", bond.resend_igmp);
  optional_number(json, "num_peer_notif", bond.num_peer_notif);
  optional_bool_number(json, "all_slaves_active", bond.all_slaves_active);
  optional_number(json, "min_links", bond.min_links);
  optional_number(json, "lp_interval", bond.lp_interval);
  optional_number(json, "packets_per_slave", bond.packets_per_slave);
  optional_word(json, "ad_lacp_active", lacp_active_words, bond.ad_lacp_active);
  optional_word(json, "ad_lacp_rate", lacp_rate_words, bond.ad_lacp_rate);
  optional_word(json, "ad_select", ad_select_words, bond.ad_select);
  write_ad_info(json, bond);
  optional_number(json, "ad_actor_sys_prio", bond.ad_actor_sys_prio);
  optional_number(json, "ad_user_port_key", bond.ad_user_port_key);
  if (bond.ad_actor_system) text_field(json, "ad_actor_system", bond.ad_actor_system->to_string());
  optional_bool_number(json, "tlb_dynamic_lb", bond.tlb_dynamic_lb);
}

void write_bond_port(JsonWriter& json, const rtnl::link::BondPort& port) {
  static constexpr std::string_view states[] = {"ACTIVE", "BACKUP"};
  static constexpr std::string_view mii_statuses[] = {"UP", "GOING_DOWN", "DOWN", "GOING_BACK"};
  if (port.state) {
    if (*port.state < std::size(states))
      text_field(json, "state", states[*port.state]);
    else
      number_field(json, "state_index", *port.state);
  }
  if (port.mii_status) {
    if (*port.mii_status < std::size(mii_statuses))
      text_field(json, "mii_status", mii_statuses[*port.mii_status]);
    else
      number_field(json, "mii_status_index", *port.mii_status);
  }
  if (port.link_failure_count) number_field(json, "link_failure_count", static_cast<int32_t>(*port.link_failure_count));
  if (port.perm_hwaddr) text_field(json, "perm_hwaddr", port.perm_hwaddr->to_string());
  optional_number(json, "queue_id", port.queue_id);
  optional_number(json, "prio", port.prio);
  optional_number(json, "ad_aggregator_id", port.ad_aggregator_id);
  if (port.ad_actor_oper_port_state) {
    number_field(json, "ad_actor_oper_port_state", *port.ad_actor_oper_port_state);
    write_lacp_state(json, "ad_actor_oper_port_state_str", *port.ad_actor_oper_port_state);
  }
  if (port.ad_partner_oper_port_state) {
    // iproute2 reads the partner's state as a u8.
    const auto state = static_cast<uint8_t>(*port.ad_partner_oper_port_state);
    number_field(json, "ad_partner_oper_port_state", state);
    write_lacp_state(json, "ad_partner_oper_port_state_str", state);
  }
}

}  // namespace nlpp::format::detail
