// The vrf kind: IFLA_INFO_DATA of a "vrf" link (IFLA_VRF_*), an L3 master
// device bound to a routing table.
#pragma once

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

/// A VRF: the routes of its ports' traffic are looked up in table.
struct Vrf {
  std::optional<uint32_t> table{};  ///< IFLA_VRF_TABLE (required when creating one)
  std::vector<RawAttribute> unknown{};

  /// This data as a "vrf" link's info: `Link{.name = "x", .info = link::Vrf{...}}`.
  operator LinkInfo() const;  // NOLINT: implicit by design

  friend bool operator==(const Vrf&, const Vrf&) = default;
};

}  // namespace nlpp::rtnl::link
