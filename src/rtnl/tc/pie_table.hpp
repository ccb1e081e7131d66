// pie and fq_pie: TCA_PIE_* and TCA_FQ_PIE_* attributes, each sent only
// when set, in the order tc sends them.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/pie.hpp>

#include "rtnl/tc/kind_traits.hpp"
#include "rtnl/tc/option_codecs.hpp"

#include <linux/pkt_sched.h>

#include <chrono>
#include <string>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <>
struct KindTraits<Pie> {
  static constexpr std::string_view kinds[] = {"pie"};
  static constexpr auto fields = std::tuple{
      field("limit", &Pie::limit, TCA_PIE_LIMIT),
      field("tupdate", &Pie::tupdate, TimeAttribute<std::chrono::microseconds>{TCA_PIE_TUPDATE}),
      field("target", &Pie::target, TimeAttribute<std::chrono::microseconds>{TCA_PIE_TARGET}),
      field("alpha", &Pie::alpha, TCA_PIE_ALPHA),
      field("beta", &Pie::beta, TCA_PIE_BETA),
      field("ecn", &Pie::ecn, BoolAsU32{TCA_PIE_ECN}),
      field("bytemode", &Pie::bytemode, BoolAsU32{TCA_PIE_BYTEMODE}),
      field("dq_rate_estimator", &Pie::dq_rate_estimator, BoolAsU32{TCA_PIE_DQ_RATE_ESTIMATOR}),
  };

  static Result<void> validate(const Pie& options, std::string_view kind) { return times_fit<fields>(options, kind); }
};

template <>
struct KindTraits<FqPie> {
  static constexpr std::string_view kinds[] = {"fq_pie"};
  // The kernel parses fq_pie's options strictly (nla_parse_nested), which
  // wants the nest flagged, as tc flags it.
  static constexpr bool nested_flag = true;
  static constexpr auto fields = std::tuple{
      field("limit", &FqPie::limit, TCA_FQ_PIE_LIMIT),
      field("flows", &FqPie::flows, TCA_FQ_PIE_FLOWS),
      field("target", &FqPie::target, TimeAttribute<std::chrono::microseconds>{TCA_FQ_PIE_TARGET}),
      field("tupdate", &FqPie::tupdate, TimeAttribute<std::chrono::microseconds>{TCA_FQ_PIE_TUPDATE}),
      field("alpha", &FqPie::alpha, TCA_FQ_PIE_ALPHA),
      field("beta", &FqPie::beta, TCA_FQ_PIE_BETA),
      field("quantum", &FqPie::quantum, TCA_FQ_PIE_QUANTUM),
      field("memory_limit", &FqPie::memory_limit, TCA_FQ_PIE_MEMORY_LIMIT),
      field("ecn_prob", &FqPie::ecn_prob, TCA_FQ_PIE_ECN_PROB),
      field("ecn", &FqPie::ecn, BoolAsU32{TCA_FQ_PIE_ECN}),
      field("bytemode", &FqPie::bytemode, BoolAsU32{TCA_FQ_PIE_BYTEMODE}),
      field("dq_rate_estimator", &FqPie::dq_rate_estimator, BoolAsU32{TCA_FQ_PIE_DQ_RATE_ESTIMATOR}),
  };

  static Result<void> validate(const FqPie& options, std::string_view kind) {
    constexpr uint32_t most_flows = 65536;
    if (options.flows && (*options.flows == 0 || *options.flows > most_flows))
      return Error(errc::invalid_argument, "fq_pie flows: " + std::to_string(*options.flows) + " is not 1 to 65536");
    return times_fit<fields>(options, kind);
  }
};

}  // namespace nlpp::rtnl::tc
