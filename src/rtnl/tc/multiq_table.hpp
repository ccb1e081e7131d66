// multiq: TCA_OPTIONS is struct tc_multiq_qopt, which the kernel fills in
// (a band per transmit queue): read, sent as zeros as tc sends it.
#pragma once

#include <nlpp/rtnl/tc/multiq.hpp>

#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_sched.h>

#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

/// A field of a struct the kernel fills in: read, left zero when written,
/// not compared (it says what the link has, not what was asked).
template <class Struct, class Stored>
struct ReportedIn {
  Stored Struct::*stored;
  static constexpr bool compared = false;

  template <class Value>
  void read(const Struct& fixed, Value& value) const {
    value = static_cast<Value>(fixed.*stored);
  }
  template <class Value>
  void write(const Value&, Struct&) const {}
};

template <>
struct KindTraits<Multiq> {
  static constexpr std::string_view kinds[] = {"multiq"};
  using Struct = tc_multiq_qopt;
  static constexpr auto fields = std::tuple{
      field("bands", &Multiq::bands, ReportedIn<tc_multiq_qopt, __u16>{&tc_multiq_qopt::bands}),
      field("max_bands", &Multiq::max_bands, ReportedIn<tc_multiq_qopt, __u16>{&tc_multiq_qopt::max_bands}),
  };
};

}  // namespace nlpp::rtnl::tc
