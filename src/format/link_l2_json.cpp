// Links that share or tag a parent's layer 2 as iproute2 6.1 prints them:
// ip/iplink_macvlan.c (macvlan, macvtap), iplink_ipvlan.c (ipvlan,
// ipvtap), iplink_vlan.c.
#include "link_kind_fields.hpp"
#include "link_kind_writers.hpp"

#include <linux/if_link.h>
#include <linux/if_vlan.h>

#include <cstdio>

namespace nlpp::format::detail {
namespace {

void write_qos_map(JsonWriter& json, std::string_view key, const std::vector<rtnl::link::VlanQosMapping>& map) {
  if (map.empty()) return;  // the kernel sends a map only when it has entries
  json.key(key);
  json.begin_array();
  for (const rtnl::link::VlanQosMapping& mapping : map) {
    json.begin_object();
    number_field(json, "from", mapping.from);
    number_field(json, "to", mapping.to);
    json.end_object();
  }
  json.end_array();
}

// vlan_print_flags(): the named bits in iproute2's order, then the rest in hex.
void write_vlan_flags(JsonWriter& json, uint32_t flags) {
  static constexpr std::pair<uint32_t, std::string_view> named[] = {
      {VLAN_FLAG_REORDER_HDR, "REORDER_HDR"},
      {VLAN_FLAG_GVRP, "GVRP"},
      {VLAN_FLAG_MVRP, "MVRP"},
      {VLAN_FLAG_LOOSE_BINDING, "LOOSE_BINDING"},
      {VLAN_FLAG_BRIDGE_BINDING, "BRIDGE_BINDING"},
  };
  json.key("flags");
  json.begin_array();
  for (const auto& [bit, name] : named) {
    if (!(flags & bit)) continue;
    json.string(name);
    flags &= ~bit;
  }
  if (flags) {
    char text[16];
    std::snprintf(text, sizeof text, "%x", flags);
    json.string(text);
  }
  json.end_array();
}

}  // namespace

void write_macvlan(JsonWriter& json, const rtnl::link::Macvlan& macvlan) {
  using rtnl::link::MacvlanMode;
  if (!macvlan.mode) return;  // iproute2 prints nothing without a mode
  const MacvlanMode mode = *macvlan.mode;
  const bool known = mode == MacvlanMode::private_ || mode == MacvlanMode::vepa || mode == MacvlanMode::bridge ||
                     mode == MacvlanMode::passthru || mode == MacvlanMode::source;
  text_field(json, "mode", known ? to_string(mode) : "unknown");
  const uint16_t flags = macvlan.flags.value_or(0);
  true_if(json, "nopromisc", flags & MACVLAN_FLAG_NOPROMISC);
  true_if(json, "nodst", flags & MACVLAN_FLAG_NODST);
  optional_number(json, "bcqueuelen", macvlan.bc_queue_len);
  optional_number(json, "usedbcqueuelen", macvlan.bc_queue_len_used);
  if (mode != MacvlanMode::source || !macvlan.macaddr_count) return;
  number_field(json, "macaddr_count", static_cast<int32_t>(*macvlan.macaddr_count));
  if (macvlan.macaddr_data.empty()) return;
  json.key("macaddr_data");
  json.begin_array();
  for (const nlpp::MacAddress& address : macvlan.macaddr_data) json.string(address.to_string());
  json.end_array();
}

void write_ipvlan(JsonWriter& json, const rtnl::link::Ipvlan& ipvlan) {
  using rtnl::link::IpvlanMode;
  if (ipvlan.mode) {
    const IpvlanMode mode = *ipvlan.mode;
    const bool known = mode == IpvlanMode::l2 || mode == IpvlanMode::l3 || mode == IpvlanMode::l3s;
    text_field(json, "mode", known ? to_string(mode) : "unknown");
  }
  if (ipvlan.flags) {
    const uint16_t flags = *ipvlan.flags;
    bool_field(json, flags & IPVLAN_F_PRIVATE ? "private" : flags & IPVLAN_F_VEPA ? "vepa" : "bridge", true);
  }
}

void write_vlan(JsonWriter& json, const rtnl::link::Vlan& vlan) {
  if (!vlan.id) return;  // iproute2 prints nothing without an id
  text_field(json, "protocol", vlan.protocol ? to_string(*vlan.protocol) : "802.1q");
  number_field(json, "id", *vlan.id);
  if (vlan.flags) write_vlan_flags(json, vlan.flags->flags);
  write_qos_map(json, "ingress_qos", vlan.ingress_qos);
  write_qos_map(json, "egress_qos", vlan.egress_qos);
}

}  // namespace nlpp::format::detail
