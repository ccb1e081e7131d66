// The geneve kind: IFLA_INFO_DATA of a "geneve" link (IFLA_GENEVE_*).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>

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

/// A Geneve tunnel.
struct Geneve {
  std::optional<uint32_t> vni{};            ///< IFLA_GENEVE_ID: below 2^24
  std::optional<IpAddress> remote{};        ///< IFLA_GENEVE_REMOTE(6)
  std::optional<uint8_t> ttl{};             ///< IFLA_GENEVE_TTL
  std::optional<uint8_t> tos{};             ///< IFLA_GENEVE_TOS
  std::optional<uint16_t> port{};           ///< IFLA_GENEVE_PORT: UDP destination port
  bool collect_metadata = false;            ///< IFLA_GENEVE_COLLECT_METADATA: "external"
  std::optional<bool> udp_csum{};           ///< IFLA_GENEVE_UDP_CSUM
  std::optional<bool> udp_zero_csum6_tx{};  ///< IFLA_GENEVE_UDP_ZERO_CSUM6_TX
  std::optional<bool> udp_zero_csum6_rx{};  ///< IFLA_GENEVE_UDP_ZERO_CSUM6_RX
  std::optional<uint32_t> label{};          ///< IFLA_GENEVE_LABEL: IPv6 flow label, below 2^20
  std::optional<bool> ttl_inherit{};        ///< IFLA_GENEVE_TTL_INHERIT
  std::optional<uint8_t> df{};              ///< IFLA_GENEVE_DF: 0 unset, 1 set, 2 inherit
  bool inner_proto_inherit = false;         ///< IFLA_GENEVE_INNER_PROTO_INHERIT
  std::vector<RawAttribute> unknown{};

  /// This data as a "geneve" link's info: `Link{.name = "x", .info = link::Geneve{...}}`.
  operator LinkInfo() const;  // NOLINT: implicit by design

  friend bool operator==(const Geneve&, const Geneve&) = default;
};

}  // namespace nlpp::rtnl::link
