// Internal: the order in which a commit applies a transaction's changes,
// so that nothing is used before it exists or removed while used.
#pragma once

#include <nlpp/ipdb/transaction.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace nlpp::ipdb {

/// The steps' indexes in commit order: removals first, dependents before
/// what they depend on (rules, FDB entries, neighbours, routes, nexthop
/// groups, nexthops, addresses, ports, links); then everything else with
/// what is depended on first (links, masters and parents before the links
/// that name them, addresses, nexthops, groups, routes, neighbours, FDB
/// entries, rules). Within a rank, the order they were queued in.
std::vector<size_t> commit_order(std::span<const Transaction::Step> steps);

}  // namespace nlpp::ipdb
