// codel and fq_codel: TCA_CODEL_* and TCA_FQ_CODEL_* attributes, each sent
// only when set, in the order tc sends them.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/codel.hpp>

#include "rtnl/tc/kind_traits.hpp"
#include "rtnl/tc/option_codecs.hpp"

#include <linux/pkt_sched.h>

#include <chrono>
#include <string>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <>
struct KindTraits<Codel> {
  static constexpr std::string_view kinds[] = {"codel"};
  static constexpr auto fields = std::tuple{
      field("limit", &Codel::limit, TCA_CODEL_LIMIT),
      field("interval", &Codel::interval, TimeAttribute<std::chrono::microseconds>{TCA_CODEL_INTERVAL}),
      field("target", &Codel::target, TimeAttribute<std::chrono::microseconds>{TCA_CODEL_TARGET}),
      field("ecn", &Codel::ecn, BoolAsU32{TCA_CODEL_ECN}),
      field("ce_threshold", &Codel::ce_threshold, TimeAttribute<std::chrono::microseconds>{TCA_CODEL_CE_THRESHOLD}),
  };

  static Result<void> validate(const Codel& options, std::string_view kind) { return times_fit<fields>(options, kind); }
};

template <>
struct KindTraits<FqCodel> {
  static constexpr std::string_view kinds[] = {"fq_codel"};
  static constexpr auto fields = std::tuple{
      field("limit", &FqCodel::limit, TCA_FQ_CODEL_LIMIT),
      field("flows", &FqCodel::flows, TCA_FQ_CODEL_FLOWS),
      field("quantum", &FqCodel::quantum, TCA_FQ_CODEL_QUANTUM),
      field("interval", &FqCodel::interval, TimeAttribute<std::chrono::microseconds>{TCA_FQ_CODEL_INTERVAL}),
      field("target", &FqCodel::target, TimeAttribute<std::chrono::microseconds>{TCA_FQ_CODEL_TARGET}),
      field("ecn", &FqCodel::ecn, BoolAsU32{TCA_FQ_CODEL_ECN}),
      field("ce_threshold", &FqCodel::ce_threshold,
            TimeAttribute<std::chrono::microseconds>{TCA_FQ_CODEL_CE_THRESHOLD}),
      // The mask before the selector, as tc sends them.
      field("ce_threshold_mask", &FqCodel::ce_threshold_mask, TCA_FQ_CODEL_CE_THRESHOLD_MASK),
      field("ce_threshold_selector", &FqCodel::ce_threshold_selector, TCA_FQ_CODEL_CE_THRESHOLD_SELECTOR),
      field("memory_limit", &FqCodel::memory_limit, TCA_FQ_CODEL_MEMORY_LIMIT),
      field("drop_batch_size", &FqCodel::drop_batch_size, TCA_FQ_CODEL_DROP_BATCH_SIZE),
  };

  static Result<void> validate(const FqCodel& options, std::string_view kind) {
    constexpr uint32_t most_flows = 65536;
    if (options.flows && (*options.flows == 0 || *options.flows > most_flows))
      return Error(errc::invalid_argument, "fq_codel flows: " + std::to_string(*options.flows) + " is not 1 to 65536");
    if (options.quantum && *options.quantum > FQ_CODEL_QUANTUM_MAX)
      return Error(errc::invalid_argument,
                   "fq_codel quantum: " + std::to_string(*options.quantum) + " is above 1048576");
    return times_fit<fields>(options, kind);
  }
};

}  // namespace nlpp::rtnl::tc
