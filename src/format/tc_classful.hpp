// Internal: the classful kinds (hfsc, drr, ets, mqprio) as tc prints them,
// in JSON (tc_classful_json.cpp) and in words (tc_classful_words.cpp): the
// overloads tc_json.cpp and tc_words.cpp pick by the options' type.
//
// tc 6.1 prints hfsc's options and xstats as text even with -j (which makes
// its JSON invalid when a default class is set); nlpp prints them as tc
// does since it printed them in JSON (7.1). drr's quantum and deficit tc
// prints only as text: they have no JSON.
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/rtnl/tc_options.hpp>
#include <nlpp/rtnl/tc_stats.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nlpp::format::detail {

/// The members of the "options" object (a class's own members) of `tc -j qdisc|class show`.
void write_options(JsonWriter& json, const rtnl::tc::Hfsc& hfsc, const TcView& view);
void write_options(JsonWriter& json, const rtnl::tc::HfscClass& hfsc, const TcView& view);
void write_options(JsonWriter& json, const rtnl::tc::Ets& ets, const TcView& view);
void write_options(JsonWriter& json, const rtnl::tc::EtsClass& ets, const TcView& view);
void write_options(JsonWriter& json, const rtnl::tc::Mqprio& mqprio, const TcView& view);

/// An hfsc class's xstats (struct tc_hfsc_stats), in its "stats".
void write_xstats(JsonWriter& json, const rtnl::tc::HfscClass& hfsc, const rtnl::TcStats& stats);

/// The options in tc's words ("sc m1 0bit d 0us m2 1Mbit ul m1 0bit d 0us m2 2Mbit").
std::string options_text(const rtnl::tc::Hfsc& hfsc);
std::string options_text(const rtnl::tc::HfscClass& hfsc);
std::string options_text(const rtnl::tc::DrrClass& drr);
std::string options_text(const rtnl::tc::Ets& ets);
std::string options_text(const rtnl::tc::EtsClass& ets);
std::string options_text(const rtnl::tc::Mqprio& mqprio);

/// Whether mqprio's payload has attributes after its struct, on which tc
/// prints the offload's mode and shaper, defaults included (Linux 6.4 and
/// later always report some).
bool has_offload_part(const rtnl::tc::Mqprio& mqprio);

/// How many traffic classes tc prints of mqprio: num_tc, of the 16 the struct holds.
size_t mqprio_classes(const rtnl::tc::Mqprio& mqprio);

/// mqprio's queues of traffic class tc as tc prints them: the first and the
/// last, in tc's unsigned arithmetic (no queues: the first less one).
std::pair<uint32_t, uint32_t> mqprio_queue_range(const rtnl::tc::Mqprio& mqprio, size_t tc);

/// mqprio's mode and shaper in tc's words: "dcb" when the kernel reported
/// none (tc's default), nothing for an explicit "dcb", which tc leaves out.
std::optional<std::string_view> mqprio_mode_word(const rtnl::tc::Mqprio& mqprio);
std::optional<std::string_view> mqprio_shaper_word(const rtnl::tc::Mqprio& mqprio);

/// mqprio's rate of traffic class tc in a rate list (0 past its end, as tc fills it).
uint64_t mqprio_rate(const std::vector<uint64_t>& rates, size_t tc);

}  // namespace nlpp::format::detail
