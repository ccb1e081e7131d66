// The words of the route, flow and cgroup filters, as tc's f_route.c,
// f_flow.c and f_cgroup.c read them, for the table of filter kinds
// (tc_filter_arguments.cpp): "route from 5 to 10 classid 1:10", "flow
// hash keys src,dst divisor 1024 perturb 10", "cgroup action drop". Their
// ematches (`match ...`) and old-style `police` are refused as not
// supported yet.
#pragma once

#include "session.hpp"
#include "tc_filter_words.hpp"
#include "words.hpp"

#include <nlpp/rtnl/tc_filter_options.hpp>

namespace nlpp::cli {

/// f_route.c: `[from REALM | fromif DEV] [to REALM] [order N] [classid|flowid
/// ID] [action ...]`, realms by number. Without a handle (or with 0), the
/// filter's is what tc computes from them (tc::route_handle()).
rtnl::FilterOptions parse_route_filter(Session& session, Words& words, FilterHandle& handle);

/// f_flow.c: `map key KEY [and|or|xor|rshift|addend N]... | hash keys
/// KEY,KEY... [perturb SECS]`, `[divisor N] [baseclass ID] [action ...]`;
/// `and`, `or` and `xor` composed into the mask and xor as tc composes
/// them.
rtnl::FilterOptions parse_flow_filter(Session& session, Words& words, FilterHandle& handle);

/// f_cgroup.c: `[action ...]`. Its options go even without words (tc
/// sends TCA_OPTIONS whatever the words, and the kernel refuses a cgroup
/// filter without them).
rtnl::FilterOptions parse_cgroup_filter(Session& session, Words& words, FilterHandle& handle);

}  // namespace nlpp::cli
