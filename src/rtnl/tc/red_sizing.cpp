// RED's constants from tc's terms, with tc/tc_red.c's arithmetic (its
// unsigned wraps and its doubles' conversions included), so that the same
// words make the same qdisc through nlpp and through tc.
#include <nlpp/rtnl/tc/red.hpp>
#include <nlpp/rtnl/tc/sfq.hpp>

#include "rtnl/tc/psched.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace nlpp::rtnl::tc {
namespace {

constexpr int most_logs = 32;             // every log tc tries is below 32
constexpr uint32_t default_avpkt = 1000;  // choke's and sfq's
constexpr uint64_t ten_mbit = 1250000;    // red's bandwidth when none is given, in bytes per second

Error refused(std::string_view kind, const std::string& why) {
  return Error(errc::invalid_argument, std::string(kind) + ": " + why);
}

// A double converted to an integer type as tc's x86-64 build converts it:
// truncated through a signed register (64 bits for a u32, 32 for a u8),
// whose low bits are kept; what does not fit the register is its most
// negative value. (C leaves those conversions undefined; tc relies on them
// for a probability of 1 and for the idle damping of fast links.)
uint32_t low_bits_of_64(double value) {
  constexpr double limit = 9223372036854775808.0;  // 2^63
  if (!(value < limit && value >= -limit)) return 0;
  return static_cast<uint32_t>(static_cast<uint64_t>(static_cast<int64_t>(value)));
}
uint8_t low_bits_of_32(double value) {
  constexpr double limit = 2147483648.0;  // 2^31
  if (!(value < limit && value >= -limit)) return 0;
  return static_cast<uint8_t>(static_cast<uint32_t>(static_cast<int32_t>(value)));
}

// tc_red_eval_ewma(): the smallest ewma_log for which an average of min
// bytes lets burst packets of avpkt bytes through, burst + 1 - min / avpkt
// <= (1 - (1 - W)^burst) / W with W = 2^-ewma_log.
Result<uint8_t> ewma_log_for(std::string_view kind, uint32_t min, uint32_t burst, uint32_t avpkt) {
  const double room = double(burst) + 1 - double(min) / avpkt;
  if (room < 1.0)
    return refused(kind,
                   "burst " + std::to_string(burst) + " is too small, try burst " + std::to_string(1 + min / avpkt));
  double weight = 0.5;
  for (int ewma_log = 1; ewma_log < most_logs; ++ewma_log, weight /= 2)
    if (room <= (1 - std::pow(1 - weight, burst)) / weight) return static_cast<uint8_t>(ewma_log);
  return refused(kind, "no EWMA constant fits burst " + std::to_string(burst));
}

// tc_red_eval_P(): Plog, log2 of (max - min) / probability.
Result<uint8_t> probability_log_for(std::string_view kind, uint32_t min, uint32_t max, double probability) {
  const auto spread = static_cast<int32_t>(max - min);
  if (spread == 0) return uint8_t{0};
  if (spread < 0) return refused(kind, "max is below min");
  probability /= spread;
  for (int probability_log = 0; probability_log < most_logs; ++probability_log) {
    if (probability > 1.0) return static_cast<uint8_t>(probability_log);
    probability *= 2;
  }
  return refused(kind, "no probability constant fits");
}

struct IdleDamping {
  uint8_t cell_log;
  RedIdleDamping table;
};

// tc_red_eval_idle_damping(): the shift of the average after each cell of
// idle time, -log(1 - W) * t / xmit_time for t from 0 to 255 cells, the
// cell the smallest power of two ticks that spans 31 shifts in 512 cells.
Result<IdleDamping> idle_damping_for(std::string_view kind, uint8_t ewma_log, uint32_t avpkt, uint64_t bandwidth) {
  constexpr uint8_t most_shift = 31;
  constexpr double cells = 512;
  const double transmit_time = transmit_ticks(bandwidth, avpkt);
  const double decay = -std::log(1.0 - 1.0 / (1 << ewma_log)) / transmit_time;
  const double longest = most_shift / decay;
  int cell_log = 0;
  // As tc's loop: a NaN never fits.
  while (cell_log < most_logs && !(longest / (1 << cell_log) < cells)) ++cell_log;
  if (cell_log >= most_logs) return refused(kind, "no idle damping table fits");
  IdleDamping damping{.cell_log = static_cast<uint8_t>(cell_log), .table = {}};
  for (uint32_t cell = 1; cell < damping.table.size() - 1; ++cell) {
    // (i << clog) is a C int: it wraps past 31 bits.
    const auto start = static_cast<int32_t>(cell << cell_log);
    const uint8_t shift = low_bits_of_32(start * decay);
    damping.table[cell] = shift > most_shift ? most_shift : shift;
  }
  damping.table.back() = most_shift;
  return damping;
}

// The marking probability at max, in units of 2^-32.
uint32_t max_probability_of(double probability) { return low_bits_of_64(probability * std::pow(2, 32)); }

// The constants of RED over thresholds in bytes (choke's converted).
Result<RedConstants> constants_for(std::string_view kind, uint32_t min, uint32_t max, uint32_t burst, uint32_t avpkt,
                                   double probability) {
  Result<uint8_t> ewma_log = ewma_log_for(kind, min, burst, avpkt);
  if (!ewma_log) return std::move(ewma_log).error();
  Result<uint8_t> probability_log = probability_log_for(kind, min, max, probability);
  if (!probability_log) return std::move(probability_log).error();
  return RedConstants{
      .ewma_log = *ewma_log, .probability_log = *probability_log, .max_probability = max_probability_of(probability)};
}

// choke's and sfq's checks of their thresholds against the limit.
Result<void> thresholds_fit(std::string_view kind, uint32_t min, uint32_t max, uint32_t limit) {
  if (max > limit) return refused(kind, "max " + std::to_string(max) + " is above limit " + std::to_string(limit));
  if (min >= max) return refused(kind, "min " + std::to_string(min) + " is not below max " + std::to_string(max));
  return {};
}

}  // namespace

