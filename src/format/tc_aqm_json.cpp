// The queue management kinds in tc's JSON: tc 6.1's q_codel.c,
// q_fq_codel.c, q_fq.c, q_sfq.c, q_pie.c, q_fq_pie.c, q_red.c and
// q_choke.c print_opt() and print_xstats(), member for member in their
// order. Times are the kernel's numbers (microseconds; fq's timer slack in
// nanoseconds), probabilities C's "%g" of a fraction.
#include "json_fields.hpp"
#include "tc_aqm.hpp"

#include <linux/pkt_sched.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string_view>

namespace nlpp::format::detail {
namespace {

// An attribute tc prints when the kernel sent it.
template <class T>
void optional_number(JsonWriter& json, std::string_view key, const std::optional<T>& value) {
  if (value) number_field(json, key, *value);
}

template <class Duration>
void optional_time(JsonWriter& json, std::string_view key, const std::optional<Duration>& time) {
  if (time) number_field(json, key, static_cast<uint32_t>(time->count()));
}

// A switch tc prints only when on.
void true_if_on(JsonWriter& json, std::string_view key, const std::optional<bool>& on) {
  if (on.value_or(false)) bool_field(json, key, true);
}

// The kind's xstats as T, as most of tc's print_xstats() read them: a
// shorter struct (an older kernel's) zero-filled, none without xstats.
template <class T>
std::optional<T> xstats_as(const rtnl::TcStats& stats) {
  if (stats.xstats.empty()) return std::nullopt;
  T xstats{};
  std::memcpy(&xstats, stats.xstats.data(), std::min(sizeof xstats, stats.xstats.size()));
  return xstats;
}

// Those that print nothing of a shorter struct (pie, red, choke).
template <class T>
std::optional<T> whole_xstats_as(const rtnl::TcStats& stats) {
  if (stats.xstats.size() < sizeof(T)) return std::nullopt;
  return xstats_as<T>(stats);
}

// tc_red_print_flags(): each of the four, true or false.
void write_red_flags(JsonWriter& json, bool ecn, bool harddrop, bool adaptive, bool nodrop) {
  bool_field(json, "ecn", ecn);
  bool_field(json, "harddrop", harddrop);
  bool_field(json, "adaptive", adaptive);
  bool_field(json, "nodrop", nodrop);
}

// max_P as the fraction tc prints.
double probability_of(const rtnl::tc::RedConstants& constants) { return constants.max_probability / std::pow(2, 32); }

// red's and choke's constants, with -d.
void write_red_constants(JsonWriter& json, const rtnl::tc::RedConstants& constants, const TcView& view) {
  if (!view.details) return;
  number_field(json, "ewma", constants.ewma_log);
  if (constants.max_probability != 0)
    float_field(json, "probability", probability_of(constants));
  else
    number_field(json, "Plog", constants.probability_log);
  number_field(json, "Scell_log", constants.cell_log);
}

// red's and choke's xstats: the same four counters first.
template <class Xstats>
void write_red_counters(JsonWriter& json, const Xstats& xstats) {
  number_field(json, "marked", xstats.marked);
  number_field(json, "early", xstats.early);
  number_field(json, "pdrop", xstats.pdrop);
  number_field(json, "other", xstats.other);
}

// pie's and fq_pie's switches, in the order tc prints them.
template <class Options>
void write_pie_switches(JsonWriter& json, const Options& options) {
  true_if_on(json, "ecn", options.ecn);
  true_if_on(json, "bytemode", options.bytemode);
  true_if_on(json, "dq_rate_estimator", options.dq_rate_estimator);
}

}  // namespace

void write_options(JsonWriter& json, const rtnl::tc::Codel& codel, const TcView&) {
  optional_number(json, "limit", codel.limit);
  optional_time(json, "target", codel.target);
  optional_time(json, "ce_threshold", codel.ce_threshold);
  optional_time(json, "interval", codel.interval);
  true_if_on(json, "ecn", codel.ecn);
}

void write_options(JsonWriter& json, const rtnl::tc::FqCodel& fq_codel, const TcView&) {
  optional_number(json, "limit", fq_codel.limit);
  optional_number(json, "flows", fq_codel.flows);
  optional_number(json, "quantum", fq_codel.quantum);
  optional_time(json, "target", fq_codel.target);
  optional_time(json, "ce_threshold", fq_codel.ce_threshold);
  const uint8_t selector = fq_codel.ce_threshold_selector.value_or(0);
  const uint8_t mask = fq_codel.ce_threshold_mask.value_or(0);
  if (selector != 0 || mask != 0) {
    number_field(json, "ce_threshold_selector", selector);
    number_field(json, "ce_threshold_mask", mask);
  }
  optional_time(json, "interval", fq_codel.interval);
  optional_number(json, "memory_limit", fq_codel.memory_limit);
  true_if_on(json, "ecn", fq_codel.ecn);
  if (fq_codel.drop_batch_size.value_or(0) != 0) number_field(json, "drop_batch", *fq_codel.drop_batch_size);
}

void write_options(JsonWriter& json, const rtnl::tc::Fq& fq, const TcView&) {
  constexpr uint32_t none = UINT32_MAX;  // max_rate's and ce_threshold's "not set"
  optional_number(json, "limit", fq.limit);
  optional_number(json, "flow_limit", fq.flow_limit);
  if (fq.buckets_log) number_field(json, "buckets", 1U << *fq.buckets_log);
  optional_number(json, "orphan_mask", fq.orphan_mask);
  if (fq.pacing && !*fq.pacing) bool_field(json, "pacing", false);
  optional_number(json, "quantum", fq.quantum);
  optional_number(json, "initial_quantum", fq.initial_quantum);
  if (fq.max_rate.value_or(none) != none) number_field(json, "maxrate", *fq.max_rate);
  if (fq.default_rate.value_or(0) != 0) number_field(json, "defrate", *fq.default_rate);
  if (fq.low_rate_threshold.value_or(0) != 0) number_field(json, "low_rate_threshold", *fq.low_rate_threshold);
  optional_time(json, "refill_delay", fq.refill_delay);
  if (fq.ce_threshold && fq.ce_threshold->count() != none) optional_time(json, "ce_threshold", fq.ce_threshold);
  optional_time(json, "timer_slack", fq.timer_slack);
  optional_time(json, "horizon", fq.horizon);
  if (fq.horizon_drop) null_field(json, *fq.horizon_drop ? "horizon_drop" : "horizon_cap");
}

void write_options(JsonWriter& json, const rtnl::tc::Sfq& sfq, const TcView& view) {
  number_field(json, "limit", sfq.limit);
  number_field(json, "quantum", sfq.quantum);
  if (sfq.depth != 0) number_field(json, "depth", sfq.depth);
  if (sfq.headdrop) bool_field(json, "headdrop", true);
  if (view.details) number_field(json, "flows", sfq.flows);
  number_field(json, "divisor", sfq.divisor);
  if (sfq.perturb.count() != 0) number_field(json, "perturb", static_cast<int32_t>(sfq.perturb.count()));
  if (!sfq.red) return;
  number_field(json, "ewma", sfq.red->constants.ewma_log);
  number_field(json, "min", sfq.red->min);
  number_field(json, "max", sfq.red->max);
  float_field(json, "probability", probability_of(sfq.red->constants));
  write_red_flags(json, sfq.red->ecn, sfq.red->harddrop, false, false);
  if (!view.stats) return;
  number_field(json, "prob_mark", sfq.red_stats.prob_mark);
  number_field(json, "prob_mark_head", sfq.red_stats.prob_mark_head);
  number_field(json, "prob_drop", sfq.red_stats.prob_drop);
  number_field(json, "forced_mark", sfq.red_stats.forced_mark);
  number_field(json, "forced_mark_head", sfq.red_stats.forced_mark_head);
  number_field(json, "forced_drop", sfq.red_stats.forced_drop);
}

void write_options(JsonWriter& json, const rtnl::tc::Pie& pie, const TcView&) {
  optional_number(json, "limit", pie.limit);
  optional_time(json, "target", pie.target);
  optional_time(json, "tupdate", pie.tupdate);
  optional_number(json, "alpha", pie.alpha);
  optional_number(json, "beta", pie.beta);
  write_pie_switches(json, pie);
}

void write_options(JsonWriter& json, const rtnl::tc::FqPie& fq_pie, const TcView&) {
  optional_number(json, "limit", fq_pie.limit);
  optional_number(json, "flows", fq_pie.flows);
  optional_time(json, "target", fq_pie.target);
  optional_time(json, "tupdate", fq_pie.tupdate);
  optional_number(json, "alpha", fq_pie.alpha);
  optional_number(json, "beta", fq_pie.beta);
  optional_number(json, "quantum", fq_pie.quantum);
  optional_number(json, "memory_limit", fq_pie.memory_limit);
  optional_number(json, "ecn_prob", fq_pie.ecn_prob);
  write_pie_switches(json, fq_pie);
}

void write_options(JsonWriter& json, const rtnl::tc::Red& red, const TcView& view) {
  number_field(json, "limit", red.limit);
  number_field(json, "min", red.min);
  number_field(json, "max", red.max);
  write_red_flags(json, red.ecn, red.harddrop, red.adaptive, red.nodrop);
  write_red_constants(json, red.constants, view);
  if (!red.early_drop_block && !red.mark_block) return;
  json.key("qevents");
  json.begin_array();
  for (const auto& [kind, block] : {std::pair{"early_drop", red.early_drop_block}, std::pair{"mark", red.mark_block}}) {
    if (!block) continue;
    json.begin_object();
    text_field(json, "kind", kind);
    number_field(json, "block", *block);
    json.end_object();
  }
  json.end_array();
}

void write_options(JsonWriter& json, const rtnl::tc::Choke& choke, const TcView& view) {
  number_field(json, "limit", choke.limit);
  number_field(json, "min", choke.min);
  number_field(json, "max", choke.max);
  write_red_flags(json, choke.ecn, choke.harddrop, false, false);
  write_red_constants(json, choke.constants, view);
}

void write_xstats(JsonWriter& json, const rtnl::tc::Codel&, const rtnl::TcStats& stats) {
  const std::optional<tc_codel_xstats> xstats = xstats_as<tc_codel_xstats>(stats);
  if (!xstats) return;
  number_field(json, "count", xstats->count);
  number_field(json, "lastcount", xstats->lastcount);
  number_field(json, "ldelay", xstats->ldelay);
  if (xstats->dropping != 0) bool_field(json, "dropping", true);
  number_field(json, "drop_next", xstats->drop_next);
  number_field(json, "maxpacket", xstats->maxpacket);
  number_field(json, "ecn_mark", xstats->ecn_mark);
  number_field(json, "drop_overlimit", xstats->drop_overlimit);
  if (xstats->ce_mark != 0) number_field(json, "ce_mark", xstats->ce_mark);
}

void write_xstats(JsonWriter& json, const rtnl::tc::FqCodel&, const rtnl::TcStats& stats) {
  const std::optional<tc_fq_codel_xstats> xstats = xstats_as<tc_fq_codel_xstats>(stats);
  if (!xstats || xstats->type != TCA_FQ_CODEL_XSTATS_QDISC) return;
  const tc_fq_codel_qd_stats& qdisc = xstats->qdisc_stats;
  number_field(json, "maxpacket", qdisc.maxpacket);
  number_field(json, "drop_overlimit", qdisc.drop_overlimit);
  number_field(json, "new_flow_count", qdisc.new_flow_count);
  number_field(json, "ecn_mark", qdisc.ecn_mark);
  if (qdisc.ce_mark != 0) number_field(json, "ce_mark", qdisc.ce_mark);
  if (qdisc.memory_usage != 0) number_field(json, "memory_used", qdisc.memory_usage);
  if (qdisc.drop_overmemory != 0) number_field(json, "drop_overmemory", qdisc.drop_overmemory);
  number_field(json, "new_flows_len", qdisc.new_flows_len);
  number_field(json, "old_flows_len", qdisc.old_flows_len);
}

void write_xstats(JsonWriter& json, const rtnl::tc::Fq&, const rtnl::TcStats& stats) {
  const std::optional<tc_fq_qd_stats> xstats = xstats_as<tc_fq_qd_stats>(stats);
  if (!xstats) return;
  number_field(json, "flows", xstats->flows);
  number_field(json, "inactive", xstats->inactive_flows);
  number_field(json, "throttled", xstats->throttled_flows);
  if (xstats->time_next_delayed_flow > 0) number_field(json, "next_packet_delay", xstats->time_next_delayed_flow);
  number_field(json, "gc", xstats->gc_flows);
  number_field(json, "highprio", xstats->highprio_packets);
  if (xstats->tcp_retrans != 0) number_field(json, "retrans", xstats->tcp_retrans);
  // tc names both the throttled flows and the throttled count "throttled".
  number_field(json, "throttled", xstats->throttled);
  if (xstats->unthrottle_latency_ns != 0) number_field(json, "latency", xstats->unthrottle_latency_ns);
  if (xstats->ce_mark != 0) number_field(json, "ce_mark", xstats->ce_mark);
  if (xstats->flows_plimit != 0) number_field(json, "flows_plimit", xstats->flows_plimit);
  if (xstats->pkts_too_long != 0) number_field(json, "pkts_too_long", xstats->pkts_too_long);
  if (xstats->allocation_errors != 0) number_field(json, "alloc_errors", xstats->allocation_errors);
  if (xstats->horizon_drops != 0) number_field(json, "horizon_drops", xstats->horizon_drops);
  if (xstats->horizon_caps != 0) number_field(json, "horizon_caps", xstats->horizon_caps);
}

void write_xstats(JsonWriter& json, const rtnl::tc::Pie&, const rtnl::TcStats& stats) {
  const std::optional<tc_pie_xstats> xstats = whole_xstats_as<tc_pie_xstats>(stats);
  if (!xstats) return;
  // The probability is a fraction of the largest u64.
  float_field(json, "prob", double(xstats->prob) / double(UINT64_MAX));
  number_field(json, "delay", xstats->delay);
  if (xstats->dq_rate_estimating != 0) number_field(json, "avg_dq_rate", xstats->avg_dq_rate);
  number_field(json, "pkts_in", xstats->packets_in);
  number_field(json, "overlimit", xstats->overlimit);
  number_field(json, "dropped", xstats->dropped);
  number_field(json, "maxq", xstats->maxq);
  number_field(json, "ecn_mark", xstats->ecn_mark);
}

void write_xstats(JsonWriter& json, const rtnl::tc::FqPie&, const rtnl::TcStats& stats) {
  const std::optional<tc_fq_pie_xstats> xstats = xstats_as<tc_fq_pie_xstats>(stats);
  if (!xstats) return;
  number_field(json, "pkts_in", xstats->packets_in);
  number_field(json, "overlimit", xstats->overlimit);
  number_field(json, "overmemory", xstats->overmemory);
  number_field(json, "dropped", xstats->dropped);
  number_field(json, "ecn_mark", xstats->ecn_mark);
  number_field(json, "new_flow_count", xstats->new_flow_count);
  number_field(json, "new_flows_len", xstats->new_flows_len);
  number_field(json, "old_flows_len", xstats->old_flows_len);
  number_field(json, "memory_used", xstats->memory_usage);
}

void write_xstats(JsonWriter& json, const rtnl::tc::Red&, const rtnl::TcStats& stats) {
  if (const std::optional<tc_red_xstats> xstats = whole_xstats_as<tc_red_xstats>(stats))
    write_red_counters(json, *xstats);
}

void write_xstats(JsonWriter& json, const rtnl::tc::Choke&, const rtnl::TcStats& stats) {
  const std::optional<tc_choke_xstats> xstats = whole_xstats_as<tc_choke_xstats>(stats);
  if (!xstats) return;
  write_red_counters(json, *xstats);
  number_field(json, "matched", xstats->matched);
}

}  // namespace nlpp::format::detail
