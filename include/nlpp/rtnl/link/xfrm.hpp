// The xfrm kind: IFLA_INFO_DATA of an "xfrm" link (IFLA_XFRM_*), an IPsec
// virtual interface matched to policies by its if_id.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <linux/if_link.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl::link {

/// An xfrm interface.
struct Xfrm {
  std::optional<uint32_t> link{};   ///< IFLA_XFRM_LINK: ifindex of the underlying device
  std::optional<uint32_t> if_id{};  ///< IFLA_XFRM_IF_ID: the xfrm policies' and states' if_id (not 0)
  bool collect_metadata = false;    ///< IFLA_XFRM_COLLECT_METADATA: "external"
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Xfrm&, const Xfrm&) = default;
};

}  // namespace nlpp::rtnl::link
