// Internal: what a Cache holds, shared with the transactions that change
// it (transaction.cpp) and verify their changes in it.
#pragma once

#include <nlpp/ipdb/cache.hpp>
#include <nlpp/rtnl/event_stream.hpp>
#include <nlpp/rtnl/ip_route.hpp>

#include "ipdb/change_log.hpp"
#include "ipdb/kernel_removals.hpp"
#include "ipdb/subscribers.hpp"
#include "rtnl/route/route_key.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <type_traits>
#include <vector>

namespace nlpp::ipdb {

/// Whether options keep objects of kind T.
template <class T>
bool keeps(const CacheOptions& options) {
  if constexpr (std::is_same_v<T, rtnl::Link>)
    return options.links;
  else if constexpr (std::is_same_v<T, rtnl::Address>)
    return options.addresses;
  else if constexpr (std::is_same_v<T, rtnl::Route>)
    return options.routes;
  else if constexpr (std::is_same_v<T, rtnl::Neighbour>)
    return options.neighbours;
  else if constexpr (std::is_same_v<T, rtnl::FdbEntry>)
    return options.fdb;
  else if constexpr (std::is_same_v<T, rtnl::Rule>)
    return options.rules;
  else if constexpr (std::is_same_v<T, rtnl::Nexthop>)
    return options.nexthops;
  else if constexpr (std::is_same_v<T, rtnl::BridgeVlan>)
    return options.bridge_vlans;
  else
    return false;
}

/// Whether a cache with options keeps object: of a kind it keeps, cached
/// at all (is_cached), and for a route, of the family and tables chosen.
template <class T>
bool wanted(const CacheOptions& options, const T& object) {
  if (!keeps<T>(options) || !is_cached(object)) return false;
  if constexpr (std::is_same_v<T, rtnl::Route>) {
    // The resolved family and table only: a whole key per route would
    // weigh on a start-up over a million.
    const rtnl::ResolvedKeyParts key = rtnl::resolved_key_parts(object);
    if (options.route_family != AF_UNSPEC && key.family != options.route_family) return false;
    if (!options.route_tables.empty() &&
        std::ranges::find(options.route_tables, key.table) == options.route_tables.end())
      return false;
  }
  return true;
}

/// A std::vector of T (Each<Objects>: one per kind).
template <class T>
using Objects = std::vector<T>;

namespace detail {

struct CacheState {
  CacheState(const CacheOptions& cache_options, rtnl::EventStream stream, rtnl::IpRoute reader, rtnl::IpRoute writer)
      : options(cache_options), events(std::move(stream)), ipr(std::move(reader)), requests(std::move(writer)) {}

  CacheOptions options;
  rtnl::EventStream events;
  rtnl::IpRoute ipr;                // update()'s dumps and re-reads (under updating)
  rtnl::IpRoute requests;           // transactions' changes and undos (under committing)
  std::mutex committing;            // one commit at a time
  mutable std::shared_mutex mutex;  // guards sets
  KeptObjects sets;
  std::mutex updating;  // one update() at a time (the user's, a Follower's, a commit's)
  std::shared_ptr<detail::Subscribers> subscribers = std::make_shared<detail::Subscribers>();

  // The journals of the transactions being committed: every change applied
  // meanwhile is appended to each (guarded by mutex).
  std::vector<Journal*> journals;

  /// Fills the empty cache, each object put in place as the dump streams
  /// it: no second copy of a big table (open(), before anyone reads).
  Result<void> load();
  /// Dumps every kept kind again and makes the cache what it found; the
  /// differences are changes like any other (a resync after an overrun).
  Result<void> reload();
  /// Applies one notification.
  Result<void> apply(const rtnl::Event& event, UpdateStats& stats);
  /// Applies every notification ready now, waiting up to timeout for the first.
  Result<UpdateStats> update(std::chrono::milliseconds timeout);
  /// reload() in turn with update().
  Result<void> reload_in_turn() {
    std::lock_guard serial(updating);
    return reload();
  }

 private:
  // Makes the objects of the cache for which in_scope holds what fresh
  // (a dump of them) found.
  template <class T, class InScope>
  void refresh(std::vector<T> fresh, InScope&& in_scope);
  Result<void> reread_routes(uint32_t ifindex);
  Result<void> reread_vlans(uint32_t bridge);
  // A change log for one application: recording when anyone reads it.
  ChangeLog new_log() const { return ChangeLog(subscribers->any() || !journals.empty()); }
  // Appends log's changes to every journal; under mutex (the caller then
  // delivers them to the subscribers, with no lock held).
  void append_to_journals(ChangeLog& log);
};

}  // namespace detail
}  // namespace nlpp::ipdb
