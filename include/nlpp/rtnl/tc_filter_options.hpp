// A filter's TCA_OPTIONS, typed by TCA_KIND: the table of filter kinds.
#pragma once

#include <nlpp/rtnl/tc/bpf_filter.hpp>
#include <nlpp/rtnl/tc/cgroup_filter.hpp>
#include <nlpp/rtnl/tc/flow_filter.hpp>
#include <nlpp/rtnl/tc/flower.hpp>
#include <nlpp/rtnl/tc/fw.hpp>
#include <nlpp/rtnl/tc/generic_options.hpp>
#include <nlpp/rtnl/tc/matchall.hpp>
#include <nlpp/rtnl/tc/route_filter.hpp>
#include <nlpp/rtnl/tc/u32.hpp>

#include <variant>

namespace nlpp::rtnl {

/// A filter's options. monostate: none (a delete, or a whole priority's
/// filters). GenericOptions: a kind without a struct, raw.
using FilterOptions = std::variant<std::monostate, tc::U32, tc::Matchall, tc::Fw, tc::BpfFilter, tc::Flower, tc::Route,
                                   tc::Flow, tc::Cgroup, tc::GenericOptions>;

}  // namespace nlpp::rtnl
