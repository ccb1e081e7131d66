#include "tc_netem_arguments.hpp"

#include "tc_words.hpp"

#include <linux/pkt_sched.h>
#include <strings.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

namespace nlpp::cli {
namespace {

using rtnl::tc::Probability;
using std::chrono::nanoseconds;

// The values a table holds at most: tc's MAX_DIST, the kernel's NETEM_DIST_MAX.
constexpr size_t distribution_max = NETEM_DIST_MAX;

// tc's NEXT_IS_NUMBER(): the next word starts with a digit (a signed one
// may start with '-'), so it is a value of the keyword before.
bool next_is_number(const Words& words, bool signed_number = false) {
  const std::string_view next = words.peek();
  return !next.empty() && (std::isdigit(static_cast<unsigned char>(next[0])) || (signed_number && next[0] == '-'));
}

// tc's parse_percent(): "1%" or "1", 0 to 100, as a fraction of 1.
double percent_fraction(std::string_view word, std::string_view keyword) {
  const std::string text(word);
  char* end = nullptr;
  const double fraction = std::strtod(text.c_str(), &end) / 100.;
  if (!std::isfinite(fraction) || fraction < 0. || fraction > 1. || (*end != '\0' && std::string_view(end) != "%"))
    throw UsageError(quoted(word) + " is not a valid " + std::string(keyword) + " (a percentage, 0 to 100: 1%, 0.5)");
  return fraction;
}

Probability percent(std::string_view word, std::string_view keyword) {
  return Probability::from_fraction(percent_fraction(word, keyword));
}

// tc's get_ticks(): a time in microseconds, in the scheduler's ticks (1000
// / 64 a microsecond, truncated as tc truncates them), as the nanoseconds
// the kernel makes of those ticks.
nanoseconds ticks_time(std::string_view word, std::string_view keyword) {
  constexpr double ticks_per_microsecond = 1000.0 / 64;
  const uint32_t microseconds = parse_time(word, keyword);
  const auto ticks = static_cast<uint64_t>(microseconds * ticks_per_microsecond);
  if (ticks > std::numeric_limits<uint32_t>::max())
    throw UsageError(quoted(word) + " is not a valid " + std::string(keyword) + ": too large");
  return nanoseconds(ticks * 64);
}

// tc's get_s32(): strtol() in base 0 ("-4", "20", "0x10"), within 32 bits.
int32_t signed_number(std::string_view word, std::string_view keyword) {
  const std::string text(word);
  char* end = nullptr;
  errno = 0;
  const long long value = std::strtoll(text.c_str(), &end, 0);
  if (text.empty() || *end != '\0' || errno != 0 || value < std::numeric_limits<int32_t>::min() ||
      value > std::numeric_limits<int32_t>::max())
    throw UsageError(quoted(word) + " is not a valid " + std::string(keyword) + " (a signed 32-bit number)");
  return static_cast<int32_t>(value);
}

// tc's get_size(): parse_size() without the "/CELL" of a rate table.
uint32_t plain_size(std::string_view word, std::string_view keyword) {
  if (word.find('/') != std::string_view::npos)
    throw UsageError(quoted(word) + " is not a valid " + std::string(keyword) + " (a size: 1000, 64k, 1mb...)");
  return parse_size(word, keyword);
}

// "loss random|state|gemodel ..." after "loss" (or "drop"); a bare
// percentage is the old random loss. Optional values follow while the next
// word is a number, with tc's defaults for the rest.
void parse_loss(Words& words, rtnl::tc::Netem& netem, bool& correlation_sent) {
  if (netem.loss.scaled != 0 || !std::holds_alternative<std::monostate>(netem.loss_model))
    throw UsageError("netem: \"loss\" once (one loss model)");
  if (words.empty()) throw UsageError("\"loss\" needs a value");
  const auto optional_percent = [&](Probability& probability, std::string_view keyword) {
    if (next_is_number(words)) probability = percent(words.value_after(keyword), keyword);
  };
  if (next_is_number(words) || words.take_if("random")) {
    netem.loss = percent(words.value_after("loss"), "loss");
    if (next_is_number(words)) {
      netem.loss_correlation = percent(words.value_after("loss"), "loss correlation");
      correlation_sent = true;
    }
  } else if (words.take_if("state")) {
    const double p13 = percent_fraction(words.value_after("loss state"), "loss state p13");
    rtnl::tc::NetemLossState state{.p13 = Probability::from_fraction(p13),
                                   .p31 = Probability::from_fraction(1. - p13),
                                   .p32 = {},
                                   .p23 = Probability::always(),
                                   .p14 = {}};
    optional_percent(state.p31, "loss state p31");
    optional_percent(state.p32, "loss state p32");
    optional_percent(state.p23, "loss state p23");
    optional_percent(state.p14, "loss state p14");
    netem.loss_model = state;
  } else if (words.take_if("gemodel")) {
    const double p = percent_fraction(words.value_after("loss gemodel"), "loss gemodel p");
    rtnl::tc::NetemLossGemodel gemodel{.p = Probability::from_fraction(p), .r = Probability::from_fraction(1. - p)};
    optional_percent(gemodel.r, "loss gemodel r");
    optional_percent(gemodel.one_minus_h, "loss gemodel 1-h");
    optional_percent(gemodel.one_minus_k, "loss gemodel 1-k");
    netem.loss_model = gemodel;
  } else {
    throw UsageError("netem loss: " + quoted(words.peek()) + " is not random, state, gemodel or a percentage");
  }
}

// "slot MIN_DELAY [MAX_DELAY]" or "slot distribution NAME DELAY JITTER",
// then "[packets N] [bytes SIZE]".
rtnl::tc::NetemSlot parse_slot(Words& words) {
  rtnl::tc::NetemSlot slot;
  if (words.empty()) throw UsageError("\"slot\" needs a value");
  if (next_is_number(words)) {
    slot.min_delay = parse_time64(words.value_after("slot"), "slot min_delay");
    slot.max_delay = slot.min_delay;
    if (next_is_number(words)) {
      slot.max_delay = parse_time64(words.value_after("slot"), "slot max_delay");
      if (slot.max_delay < slot.min_delay)
        throw UsageError("netem slot: the max_delay " + std::to_string(slot.max_delay.count()) +
                         "ns is below the min_delay");
    }
  } else if (words.take_if("distribution")) {
    slot.distribution = read_distribution(words.value_after("slot distribution"));
    slot.distribution_delay = parse_time64(words.value_after("slot distribution"), "slot delay");
    slot.distribution_jitter = parse_time64(words.value_after("slot distribution"), "slot jitter");
    if (slot.distribution_jitter.count() == 0) throw UsageError("netem slot: the jitter is not positive");
  } else {
    throw UsageError("netem slot: " + quoted(words.peek()) + " is not a time or \"distribution\"");
  }
  if (take_matching(words, {"packets"})) slot.max_packets = signed_number(words.value_after("packets"), "slot packets");
  if (take_matching(words, {"bytes"}))
    slot.max_bytes = static_cast<int32_t>(plain_size(words.value_after("bytes"), "slot bytes"));
  return slot;
}

// "rate RATE [PACKETOVERHEAD [CELLSIZE [CELLOVERHEAD]]]".
rtnl::tc::NetemRate parse_netem_rate(Words& words) {
  rtnl::tc::NetemRate rate{.bytes_per_second = parse_rate(words.value_after("rate"), "rate")};
  if (next_is_number(words, true))
    rate.packet_overhead = signed_number(words.value_after("rate"), "rate packet overhead");
  if (next_is_number(words)) rate.cell_size = parse_number<uint32_t>(words.value_after("rate"), "rate cell size");
  if (next_is_number(words, true)) rate.cell_overhead = signed_number(words.value_after("rate"), "rate cell overhead");
  return rate;
}

// A probability and, when the next word is a number, its correlation:
// whether there was one.
bool percent_and_correlation(Words& words, std::string_view keyword, Probability& probability,
                             Probability& correlation) {
  probability = percent(words.value_after(keyword), keyword);
  if (!next_is_number(words)) return false;
  correlation = percent(words.value_after(keyword), std::string(keyword) + " correlation");
  return true;
}

// The directories distributions install tc's tables in.
constexpr std::array<std::string_view, 4> distribution_directories{
    "/usr/lib/x86_64-linux-gnu/tc",
    "/usr/lib/aarch64-linux-gnu/tc",
    "/usr/lib/tc",
    "/usr/lib64/tc",
};

}  // namespace

std::vector<int16_t> read_distribution(std::string_view name) {
  const std::string file = std::string(name) + ".dist";
  std::filesystem::path path;
  if (const char* from_environment = std::getenv("TC_LIB_DIR")) {
    path = std::filesystem::path(from_environment) / file;
  } else {
    for (std::string_view directory : distribution_directories)
      if (std::filesystem::exists(std::filesystem::path(directory) / file)) {
        path = std::filesystem::path(directory) / file;
        break;
      }
  }
  std::ifstream in(path);
  if (path.empty() || !in)
    throw UsageError(
        "netem: no distribution data for " + quoted(name) + " (" +
        (path.empty() ? file + " in TC_LIB_DIR or " + std::string(distribution_directories[0]) : path.string()) + ")");
  std::vector<int16_t> table;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.front() == '#') continue;
    const char* next = line.c_str();
    for (char* end = nullptr;; next = end) {
      const long value = std::strtol(next, &end, 0);
      if (end == next) break;
      if (table.size() == distribution_max)
        throw UsageError("netem: " + path.string() + " holds more than " + std::to_string(distribution_max) +
                         " values");
      table.push_back(static_cast<int16_t>(value));  // tc keeps each in 16 bits
    }
  }
  if (table.empty()) throw UsageError("netem: " + path.string() + " holds no values");
  return table;
}

