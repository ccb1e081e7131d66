// Internal: a tc object's statistics as tc prints them (tc/tc_util.c
// print_tcstats2_attr()), the same members under a qdisc, a class and an
// action.
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/rtnl/tc_stats.hpp>

namespace nlpp::format::detail {

/// The counters, the hardware's share, the estimator's rates and the queue,
/// as members of the object being written.
void write_tc_stats(JsonWriter& json, const rtnl::TcStats& stats);

}  // namespace nlpp::format::detail
