// Internal: netem and multiq as tc prints them, in JSON (tc_netem_json.cpp)
// and in words (tc_netem_words.cpp): the overloads tc_json.cpp and
// tc_words.cpp pick by the options' type. plug prints nothing (sch_plug
// reports no options; tc's print_opt() is empty).
//
// tc 6.1 prints multiq's options as text even with -j, which makes its
// JSON invalid; nlpp prints them as tc does since it printed them in JSON
// (7.1: "bands" and "max_bands").
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/rtnl/tc/multiq.hpp>
#include <nlpp/rtnl/tc/netem.hpp>

#include <string>

namespace nlpp::format::detail {

/// The members of the "options" object of `tc -j qdisc show` (q_netem.c,
/// q_multiq.c print_opt()).
void write_options(JsonWriter& json, const rtnl::tc::Netem& netem, const TcView& view);
void write_options(JsonWriter& json, const rtnl::tc::Multiq& multiq, const TcView& view);

/// The options in tc's words ("limit 1000 delay 100ms 10ms 25% loss 1%", "bands 4/4").
std::string options_text(const rtnl::tc::Netem& netem);
std::string options_text(const rtnl::tc::Multiq& multiq);

}  // namespace nlpp::format::detail
