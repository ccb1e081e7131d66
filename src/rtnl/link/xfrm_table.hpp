// How link::xfrm's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/xfrm.hpp>

#include "rtnl/link/kind_traits.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Xfrm> {
  static constexpr std::string_view kinds[] = {"xfrm"};
  static constexpr auto fields = std::tuple{
      field("link", &Xfrm::link, IFLA_XFRM_LINK),
      field("if_id", &Xfrm::if_id, IFLA_XFRM_IF_ID),
      field("collect_metadata", &Xfrm::collect_metadata, IFLA_XFRM_COLLECT_METADATA),
  };
};

}  // namespace nlpp::rtnl::link