rtnl::tc::Netem parse_netem(Words& words) {
  rtnl::tc::Netem netem;
  // tc sends TCA_NETEM_CORR only when a delay, loss, reorder or corrupt
  // correlation was given: a duplicate correlation alone is lost, and so it
  // is here, so that the same words make the same qdisc.
  bool correlation_sent = false;
  while (!words.empty()) {
    if (take_matching(words, {"limit"})) {
      netem.limit = plain_size(words.value_after("limit"), "limit");
    } else if (take_matching(words, {"latency", "delay"})) {
      netem.latency = ticks_time(words.value_after("delay"), "delay");
      if (!next_is_number(words)) continue;
      netem.jitter = ticks_time(words.value_after("delay"), "delay jitter");
      if (!next_is_number(words)) continue;
      netem.delay_correlation = percent(words.value_after("delay"), "delay correlation");
      correlation_sent = true;
    } else if (take_matching(words, {"loss", "drop"})) {
      parse_loss(words, netem, correlation_sent);
    } else if (take_matching(words, {"ecn"})) {
      netem.ecn = true;
    } else if (take_matching(words, {"reorder"})) {
      correlation_sent |= percent_and_correlation(words, "reorder", netem.reorder, netem.reorder_correlation);
    } else if (take_matching(words, {"corrupt"})) {
      correlation_sent |= percent_and_correlation(words, "corrupt", netem.corrupt, netem.corrupt_correlation);
    } else if (take_matching(words, {"gap"})) {
      netem.gap = parse_number<uint32_t>(words.value_after("gap"), "gap");
    } else if (take_matching(words, {"duplicate"})) {
      percent_and_correlation(words, "duplicate", netem.duplicate, netem.duplicate_correlation);
    } else if (take_matching(words, {"distribution"})) {
      netem.delay_distribution = read_distribution(words.value_after("distribution"));
    } else if (take_matching(words, {"rate"})) {
      netem.rate = parse_netem_rate(words);
    } else if (take_matching(words, {"slot"})) {
      netem.slot = parse_slot(words);
    } else {
      words.unknown();
    }
  }
  if (!correlation_sent) netem.duplicate_correlation = {};

  // tc's checks, on the ticks it sends (the times above are whole ticks).
  const nanoseconds none{0};
  if (netem.reorder.scaled != 0) {
    if (netem.latency == none) throw UsageError("netem: reordering is not possible without a delay");
    if (netem.gap == 0) netem.gap = 1;
  } else if (netem.gap != 0) {
    throw UsageError("netem: a gap without a reorder probability");
  }
  if (netem.ecn && netem.loss.scaled == 0 && std::holds_alternative<std::monostate>(netem.loss_model))
    throw UsageError("netem: ecn without a loss model");
  if (!netem.delay_distribution.empty() && (netem.latency == none || netem.jitter == none))
    throw UsageError("netem: a distribution without a delay and a jitter");
  return netem;
}

rtnl::tc::Multiq parse_multiq(Words& words) {
  if (!words.empty()) throw UsageError("multiq takes no options: " + quoted(words.peek()) + " is not read");
  return {};
}

rtnl::QdiscOptions parse_plug(Words& words) {
  if (words.empty()) return std::monostate{};
  rtnl::tc::Plug plug;
  using Action = rtnl::tc::Plug::Action;
  while (!words.empty()) {
    if (words.take_if("block")) {
      plug.action = Action::buffer;
    } else if (words.take_if("release")) {
      plug.action = Action::release_one;
    } else if (words.take_if("release_indefinite")) {
      plug.action = Action::release_indefinite;
    } else if (words.take_if("limit")) {
      plug.action = Action::limit;
      plug.limit = plain_size(words.value_after("limit"), "limit");
    } else {
      throw UsageError("plug: " + quoted(words.peek()) + " is not block, release, release_indefinite or limit");
    }
  }
  return plug;
}

}  // namespace nlpp::cli
