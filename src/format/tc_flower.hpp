// Internal: the flower filter as tc 6.1 prints it (tc/f_flower.c
// flower_print_opt()), in JSON (tc_flower_json.cpp) and in words
// (tc_flower_words.cpp), for tc_filter_json.cpp and tc_filter_words.cpp.
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/tc/flower.hpp>

#include <cstdint>
#include <string>

namespace nlpp::format::detail {

/// The members of a flower filter's "options" object in `tc -j [-s] filter
/// show`: "handle" (none for 0, a chain's template), "classid" or
/// "hw_tc", "indev", "keys" {...}, the classifier flags, then "actions".
void write_flower_options(JsonWriter& json, const rtnl::tc::Flower& flower, uint32_t handle, const LinkNames& names,
                          const TcView& view);

/// The same in the words of tc's text lines, but for the handle and the
/// actions ("classid 1:1 eth_type ipv4 ip_proto tcp dst_port 80 not_in_hw").
std::string flower_options_text(const rtnl::tc::Flower& flower);

}  // namespace nlpp::format::detail
