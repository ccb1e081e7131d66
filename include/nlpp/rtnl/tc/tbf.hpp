// The tbf kind: a token bucket filter shaping a link (or a class) to a
// rate, with an optional peak rate. TCA_OPTIONS holds TCA_TBF_PARMS
// (struct tc_tbf_qopt, whose bucket sizes are times at the rate) and the
// 64-bit rates and sizes in bytes beside it.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/tc/rate.hpp>

#include <cstdint>
#include <vector>

namespace nlpp::rtnl::tc {

/// A tbf qdisc's options: `tc qdisc add dev X root tbf rate 1mbit burst 10k limit 20k`
/// is `tc::Tbf{.rate = {.bytes_per_second = 125000}, .burst = 10240, .limit = 20480}`.
struct Tbf {
  Rate rate{};         ///< the sustained rate (required)
  uint32_t burst = 0;  ///< the bucket, in bytes (required)
  uint32_t limit = 0;  ///< bytes waiting for tokens at most (required)
  /// The peak rate (0: none), and its bucket (tc's "mtu" or "minburst"),
  /// required with a peak rate.
  Rate peakrate{};
  uint32_t minburst = 0;
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Tbf&, const Tbf&) = default;
};

}  // namespace nlpp::rtnl::tc
