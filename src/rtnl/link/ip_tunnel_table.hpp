// How link::ip_tunnel's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/ip_tunnel.hpp>

#include "rtnl/link/kind_traits.hpp"
#include "rtnl/link/tunnel_encap_table.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<IpTunnel> {
  static constexpr std::string_view kinds[] = {"ipip", "sit"};
  static constexpr auto fields = std::tuple{
      field("link", &IpTunnel::link, IFLA_IPTUN_LINK),
      field("local", &IpTunnel::local, IFLA_IPTUN_LOCAL),
      field("remote", &IpTunnel::remote, IFLA_IPTUN_REMOTE),
      field("ttl", &IpTunnel::ttl, IFLA_IPTUN_TTL),
      field("tos", &IpTunnel::tos, IFLA_IPTUN_TOS),
      field("pmtudisc", &IpTunnel::pmtudisc, IFLA_IPTUN_PMTUDISC),
      field("flags", &IpTunnel::flags, IFLA_IPTUN_FLAGS),
      field("proto", &IpTunnel::proto, IFLA_IPTUN_PROTO),
      field("ip6rd_prefix", &IpTunnel::ip6rd_prefix, IFLA_IPTUN_6RD_PREFIX),
      field("ip6rd_relay_prefix", &IpTunnel::ip6rd_relay_prefix, IFLA_IPTUN_6RD_RELAY_PREFIX),
      field("ip6rd_prefixlen", &IpTunnel::ip6rd_prefixlen, IFLA_IPTUN_6RD_PREFIXLEN),
      field("ip6rd_relay_prefixlen", &IpTunnel::ip6rd_relay_prefixlen, IFLA_IPTUN_6RD_RELAY_PREFIXLEN),
      field("encap", &IpTunnel::encap,
            EncapFields{IFLA_IPTUN_ENCAP_TYPE, IFLA_IPTUN_ENCAP_FLAGS, IFLA_IPTUN_ENCAP_SPORT, IFLA_IPTUN_ENCAP_DPORT}),
      field("collect_metadata", &IpTunnel::collect_metadata, IFLA_IPTUN_COLLECT_METADATA),
      field("fwmark", &IpTunnel::fwmark, IFLA_IPTUN_FWMARK),
  };
  /// local and remote are IPv4.
  static Result<void> validate(const IpTunnel& tunnel, std::string_view kind);
};

}  // namespace nlpp::rtnl::link
