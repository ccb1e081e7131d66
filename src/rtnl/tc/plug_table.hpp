// plug: TCA_OPTIONS is struct tc_plug_qopt, a command the kernel acts on
// and never reports (sch_plug has no dump).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/plug.hpp>

#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_sched.h>

#include <string>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <>
struct KindTraits<Plug> {
  static constexpr std::string_view kinds[] = {"plug"};
  using Struct = tc_plug_qopt;
  static constexpr auto fields = std::tuple{
      field("action", &Plug::action, in_header(&tc_plug_qopt::action)),
      field("limit", &Plug::limit, in_header(&tc_plug_qopt::limit)),
  };

  /// The kernel refuses an action it does not know (EINVAL).
  static Result<void> validate(const Plug& plug, std::string_view) {
    const auto action = static_cast<int32_t>(plug.action);
    if (action < TCQ_PLUG_BUFFER || action > TCQ_PLUG_LIMIT)
      return Error(errc::invalid_argument, "plug action: " + std::to_string(action) + " is not 0 to 3");
    return {};
  }
};

}  // namespace nlpp::rtnl::tc
