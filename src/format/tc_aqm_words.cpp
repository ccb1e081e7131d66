// The queue management kinds in tc's words: q_codel.c, q_fq_codel.c,
// q_fq.c, q_sfq.c, q_pie.c, q_fq_pie.c, q_red.c and q_choke.c print_opt()
// without -j or -d, one space between words.
#include "tc_aqm.hpp"
#include "tc_words.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace nlpp::format::detail {
namespace {

// Words joined by single spaces.
class Phrase {
 public:
  Phrase& word(std::string_view word) {
    if (!text_.empty()) text_ += ' ';
    text_ += word;
    return *this;
  }
  Phrase& word(std::string_view key, std::string_view value) { return word(key).word(value); }
  // "key VALUE" when the kernel sent the value; say(value) says it.
  template <class T, class Say>
  Phrase& optional(std::string_view key, const std::optional<T>& value, Say say) {
    return value ? word(key, say(*value)) : *this;
  }
  Phrase& switch_on(std::string_view key, const std::optional<bool>& on) {
    return on.value_or(false) ? word(key) : *this;
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

std::string packets(uint32_t count) { return std::to_string(count) + "p"; }
std::string number(uint32_t value) { return std::to_string(value); }
std::string time_words(std::chrono::microseconds time) { return tc_time_text(static_cast<uint32_t>(time.count())); }

// "%lg" of max_P as a fraction.
std::string probability(const rtnl::tc::RedConstants& constants) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", constants.max_probability / std::pow(2, 32));
  return text;
}

// tc_red_print_flags() without -j: the flags that are on.
Phrase& red_flags(Phrase& phrase, bool ecn, bool harddrop, bool adaptive, bool nodrop) {
  if (ecn) phrase.word("ecn");
  if (harddrop) phrase.word("harddrop");
  if (adaptive) phrase.word("adaptive");
  if (nodrop) phrase.word("nodrop");
  return phrase;
}

// pie's and fq_pie's switches.
template <class Options>
Phrase& pie_switches(Phrase& phrase, const Options& options) {
  return phrase.switch_on("ecn", options.ecn)
      .switch_on("bytemode", options.bytemode)
      .switch_on("dq_rate_estimator", options.dq_rate_estimator);
}

}  // namespace

std::string options_text(const rtnl::tc::Codel& codel) {
  return Phrase()
      .optional("limit", codel.limit, packets)
      .optional("target", codel.target, time_words)
      .optional("ce_threshold", codel.ce_threshold, time_words)
      .optional("interval", codel.interval, time_words)
      .switch_on("ecn", codel.ecn)
      .text();
}

std::string options_text(const rtnl::tc::FqCodel& fq_codel) {
  Phrase phrase;
  phrase.optional("limit", fq_codel.limit, packets)
      .optional("flows", fq_codel.flows, number)
      .optional("quantum", fq_codel.quantum, number)
      .optional("target", fq_codel.target, time_words)
      .optional("ce_threshold", fq_codel.ce_threshold, time_words);
  const uint8_t selector = fq_codel.ce_threshold_selector.value_or(0);
  const uint8_t mask = fq_codel.ce_threshold_mask.value_or(0);
  if (selector != 0 || mask != 0) phrase.word("ce_threshold_selector", tc_hex_text(selector) + "/" + tc_hex_text(mask));
  phrase.optional("interval", fq_codel.interval, time_words)
      .optional("memory_limit", fq_codel.memory_limit, tc_size_text)
      .switch_on("ecn", fq_codel.ecn);
  if (fq_codel.drop_batch_size.value_or(0) != 0) phrase.word("drop_batch", number(*fq_codel.drop_batch_size));
  return phrase.text();
}

std::string options_text(const rtnl::tc::Fq& fq) {
  constexpr uint32_t none = UINT32_MAX;  // max_rate's and ce_threshold's "not set"
  Phrase phrase;
  phrase.optional("limit", fq.limit, packets).optional("flow_limit", fq.flow_limit, packets);
  if (fq.buckets_log) phrase.word("buckets", number(1U << *fq.buckets_log));
  phrase.optional("orphan_mask", fq.orphan_mask, number);
  if (fq.pacing && !*fq.pacing) phrase.word("nopacing");
  phrase.optional("quantum", fq.quantum, tc_size_text).optional("initial_quantum", fq.initial_quantum, tc_size_text);
  if (fq.max_rate.value_or(none) != none) phrase.word("maxrate", tc_rate_text(*fq.max_rate));
  if (fq.default_rate.value_or(0) != 0) phrase.word("defrate", tc_rate_text(*fq.default_rate));
  if (fq.low_rate_threshold.value_or(0) != 0) phrase.word("low_rate_threshold", tc_rate_text(*fq.low_rate_threshold));
  phrase.optional("refill_delay", fq.refill_delay, time_words);
  if (fq.ce_threshold && fq.ce_threshold->count() != none) phrase.word("ce_threshold", time_words(*fq.ce_threshold));
  phrase.optional("timer_slack", fq.timer_slack,
                  [](std::chrono::nanoseconds slack) { return tc_time64_text(slack.count()); });
  phrase.optional("horizon", fq.horizon, time_words);
  if (fq.horizon_drop) phrase.word(*fq.horizon_drop ? "horizon_drop" : "horizon_cap");
  return phrase.text();
}

std::string options_text(const rtnl::tc::Sfq& sfq) {
  Phrase phrase;
  phrase.word("limit", packets(sfq.limit)).word("quantum", tc_size_text(sfq.quantum));
  if (sfq.depth != 0) phrase.word("depth", number(sfq.depth));
  if (sfq.headdrop) phrase.word("headdrop");
  phrase.word("divisor", number(sfq.divisor));
  if (sfq.perturb.count() != 0) phrase.word("perturb", std::to_string(sfq.perturb.count()) + "sec");
  if (sfq.red) {
    phrase.word("ewma", number(sfq.red->constants.ewma_log))
        .word("min", tc_size_text(sfq.red->min))
        .word("max", tc_size_text(sfq.red->max))
        .word("probability", probability(sfq.red->constants));
    red_flags(phrase, sfq.red->ecn, sfq.red->harddrop, false, false);
  }
  return phrase.text();
}

std::string options_text(const rtnl::tc::Pie& pie) {
  Phrase phrase;
  phrase.optional("limit", pie.limit, packets)
      .optional("target", pie.target, time_words)
      .optional("tupdate", pie.tupdate, time_words)
      .optional("alpha", pie.alpha, number)
      .optional("beta", pie.beta, number);
  return pie_switches(phrase, pie).text();
}

std::string options_text(const rtnl::tc::FqPie& fq_pie) {
  Phrase phrase;
  phrase.optional("limit", fq_pie.limit, packets)
      .optional("flows", fq_pie.flows, number)
      .optional("target", fq_pie.target, time_words)
      .optional("tupdate", fq_pie.tupdate, time_words)
      .optional("alpha", fq_pie.alpha, number)
      .optional("beta", fq_pie.beta, number)
      .optional("quantum", fq_pie.quantum, tc_size_text)
      .optional("memory_limit", fq_pie.memory_limit, tc_size_text)
      .optional("ecn_prob", fq_pie.ecn_prob, number);
  return pie_switches(phrase, fq_pie).text();
}

std::string options_text(const rtnl::tc::Red& red) {
  Phrase phrase;
  phrase.word("limit", tc_size_text(red.limit)).word("min", tc_size_text(red.min)).word("max", tc_size_text(red.max));
  red_flags(phrase, red.ecn, red.harddrop, red.adaptive, red.nodrop);
  if (red.early_drop_block) phrase.word("qevent early_drop block", number(*red.early_drop_block));
  if (red.mark_block) phrase.word("qevent mark block", number(*red.mark_block));
  return phrase.text();
}

std::string options_text(const rtnl::tc::Choke& choke) {
  Phrase phrase;
  phrase.word("limit", packets(choke.limit)).word("min", packets(choke.min)).word("max", packets(choke.max));
  return red_flags(phrase, choke.ecn, choke.harddrop, false, false).text();
}

}  // namespace nlpp::format::detail