Result<Red> Red::sized(const RedSizing& sizing) {
  constexpr std::string_view kind = "red";
  if (sizing.limit == 0 || sizing.avpkt == 0) return refused(kind, "limit and avpkt are required");
  Red red{.limit = sizing.limit, .min = sizing.min, .max = sizing.max};
  if (red.max == 0) red.max = red.min != 0 ? red.min * 3 : red.limit / 4;
  if (red.min == 0) red.min = red.max / 3;
  const uint32_t burst = sizing.burst != 0 ? sizing.burst : (2 * red.min + red.max) / (3 * sizing.avpkt);
  Result<RedConstants> constants = constants_for(kind, red.min, red.max, burst, sizing.avpkt, sizing.probability);
  if (!constants) return std::move(constants).error();
  red.constants = *constants;
  Result<IdleDamping> damping =
      idle_damping_for(kind, red.constants.ewma_log, sizing.avpkt, sizing.bandwidth != 0 ? sizing.bandwidth : ten_mbit);
  if (!damping) return std::move(damping).error();
  red.constants.cell_log = damping->cell_log;
  red.idle_damping = damping->table;
  return red;
}

Result<Choke> Choke::sized(const RedSizing& sizing) {
  constexpr std::string_view kind = "choke";
  if (sizing.limit == 0 || sizing.bandwidth == 0) return refused(kind, "limit and bandwidth are required");
  const uint32_t avpkt = sizing.avpkt != 0 ? sizing.avpkt : default_avpkt;
  Choke choke{.limit = sizing.limit, .min = sizing.min, .max = sizing.max};
  if (choke.max == 0) choke.max = choke.limit / 4;
  if (choke.min == 0) choke.min = choke.max / 3;
  const uint32_t burst = sizing.burst != 0 ? sizing.burst : (2 * choke.min + choke.max) / 3;
  if (Result<void> fit = thresholds_fit(kind, choke.min, choke.max, choke.limit); !fit) return std::move(fit).error();
  // The thresholds count packets: the law is computed on their bytes.
  Result<RedConstants> constants =
      constants_for(kind, choke.min * avpkt, choke.max * avpkt, burst, avpkt, sizing.probability);
  if (!constants) return std::move(constants).error();
  choke.constants = *constants;
  Result<IdleDamping> damping = idle_damping_for(kind, choke.constants.ewma_log, avpkt, sizing.bandwidth);
  if (!damping) return std::move(damping).error();
  choke.constants.cell_log = damping->cell_log;
  choke.idle_damping = damping->table;
  return choke;
}

Result<SfqRed> SfqRed::sized(const RedSizing& sizing) {
  constexpr std::string_view kind = "sfq";
  if (sizing.limit == 0) return refused(kind, "the RED limit (redflowlimit) is required");
  const uint32_t avpkt = sizing.avpkt != 0 ? sizing.avpkt : default_avpkt;
  SfqRed red{.limit = sizing.limit, .min = sizing.min, .max = sizing.max};
  if (red.max == 0) red.max = red.limit / 4;
  if (red.min == 0) red.min = red.max / 3;
  const uint32_t burst = sizing.burst != 0 ? sizing.burst : (2 * red.min + red.max) / (3 * avpkt);
  if (Result<void> fit = thresholds_fit(kind, red.min, red.max, red.limit); !fit) return std::move(fit).error();
  Result<RedConstants> constants = constants_for(kind, red.min, red.max, burst, avpkt, sizing.probability);
  if (!constants) return std::move(constants).error();
  red.constants = *constants;
  return red;
}

}  // namespace nlpp::rtnl::tc
