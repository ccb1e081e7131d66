// drr: a class's TCA_OPTIONS holds its quantum (the qdisc has no options).
#pragma once

#include <nlpp/rtnl/tc/drr.hpp>

#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_sched.h>

#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <>
struct KindTraits<DrrClass> {
  static constexpr std::string_view kinds[] = {"drr"};
  static constexpr auto fields = std::tuple{field("quantum", &DrrClass::quantum, codec::NonDefault{TCA_DRR_QUANTUM})};
};

}  // namespace nlpp::rtnl::tc
