// Internal: the order of the kinds IPDB changes, what is depended on first
// (a port's vlans need it in its bridge, an address needs its link, a
// route the address that makes its gateway reachable or the nexthop it
// uses, a neighbour or an FDB entry its link, an FDB entry on a vlan the
// port's vid).
// Creations and restorations go this way, removals the other.
#pragma once

#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/rule.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace nlpp::ipdb {

using KindsDependenciesFirst = std::tuple<rtnl::Link, rtnl::BridgeVlan, rtnl::Address, rtnl::Nexthop, rtnl::Route,
                                          rtnl::Neighbour, rtnl::FdbEntry, rtnl::Rule>;
inline constexpr size_t kind_count = std::tuple_size_v<KindsDependenciesFirst>;

/// T's place in KindsDependenciesFirst.
template <class T, size_t index = 0>
constexpr size_t dependency_rank() {
  if constexpr (std::is_same_v<std::tuple_element_t<index, KindsDependenciesFirst>, T>)
    return index;
  else
    return dependency_rank<T, index + 1>();
}

/// visit(std::type_identity<T>{}) for each kind, in that order, or the reverse.
template <class Visit>
void for_kinds_dependencies_first(Visit&& visit) {
  [&]<size_t... index>(std::index_sequence<index...>) {
    (visit(std::type_identity<std::tuple_element_t<index, KindsDependenciesFirst>>{}), ...);
  }
  (std::make_index_sequence<kind_count>{});
}
template <class Visit>
void for_kinds_dependents_first(Visit&& visit) {
  [&]<size_t... index>(std::index_sequence<index...>) {
    (visit(std::type_identity<std::tuple_element_t<kind_count - 1 - index, KindsDependenciesFirst>>{}), ...);
  }
  (std::make_index_sequence<kind_count>{});
}

}  // namespace nlpp::ipdb
