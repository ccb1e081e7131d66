// Internal: what a chain prints as a filter does (tc/tc_filter.c
// print_filter() prints both): its place, and a template's options as a
// filter of its kind prints them.
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/link_ref.hpp>
#include <nlpp/rtnl/tc_filter_options.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <cstdint>
#include <optional>

namespace nlpp::format::detail {

/// Where a filter or a chain is: "block", or "dev" and the parent ("root",
/// "ingress", "egress" or "parent"); tc leaves out what the listing named
/// (`dev DEV`, `block N`, `parent P`).
void write_tc_place(JsonWriter& json, const std::optional<uint32_t>& block, const rtnl::LinkRef& ifindex,
                    rtnl::TcHandle parent, const LinkNames& names, const TcView& view);

/// "options":{...} as the kind of the options prints them (handle: the
/// filter's, 0 for a chain's template); nothing for none (monostate).
void write_filter_options(JsonWriter& json, const rtnl::FilterOptions& options, uint32_t handle, const LinkNames& names,
                          const TcView& view);

}  // namespace nlpp::format::detail
