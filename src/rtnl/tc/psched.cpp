#include "psched.hpp"

#include <limits>

namespace nlpp::rtnl::tc {
namespace {

// tc's TIME_UNITS_PER_SEC, and its tick_in_usec for the kernel's clock.
constexpr double microseconds_per_second = 1000000;
constexpr double ticks_per_microsecond = 1000.0 / 64;

// ATM: 53-byte cells of 48 bytes of payload (tc_align_to_atm()).
constexpr uint32_t atm_cell_payload = 48;
constexpr uint32_t atm_cell_size = 53;

uint32_t adjusted_size(uint32_t size, const Rate& rate) noexcept {
  if (size < rate.mpu) size = rate.mpu;
  if (rate.linklayer != LinkLayer::atm) return size;
  return (size + atm_cell_payload - 1) / atm_cell_payload * atm_cell_size;
}

}  // namespace

uint32_t transmit_ticks(uint64_t rate, uint32_t bytes) noexcept {
  if (rate == 0) return 0;
  // tc passes the time through an unsigned int before scaling it.
  const auto microseconds = static_cast<uint32_t>(microseconds_per_second * (double(bytes) / double(rate)));
  return static_cast<uint32_t>(microseconds * ticks_per_microsecond);
}

uint32_t ticks_to_microseconds(uint32_t ticks) noexcept { return static_cast<uint32_t>(ticks / ticks_per_microsecond); }

uint32_t transmit_bytes(uint64_t rate, uint32_t ticks) noexcept {
  return static_cast<uint32_t>(double(rate) * ticks_to_microseconds(ticks) / microseconds_per_second);
}

tc_ratespec ratespec_of(const Rate& rate) noexcept {
  if (rate.bytes_per_second == 0) return {};
  constexpr uint64_t saturated = std::numeric_limits<uint32_t>::max();
  return tc_ratespec{.cell_log = rate_table_cell_log,
                     .linklayer = static_cast<uint8_t>(rate.linklayer),
                     .overhead = rate.overhead,
                     .cell_align = -1,
                     .mpu = rate.mpu,
                     .rate = static_cast<uint32_t>(std::min(rate.bytes_per_second, saturated))};
}

Rate rate_of(const tc_ratespec& spec) noexcept {
  if (spec.rate == 0) return Rate{};  // none: its accounting says nothing
  return Rate{.bytes_per_second = spec.rate,
              .overhead = spec.overhead,
              .mpu = spec.mpu,
              .linklayer = static_cast<LinkLayer>(spec.linklayer & TC_LINKLAYER_MASK)};
}

std::array<uint32_t, TC_RTAB_SIZE / sizeof(uint32_t)> rate_table(const Rate& rate) noexcept {
  // tc computes the table at the 32-bit rate it sends.
  const uint32_t bps = ratespec_of(rate).rate;
  std::array<uint32_t, TC_RTAB_SIZE / sizeof(uint32_t)> table{};
  for (uint32_t cell = 0; cell < table.size(); ++cell)
    table[cell] = transmit_ticks(bps, adjusted_size((cell + 1) << rate_table_cell_log, rate));
  return table;
}

}  // namespace nlpp::rtnl::tc
