// mqprio: TCA_OPTIONS is struct tc_mqprio_qopt, then the offload
// attributes in the same payload (the kernel reads them after the struct,
// as nla_parse_nested_compat() did), sent without NLA_F_NESTED as tc sends
// them; the rate lists are nests of like attributes, with the flag.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/mqprio.hpp>

#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_sched.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <>
struct KindTraits<Mqprio> {
  static constexpr std::string_view kinds[] = {"mqprio"};
  using Struct = tc_mqprio_qopt;
  static constexpr auto fields = std::tuple{
      field("num_tc", &Mqprio::num_tc, in_header(&tc_mqprio_qopt::num_tc)),
      field("prio_tc_map", &Mqprio::prio_tc_map, in_header(&tc_mqprio_qopt::prio_tc_map)),
      field("hw", &Mqprio::hw, in_header(&tc_mqprio_qopt::hw)),
      field("count", &Mqprio::count, in_header(&tc_mqprio_qopt::count)),
      field("offset", &Mqprio::offset, in_header(&tc_mqprio_qopt::offset)),
      field("mode", &Mqprio::mode, TCA_MQPRIO_MODE),
      field("shaper", &Mqprio::shaper, TCA_MQPRIO_SHAPER),
      field("min_rate", &Mqprio::min_rate,
            codec::NestedList<uint64_t>{
                .type = TCA_MQPRIO_MIN_RATE64, .entry_type = TCA_MQPRIO_MIN_RATE64, .nested_flag = true}),
      field("max_rate", &Mqprio::max_rate,
            codec::NestedList<uint64_t>{
                .type = TCA_MQPRIO_MAX_RATE64, .entry_type = TCA_MQPRIO_MAX_RATE64, .nested_flag = true}),
  };

  // The kernel's checks that need no link (a software mapping's queue
  // ranges are checked against the link's queues by the kernel).
  static Result<void> validate(const Mqprio& options, std::string_view) {
    if (options.num_tc > TC_QOPT_MAX_QUEUE)
      return Error(errc::invalid_argument, "mqprio num_tc: " + std::to_string(options.num_tc) + " is above 16");
    if (std::ranges::any_of(options.prio_tc_map, [&](uint8_t tc) { return tc >= options.num_tc; }))
      return Error(errc::invalid_argument, "mqprio prio_tc_map: a traffic class is not below num_tc");
    const bool offload_attributes =
        options.mode || options.shaper || !options.min_rate.empty() || !options.max_rate.empty();
    if (offload_attributes && options.hw == 0)
      return Error(errc::invalid_argument, "mqprio mode, shaper and rates: only with hardware offload (hw 1)");
    if ((!options.min_rate.empty() || !options.max_rate.empty()) && options.shaper != MqprioShaper::bw_rlimit)
      return Error(errc::invalid_argument, "mqprio min_rate, max_rate: only with shaper bw_rlimit");
    if (options.min_rate.size() > TC_QOPT_MAX_QUEUE || options.max_rate.size() > TC_QOPT_MAX_QUEUE)
      return Error(errc::invalid_argument, "mqprio min_rate, max_rate: more than 16 traffic classes");
    return {};
  }
};

}  // namespace nlpp::rtnl::tc
