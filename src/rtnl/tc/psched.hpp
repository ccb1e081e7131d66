// The kernel's packet scheduler clock, as tc converts to it (tc/tc_core.c):
// tc's rate-limiting kinds carry bucket sizes as the time they take at the
// rate, in ticks of 64 ns (PSCHED_TICKS2NS; /proc/net/psched says
// 1000 ns per us over 64 ns per tick), and an old kernel's rate table. The
// same arithmetic as tc's, truncations included, so that nlpp sends tc's
// numbers and prints the sizes tc prints.
#pragma once

#include <nlpp/rtnl/tc/rate.hpp>

#include <linux/pkt_sched.h>

#include <array>
#include <cstdint>

namespace nlpp::rtnl::tc {

/// tc_calc_xmittime(): the ticks bytes take at rate (bytes per second).
uint32_t transmit_ticks(uint64_t rate, uint32_t bytes) noexcept;
/// tc_calc_xmitsize(): the bytes ticks carry at rate.
uint32_t transmit_bytes(uint64_t rate, uint32_t ticks) noexcept;
/// tc_core_tick2time(): ticks in microseconds.
uint32_t ticks_to_microseconds(uint32_t ticks) noexcept;

/// The cell size tc chooses for its rate tables: the smallest power of two
/// that covers an mtu of 2047 (tbf, police) or 1600 (htb) in 256 cells.
inline constexpr uint8_t rate_table_cell_log = 3;

/// rate as struct tc_ratespec, as tc_calc_rtable() leaves it: the rate
/// (saturated at 2^32 - 1, the 64-bit attribute carries the rest), the
/// cell size and alignment tc sets. A zero rate is all zeros.
tc_ratespec ratespec_of(const Rate& rate) noexcept;
/// The Rate a tc_ratespec holds (its 32-bit rate); a zero rate is Rate{}.
Rate rate_of(const tc_ratespec& spec) noexcept;

/// tc_calc_rtable(): the ticks each size class takes at rate (TCA_*_RTAB).
std::array<uint32_t, TC_RTAB_SIZE / sizeof(uint32_t)> rate_table(const Rate& rate) noexcept;

}  // namespace nlpp::rtnl::tc
