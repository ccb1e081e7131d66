// The RTNL objects, in one list. Code written once for every object reads
// the list instead of naming the objects: rtnl::Event and decode_event()
// (event.hpp), all_events and the group numbers, the format layer's
// writers (format/json.hpp), the command line's monitor. Adding an object
// is its own folder and header, with its ObjectTraits (object_traits.hpp
// says what they hold), plus its line here (docs/ARCHITECTURE.md, "Adding
// an object").
#pragma once

#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/rtnl/qdisc.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/rule.hpp>
#include <nlpp/rtnl/tc_action.hpp>
#include <nlpp/rtnl/tc_chain.hpp>
#include <nlpp/rtnl/tc_class.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include <tuple>
#include <type_traits>
#include <utility>

namespace nlpp::rtnl {

/// A list of object types, for the code below to walk.
template <RtnlObject... T>
struct ObjectList {};

/// Every RTNL object. The order is rtnl::Event's (each EventObject adds its
/// NewEvent and DelEvent there, in this order): add new objects at the end.
using Objects = ObjectList<Link, Address, Route, Neighbour, FdbEntry, Rule, Nexthop, BridgeVlan, Qdisc, TcClass,
                           TcFilter, TcAction, TcChain>;

/// Calls f(std::type_identity<T>{}) for each T of the list, in order:
///
///     for_each_object(Objects{}, [&]<class T>(std::type_identity<T>) { names.push_back(ObjectTraits<T>::name); });
template <class... T, class F>
constexpr void for_each_object(ObjectList<T...>, F&& f) {
  (f(std::type_identity<T>{}), ...);
}

namespace detail {
template <class... T>
ObjectList<T...> as_object_list(std::tuple<T...>);
template <class... T>
auto event_objects(ObjectList<T...>)
    -> decltype(as_object_list(std::tuple_cat(std::declval<std::conditional_t<EventObject<T>, std::tuple<T>, std::tuple<>>>()...)));
}  // namespace detail

/// The objects of Objects that have events (EventObject), in its order.
using EventObjects = decltype(detail::event_objects(Objects{}));

}  // namespace nlpp::rtnl
