#include "tc_classful_arguments.hpp"

#include "commands.hpp"
#include "tc_words.hpp"

#include <linux/pkt_sched.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace nlpp::cli {
namespace {

using rtnl::tc::ServiceCurve;

// A decimal word as tc's get_u8() / get_u16() / get_unsigned() with base 10
// take it: the whole word, in T's range; nullopt otherwise.
template <class T>
std::optional<T> decimal(std::string_view word) {
  T value{};
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value, 10);
  if (word.empty() || error != std::errc() || end != word.data() + word.size()) return std::nullopt;
  return value;
}

template <class T>
T decimal_or_throw(std::string_view word, std::string_view keyword) {
  const std::optional<T> value = decimal<T>(word);
  if (!value)
    throw UsageError(quoted(word) + " is not a valid " + std::string(keyword) + " (0 to " +
                     std::to_string(std::numeric_limits<T>::max()) + ")");
  return *value;
}

// ---- hfsc ----

rtnl::tc::Hfsc parse_hfsc(Words& words) {
  rtnl::tc::Hfsc hfsc;
  while (!words.empty()) {
    if (!take_matching(words, {"default"})) words.unknown();
    if (hfsc.default_class != 0) throw UsageError("hfsc: \"default\" twice");
    hfsc.default_class = parse_hex_number<uint16_t>(words.take("default"), "default");
  }
  return hfsc;
}

// A slope: tc keeps it in 32 bits of bytes per second.
uint32_t slope(std::string_view word, std::string_view keyword) {
  const uint64_t rate = parse_rate(word, keyword);
  if (rate > UINT32_MAX) throw UsageError(quoted(word) + ": an hfsc " + std::string(keyword) + " is below 34 Gbit/s");
  return static_cast<uint32_t>(rate);
}

// `[ [ m1 BPS ] d SEC ] m2 BPS`; nullopt when the words do not end in m2.
std::optional<ServiceCurve> slopes_curve(Words& words) {
  ServiceCurve curve;
  if (take_matching(words, {"m1"})) curve.m1 = slope(words.take("m1"), "m1");
  if (words.take_if("d")) curve.d = parse_time(words.take("d"), "d");
  if (!take_matching(words, {"m2"})) return std::nullopt;
  curve.m2 = slope(words.take("m2"), "m2");
  return curve;
}

// `[ [ umax BYTES ] dmax SEC ] rate BPS`, as tc turns it into slopes (in
// its unsigned 32-bit arithmetic); nullopt when the words do not end in rate.
std::optional<ServiceCurve> delay_curve(Words& words) {
  constexpr uint32_t microseconds_per_second = 1000000;
  uint32_t umax = 0;
  uint32_t dmax = 0;
  if (take_matching(words, {"umax"})) umax = parse_size(words.take("umax"), "umax");
  if (take_matching(words, {"dmax"})) dmax = parse_time(words.take("dmax"), "dmax");
  if (!take_matching(words, {"rate"})) return std::nullopt;
  const uint32_t rate = slope(words.take("rate"), "rate");
  if (umax != 0 && dmax == 0) throw UsageError("hfsc: umax given but dmax is zero");
  if (dmax != 0) {
    const double burst_slope = std::ceil(1.0 * umax * microseconds_per_second / dmax);
    if (burst_slope > UINT32_MAX) throw UsageError("hfsc: umax within dmax is above 34 Gbit/s");
    // Concave: umax within dmax, then the rate.
    if (burst_slope > rate) return ServiceCurve{.m1 = static_cast<uint32_t>(burst_slope), .d = dmax, .m2 = rate};
  }
  if (rate == 0) return ServiceCurve{};  // two zero slopes (tc divides by the rate and crashes)
  // Convex: nothing until umax is due at the rate.
  return ServiceCurve{.d = dmax - umax * microseconds_per_second / rate, .m2 = rate};
}

// A service curve in either of tc's forms, tried in its order from the same word.
ServiceCurve parse_service_curve(Words& words, std::string_view name) {
  std::optional<ServiceCurve> curve;
  for (auto form : {slopes_curve, delay_curve}) {
    Words attempt = words;
    if ((curve = form(attempt))) {
      words = attempt;
      break;
    }
  }
  if (!curve)
    throw UsageError("hfsc " + quoted(name) +
                     ": a service curve is [[m1 RATE] d TIME] m2 RATE or "
                     "[[umax SIZE] dmax TIME] rate RATE");
  if (curve->m1 == 0 && curve->m2 == 0) throw UsageError("hfsc " + quoted(name) + ": the curve has two zero slopes");
  return *curve;
}

