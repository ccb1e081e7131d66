// The ipvlan and ipvtap kinds: IFLA_INFO_DATA (IFLA_IPVLAN_*) of a link
// sharing its IFLA_LINK's MAC address.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/enum_text.hpp>

#include <linux/if_link.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl::link {

/// Where an ipvlan handles packets (IPVLAN_MODE_*).
enum class IpvlanMode : uint16_t { l2 = 0, l3 = 1, l3s = 2 };

/// "l2", "l3", "l3s", or the number.
std::string to_string(IpvlanMode mode);

/// An ipvlan or ipvtap.
struct Ipvlan {
  std::optional<IpvlanMode> mode{};  ///< IFLA_IPVLAN_MODE
  std::optional<uint16_t> flags{};   ///< IFLA_IPVLAN_FLAGS: 0 bridge, IPVLAN_F_PRIVATE (1), IPVLAN_F_VEPA (2)
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Ipvlan&, const Ipvlan&) = default;
};

}  // namespace nlpp::rtnl::link
