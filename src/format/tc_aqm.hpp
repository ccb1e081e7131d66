// Internal: the queue management kinds (codel, fq_codel, fq, sfq, pie,
// fq_pie, red, choke) as tc prints them, in JSON (tc_aqm_json.cpp) and in
// words (tc_aqm_words.cpp): the overloads tc_json.cpp and tc_words.cpp pick
// by the options' type. sfq's xstats belong to its classes, which nlpp
// does not type: its qdisc has none.
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/rtnl/tc_options.hpp>
#include <nlpp/rtnl/tc_stats.hpp>

#include <string>

namespace nlpp::format::detail {

/// The members of the "options" object of `tc -j [-s] [-d] qdisc show`.
void write_options(JsonWriter& json, const rtnl::tc::Codel& codel, const TcView& view);
void write_options(JsonWriter& json, const rtnl::tc::FqCodel& fq_codel, const TcView& view);
void write_options(JsonWriter& json, const rtnl::tc::Fq& fq, const TcView& view);
void write_options(JsonWriter& json, const rtnl::tc::Sfq& sfq, const TcView& view);
void write_options(JsonWriter& json, const rtnl::tc::Pie& pie, const TcView& view);
void write_options(JsonWriter& json, const rtnl::tc::FqPie& fq_pie, const TcView& view);
void write_options(JsonWriter& json, const rtnl::tc::Red& red, const TcView& view);
void write_options(JsonWriter& json, const rtnl::tc::Choke& choke, const TcView& view);

/// The kind's xstats (TCA_STATS_APP), after the common statistics.
void write_xstats(JsonWriter& json, const rtnl::tc::Codel& codel, const rtnl::TcStats& stats);
void write_xstats(JsonWriter& json, const rtnl::tc::FqCodel& fq_codel, const rtnl::TcStats& stats);
void write_xstats(JsonWriter& json, const rtnl::tc::Fq& fq, const rtnl::TcStats& stats);
void write_xstats(JsonWriter& json, const rtnl::tc::Pie& pie, const rtnl::TcStats& stats);
void write_xstats(JsonWriter& json, const rtnl::tc::FqPie& fq_pie, const rtnl::TcStats& stats);
void write_xstats(JsonWriter& json, const rtnl::tc::Red& red, const rtnl::TcStats& stats);
void write_xstats(JsonWriter& json, const rtnl::tc::Choke& choke, const rtnl::TcStats& stats);

/// The options in tc's words ("limit 10240p flows 1024 quantum 1514 target 5ms interval 100ms ...").
std::string options_text(const rtnl::tc::Codel& codel);
std::string options_text(const rtnl::tc::FqCodel& fq_codel);
std::string options_text(const rtnl::tc::Fq& fq);
std::string options_text(const rtnl::tc::Sfq& sfq);
std::string options_text(const rtnl::tc::Pie& pie);
std::string options_text(const rtnl::tc::FqPie& fq_pie);
std::string options_text(const rtnl::tc::Red& red);
std::string options_text(const rtnl::tc::Choke& choke);

}  // namespace nlpp::format::detail
