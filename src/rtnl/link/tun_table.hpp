// How link::tun's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/tun.hpp>

#include "rtnl/link/kind_traits.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Tun> {
  static constexpr std::string_view kinds[] = {"tun"};
  static constexpr auto fields = std::tuple{
      field("owner", &Tun::owner, IFLA_TUN_OWNER),
      field("group", &Tun::group, IFLA_TUN_GROUP),
      field("type", &Tun::type, IFLA_TUN_TYPE),
      field("pi", &Tun::pi, IFLA_TUN_PI),
      field("vnet_hdr", &Tun::vnet_hdr, IFLA_TUN_VNET_HDR),
      field("persist", &Tun::persist, IFLA_TUN_PERSIST),
      field("multi_queue", &Tun::multi_queue, IFLA_TUN_MULTI_QUEUE),
      field("num_queues", &Tun::num_queues, IFLA_TUN_NUM_QUEUES),
      field("num_disabled_queues", &Tun::num_disabled_queues, IFLA_TUN_NUM_DISABLED_QUEUES),
  };
};

}  // namespace nlpp::rtnl::link
