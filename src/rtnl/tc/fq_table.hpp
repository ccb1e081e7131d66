// fq: TCA_FQ_* attributes, each sent only when set, in the order tc sends them.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/fq.hpp>

#include "rtnl/tc/kind_traits.hpp"
#include "rtnl/tc/option_codecs.hpp"

#include <linux/pkt_sched.h>

#include <chrono>
#include <string>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <>
struct KindTraits<Fq> {
  static constexpr std::string_view kinds[] = {"fq"};
  static constexpr auto fields = std::tuple{
      field("buckets_log", &Fq::buckets_log, TCA_FQ_BUCKETS_LOG),
      field("limit", &Fq::limit, TCA_FQ_PLIMIT),
      field("flow_limit", &Fq::flow_limit, TCA_FQ_FLOW_PLIMIT),
      field("quantum", &Fq::quantum, TCA_FQ_QUANTUM),
      field("initial_quantum", &Fq::initial_quantum, TCA_FQ_INITIAL_QUANTUM),
      field("pacing", &Fq::pacing, BoolAsU32{TCA_FQ_RATE_ENABLE}),
      field("max_rate", &Fq::max_rate, TCA_FQ_FLOW_MAX_RATE),
      field("low_rate_threshold", &Fq::low_rate_threshold, TCA_FQ_LOW_RATE_THRESHOLD),
      field("default_rate", &Fq::default_rate, TCA_FQ_FLOW_DEFAULT_RATE),
      field("refill_delay", &Fq::refill_delay, TimeAttribute<std::chrono::microseconds>{TCA_FQ_FLOW_REFILL_DELAY}),
      field("orphan_mask", &Fq::orphan_mask, TCA_FQ_ORPHAN_MASK),
      field("ce_threshold", &Fq::ce_threshold, TimeAttribute<std::chrono::microseconds>{TCA_FQ_CE_THRESHOLD}),
      field("timer_slack", &Fq::timer_slack, TimeAttribute<std::chrono::nanoseconds>{TCA_FQ_TIMER_SLACK}),
      field("horizon", &Fq::horizon, TimeAttribute<std::chrono::microseconds>{TCA_FQ_HORIZON}),
      field("horizon_drop", &Fq::horizon_drop, TCA_FQ_HORIZON_DROP),  // a u8
  };

  static Result<void> validate(const Fq& options, std::string_view kind) {
    // The kernel's bounds (sch_fq.c): up to 256 Ki buckets, a quantum of 1 MiB.
    constexpr uint32_t most_buckets_log = 18;
    constexpr uint32_t most_quantum = 1 << 20;
    if (options.buckets_log && (*options.buckets_log == 0 || *options.buckets_log > most_buckets_log))
      return Error(errc::invalid_argument,
                   "fq buckets_log: " + std::to_string(*options.buckets_log) + " is not 1 to 18");
    if (options.quantum && (*options.quantum == 0 || *options.quantum > most_quantum))
      return Error(errc::invalid_argument, "fq quantum: " + std::to_string(*options.quantum) + " is not 1 to 1048576");
    return times_fit<fields>(options, kind);
  }
};

}  // namespace nlpp::rtnl::tc
