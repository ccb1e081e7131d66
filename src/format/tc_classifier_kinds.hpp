// Internal: the route, flow and cgroup filters as tc prints them (f_route.c,
// f_flow.c, f_cgroup.c print_opt()), in JSON (tc_classifier_kinds_json.cpp)
// and in words (tc_classifier_kinds_words.cpp), for the overloads of
// tc_filter_json.cpp and tc_filter_words.cpp. tc 6.1 prints these options
// as text inside its JSON (invalid JSON); nlpp prints the members tc 6.8
// and later print (iproute2 commit 4b6e97b5), their quirks included.
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/tc/cgroup_filter.hpp>
#include <nlpp/rtnl/tc/flow_filter.hpp>
#include <nlpp/rtnl/tc/route_filter.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::format::detail {

/// The members of the "options" object of `tc -j [-s] filter show`, the
/// filter's handle first and its actions last.
void write_route_options(JsonWriter& json, const rtnl::tc::Route& route, uint32_t handle, const LinkNames& names,
                         const TcView& view);
void write_flow_options(JsonWriter& json, const rtnl::tc::Flow& flow, uint32_t handle, const LinkNames& names,
                        const TcView& view);
void write_cgroup_options(JsonWriter& json, const rtnl::tc::Cgroup& cgroup, uint32_t handle, const LinkNames& names,
                          const TcView& view);

/// The options in tc's words, but for the handle and the actions: "flowid
/// 1:10 to 10 from 5", "map keys mark and 0x000000ff divisor 16 baseclass
/// 1:10". A route filter's incoming link is said by its ifindex (the words
/// have no link names).
std::string route_options_text(const rtnl::tc::Route& route);
std::string flow_options_text(const rtnl::tc::Flow& flow);

/// A realm as tc names it, without /etc/iproute2/rt_realms: the number, 0
/// "unknown" (as nlpp's routes print realms).
std::string realm_text(uint32_t realm);
/// The names of the keys set in a flow filter's key mask, in bit order.
std::vector<std::string_view> flow_key_words(uint32_t keys);
/// flow's mask and xor as tc prints them: "and", "xor" and "or" (each
/// omitted when it changes nothing), from what the kernel keeps.
struct FlowBitops {
  uint32_t and_mask = 0xffffffff;
  uint32_t xor_bits = 0;
  uint32_t or_bits = 0;
};
FlowBitops flow_bitops(const rtnl::tc::Flow& flow);
/// "map", "hash", or the number ("%#x") of a mode tc does not name.
std::string flow_mode_text(rtnl::tc::Flow::Mode mode);

}  // namespace nlpp::format::detail
