// hfsc, drr, ets and mqprio in tc's words, as tc 6.1's print_opt() and
// print_copt() write them (mqprio's on one line).
#include "tc_classful.hpp"
#include "tc_words.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace nlpp::format::detail {
namespace {

std::string curve_text(std::string_view name, const rtnl::tc::ServiceCurve& curve) {
  return std::string(name) + " m1 " + tc_rate_text(curve.m1) + " d " + tc_time_text(curve.d) + " m2 " +
         tc_rate_text(curve.m2);
}

template <class Numbers>
std::string numbers_text(const Numbers& numbers) {
  std::string text;
  for (const auto number : numbers) text += " " + std::to_string(number);
  return text;
}

std::string rates_text(std::string_view name, const rtnl::tc::Mqprio& mqprio, const std::vector<uint64_t>& rates) {
  std::string text = " " + std::string(name) + ":";
  for (size_t tc = 0; tc < mqprio_classes(mqprio); ++tc)
    text += (tc == 0 ? "" : " ") + tc_rate_text(mqprio_rate(rates, tc));
  return text;
}

// Words joined by one space, those left empty left out.
std::string joined(std::initializer_list<std::string> words) {
  std::string text;
  for (const std::string& word : words)
    if (!word.empty()) text += (text.empty() ? "" : " ") + word;
  return text;
}

}  // namespace

bool has_offload_part(const rtnl::tc::Mqprio& mqprio) {
  return mqprio.mode || mqprio.shaper || !mqprio.min_rate.empty() || !mqprio.max_rate.empty() ||
         !mqprio.unknown.empty();
}

size_t mqprio_classes(const rtnl::tc::Mqprio& mqprio) { return std::min<size_t>(mqprio.num_tc, mqprio.count.size()); }

std::pair<uint32_t, uint32_t> mqprio_queue_range(const rtnl::tc::Mqprio& mqprio, size_t tc) {
  const uint32_t first = mqprio.offset[tc];
  return {first, first + mqprio.count[tc] - 1u};
}

std::optional<std::string_view> mqprio_mode_word(const rtnl::tc::Mqprio& mqprio) {
  if (!mqprio.mode) return "dcb";
  if (*mqprio.mode == rtnl::tc::MqprioMode::channel) return "channel";
  return std::nullopt;
}

std::optional<std::string_view> mqprio_shaper_word(const rtnl::tc::Mqprio& mqprio) {
  if (!mqprio.shaper) return "dcb";
  if (*mqprio.shaper == rtnl::tc::MqprioShaper::bw_rlimit) return "bw_rlimit";
  return std::nullopt;
}

uint64_t mqprio_rate(const std::vector<uint64_t>& rates, size_t tc) { return tc < rates.size() ? rates[tc] : 0; }

std::string options_text(const rtnl::tc::Hfsc& hfsc) {
  return hfsc.default_class != 0 ? "default " + tc_hex_digits(hfsc.default_class) : "";
}

std::string options_text(const rtnl::tc::HfscClass& hfsc) {
  const bool one_curve = hfsc.rsc && hfsc.fsc && *hfsc.rsc == *hfsc.fsc;
  return joined(
      {one_curve ? curve_text("sc", *hfsc.rsc) : "", !one_curve && hfsc.rsc ? curve_text("rt", *hfsc.rsc) : "",
       !one_curve && hfsc.fsc ? curve_text("ls", *hfsc.fsc) : "", hfsc.usc ? curve_text("ul", *hfsc.usc) : ""});
}

std::string options_text(const rtnl::tc::DrrClass& drr) {
  return drr.quantum != 0 ? "quantum " + tc_size_text(drr.quantum) : "";
}

std::string options_text(const rtnl::tc::Ets& ets) {
  if (ets.priomap.empty()) return "";  // tc prints nothing of options without a priority map
  return joined({"bands " + std::to_string(ets.bands), ets.strict != 0 ? "strict " + std::to_string(ets.strict) : "",
                 ets.quanta.empty() ? "" : "quanta" + numbers_text(ets.quanta), "priomap" + numbers_text(ets.priomap)});
}

std::string options_text(const rtnl::tc::EtsClass& ets) {
  return ets.quantum != 0 ? "quantum " + std::to_string(ets.quantum) : "";
}

std::string options_text(const rtnl::tc::Mqprio& mqprio) {
  std::string text = "tc " + std::to_string(mqprio.num_tc) + " map" + numbers_text(mqprio.prio_tc_map) + " queues:";
  for (size_t tc = 0; tc < mqprio_classes(mqprio); ++tc) {
    const auto [first, last] = mqprio_queue_range(mqprio, tc);
    text += (tc == 0 ? "(" : " (") + std::to_string(first) + ":" + std::to_string(last) + ")";
  }
  if (!has_offload_part(mqprio)) return text;
  if (const std::optional<std::string_view> mode = mqprio_mode_word(mqprio)) text += " mode:" + std::string(*mode);
  if (const std::optional<std::string_view> shaper = mqprio_shaper_word(mqprio))
    text += " shaper:" + std::string(*shaper);
  if (!mqprio.min_rate.empty()) text += rates_text("min_rate", mqprio, mqprio.min_rate);
  if (!mqprio.max_rate.empty()) text += rates_text("max_rate", mqprio, mqprio.max_rate);
  return text;
}

}  // namespace nlpp::format::detail
