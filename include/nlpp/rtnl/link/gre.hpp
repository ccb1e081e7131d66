// The GRE kinds: IFLA_INFO_DATA (IFLA_GRE_*) of gre, gretap and erspan over
// IPv4 and of ip6gre, ip6gretap and ip6erspan over IPv6: one attribute set,
// with addresses of the kind's family.
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

/// A GRE tunnel. iflags / oflags hold GRE header bits in host order
/// (Gre::key, Gre::csum, Gre::seq); a key is used only with Gre::key set
/// in the same direction's flags, so validate() refuses one without it.
struct Gre {
  static constexpr uint16_t csum = 0x8000;  ///< GRE_CSUM
  static constexpr uint16_t key = 0x2000;   ///< GRE_KEY
  static constexpr uint16_t seq = 0x1000;   ///< GRE_SEQ

  std::optional<LinkRef> link{};           ///< IFLA_GRE_LINK: the underlying device (ifindex or name)
  std::optional<uint16_t> iflags{};        ///< IFLA_GRE_IFLAGS: GRE bits expected on input
  std::optional<uint16_t> oflags{};        ///< IFLA_GRE_OFLAGS: GRE bits sent
  std::optional<uint32_t> ikey{};          ///< IFLA_GRE_IKEY
  std::optional<uint32_t> okey{};          ///< IFLA_GRE_OKEY
  std::optional<IpAddress> local{};        ///< IFLA_GRE_LOCAL: IPv4 for gre/gretap/erspan, IPv6 for ip6*
  std::optional<IpAddress> remote{};       ///< IFLA_GRE_REMOTE: same family as local
  std::optional<uint8_t> ttl{};            ///< IFLA_GRE_TTL: 0 inherits
  std::optional<uint8_t> tos{};            ///< IFLA_GRE_TOS (IPv4 kinds)
  std::optional<bool> pmtudisc{};          ///< IFLA_GRE_PMTUDISC (IPv4 kinds)
  std::optional<uint8_t> encap_limit{};    ///< IFLA_GRE_ENCAP_LIMIT (IPv6 kinds)
  std::optional<uint32_t> flowinfo{};      ///< IFLA_GRE_FLOWINFO (IPv6 kinds)
  std::optional<uint32_t> flags{};         ///< IFLA_GRE_FLAGS: IP6_TNL_F_* (IPv6 kinds)
  std::optional<TunnelEncap> encap{};      ///< IFLA_GRE_ENCAP_TYPE, _FLAGS, _SPORT, _DPORT
  bool collect_metadata = false;           ///< IFLA_GRE_COLLECT_METADATA: "external"
  std::optional<bool> ignore_df{};         ///< IFLA_GRE_IGNORE_DF (gretap)
  std::optional<uint32_t> fwmark{};        ///< IFLA_GRE_FWMARK
  std::optional<uint32_t> erspan_index{};  ///< IFLA_GRE_ERSPAN_INDEX (erspan version 1)
  std::optional<uint8_t> erspan_ver{};     ///< IFLA_GRE_ERSPAN_VER: 0, 1 or 2
  std::optional<uint8_t> erspan_dir{};     ///< IFLA_GRE_ERSPAN_DIR (version 2)
  std::optional<uint16_t> erspan_hwid{};   ///< IFLA_GRE_ERSPAN_HWID (version 2)
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Gre&, const Gre&) = default;
};

/// The links a Gre names (link_resolution.hpp resolves them), visited
/// with the Link that holds it.
template <SameOrConst<Gre> Data, class Visit>
void visit_links(Data& data, Visit&& visit) {
  if (data.link) visit(*data.link);
}

}  // namespace nlpp::rtnl::link
