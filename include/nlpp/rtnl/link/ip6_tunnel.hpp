// The ip6tnl kind: IFLA_INFO_DATA (IFLA_IPTUN_*) of an IPv4- or
// IPv6-in-IPv6 tunnel. Same attribute ids as ipip and sit, but IPv6
// endpoints and 32-bit flags, hence a type of its own.
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

/// An ip6tnl tunnel: endpoints are IPv6.
struct Ip6Tunnel {
  std::optional<LinkRef> link{};         ///< IFLA_IPTUN_LINK: the underlying device (ifindex or name)
  std::optional<IpAddress> local{};      ///< IFLA_IPTUN_LOCAL: IPv6
  std::optional<IpAddress> remote{};     ///< IFLA_IPTUN_REMOTE: IPv6
  std::optional<uint8_t> ttl{};          ///< IFLA_IPTUN_TTL (hop limit)
  std::optional<uint8_t> encap_limit{};  ///< IFLA_IPTUN_ENCAP_LIMIT
  std::optional<uint32_t> flowinfo{};    ///< IFLA_IPTUN_FLOWINFO
  std::optional<uint32_t> flags{};       ///< IFLA_IPTUN_FLAGS: IP6_TNL_F_*
  std::optional<uint8_t> proto{};        ///< IFLA_IPTUN_PROTO: IPPROTO_IPIP, IPPROTO_IPV6, 0 for any
  std::optional<TunnelEncap> encap{};    ///< IFLA_IPTUN_ENCAP_TYPE, _FLAGS, _SPORT, _DPORT
  bool collect_metadata = false;         ///< IFLA_IPTUN_COLLECT_METADATA: "external"
  std::optional<uint32_t> fwmark{};      ///< IFLA_IPTUN_FWMARK
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Ip6Tunnel&, const Ip6Tunnel&) = default;
};

/// The links a Ip6Tunnel names (link_resolution.hpp resolves them), visited
/// with the Link that holds it.
template <SameOrConst<Ip6Tunnel> Data, class Visit>
void visit_links(Data& data, Visit&& visit) {
  if (data.link) visit(*data.link);
}

}  // namespace nlpp::rtnl::link
