// How link::vxlan's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/vxlan.hpp>

#include "rtnl/link/kind_traits.hpp"
#include "rtnl/link/port_range_table.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Vxlan> {
  static constexpr std::string_view kinds[] = {"vxlan"};
  static constexpr auto fields = std::tuple{
      field("vni", &Vxlan::vni, IFLA_VXLAN_ID),
      field("group", &Vxlan::group, IpPair{IFLA_VXLAN_GROUP, IFLA_VXLAN_GROUP6}),
      field("link", &Vxlan::link, IFLA_VXLAN_LINK),
      field("local", &Vxlan::local, IpPair{IFLA_VXLAN_LOCAL, IFLA_VXLAN_LOCAL6}),
      field("ttl", &Vxlan::ttl, IFLA_VXLAN_TTL),
      field("tos", &Vxlan::tos, IFLA_VXLAN_TOS),
      field("learning", &Vxlan::learning, IFLA_VXLAN_LEARNING),
      field("ageing", &Vxlan::ageing, IFLA_VXLAN_AGEING),
      field("limit", &Vxlan::limit, IFLA_VXLAN_LIMIT),
      field("port_range", &Vxlan::port_range, IFLA_VXLAN_PORT_RANGE),
      field("proxy", &Vxlan::proxy, IFLA_VXLAN_PROXY),
      field("rsc", &Vxlan::rsc, IFLA_VXLAN_RSC),
      field("l2miss", &Vxlan::l2miss, IFLA_VXLAN_L2MISS),
      field("l3miss", &Vxlan::l3miss, IFLA_VXLAN_L3MISS),
      field("port", &Vxlan::port, BigEndian{IFLA_VXLAN_PORT}),
      field("udp_csum", &Vxlan::udp_csum, IFLA_VXLAN_UDP_CSUM),
      field("udp_zero_csum6_tx", &Vxlan::udp_zero_csum6_tx, IFLA_VXLAN_UDP_ZERO_CSUM6_TX),
      field("udp_zero_csum6_rx", &Vxlan::udp_zero_csum6_rx, IFLA_VXLAN_UDP_ZERO_CSUM6_RX),
      field("remcsum_tx", &Vxlan::remcsum_tx, IFLA_VXLAN_REMCSUM_TX),
      field("remcsum_rx", &Vxlan::remcsum_rx, IFLA_VXLAN_REMCSUM_RX),
      field("gbp", &Vxlan::gbp, IFLA_VXLAN_GBP),
      field("remcsum_nopartial", &Vxlan::remcsum_nopartial, IFLA_VXLAN_REMCSUM_NOPARTIAL),
      field("collect_metadata", &Vxlan::collect_metadata, IFLA_VXLAN_COLLECT_METADATA),
      field("label", &Vxlan::label, BigEndian{IFLA_VXLAN_LABEL}),
      field("gpe", &Vxlan::gpe, IFLA_VXLAN_GPE),
      field("ttl_inherit", &Vxlan::ttl_inherit, FlagReportedAsU8{IFLA_VXLAN_TTL_INHERIT}),
      field("df", &Vxlan::df, IFLA_VXLAN_DF),
      field("vnifilter", &Vxlan::vnifilter, IFLA_VXLAN_VNIFILTER),
  };
  /// vni below 2^24, label below 2^20, group and local of one family,
  /// port_range low <= high.
  static Result<void> validate(const Vxlan& vxlan, std::string_view kind);
};

}  // namespace nlpp::rtnl::link
