// htb: the qdisc's TCA_HTB_INIT (struct tc_htb_glob) and direct queue; a
// class's TCA_HTB_PARMS (struct tc_htb_opt) with, in tc's order, the
// 64-bit rates before it and the rate tables after it.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/htb.hpp>

#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_sched.h>

#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

inline constexpr auto htb_init = std::tuple{
    field("version", &Htb::version, in_header(&tc_htb_glob::version)),
    field("r2q", &Htb::r2q, in_header(&tc_htb_glob::rate2quantum)),
    field("default", &Htb::default_class, in_header(&tc_htb_glob::defcls)),
    field("debug", &Htb::debug, in_header(&tc_htb_glob::debug)),
    field("direct_packets_stat", &Htb::direct_packets_stat, in_header(&tc_htb_glob::direct_pkts)),
};

template <>
struct KindTraits<Htb> {
  static constexpr std::string_view kinds[] = {"htb"};
  static constexpr auto fields = std::tuple{
      field("init", WholeObject<Htb>{}, StructIn<tc_htb_glob, htb_init>{TCA_HTB_INIT}),
      field("direct_qlen", &Htb::direct_qlen, TCA_HTB_DIRECT_QLEN),
      field("offload", &Htb::offload, TCA_HTB_OFFLOAD),
  };
};

inline constexpr auto htb_class_parms = std::tuple{
    field("rate", &HtbClass::rate, RateIn<tc_htb_opt>{&tc_htb_opt::rate}),
    field("ceil", &HtbClass::ceil, RateIn<tc_htb_opt>{&tc_htb_opt::ceil}),
    field("burst", WholeObject<HtbClass>{},
          BucketIn<HtbClass, tc_htb_opt>{&HtbClass::burst, &HtbClass::rate, &tc_htb_opt::buffer}),
    field("cburst", WholeObject<HtbClass>{},
          BucketIn<HtbClass, tc_htb_opt>{&HtbClass::cburst, &HtbClass::ceil, &tc_htb_opt::cbuffer}),
    field("quantum", &HtbClass::quantum, in_header(&tc_htb_opt::quantum)),
    field("level", &HtbClass::level, in_header(&tc_htb_opt::level)),
    field("prio", &HtbClass::prio, in_header(&tc_htb_opt::prio)),
};

template <>
struct KindTraits<HtbClass> {
  static constexpr std::string_view kinds[] = {"htb"};
  static constexpr auto fields = std::tuple{
      field("rate64", &HtbClass::rate, Rate64{TCA_HTB_RATE64}),
      field("ceil64", &HtbClass::ceil, Rate64{TCA_HTB_CEIL64}),
      field("parms", WholeObject<HtbClass>{}, StructIn<tc_htb_opt, htb_class_parms>{TCA_HTB_PARMS}),
      field("rtab", &HtbClass::rate, RateTable{TCA_HTB_RTAB}),
      field("ctab", &HtbClass::ceil, RateTable{TCA_HTB_CTAB}),
  };

  static Result<void> validate(const HtbClass& options, std::string_view) {
    if (options.rate.bytes_per_second == 0) return Error(errc::invalid_argument, "htb class rate: required");
    return {};
  }
  /// What tc sends for what its words leave out: the ceiling is the rate,
  /// a bucket is what the rate sends in a timer tick (HZ being 10^9 on a
  /// high-resolution clock) plus an ethernet mtu of 1600 bytes.
  static HtbClass with_defaults(HtbClass options) {
    constexpr uint64_t hz = 1000000000;
    constexpr uint32_t mtu = 1600;
    if (options.ceil.bytes_per_second == 0) options.ceil = options.rate;
    if (options.burst == 0) options.burst = static_cast<uint32_t>(options.rate.bytes_per_second / hz + mtu);
    if (options.cburst == 0) options.cburst = static_cast<uint32_t>(options.ceil.bytes_per_second / hz + mtu);
    return options;
  }
};

}  // namespace nlpp::rtnl::tc
