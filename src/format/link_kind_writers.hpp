// Internal: one writer per kind family, each the members of "info_data"
// (or "info_slave_data") as iproute2 6.1's print_opt() for the kind writes
// them, in its order. link_kind_json.cpp chooses among them.
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/link_info.hpp>

#include <string_view>

namespace nlpp::format::detail {

// ip/iplink_bridge.c, iplink_bridge_slave.c (link_bridge_json.cpp)
void write_bridge(JsonWriter& json, const rtnl::link::Bridge& bridge);
void write_bridge_port(JsonWriter& json, const rtnl::link::BridgePort& port, const LinkNames& names);

// ip/iplink_bond.c, iplink_bond_slave.c (link_bond_json.cpp)
void write_bond(JsonWriter& json, const rtnl::link::Bond& bond, const LinkNames& names);
void write_bond_port(JsonWriter& json, const rtnl::link::BondPort& port);

// ip/iplink_vxlan.c, iplink_geneve.c (link_overlay_json.cpp)
void write_vxlan(JsonWriter& json, const rtnl::link::Vxlan& vxlan, const LinkNames& names);
void write_geneve(JsonWriter& json, const rtnl::link::Geneve& geneve);

// ip/iplink_macvlan.c, iplink_ipvlan.c, iplink_vlan.c (link_l2_json.cpp)
void write_macvlan(JsonWriter& json, const rtnl::link::Macvlan& macvlan);
void write_ipvlan(JsonWriter& json, const rtnl::link::Ipvlan& ipvlan);
void write_vlan(JsonWriter& json, const rtnl::link::Vlan& vlan);

// ip/link_gre.c, link_gre6.c (link_gre_json.cpp); kind tells IPv4 from IPv6
void write_gre(JsonWriter& json, const rtnl::link::Gre& gre, std::string_view kind, const LinkNames& names);

// ip/link_iptnl.c, link_ip6tnl.c, link_vti.c, link_vti6.c, link_xfrm.c (link_tunnel_json.cpp)
void write_ip_tunnel(JsonWriter& json, const rtnl::link::IpTunnel& tunnel, const LinkNames& names);
void write_ip6_tunnel(JsonWriter& json, const rtnl::link::Ip6Tunnel& tunnel, const LinkNames& names);
void write_vti(JsonWriter& json, const rtnl::link::Vti& vti, const LinkNames& names);
void write_xfrm(JsonWriter& json, const rtnl::link::Xfrm& xfrm);

// ip/iplink_vrf.c, iptuntap.c (link_device_json.cpp)
void write_vrf(JsonWriter& json, const rtnl::link::Vrf& vrf);
/// vrf_slave: the port's IFLA_VRF_PORT_TABLE, which nlpp keeps raw.
void write_vrf_port(JsonWriter& json, const rtnl::link::GenericData& port);
void write_tun(JsonWriter& json, const rtnl::link::Tun& tun);

}  // namespace nlpp::format::detail
