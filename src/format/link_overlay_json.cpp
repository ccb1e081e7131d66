// The UDP overlay kinds as iproute2 6.1 prints them: ip/iplink_vxlan.c and
// iplink_geneve.c, member for member in their order.
#include "link_kind_fields.hpp"
#include "link_kind_writers.hpp"

namespace nlpp::format::detail {
namespace {

// IFLA_VXLAN_DF / IFLA_GENEVE_DF: "unset", "set" or "inherit".
void write_df(JsonWriter& json, const std::optional<uint8_t>& df) {
  static constexpr std::string_view words[] = {"unset", "set", "inherit"};
  if (df && *df < std::size(words)) text_field(json, "df", words[*df]);
}

}  // namespace

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
  write_df(json, vxlan.df);
  nonzero_hex(json, "label", vxlan.label);
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

void write_geneve(JsonWriter& json, const rtnl::link::Geneve& geneve) {
  true_if(json, "external", geneve.collect_metadata);
  optional_number(json, "id", geneve.vni);
  if (geneve.remote && is_specified(*geneve.remote)) {
    if (geneve.remote->is_v4())
      text_field(json, "remote", geneve.remote->to_string());
    else if (std::to_integer<unsigned>(geneve.remote->bytes()[0]) != 0xff)  // not multicast
      text_field(json, "remote6", geneve.remote->to_string());
  }
  // "ttl inherit" has no TTL of its own.
  if (!geneve.ttl_inherit.value_or(false)) optional_number(json, "ttl", geneve.ttl);
  if (geneve.tos.value_or(0) != 0) text_field(json, "tos", hex_0x(*geneve.tos));
  write_df(json, geneve.df);
  nonzero_hex(json, "label", geneve.label);
  optional_number(json, "port", geneve.port);
  optional_bool(json, "udp_csum", geneve.udp_csum);
  optional_bool(json, "udp_zero_csum6_tx", geneve.udp_zero_csum6_tx);
  optional_bool(json, "udp_zero_csum6_rx", geneve.udp_zero_csum6_rx);
  true_if(json, "inner_proto_inherit", geneve.inner_proto_inherit);
}

}  // namespace nlpp::format::detail
