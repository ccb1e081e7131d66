// IFLA_LINKINFO as iproute2 6.1's print_linktype() (ip/ipaddress.c) prints
// it: the kind, and "info_data" for every kind that has a print_opt(),
// written by the kind family's writer (link_kind_writers.hpp); the same for
// a port and its master's kind.
#include "link_kind_json.hpp"

#include "json_fields.hpp"
#include "link_kind_writers.hpp"

#include <algorithm>
#include <span>
#include <string_view>
#include <variant>

namespace nlpp::format::detail {
namespace {

// The kinds nlpp has a struct for whose print_opt() iproute2 has, so it
// writes "info_data" (an empty object when the kernel sent no
// IFLA_INFO_DATA). veth, dummy, ifb, nlmon and wireguard have none.
constexpr std::string_view kinds_with_data[] = {
    "bridge", "bond",   "vlan",   "vrf",    "vxlan",  "geneve", "macvlan",   "macvtap",
    "ipvlan", "ipvtap", "gre",    "gretap", "erspan", "ip6gre", "ip6gretap", "ip6erspan",
    "ipip",   "sit",    "ip6tnl", "vti",    "vti6",   "xfrm",   "tun",
};
// The masters whose ports' data iproute2 prints ("<kind>_slave" print_opt()).
constexpr std::string_view masters_with_port_data[] = {"bridge", "bond", "vrf"};

template <class... Writers>
struct Overloaded : Writers... {
  using Writers::operator()...;
};
template <class... Writers>
Overloaded(Writers...) -> Overloaded<Writers...>;  // clang 14 deduces no aggregate

bool listed(std::span<const std::string_view> kinds, std::string_view kind) {
  return std::ranges::find(kinds, kind) != kinds.end();
}

void write_info_data(JsonWriter& json, const rtnl::LinkInfo& info, const LinkNames& names) {
  namespace link = rtnl::link;
  const Overloaded write{
      [&](const link::Bridge& data) { write_bridge(json, data); },
      [&](const link::Bond& data) { write_bond(json, data, names); },
      [&](const link::Vlan& data) { write_vlan(json, data); },
      [&](const link::Vrf& data) { write_vrf(json, data); },
      [&](const link::Vxlan& data) { write_vxlan(json, data, names); },
      [&](const link::Geneve& data) { write_geneve(json, data); },
      [&](const link::Macvlan& data) { write_macvlan(json, data); },
      [&](const link::Ipvlan& data) { write_ipvlan(json, data); },
      [&](const link::Gre& data) { write_gre(json, data, info.kind, names); },
      [&](const link::IpTunnel& data) { write_ip_tunnel(json, data, names); },
      [&](const link::Ip6Tunnel& data) { write_ip6_tunnel(json, data, names); },
      [&](const link::Vti& data) { write_vti(json, data, names); },
      [&](const link::Xfrm& data) { write_xfrm(json, data); },
      [&](const link::Tun& data) { write_tun(json, data); },
      // No IFLA_INFO_DATA, veth's peer, raw data: nothing to print.
      [](const auto&) {},
  };
  json.key("info_data");
  json.begin_object();
  std::visit(write, info.data);
  json.end_object();
}

void write_info_slave_data(JsonWriter& json, const rtnl::LinkInfo& info, const LinkNames& names) {
  json.key("info_slave_data");
  json.begin_object();
  if (const auto* port = std::get_if<rtnl::link::BridgePort>(&info.slave_data)) write_bridge_port(json, *port, names);
  if (const auto* port = std::get_if<rtnl::link::BondPort>(&info.slave_data)) write_bond_port(json, *port);
  // nlpp has no struct for a VRF port: its table is read from the raw data.
  if (const auto* port = std::get_if<rtnl::link::GenericData>(&info.slave_data); port && info.slave_kind == "vrf")
    write_vrf_port(json, *port);
  json.end_object();
}

}  // namespace

void write_linkinfo(JsonWriter& json, const rtnl::LinkInfo& info, const LinkNames& names) {
  json.key("linkinfo");
  json.begin_object();
  if (!info.kind.empty()) {
    text_field(json, "info_kind", info.kind);
    if (listed(kinds_with_data, info.kind)) write_info_data(json, info, names);
  }
  if (!info.slave_kind.empty()) {
    text_field(json, "info_slave_kind", info.slave_kind);
    if (listed(masters_with_port_data, info.slave_kind)) write_info_slave_data(json, info, names);
  }
  json.end_object();
}

}  // namespace nlpp::format::detail
