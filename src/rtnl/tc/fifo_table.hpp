// pfifo, bfifo and pfifo_head_drop: TCA_OPTIONS is struct tc_fifo_qopt.
#pragma once

#include <nlpp/rtnl/tc/fifo.hpp>

#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_sched.h>

#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <>
struct KindTraits<Fifo> {
  static constexpr std::string_view kinds[] = {"pfifo", "bfifo", "pfifo_head_drop"};
  using Struct = tc_fifo_qopt;
  static constexpr auto fields = std::tuple{field("limit", &Fifo::limit, in_header(&tc_fifo_qopt::limit))};
};

}  // namespace nlpp::rtnl::tc
