// The vxlan kind: IFLA_INFO_DATA of a "vxlan" link (IFLA_VXLAN_*).
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/link/port_range.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <linux/if_link.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl {
struct LinkInfo;
}

namespace nlpp::rtnl::link {

/// A VXLAN tunnel. Addresses may be IPv4 or IPv6: each has one attribute
/// per family (IFLA_VXLAN_GROUP / _GROUP6...) and the address's family picks it.
struct Vxlan {
  std::optional<uint32_t> vni{};            ///< IFLA_VXLAN_ID: below 2^24
  std::optional<IpAddress> group{};         ///< IFLA_VXLAN_GROUP(6): the multicast group, or the unicast remote
  std::optional<LinkRef> link{};            ///< IFLA_VXLAN_LINK: the underlying device (ifindex or name) ("dev")
  std::optional<IpAddress> local{};         ///< IFLA_VXLAN_LOCAL(6): the source address
  std::optional<uint8_t> ttl{};             ///< IFLA_VXLAN_TTL
  std::optional<uint8_t> tos{};             ///< IFLA_VXLAN_TOS
  std::optional<bool> learning{};           ///< IFLA_VXLAN_LEARNING
  std::optional<uint32_t> ageing{};         ///< IFLA_VXLAN_AGEING: FDB entry lifetime in seconds
  std::optional<uint32_t> limit{};          ///< IFLA_VXLAN_LIMIT: FDB entries, 0 for no limit
  std::optional<PortRange> port_range{};    ///< IFLA_VXLAN_PORT_RANGE: UDP source ports
  std::optional<bool> proxy{};              ///< IFLA_VXLAN_PROXY: ARP / ND proxy
  std::optional<bool> rsc{};                ///< IFLA_VXLAN_RSC: route short circuit
  std::optional<bool> l2miss{};             ///< IFLA_VXLAN_L2MISS
  std::optional<bool> l3miss{};             ///< IFLA_VXLAN_L3MISS
  std::optional<uint16_t> port{};           ///< IFLA_VXLAN_PORT: UDP destination port
  std::optional<bool> udp_csum{};           ///< IFLA_VXLAN_UDP_CSUM
  std::optional<bool> udp_zero_csum6_tx{};  ///< IFLA_VXLAN_UDP_ZERO_CSUM6_TX
  std::optional<bool> udp_zero_csum6_rx{};  ///< IFLA_VXLAN_UDP_ZERO_CSUM6_RX
  std::optional<bool> remcsum_tx{};         ///< IFLA_VXLAN_REMCSUM_TX
  std::optional<bool> remcsum_rx{};         ///< IFLA_VXLAN_REMCSUM_RX
  bool gbp = false;                         ///< IFLA_VXLAN_GBP: group based policy extension
  bool remcsum_nopartial = false;           ///< IFLA_VXLAN_REMCSUM_NOPARTIAL
  std::optional<bool> collect_metadata{};   ///< IFLA_VXLAN_COLLECT_METADATA: "external"
  std::optional<uint32_t> label{};          ///< IFLA_VXLAN_LABEL: IPv6 flow label, below 2^20
  bool gpe = false;                         ///< IFLA_VXLAN_GPE: generic protocol extension
  bool ttl_inherit = false;                 ///< IFLA_VXLAN_TTL_INHERIT
  std::optional<uint8_t> df{};              ///< IFLA_VXLAN_DF: 0 unset, 1 set, 2 inherit
  std::optional<bool> vnifilter{};          ///< IFLA_VXLAN_VNIFILTER (with collect_metadata)
  std::vector<RawAttribute> unknown{};

  /// This data as a "vxlan" link's info: `Link{.name = "x", .info = link::Vxlan{...}}`.
  operator LinkInfo() const;  // NOLINT: implicit by design

  friend bool operator==(const Vxlan&, const Vxlan&) = default;
};

/// The links a Vxlan names (link_resolution.hpp resolves them), visited
/// with the Link that holds it.
template <SameOrConst<Vxlan> Data, class Visit>
void visit_links(Data& data, Visit&& visit) {
  if (data.link) visit(*data.link);
}

}  // namespace nlpp::rtnl::link
