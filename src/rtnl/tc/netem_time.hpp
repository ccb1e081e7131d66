// netem's times: the kernel keeps nanoseconds, and tc_netem_qopt carries
// them as the packet scheduler's ticks of 64 ns (PSCHED_NS2TICKS), which is
// what tc sends and prints; the 64-bit attributes beside the struct carry
// the nanoseconds whole.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>

namespace nlpp::rtnl::tc {

inline constexpr int64_t nanoseconds_per_tick = 64;

/// The ticks the kernel reports of time in tc_netem_qopt: whole ticks,
/// saturated at UINT32_MAX (and 0 for a negative time).
constexpr uint32_t netem_ticks(std::chrono::nanoseconds time) noexcept {
  constexpr int64_t most = std::numeric_limits<uint32_t>::max();
  return static_cast<uint32_t>(std::clamp<int64_t>(time.count() / nanoseconds_per_tick, 0, most));
}

/// Whether the ticks carry time exactly (else the 64-bit attribute does).
constexpr bool fits_netem_ticks(std::chrono::nanoseconds time) noexcept {
  return time.count() >= 0 && time.count() % nanoseconds_per_tick == 0 &&
         time.count() / nanoseconds_per_tick <= std::numeric_limits<uint32_t>::max();
}

}  // namespace nlpp::rtnl::tc
