// The IPv4 tunnel kinds ipip and sit: IFLA_INFO_DATA (IFLA_IPTUN_*) of an
// IPv4-in-IPv4 or IPv6-in-IPv4 tunnel.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/ip_address.hpp>
#include <nlpp/rtnl/link/field.hpp>
#include <nlpp/rtnl/link/if_tunnel.hpp>
#include <nlpp/rtnl/link/kind_traits.hpp>
#include <nlpp/rtnl/link/tunnel_encap.hpp>
#include <nlpp/rtnl/raw_attribute.hpp>

#include <linux/if_link.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl::link {

/// An ipip or sit tunnel: endpoints are IPv4.
struct IpTunnel {
  std::optional<uint32_t> link{};           ///< IFLA_IPTUN_LINK: ifindex of the underlying device
  std::optional<IpAddress> local{};         ///< IFLA_IPTUN_LOCAL: IPv4
  std::optional<IpAddress> remote{};        ///< IFLA_IPTUN_REMOTE: IPv4
  std::optional<uint8_t> ttl{};             ///< IFLA_IPTUN_TTL: 0 inherits
  std::optional<uint8_t> tos{};             ///< IFLA_IPTUN_TOS: 1 inherits
  std::optional<bool> pmtudisc{};           ///< IFLA_IPTUN_PMTUDISC
  std::optional<uint16_t> flags{};          ///< IFLA_IPTUN_FLAGS (sit): SIT_ISATAP
  std::optional<uint8_t> proto{};           ///< IFLA_IPTUN_PROTO: IPPROTO_IPIP, IPPROTO_IPV6, IPPROTO_MPLS, 0 for any
  std::optional<IpAddress> ip6rd_prefix{};  ///< IFLA_IPTUN_6RD_PREFIX (sit): IPv6
  std::optional<IpAddress> ip6rd_relay_prefix{};    ///< IFLA_IPTUN_6RD_RELAY_PREFIX (sit): IPv4
  std::optional<uint16_t> ip6rd_prefixlen{};        ///< IFLA_IPTUN_6RD_PREFIXLEN (sit)
  std::optional<uint16_t> ip6rd_relay_prefixlen{};  ///< IFLA_IPTUN_6RD_RELAY_PREFIXLEN (sit)
  std::optional<TunnelEncap> encap{};               ///< IFLA_IPTUN_ENCAP_TYPE, _FLAGS, _SPORT, _DPORT
  bool collect_metadata = false;                    ///< IFLA_IPTUN_COLLECT_METADATA: "external"
  std::optional<uint32_t> fwmark{};                 ///< IFLA_IPTUN_FWMARK
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const IpTunnel&, const IpTunnel&) = default;
};

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
