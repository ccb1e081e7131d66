// The police action: a token bucket (or the rate estimator's average) on
// the packets that reach it. Packets within the rate conform and get
// `conform`; the others get the action's control (tc's "conform-exceed
// drop/pass"; tc's default exceed verdict is reclassify).
//
//     rtnl::tc::Action limit{.control = rtnl::tc::Control::drop(),
//                            .options = rtnl::tc::Police{.rate = {.bytes_per_second = 125000}, .burst = 10240}};
//     // tc ... action police rate 1mbit burst 10k conform-exceed drop/pass
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/tc/control.hpp>
#include <nlpp/rtnl/tc/rate.hpp>

#include <cstdint>
#include <vector>

namespace nlpp::rtnl::tc {

/// police's options (TCA_POLICE_TBF, struct tc_police, and the attributes beside it).
struct Police {
  Rate rate{};  ///< the bucket's rate (TCA_POLICE_RATE64 beyond 32 bits)
  /// The bucket, in bytes (the ticks it takes at the rate on the wire);
  /// required with a rate.
  uint32_t burst = 0;
  /// The largest packet that conforms (tc's "mtu"); 0: any. Required with a peak rate.
  uint32_t mtu = 0;
  Rate peakrate{};                    ///< a second bucket of mtu bytes at this rate
  uint32_t avrate = 0;                ///< TCA_POLICE_AVRATE: police the estimator's average instead, bytes per second
  Control conform = Control::pass();  ///< TCA_POLICE_RESULT: what conforming packets get
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Police&, const Police&) = default;
};

}  // namespace nlpp::rtnl::tc
