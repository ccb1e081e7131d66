// The IPv4 tunnel kinds ipip and sit: IFLA_INFO_DATA (IFLA_IPTUN_*) of an
// IPv4-in-IPv4 or IPv6-in-IPv4 tunnel.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/link/if_tunnel.hpp>
#include <nlpp/rtnl/link/tunnel_encap.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <linux/if_link.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl::link {

/// An ipip or sit tunnel: endpoints are IPv4.
struct IpTunnel {
  std::optional<LinkRef> link{};            ///< IFLA_IPTUN_LINK: the underlying device (ifindex or name)
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

/// The links a IpTunnel names (link_resolution.hpp resolves them), visited
/// with the Link that holds it.
template <SameOrConst<IpTunnel> Data, class Visit>
void visit_links(Data& data, Visit&& visit) {
  if (data.link) visit(*data.link);
}

}  // namespace nlpp::rtnl::link
