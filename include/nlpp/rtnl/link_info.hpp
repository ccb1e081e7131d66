// IFLA_LINKINFO: a link's kind and its kind's typed data, and, for a port
// of a bridge or bond, its master's kind and the port's data.
#pragma once

#include <nlpp/rtnl/link/bond.hpp>
#include <nlpp/rtnl/link/bond_port.hpp>
#include <nlpp/rtnl/link/bridge.hpp>
#include <nlpp/rtnl/link/bridge_port.hpp>
#include <nlpp/rtnl/link/generic_data.hpp>
#include <nlpp/rtnl/link/geneve.hpp>
#include <nlpp/rtnl/link/gre.hpp>
#include <nlpp/rtnl/link/ip6_tunnel.hpp>
#include <nlpp/rtnl/link/ip_tunnel.hpp>
#include <nlpp/rtnl/link/ipvlan.hpp>
#include <nlpp/rtnl/link/macvlan.hpp>
#include <nlpp/rtnl/link/tun.hpp>
#include <nlpp/rtnl/link/veth.hpp>
#include <nlpp/rtnl/link/vlan.hpp>
#include <nlpp/rtnl/link/vrf.hpp>
#include <nlpp/rtnl/link/vti.hpp>
#include <nlpp/rtnl/link/vxlan.hpp>
#include <nlpp/rtnl/link/xfrm.hpp>
#include <nlpp/codec/raw_attribute.hpp>

#include <string>
#include <variant>
#include <vector>

namespace nlpp::rtnl {

/// IFLA_INFO_DATA, typed by kind: the one table of link kinds. Each struct
/// lists the kinds it serves (its KindTraits, private, in src/rtnl/link/);
/// adding a kind is adding its header, its table and a line here. monostate: no data (a dummy, ifb,
/// nlmon or wireguard link has none; a request may leave it out). GenericData:
/// a kind without a struct, raw.
using LinkData = std::variant<std::monostate, link::Bridge, link::Veth, link::Vxlan, link::Macvlan, link::Bond,
                              link::Vlan, link::Vrf, link::Gre, link::IpTunnel, link::Ip6Tunnel, link::Vti,
                              link::Geneve, link::Xfrm, link::Ipvlan, link::Tun, link::GenericData>;

/// IFLA_INFO_SLAVE_DATA, typed by the master's kind (IFLA_INFO_SLAVE_KIND).
using SlaveData = std::variant<std::monostate, link::BridgePort, link::BondPort, link::GenericData>;

/// IFLA_LINKINFO.
struct LinkInfo {
  std::string kind{};                   ///< IFLA_INFO_KIND: "bridge", "veth", "dummy"...; empty for none
  LinkData data{};                      ///< IFLA_INFO_DATA; its type must serve kind
  std::string slave_kind{};             ///< IFLA_INFO_SLAVE_KIND: the master's kind, "bridge" or "bond"
  SlaveData slave_data{};               ///< IFLA_INFO_SLAVE_DATA; its type must serve slave_kind
  std::vector<RawAttribute> unknown{};  ///< IFLA_INFO_XSTATS and what newer kernels add

  friend bool operator==(const LinkInfo&, const LinkInfo&) = default;
};

}  // namespace nlpp::rtnl
