// The ipvlan and ipvtap kinds: IFLA_INFO_DATA (IFLA_IPVLAN_*) of a link
// sharing its IFLA_LINK's MAC address.
#pragma once

#include <nlpp/rtnl/link/field.hpp>
#include <nlpp/rtnl/link/kind_traits.hpp>
#include <nlpp/rtnl/raw_attribute.hpp>

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

template <>
struct KindTraits<Ipvlan> {
  static constexpr std::string_view kinds[] = {"ipvlan", "ipvtap"};
  static constexpr auto fields = std::tuple{
      field("mode", &Ipvlan::mode, IFLA_IPVLAN_MODE),
      field("flags", &Ipvlan::flags, IFLA_IPVLAN_FLAGS),
  };
};

}  // namespace nlpp::rtnl::link
