// hfsc, ets and mqprio in tc's JSON: tc 7.1's q_hfsc.c, tc 6.1's q_ets.c
// and q_mqprio.c print_opt(), member for member in their order.
#include "json_fields.hpp"
#include "tc_classful.hpp"
#include "tc_words.hpp"

#include <linux/pkt_sched.h>

#include <cstring>
#include <optional>
#include <string_view>

namespace nlpp::format::detail {
namespace {

void write_curve(JsonWriter& json, std::string_view name, const rtnl::tc::ServiceCurve& curve) {
  json.key(name);
  json.begin_object();
  number_field(json, "m1", curve.m1);
  number_field(json, "d", curve.d);
  number_field(json, "m2", curve.m2);
  json.end_object();
}

template <class Numbers>
void number_array(JsonWriter& json, std::string_view key, const Numbers& numbers) {
  json.key(key);
  json.begin_array();
  for (const auto number : numbers) json.number(uint64_t{number});
  json.end_array();
}

void rate_array(JsonWriter& json, std::string_view key, const rtnl::tc::Mqprio& mqprio,
                const std::vector<uint64_t>& rates) {
  json.key(key);
  json.begin_array();
  for (size_t tc = 0; tc < mqprio_classes(mqprio); ++tc) json.number(mqprio_rate(rates, tc));
  json.end_array();
}

}  // namespace

void write_options(JsonWriter& json, const rtnl::tc::Hfsc& hfsc, const TcView&) {
  if (hfsc.default_class != 0) text_field(json, "default", tc_hex_text(hfsc.default_class));
}

void write_options(JsonWriter& json, const rtnl::tc::HfscClass& hfsc, const TcView&) {
  // One curve as both real-time and link-share is what tc's "sc" made.
  if (hfsc.rsc && hfsc.fsc && *hfsc.rsc == *hfsc.fsc) {
    write_curve(json, "sc", *hfsc.rsc);
  } else {
    if (hfsc.rsc) write_curve(json, "rt", *hfsc.rsc);
    if (hfsc.fsc) write_curve(json, "ls", *hfsc.fsc);
  }
  if (hfsc.usc) write_curve(json, "ul", *hfsc.usc);
}

void write_xstats(JsonWriter& json, const rtnl::tc::HfscClass&, const rtnl::TcStats& stats) {
  if (stats.xstats.size() < sizeof(tc_hfsc_stats)) return;
  tc_hfsc_stats xstats{};
  std::memcpy(&xstats, stats.xstats.data(), sizeof xstats);
  number_field(json, "period", xstats.period);
  if (xstats.work != 0) number_field(json, "work", xstats.work);
  if (xstats.rtwork != 0) number_field(json, "rtwork", xstats.rtwork);
  number_field(json, "level", xstats.level);
}

void write_options(JsonWriter& json, const rtnl::tc::Ets& ets, const TcView&) {
  // tc prints nothing of options without a priority map (the kernel always sends one).
  if (ets.priomap.empty()) return;
  number_field(json, "bands", ets.bands);
  if (ets.strict != 0) number_field(json, "strict", ets.strict);
  if (!ets.quanta.empty()) number_array(json, "quanta", ets.quanta);
  number_array(json, "priomap", ets.priomap);
}

void write_options(JsonWriter& json, const rtnl::tc::EtsClass& ets, const TcView&) {
  if (ets.quantum != 0) number_field(json, "quantum", ets.quantum);
}

void write_options(JsonWriter& json, const rtnl::tc::Mqprio& mqprio, const TcView&) {
  number_field(json, "tc", mqprio.num_tc);
  number_array(json, "map", mqprio.prio_tc_map);
  json.key("queues");
  json.begin_array();
  for (size_t tc = 0; tc < mqprio_classes(mqprio); ++tc) {
    const auto [first, last] = mqprio_queue_range(mqprio, tc);
    json.begin_array();
    json.number(uint64_t{first});
    json.number(uint64_t{last});
    json.end_array();
  }
  json.end_array();
  if (!has_offload_part(mqprio)) return;
  if (const std::optional<std::string_view> mode = mqprio_mode_word(mqprio)) text_field(json, "mode", *mode);
  if (const std::optional<std::string_view> shaper = mqprio_shaper_word(mqprio)) text_field(json, "shaper", *shaper);
  if (!mqprio.min_rate.empty()) rate_array(json, "min_rate", mqprio, mqprio.min_rate);
  if (!mqprio.max_rate.empty()) rate_array(json, "max_rate", mqprio, mqprio.max_rate);
}

}  // namespace nlpp::format::detail
