// The xfrm kind: IFLA_INFO_DATA of an "xfrm" link (IFLA_XFRM_*), an IPsec
// virtual interface matched to policies by its if_id.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <linux/if_link.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl::link {

/// An xfrm interface.
struct Xfrm {
  std::optional<LinkRef> link{};    ///< IFLA_XFRM_LINK: the underlying device (ifindex or name)
  std::optional<uint32_t> if_id{};  ///< IFLA_XFRM_IF_ID: the xfrm policies' and states' if_id (not 0)
  bool collect_metadata = false;    ///< IFLA_XFRM_COLLECT_METADATA: "external"
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Xfrm&, const Xfrm&) = default;
};

/// The links a Xfrm names (link_resolution.hpp resolves them), visited
/// with the Link that holds it.
template <SameOrConst<Xfrm> Data, class Visit>
void visit_links(Data& data, Visit&& visit) {
  if (data.link) visit(*data.link);
}

}  // namespace nlpp::rtnl::link
