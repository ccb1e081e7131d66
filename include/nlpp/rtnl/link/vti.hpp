// The vti and vti6 kinds: IFLA_INFO_DATA (IFLA_VTI_*) of a virtual tunnel
// interface for route-based IPsec, over IPv4 (vti) or IPv6 (vti6).
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/link/if_tunnel.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <linux/if_link.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl::link {

/// A VTI: the keys mark the traffic the xfrm policies match.
struct Vti {
  std::optional<LinkRef> link{};      ///< IFLA_VTI_LINK: the underlying device (ifindex or name)
  std::optional<uint32_t> ikey{};     ///< IFLA_VTI_IKEY
  std::optional<uint32_t> okey{};     ///< IFLA_VTI_OKEY
  std::optional<IpAddress> local{};   ///< IFLA_VTI_LOCAL: IPv4 for vti, IPv6 for vti6
  std::optional<IpAddress> remote{};  ///< IFLA_VTI_REMOTE: same family as local
  std::optional<uint32_t> fwmark{};   ///< IFLA_VTI_FWMARK
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Vti&, const Vti&) = default;
};

/// The links a Vti names (link_resolution.hpp resolves them), visited
/// with the Link that holds it.
template <SameOrConst<Vti> Data, class Visit>
void visit_links(Data& data, Visit&& visit) {
  if (data.link) visit(*data.link);
}

}  // namespace nlpp::rtnl::link
