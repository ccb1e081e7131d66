// How link::vti's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/vti.hpp>

#include "rtnl/link/kind_traits.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Vti> {
  static constexpr std::string_view kinds[] = {"vti", "vti6"};
  static constexpr auto fields = std::tuple{
      field("link", &Vti::link, IFLA_VTI_LINK),
      field("ikey", &Vti::ikey, BigEndian{IFLA_VTI_IKEY}),
      field("okey", &Vti::okey, BigEndian{IFLA_VTI_OKEY}),
      field("local", &Vti::local, IFLA_VTI_LOCAL),
      field("remote", &Vti::remote, IFLA_VTI_REMOTE),
      field("fwmark", &Vti::fwmark, IFLA_VTI_FWMARK),
  };
  /// local and remote of the kind's family.
  static Result<void> validate(const Vti& vti, std::string_view kind);
};

}  // namespace nlpp::rtnl::link
