// How link::ipvlan's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/ipvlan.hpp>

#include "rtnl/link/kind_traits.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Ipvlan> {
  static constexpr std::string_view kinds[] = {"ipvlan", "ipvtap"};
  static constexpr auto fields = std::tuple{
      field("mode", &Ipvlan::mode, IFLA_IPVLAN_MODE),
      field("flags", &Ipvlan::flags, IFLA_IPVLAN_FLAGS),
  };
};

}  // namespace nlpp::rtnl::link
