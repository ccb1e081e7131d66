#include "tc_aqm_arguments.hpp"

#include "tc_words.hpp"

#include <strings.h>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>

namespace nlpp::cli {
namespace {

using std::chrono::microseconds;

// tc's get_unsigned() / get_u32().
uint32_t unsigned_word(Words& words, std::string_view keyword) {
  return parse_number<uint32_t>(words.take(keyword), keyword);
}

// tc's get_size(): a size without a cell.
uint32_t size_word(Words& words, std::string_view keyword) {
  const std::string_view word = words.take(keyword);
  if (word.find('/') != std::string_view::npos)
    throw UsageError(quoted(word) + " is not a valid " + std::string(keyword) + " (a size: 10k, 1mb, 1600b...)");
  return parse_size(word, keyword);
}

// tc's get_time(): microseconds.
microseconds time_word(Words& words, std::string_view keyword) {
  return microseconds(parse_time(words.take(keyword), keyword));
}

// tc's get_rate(): bytes per second in 32 bits.
uint32_t rate_word(Words& words, std::string_view keyword) {
  const std::string_view word = words.take(keyword);
  const uint64_t rate = parse_rate(word, keyword);
  if (rate > std::numeric_limits<uint32_t>::max())
    throw UsageError(quoted(word) + ": a " + std::string(keyword) + " is below 34 Gbit/s");
  return static_cast<uint32_t>(rate);
}

// tc's sscanf("%lg"): a number at the start of the word.
double probability_word(Words& words, std::string_view keyword) {
  const std::string word(words.take(keyword));
  char* end = nullptr;
  const double probability = std::strtod(word.c_str(), &end);
  if (end == word.c_str()) throw UsageError(quoted(word) + " is not a valid " + std::string(keyword));
  return probability;
}

// What tc sends only when it is not 0.
std::optional<uint32_t> unless_zero(uint32_t value) { return value != 0 ? std::optional(value) : std::nullopt; }
std::optional<microseconds> unless_zero(microseconds time) {
  return time.count() != 0 ? std::optional(time) : std::nullopt;
}

// ce_threshold: tc sends it unless it is ~0 (its "not given").
std::optional<microseconds> unless_none(microseconds time) {
  return time.count() != std::numeric_limits<uint32_t>::max() ? std::optional(time) : std::nullopt;
}

// tc's ALPHA_MAX and BETA_MAX of pie and fq_pie.
uint32_t weight_word(Words& words, std::string_view keyword) {
  constexpr uint32_t most = 32;
  const uint32_t weight = unsigned_word(words, keyword);
  if (weight > most) throw UsageError("\"" + std::string(keyword) + "\": " + std::to_string(weight) + " is above 32");
  return weight;
}

// A switch tc takes as two words ("ecn" / "noecn"); false when the next word is neither.
bool take_switch(Words& words, std::string_view on, std::string_view off, std::optional<bool>& value) {
  if (words.take_if(on))
    value = true;
  else if (words.take_if(off))
    value = false;
  else
    return false;
  return true;
}

// The words codel and fq_codel share; false when the next word is none of them.
template <class Options>
bool take_codel_word(Words& words, Options& options) {
  if (words.take_if("limit")) {
    options.limit = unless_zero(unsigned_word(words, "limit"));
  } else if (words.take_if("target")) {
    options.target = unless_zero(time_word(words, "target"));
  } else if (words.take_if("interval")) {
    options.interval = unless_zero(time_word(words, "interval"));
  } else if (words.take_if("ce_threshold")) {
    options.ce_threshold = unless_none(time_word(words, "ce_threshold"));
  } else {
    return take_switch(words, "ecn", "noecn", options.ecn);
  }
  return true;
}

rtnl::tc::Codel parse_codel(Words& words) {
  rtnl::tc::Codel codel;
  while (!words.empty())
    if (!take_codel_word(words, codel)) words.unknown();
  return codel;
}

// `ce_threshold_selector VALUE/MASK`, each as tc's get_u8() takes it.
void take_ce_threshold_selector(Words& words, rtnl::tc::FqCodel& fq_codel) {
  const std::string_view word = words.take("ce_threshold_selector");
  const size_t slash = word.find('/');
  if (slash == std::string_view::npos) throw UsageError("Missing mask for \"ce_threshold_selector\"");
  const auto mask = parse_number<uint8_t>(word.substr(slash + 1), "ce_threshold_selector mask");
  const auto selector = parse_number<uint8_t>(word.substr(0, slash), "ce_threshold_selector");
  // tc's "not given" is a selector of 0xff.
  constexpr uint8_t none = 0xff;
  fq_codel.ce_threshold_selector = selector != none ? std::optional(selector) : std::nullopt;
  fq_codel.ce_threshold_mask = selector != none ? std::optional(mask) : std::nullopt;
}

rtnl::tc::FqCodel parse_fq_codel(Words& words) {
  rtnl::tc::FqCodel fq_codel;
  while (!words.empty()) {
    if (take_codel_word(words, fq_codel)) continue;
    if (words.take_if("flows")) {
      fq_codel.flows = unless_zero(unsigned_word(words, "flows"));
    } else if (words.take_if("quantum")) {
      fq_codel.quantum = unless_zero(unsigned_word(words, "quantum"));
    } else if (words.take_if("drop_batch")) {
      fq_codel.drop_batch_size = unless_zero(unsigned_word(words, "drop_batch"));
    } else if (words.take_if("memory_limit")) {
      const uint32_t memory = size_word(words, "memory_limit");
      fq_codel.memory_limit = memory != std::numeric_limits<uint32_t>::max() ? std::optional(memory) : std::nullopt;
    } else if (words.take_if("ce_threshold_selector")) {
      take_ce_threshold_selector(words, fq_codel);
    } else {
      words.unknown();
    }
  }
  return fq_codel;
}

// ilog2() of q_fq.c: the log of buckets rounded up.
uint32_t buckets_log_of(uint32_t buckets) {
  uint32_t log = 0;
  for (uint32_t rest = buckets - 1; rest != 0; rest >>= 1) ++log;
  return log;
}

rtnl::tc::Fq parse_fq(Words& words) {
  rtnl::tc::Fq fq;
  while (!words.empty()) {
    if (words.take_if("limit")) {
      fq.limit = unsigned_word(words, "limit");
    } else if (words.take_if("flow_limit")) {
      fq.flow_limit = unsigned_word(words, "flow_limit");
    } else if (words.take_if("buckets")) {
      const uint32_t buckets = unsigned_word(words, "buckets");
      fq.buckets_log = buckets != 0 ? std::optional(buckets_log_of(buckets)) : std::nullopt;
    } else if (words.take_if("maxrate")) {
      fq.max_rate = rate_word(words, "maxrate");
    } else if (words.take_if("low_rate_threshold")) {
      fq.low_rate_threshold = rate_word(words, "low_rate_threshold");
    } else if (words.take_if("defrate")) {
      fq.default_rate = rate_word(words, "defrate");
    } else if (words.take_if("ce_threshold")) {
      fq.ce_threshold = time_word(words, "ce_threshold");
    } else if (words.take_if("timer_slack")) {
      const std::chrono::nanoseconds slack = parse_time64(words.take("timer_slack"), "timer_slack");
      if (slack.count() < 0 || slack.count() > std::numeric_limits<uint32_t>::max())
        throw UsageError("Illegal (out of range) \"timer_slack\"");
      fq.timer_slack = slack;
    } else if (words.take_if("horizon")) {
      fq.horizon = time_word(words, "horizon");
    } else if (take_switch(words, "horizon_drop", "horizon_cap", fq.horizon_drop)) {
      continue;
    } else if (words.take_if("quantum")) {
      fq.quantum = unsigned_word(words, "quantum");
    } else if (words.take_if("initial_quantum")) {
      fq.initial_quantum = unsigned_word(words, "initial_quantum");
    } else if (words.take_if("orphan_mask")) {
      fq.orphan_mask = unsigned_word(words, "orphan_mask");
    } else if (words.take_if("refill_delay")) {
      fq.refill_delay = time_word(words, "refill_delay");
    } else if (!take_switch(words, "pacing", "nopacing", fq.pacing)) {
      words.unknown();
    }
  }
  return fq;
}

// The RED words of red, choke and sfq, in RedSizing's terms; false when
// the next word is none of them. min and max are sizes for red, numbers
// for choke and sfq.
bool take_red_sizing_word(Words& words, rtnl::tc::RedSizing& sizing, bool sizes) {
  const auto threshold = [&](std::string_view keyword) {
    return sizes ? size_word(words, keyword) : unsigned_word(words, keyword);
  };
  if (words.take_if("min")) {
    sizing.min = threshold("min");
  } else if (words.take_if("max")) {
    sizing.max = threshold("max");
  } else if (words.take_if("burst")) {
    sizing.burst = unsigned_word(words, "burst");
  } else if (words.take_if("avpkt")) {
    sizing.avpkt = size_word(words, "avpkt");
  } else if (words.take_if("probability")) {
    sizing.probability = probability_word(words, "probability");
  } else {
    return false;
  }
  return true;
}

// The library's sizing (which requires what tc requires), its refusal a usage error.
template <class T>
T sized(Result<T> made) {
  if (!made) throw UsageError(made.error().context());
  return std::move(*made);
}

rtnl::QdiscOptions parse_sfq(Words& words) {
  rtnl::tc::Sfq sfq;
  rtnl::tc::RedSizing sizing;
  bool ecn = false;
  bool harddrop = false;
  bool any = false;  // tc sends no options without a word
  bool red = false;
  while (!words.empty()) {
    any = true;
    if (take_red_sizing_word(words, sizing, false)) {
      red = true;
    } else if (words.take_if("redflowlimit")) {
      sizing.limit = unsigned_word(words, "redflowlimit");
      red = true;
    } else if (words.take_if("ecn")) {
      red = ecn = true;
    } else if (words.take_if("harddrop")) {
      red = harddrop = true;
    } else if (words.take_if("quantum")) {
      sfq.quantum = size_word(words, "quantum");
    } else if (words.take_if("perturb")) {
      const int seconds = parse_number<int>(words.take("perturb"), "perturb");
      sfq.perturb = std::chrono::seconds(seconds);
    } else if (words.take_if("limit")) {
      sfq.limit = unsigned_word(words, "limit");
      if (sfq.limit < 2) throw UsageError("Illegal \"limit\", must be > 1");
    } else if (words.take_if("divisor")) {
      sfq.divisor = unsigned_word(words, "divisor");
    } else if (words.take_if("flows")) {
      sfq.flows = unsigned_word(words, "flows");
    } else if (words.take_if("depth")) {
      sfq.depth = unsigned_word(words, "depth");
    } else if (words.take_if("headdrop")) {
      sfq.headdrop = true;
    } else {
      words.unknown();
    }
  }
  if (!any) return std::monostate{};
  if (red) {
    sfq.red = sized(rtnl::tc::SfqRed::sized(sizing));
    sfq.red->ecn = ecn;
    sfq.red->harddrop = harddrop;
  }
  return sfq;
}

// The words pie and fq_pie share; false when the next word is none of them.
template <class Options>
bool take_pie_word(Words& words, Options& options) {
  if (words.take_if("limit")) {
    options.limit = unless_zero(unsigned_word(words, "limit"));
  } else if (words.take_if("target")) {
    options.target = unless_zero(time_word(words, "target"));
  } else if (words.take_if("tupdate")) {
    options.tupdate = unless_zero(time_word(words, "tupdate"));
  } else if (words.take_if("alpha")) {
    options.alpha = unless_zero(weight_word(words, "alpha"));
  } else if (words.take_if("beta")) {
    options.beta = unless_zero(weight_word(words, "beta"));
  } else {
    return take_switch(words, "ecn", "noecn", options.ecn) ||
           take_switch(words, "bytemode", "nobytemode", options.bytemode) ||
           take_switch(words, "dq_rate_estimator", "no_dq_rate_estimator", options.dq_rate_estimator);
  }
  return true;
}

rtnl::tc::Pie parse_pie(Words& words) {
  rtnl::tc::Pie pie;
  while (!words.empty())
    if (!take_pie_word(words, pie)) words.unknown();
  return pie;
}

rtnl::tc::FqPie parse_fq_pie(Words& words) {
  rtnl::tc::FqPie fq_pie;
  while (!words.empty()) {
    if (take_pie_word(words, fq_pie)) continue;
    if (words.take_if("flows")) {
      fq_pie.flows = unless_zero(unsigned_word(words, "flows"));
    } else if (words.take_if("quantum")) {
      fq_pie.quantum = unless_zero(size_word(words, "quantum"));
    } else if (words.take_if("memory_limit")) {
      fq_pie.memory_limit = unless_zero(size_word(words, "memory_limit"));
    } else if (words.take_if("ecn_prob")) {
      constexpr uint32_t percent = 100;
      const uint32_t probability = unsigned_word(words, "ecn_prob");
      if (probability >= percent)
        throw UsageError("\"ecn_prob\": " + std::to_string(probability) + " is not below 100");
      fq_pie.ecn_prob = unless_zero(probability);
    } else {
      words.unknown();
    }
  }
  return fq_pie;
}

// `qevent early_drop|mark block N` (tc_qevent.c), after "qevent".
void take_qevent(Words& words, std::optional<uint32_t>& early_drop, std::optional<uint32_t>& mark) {
  const std::string_view name = words.take("qevent");
  // Which of red's blocks the qevent names.
  std::optional<uint32_t>* const block = name == "early_drop" ? &early_drop : name == "mark" ? &mark : nullptr;
  if (block == nullptr) throw UsageError("Unknown qevent " + quoted(name) + " (early_drop, mark)");
  if (*block) throw UsageError("Duplicate qevent " + quoted(name));
  while (words.take_if("block")) {
    if (*block) throw UsageError("qevent " + quoted(name) + ": block index already specified");
    const std::string_view index = words.take("block");
    const auto value = detail::parse_digits<uint32_t>(index, index, 10, "qevent block index");
    if (value == 0) throw UsageError(quoted(index) + ": Illegal qevent block index");
    *block = value;
  }
  if (!*block) throw UsageError("qevent " + quoted(name) + ": Unspecified qevent block index");
}

rtnl::tc::Red parse_red(Words& words) {
  rtnl::tc::RedSizing sizing;
  bool ecn = false, harddrop = false, adaptive = false, nodrop = false;
  std::optional<uint32_t> early_drop_block;
  std::optional<uint32_t> mark_block;
  while (!words.empty()) {
    if (take_red_sizing_word(words, sizing, true)) continue;
    if (words.take_if("limit")) {
      sizing.limit = size_word(words, "limit");
    } else if (words.take_if("bandwidth")) {
      sizing.bandwidth = rate_word(words, "bandwidth");
    } else if (words.take_if("ecn")) {
      ecn = true;
    } else if (words.take_if("harddrop")) {
      harddrop = true;
    } else if (words.take_if("nodrop")) {
      nodrop = true;
    } else if (words.take_if("adaptive") || words.take_if("adaptative")) {
      adaptive = true;
    } else if (take_matching(words, {"qevent"})) {
      take_qevent(words, early_drop_block, mark_block);
    } else {
      words.unknown();
    }
  }
  rtnl::tc::Red red = sized(rtnl::tc::Red::sized(sizing));
  red.ecn = ecn;
  red.harddrop = harddrop;
  red.adaptive = adaptive;
  red.nodrop = nodrop;
  red.early_drop_block = early_drop_block;
  red.mark_block = mark_block;
  return red;
}

rtnl::tc::Choke parse_choke(Words& words) {
  rtnl::tc::RedSizing sizing;
  bool ecn = false;
  while (!words.empty()) {
    if (take_red_sizing_word(words, sizing, false)) continue;
    if (words.take_if("limit")) {
      sizing.limit = unsigned_word(words, "limit");
    } else if (words.take_if("bandwidth")) {
      sizing.bandwidth = rate_word(words, "bandwidth");
    } else if (words.take_if("ecn")) {
      ecn = true;
    } else {
      words.unknown();
    }
  }
  rtnl::tc::Choke choke = sized(rtnl::tc::Choke::sized(sizing));
  choke.ecn = ecn;
  return choke;
}

}  // namespace

std::optional<rtnl::QdiscOptions> parse_aqm_qdisc_options(std::string_view kind, Words& words) {
  if (kind == "codel") return parse_codel(words);
  if (kind == "fq_codel") return parse_fq_codel(words);
  if (kind == "fq") return parse_fq(words);
  if (kind == "sfq") return parse_sfq(words);
  if (kind == "pie") return parse_pie(words);
  if (kind == "fq_pie") return parse_fq_pie(words);
  if (kind == "red") return parse_red(words);
  if (kind == "choke") return parse_choke(words);
  return std::nullopt;
}

}  // namespace nlpp::cli
