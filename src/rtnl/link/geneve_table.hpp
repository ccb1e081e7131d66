// How link::geneve's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/geneve.hpp>

#include "rtnl/link/kind_traits.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Geneve> {
  static constexpr std::string_view kinds[] = {"geneve"};
  static constexpr auto fields = std::tuple{
      field("vni", &Geneve::vni, IFLA_GENEVE_ID),
      field("remote", &Geneve::remote, IpPair{IFLA_GENEVE_REMOTE, IFLA_GENEVE_REMOTE6}),
      field("ttl", &Geneve::ttl, IFLA_GENEVE_TTL),
      field("tos", &Geneve::tos, IFLA_GENEVE_TOS),
      field("port", &Geneve::port, BigEndian{IFLA_GENEVE_PORT}),
      field("collect_metadata", &Geneve::collect_metadata, IFLA_GENEVE_COLLECT_METADATA),
      field("udp_csum", &Geneve::udp_csum, IFLA_GENEVE_UDP_CSUM),
      field("udp_zero_csum6_tx", &Geneve::udp_zero_csum6_tx, IFLA_GENEVE_UDP_ZERO_CSUM6_TX),
      field("udp_zero_csum6_rx", &Geneve::udp_zero_csum6_rx, IFLA_GENEVE_UDP_ZERO_CSUM6_RX),
      field("label", &Geneve::label, BigEndian{IFLA_GENEVE_LABEL}),
      field("ttl_inherit", &Geneve::ttl_inherit, IFLA_GENEVE_TTL_INHERIT),
      field("df", &Geneve::df, IFLA_GENEVE_DF),
      field("inner_proto_inherit", &Geneve::inner_proto_inherit, IFLA_GENEVE_INNER_PROTO_INHERIT),
  };
  /// vni below 2^24, label below 2^20.
  static Result<void> validate(const Geneve& geneve, std::string_view kind);
};

}  // namespace nlpp::rtnl::link