rtnl::tc::HfscClass parse_hfsc_class(Words& words) {
  rtnl::tc::HfscClass hfsc;
  while (!words.empty()) {
    if (take_matching(words, {"rt"})) {
      hfsc.rsc = parse_service_curve(words, "rt");
    } else if (take_matching(words, {"ls"})) {
      hfsc.fsc = parse_service_curve(words, "ls");
    } else if (take_matching(words, {"sc"})) {
      hfsc.rsc = hfsc.fsc = parse_service_curve(words, "sc");
    } else if (take_matching(words, {"ul"})) {
      hfsc.usc = parse_service_curve(words, "ul");
    } else {
      words.unknown();
    }
  }
  if (!hfsc.rsc && !hfsc.fsc && !hfsc.usc) throw UsageError("hfsc: a class needs a curve: rt, ls, sc or ul");
  if (hfsc.usc && !hfsc.fsc) throw UsageError("hfsc: an upper limit (ul) needs a link-share curve (ls or sc)");
  return hfsc;
}

// ---- drr ----

rtnl::tc::DrrClass parse_drr_class(Words& words) {
  rtnl::tc::DrrClass drr;
  while (!words.empty()) {
    if (!words.take_if("quantum")) words.unknown();
    drr.quantum = parse_size(words.value_of("quantum"), "quantum");
    if (drr.quantum == 0) throw UsageError("drr: a quantum of 0 bytes serves nothing");
  }
  return drr;
}

// ---- ets ----

uint8_t band_count(std::string_view word, std::string_view keyword) {
  const std::optional<unsigned> count = decimal<unsigned>(word);
  if (!count) throw UsageError(quoted(word) + " is not a valid " + std::string(keyword));
  if (*count > TCQ_ETS_MAX_BANDS) throw UsageError("ets: " + std::string(keyword) + " is at most 16");
  return static_cast<uint8_t>(*count);
}

uint32_t ets_quantum(std::string_view word) {
  const std::optional<uint32_t> quantum = decimal<uint32_t>(word);
  if (!quantum) throw UsageError(quoted(word) + " is not a valid quantum (bytes)");
  if (*quantum == 0) throw UsageError("ets: a quantum is above 0");
  return *quantum;
}

rtnl::tc::Ets parse_ets(Words& words) {
  rtnl::tc::Ets ets;
  // After "quanta" and "priomap", the words up to the next keyword are the list's.
  enum class List { none, quanta, priomap } list = List::none;
  const auto once = [](bool given, std::string_view keyword) {
    if (given) throw UsageError("ets: duplicate " + quoted(keyword));
  };
  const auto add_quantum = [&](std::string_view word) {
    if (ets.quanta.size() == TCQ_ETS_MAX_BANDS) throw UsageError("ets: at most 16 quanta");
    ets.quanta.push_back(ets_quantum(word));
  };
  const auto add_band = [&](std::string_view word) {
    if (ets.priomap.size() > TC_PRIO_MAX) throw UsageError("ets: a priomap has at most 16 priorities");
    ets.priomap.push_back(decimal_or_throw<uint8_t>(word, "priomap band"));
  };
  while (!words.empty()) {
    if (words.take_if("bands")) {
      once(ets.bands != 0, "bands");
      ets.bands = band_count(words.take("bands"), "bands");
      list = List::none;
    } else if (words.take_if("strict")) {
      once(ets.strict != 0, "strict");
      ets.strict = band_count(words.take("strict"), "strict");
      list = List::none;
    } else if (words.take_if("quanta")) {
      once(!ets.quanta.empty(), "quanta");
      list = List::quanta;
      add_quantum(words.take("quanta"));
    } else if (words.take_if("priomap")) {
      once(!ets.priomap.empty(), "priomap");
      list = List::priomap;
      add_band(words.take("priomap"));
    } else if (list == List::quanta) {
      add_quantum(words.take(""));
    } else if (list == List::priomap) {
      add_band(words.take(""));
    } else {
      words.unknown();
    }
  }
  if (ets.bands == 0) ets.bands = static_cast<uint8_t>(ets.strict + ets.quanta.size());
  if (ets.bands == 0) throw UsageError("ets: one of \"bands\", \"quanta\" or \"strict\" is required");
  if (ets.strict + ets.quanta.size() > ets.bands)
    throw UsageError("ets: not enough bands for the strict bands and the quanta");
  for (uint8_t band : ets.priomap)
    if (band >= ets.bands) throw UsageError("ets: priomap band " + std::to_string(band) + " is not below bands");
  return ets;
}

rtnl::tc::EtsClass parse_ets_class(Words& words) {
  rtnl::tc::EtsClass ets;
  while (!words.empty()) {
    if (!words.take_if("quantum")) words.unknown();
    ets.quantum = ets_quantum(words.value_of("quantum"));
  }
  return ets;
}

// ---- mqprio ----

// "COUNT@OFFSET" as tc splits it (strtok at '@'); nullopt when it is not one.
std::optional<std::pair<uint16_t, uint16_t>> queue_range(std::string_view word) {
  std::vector<std::string_view> tokens;
  for (size_t start = 0; start <= word.size() && tokens.size() < 2;) {
    const size_t end = std::min(word.find('@', start), word.size());
    if (end > start) tokens.push_back(word.substr(start, end - start));
    start = end + 1;
  }
  if (tokens.size() < 2) return std::nullopt;
  const std::optional<uint16_t> count = decimal<uint16_t>(tokens[0]);
  const std::optional<uint16_t> offset = decimal<uint16_t>(tokens[1]);
  if (!count || !offset) return std::nullopt;
  return std::pair{*count, *offset};
}

