// How link::macvlan's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/macvlan.hpp>

#include "rtnl/link/kind_traits.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Macvlan> {
  static constexpr std::string_view kinds[] = {"macvlan", "macvtap"};
  static constexpr auto fields = std::tuple{
      field("mode", &Macvlan::mode, IFLA_MACVLAN_MODE),
      field("flags", &Macvlan::flags, IFLA_MACVLAN_FLAGS),
      field("macaddr_mode", &Macvlan::macaddr_mode, IFLA_MACVLAN_MACADDR_MODE),
      field("macaddr", &Macvlan::macaddr, IFLA_MACVLAN_MACADDR),
      field("macaddr_data", &Macvlan::macaddr_data,
            NestedList<MacAddress>{IFLA_MACVLAN_MACADDR_DATA, IFLA_MACVLAN_MACADDR}),
      field("macaddr_count", &Macvlan::macaddr_count, IFLA_MACVLAN_MACADDR_COUNT),
      field("bc_queue_len", &Macvlan::bc_queue_len, IFLA_MACVLAN_BC_QUEUE_LEN),
      field("bc_queue_len_used", &Macvlan::bc_queue_len_used, IFLA_MACVLAN_BC_QUEUE_LEN_USED),
  };
};

}  // namespace nlpp::rtnl::link
