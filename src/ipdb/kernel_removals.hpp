// Internal: what one notification does to the cache. The object it names
// is replaced or removed; and what the kernel removes or changes along
// with it without a notification of its own is removed here too, or read
// again. Seen on 6.18 (docs/IPDB.md, "What the kernel does not say"):
//
// - a link deleted, or moved to another namespace (RTM_DELLINK): its
//   IPv4 routes go silently (its addresses, neighbours and IPv6 routes
//   are notified); its FDB entries and nexthops go too;
// - a link set down: its IPv4 routes (but the local ones of its
//   addresses) and its nexthop objects (and the routes using them) go
//   silently;
// - a link's carrier lost or regained: its routes gain or lose the
//   linkdown flag silently (read again, through one filtered dump), and a
//   lost carrier takes its nexthop objects (and their routes) along;
// - the last IPv4 address of a link removed: its remaining IPv4 routes
//   (those through a gateway; not those through a nexthop object) go
//   silently;
// - a nexthop object deleted: the routes using it go silently;
// - a bridge made (with the default pvid as its own vid), or its vlan
//   filtering or default pvid changed (its ports' pvid moves): its vlans
//   and its ports' are read again.
#pragma once

#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/object_event.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/rule.hpp>

#include "ipdb/change_log.hpp"
#include "ipdb/object_set.hpp"

#include <cstdint>
#include <optional>
#include <tuple>

namespace nlpp::ipdb {

/// Every kind a cache holds, one set each (empty when not kept).
using KeptObjects = Each<ObjectSet>::Tuple;

/// What a notification asks for beyond the cache: what the kernel changed
/// silently, to be read again.
struct Rereads {
  /// A link whose routes' linkdown flag, or a multipath route's dead path
  /// flag, changed.
  std::optional<uint32_t> routes_of;
  /// A bridge made, or whose vlan filtering or default pvid changed: its
  /// own vids and its ports' (made or changed without a notification).
  std::optional<uint32_t> vlans_of;
};

/// Whether the cache keeps object. It keeps every object but the IPv6
/// multicast neighbours (ff00::/8, noarp) the kernel makes for itself when
/// a link sends to a group, which it never notifies: no program sets them,
/// and a cache holding them could not be kept equal to a dump.
template <class T>
bool is_cached(const T&) {
  return true;
}
bool is_cached(const rtnl::Neighbour& neighbour);

/// Whether a route sends through a link: its oif or one of its paths'.
bool route_uses_link(const rtnl::Route& route, uint32_t ifindex);

/// An RTM_NEW* notification: an object was created or changed. Every
/// change, the silent ones included, goes to log.
template <class T>
Rereads changed(KeptObjects& sets, const rtnl::NewEvent<T>& event, ChangeLog& log) {
  std::get<ObjectSet<T>>(sets).put(event.object, log);
  return {};
}
Rereads changed(KeptObjects& sets, const rtnl::NewEvent<rtnl::Link>& event, ChangeLog& log);
Rereads changed(KeptObjects& sets, const rtnl::NewEvent<rtnl::Route>& event, ChangeLog& log);

/// An RTM_DEL* notification: object is gone.
template <class T>
void removed(KeptObjects& sets, const T& object, ChangeLog& log) {
  std::get<ObjectSet<T>>(sets).erase(CacheKey<T>::of(object), log);
}
void removed(KeptObjects& sets, const rtnl::Link& link, ChangeLog& log);
void removed(KeptObjects& sets, const rtnl::Address& address, ChangeLog& log);
void removed(KeptObjects& sets, const rtnl::Nexthop& nexthop, ChangeLog& log);

}  // namespace nlpp::ipdb