std::optional<uint64_t> rate_word(std::string_view word) {
  try {
    return parse_rate(word, "rate");
  } catch (const UsageError&) {
    return std::nullopt;  // not a rate: the list has ended
  }
}

// min_rate / max_rate: up to 16 rates, as many as follow; tc sends all 16.
std::vector<uint64_t> parse_rates(Words& words, std::string_view keyword, uint8_t num_tc) {
  std::vector<uint64_t> rates(TC_QOPT_MAX_QUEUE, 0);
  size_t given = 0;
  for (; given < rates.size() && !words.empty(); ++given) {
    const std::optional<uint64_t> rate = rate_word(words.peek());
    if (!rate) break;
    rates[given] = *rate;
    words.take("");
  }
  // tc wants one per traffic class when the rates end the line.
  if (given < num_tc && words.empty())
    throw UsageError("mqprio: " + std::to_string(num_tc) + " " + std::string(keyword) + " values expected");
  return rates;
}

rtnl::tc::Mqprio parse_mqprio(Words& words) {
  rtnl::tc::Mqprio mqprio;  // tc's defaults
  size_t queue_ranges = 0;
  while (!words.empty()) {
    if (words.take_if("num_tc")) {
      mqprio.num_tc = decimal_or_throw<uint8_t>(words.take("num_tc"), "num_tc");
    } else if (words.take_if("map")) {
      // As many priorities' classes as follow; the others' are 0.
      size_t priority = 0;
      for (; priority < mqprio.prio_tc_map.size() && !words.empty(); ++priority) {
        const std::optional<uint8_t> tc = decimal<uint8_t>(words.peek());
        if (!tc) break;
        mqprio.prio_tc_map[priority] = *tc;
        words.take("");
      }
      std::fill(mqprio.prio_tc_map.begin() + static_cast<ptrdiff_t>(priority), mqprio.prio_tc_map.end(), 0);
    } else if (words.take_if("queues")) {
      for (size_t tc = 0; tc < mqprio.count.size() && !words.empty(); ++tc, ++queue_ranges) {
        const std::optional<std::pair<uint16_t, uint16_t>> range = queue_range(words.peek());
        if (!range) break;
        std::tie(mqprio.count[tc], mqprio.offset[tc]) = *range;
        words.take("");
      }
    } else if (words.take_if("hw")) {
      mqprio.hw = decimal_or_throw<uint8_t>(words.take("hw"), "hw");
    } else if (mqprio.hw != 0 && words.take_if("mode")) {
      const std::string_view mode = words.take("mode");
      if (is_command(mode, "dcb"))
        mqprio.mode.reset();  // the default, which tc does not send
      else if (is_command(mode, "channel"))
        mqprio.mode = rtnl::tc::MqprioMode::channel;
      else
        throw UsageError(quoted(mode) + " is not a valid mode (dcb, channel)");
    } else if (mqprio.hw != 0 && words.take_if("shaper")) {
      const std::string_view shaper = words.take("shaper");
      if (is_command(shaper, "dcb")) {
        mqprio.shaper.reset();
      } else if (is_command(shaper, "bw_rlimit")) {
        if (words.empty()) throw UsageError("mqprio: \"shaper bw_rlimit\" needs min_rate or max_rate");
        mqprio.shaper = rtnl::tc::MqprioShaper::bw_rlimit;
      } else {
        throw UsageError(quoted(shaper) + " is not a valid shaper (dcb, bw_rlimit)");
      }
    } else if (mqprio.shaper && words.take_if("min_rate")) {
      mqprio.min_rate = parse_rates(words, "min_rate", mqprio.num_tc);
    } else if (mqprio.shaper && words.take_if("max_rate")) {
      mqprio.max_rate = parse_rates(words, "max_rate", mqprio.num_tc);
    } else {
      words.unknown();
    }
  }
  if (queue_ranges > mqprio.num_tc)
    throw UsageError("mqprio: " + std::to_string(queue_ranges) + " queue ranges for num_tc " +
                     std::to_string(mqprio.num_tc));
  return mqprio;
}

}  // namespace

std::optional<rtnl::QdiscOptions> parse_classful_qdisc_options(std::string_view kind, Words& words) {
  if (kind == "hfsc") return parse_hfsc(words);
  if (kind == "ets") return parse_ets(words);
  if (kind == "mqprio") return parse_mqprio(words);
  if (kind == "drr") {
    if (!words.empty()) throw UsageError("a drr qdisc takes no options: " + quoted(words.peek()));
    return std::monostate{};
  }
  return std::nullopt;
}

std::optional<rtnl::ClassOptions> parse_classful_class_options(std::string_view kind, Words& words) {
  if (kind == "hfsc") return parse_hfsc_class(words);
  if (kind == "drr") return parse_drr_class(words);
  if (kind == "ets") return parse_ets_class(words);
  return std::nullopt;
}

}  // namespace nlpp::cli
