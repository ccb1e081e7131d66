// Qdiscs and classes as `tc -j [-s] [-d] qdisc|class show` prints them
// (tc/tc_qdisc.c print_qdisc(), tc_class.c print_class(), each kind's
// q_*.c print_opt()), member for member in its order. tc 6.1 prints
// classes as text even with -j; nlpp prints them as tc from 6.2 on does.
#include <nlpp/format/json.hpp>

#include "json_fields.hpp"
#include "tc_aqm.hpp"
#include "tc_classful.hpp"
#include "tc_netem.hpp"
#include "tc_stats_json.hpp"
#include "tc_words.hpp"

#include <linux/pkt_sched.h>

#include <cstring>
#include <variant>

namespace nlpp::format {
namespace {

using namespace detail;
// The kinds written in files of their own, overloads beside those below.
using detail::write_options;
using detail::write_xstats;

void write_options(JsonWriter& json, const rtnl::tc::Fifo& fifo, const TcView&) {
  number_field(json, "limit", fifo.limit);
}

void write_options(JsonWriter& json, const rtnl::tc::Prio& prio, const TcView&) {
  number_field(json, "bands", prio.bands);
  json.key("priomap");
  json.begin_array();
  for (uint8_t band : prio.priomap) json.number(uint64_t{band});
  json.end_array();
  bool_field(json, "multiqueue", false);
}

void write_options(JsonWriter& json, const rtnl::tc::Tbf& tbf, const TcView& view) {
  number_field(json, "rate", tbf.rate.bytes_per_second);
  if (view.details) {
    text_field(json, "burst", tc_size_text(tbf.burst) + "/1");
    number_field(json, "mpu", tbf.rate.mpu);
  } else {
    number_field(json, "burst", tbf.burst);
  }
  const uint64_t peakrate = tbf.peakrate.bytes_per_second;
  if (peakrate != 0 && (tbf.minburst != 0 || tbf.peakrate.mpu != 0)) {
    if (view.details) {
      text_field(json, "mtu", tc_size_text(tbf.minburst) + "/1");
      number_field(json, "mpu", tbf.peakrate.mpu);
    } else {
      number_field(json, "minburst", tbf.minburst);
    }
  }
  const double latency = tbf_latency(tbf);
  if (latency >= 0.0)
    number_field(json, "lat", static_cast<uint64_t>(latency));
  else
    number_field(json, "limit", tbf.limit);
  if (tbf.rate.overhead != 0) number_field(json, "overhead", tbf.rate.overhead);
  if (tbf.rate.linklayer != rtnl::tc::LinkLayer::ethernet || view.details)
    text_field(json, "linklayer", tc_linklayer_text(tbf.rate.linklayer));
}

void write_options(JsonWriter& json, const rtnl::tc::Htb& htb, const TcView& view) {
  number_field(json, "r2q", static_cast<int32_t>(htb.r2q));
  text_field(json, "default", tc_hex_text(htb.default_class));
  number_field(json, "direct_packets_stat", htb.direct_packets_stat);
  if (view.details)
    text_field(json, "ver", std::to_string(htb.version >> 16) + "." + std::to_string(htb.version & 0xffff));
  if (htb.direct_qlen) number_field(json, "direct_qlen", *htb.direct_qlen);
  if (htb.offload) null_field(json, "offload");
}

void write_options(JsonWriter& json, const rtnl::tc::HtbClass& htb, const TcView& view) {
  if (htb.level == 0) {
    number_field(json, "prio", static_cast<int32_t>(htb.prio));
    if (view.details) number_field(json, "quantum", static_cast<int32_t>(htb.quantum));
  }
  number_field(json, "rate", htb.rate.bytes_per_second);
  if (htb.rate.overhead != 0) number_field(json, "overhead", htb.rate.overhead);
  number_field(json, "ceil", htb.ceil.bytes_per_second);
  if (htb.rate.linklayer != rtnl::tc::LinkLayer::ethernet || view.details)
    text_field(json, "linklayer", tc_linklayer_text(htb.rate.linklayer));
  number_field(json, "burst", htb.burst);
  if (view.details) {
    number_field(json, "burst_cell", 1);
    number_field(json, "mpu_rate", htb.rate.mpu);
  }
  number_field(json, "cburst", htb.cburst);
  if (view.details) {
    number_field(json, "cburst_cell", 1);
    number_field(json, "mpu_ceil", htb.ceil.mpu);
    number_field(json, "level", static_cast<int32_t>(htb.level));
  }
}

template <class Options>
void write_kind_options(JsonWriter& json, const Options& options, const TcView& view) {
  std::visit(
      [&]<class T>(const T& value) {
        if constexpr (requires { write_options(json, value, view); }) write_options(json, value, view);
      },
      options);
}

// An htb class's xstats (struct tc_htb_xstats).
void write_xstats(JsonWriter& json, const rtnl::tc::HtbClass&, const rtnl::TcStats& stats) {
  if (stats.xstats.size() < sizeof(tc_htb_xstats)) return;
  tc_htb_xstats xstats{};
  std::memcpy(&xstats, stats.xstats.data(), sizeof xstats);
  number_field(json, "lended", xstats.lends);
  number_field(json, "borrowed", xstats.borrows);
  number_field(json, "giants", xstats.giants);
  number_field(json, "tokens", xstats.tokens);
  number_field(json, "ctokens", xstats.ctokens);
}

// The kind's own statistics (TCA_STATS_APP), after the common ones, for
// the kinds whose xstats tc prints: a write_xstats() overload each.
template <class Options>
void write_kind_xstats(JsonWriter& json, const Options& options, const rtnl::TcStats& stats) {
  std::visit(
      [&]<class T>(const T& value) {
        if constexpr (requires { write_xstats(json, value, stats); }) write_xstats(json, value, stats);
      },
      options);
}

void write_device(JsonWriter& json, rtnl::LinkRef ifindex, const LinkNames& names, const TcView& view) {
  if (!view.one_device) text_field(json, "dev", names.name(ifindex));
}

}  // namespace

void write_qdisc(JsonWriter& json, const rtnl::Qdisc& qdisc, const LinkNames& names, const TcView& view) {
  json.begin_object();
  text_field(json, "kind", qdisc.kind);
  text_field(json, "handle", tc_major_text(qdisc.handle));
  write_device(json, qdisc.ifindex, names, view);
  if (qdisc.parent == rtnl::TcHandle::root())
    bool_field(json, "root", true);
  else if (qdisc.parent != rtnl::TcHandle())
    text_field(json, "parent", qdisc.parent.to_string());
  if (qdisc.refcnt != 1) number_field(json, "refcnt", qdisc.refcnt);
  if (qdisc.offloaded) bool_field(json, "offloaded", true);
  if (qdisc.ingress_block.value_or(0) != 0) number_field(json, "ingress_block", *qdisc.ingress_block);
  if (qdisc.egress_block.value_or(0) != 0) number_field(json, "egress_block", *qdisc.egress_block);
  json.key("options");
  json.begin_object();
  write_kind_options(json, qdisc.options, view);
  json.end_object();
  if (view.stats && qdisc.stats) {
    write_tc_stats(json, *qdisc.stats);
    write_kind_xstats(json, qdisc.options, *qdisc.stats);
  }
  json.end_object();
}

void write_tc_class(JsonWriter& json, const rtnl::TcClass& tc_class, const LinkNames& names, const TcView& view) {
  json.begin_object();
  text_field(json, "class", tc_class.kind);
  text_field(json, "handle", tc_class.handle.to_string());
  write_device(json, tc_class.ifindex, names, view);
  if (tc_class.parent == rtnl::TcHandle::root())
    bool_field(json, "root", true);
  else
    text_field(json, "parent", tc_class.parent.to_string());
  if (tc_class.leaf != rtnl::TcHandle()) text_field(json, "leaf", tc_hex_text(tc_class.leaf.major_id()));
  write_kind_options(json, tc_class.options, view);
  if (view.stats) {
    json.key("stats");
    json.begin_object();
    if (tc_class.stats) {
      write_tc_stats(json, *tc_class.stats);
      write_kind_xstats(json, tc_class.options, *tc_class.stats);
    }
    json.end_object();
  }
  json.end_object();
}

std::string qdiscs_json(std::span<const rtnl::Qdisc> qdiscs, const LinkNames& names, const TcView& view) {
  return json_array(qdiscs, [&](JsonWriter& json, const rtnl::Qdisc& qdisc) { write_qdisc(json, qdisc, names, view); });
}

std::string classes_json(std::span<const rtnl::TcClass> classes, const LinkNames& names, const TcView& view) {
  return json_array(
      classes, [&](JsonWriter& json, const rtnl::TcClass& tc_class) { write_tc_class(json, tc_class, names, view); });
}

}  // namespace nlpp::format
