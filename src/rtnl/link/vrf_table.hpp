// How link::vrf's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/vrf.hpp>

#include "rtnl/link/kind_traits.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Vrf> {
  static constexpr std::string_view kinds[] = {"vrf"};
  static constexpr auto fields = std::tuple{field("table", &Vrf::table, IFLA_VRF_TABLE)};
};

}  // namespace nlpp::rtnl::link
