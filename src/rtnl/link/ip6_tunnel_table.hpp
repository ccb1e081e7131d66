// How link::ip6_tunnel's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/ip6_tunnel.hpp>

#include "rtnl/link/kind_traits.hpp"
#include "rtnl/link/tunnel_encap_table.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Ip6Tunnel> {
  static constexpr std::string_view kinds[] = {"ip6tnl"};
  static constexpr auto fields = std::tuple{
      field("link", &Ip6Tunnel::link, IFLA_IPTUN_LINK),
      field("local", &Ip6Tunnel::local, IFLA_IPTUN_LOCAL),
      field("remote", &Ip6Tunnel::remote, IFLA_IPTUN_REMOTE),
      field("ttl", &Ip6Tunnel::ttl, IFLA_IPTUN_TTL),
      field("encap_limit", &Ip6Tunnel::encap_limit, IFLA_IPTUN_ENCAP_LIMIT),
      field("flowinfo", &Ip6Tunnel::flowinfo, BigEndian{IFLA_IPTUN_FLOWINFO}),
      field("flags", &Ip6Tunnel::flags, IFLA_IPTUN_FLAGS),
      field("proto", &Ip6Tunnel::proto, IFLA_IPTUN_PROTO),
      field("encap", &Ip6Tunnel::encap,
            EncapFields{IFLA_IPTUN_ENCAP_TYPE, IFLA_IPTUN_ENCAP_FLAGS, IFLA_IPTUN_ENCAP_SPORT, IFLA_IPTUN_ENCAP_DPORT}),
      field("collect_metadata", &Ip6Tunnel::collect_metadata, IFLA_IPTUN_COLLECT_METADATA),
      field("fwmark", &Ip6Tunnel::fwmark, IFLA_IPTUN_FWMARK),
  };
  /// local and remote are IPv6.
  static Result<void> validate(const Ip6Tunnel& tunnel, std::string_view kind);
};

}  // namespace nlpp::rtnl::link
