// IPDB's cache: a current, typed view of one namespace's network state
// (links, addresses, routes, neighbours, FDB entries, rules, nexthops,
// bridge vlans), loaded once and then kept by the kernel's notifications,
// for programs that look things up often and must not ask the kernel each
// time.
//
//     auto cache = ipdb::Cache::open({.socket = {.netns = "blue"}}).value();
//     cache.update(std::chrono::milliseconds(100)).value();  // apply what changed
//     if (std::optional<rtnl::Route> used = cache.longest_match("198.51.100.7"))
//       std::cout << *used << '\n';
//
// docs/IPDB.md says what the cache guarantees and how it keeps them.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/io/socket.hpp>
#include <nlpp/ipdb/change.hpp>
#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/rule.hpp>

#include <linux/rtnetlink.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace nlpp::ipdb {

namespace detail {
struct CacheState;
}

/// Which objects a cache keeps (each costs a dump at open and a resync, and
/// its notifications), and where.
struct CacheOptions {
  bool links = true;
  bool addresses = true;
  bool routes = true;
  /// Which routes, when not all: of one family (AF_INET, AF_INET6, AF_MPLS),
  /// and of these tables (RT_TABLE_MAIN, RT_TABLE_LOCAL, 1000...).
  uint8_t route_family = AF_UNSPEC;
  std::vector<uint32_t> route_tables{};
  bool neighbours = true;
  bool fdb = false;           ///< bridge and vxlan forwarding entries (AF_BRIDGE neighbours)
  bool bridge_vlans = false;  ///< the vids of each bridge port and bridge (vlan filtering)
  bool rules = true;
  bool nexthops = true;
  /// The namespace (netns) and the notification socket's receive buffer
  /// (0: 32 MiB, as rtnl::EventStream takes it).
  io::SocketOptions socket{};
};

/// What one update() did.
struct UpdateStats {
  size_t events = 0;   ///< notifications applied
  size_t removed = 0;  ///< objects the kernel removed without a notification, removed here too
  size_t reread = 0;   ///< targeted re-reads (a link's routes after its carrier changed)
  size_t resyncs = 0;  ///< full reloads after the kernel dropped notifications (overrun)
};

/// The cache. Opening it joins the notification groups first and dumps
/// second, so that no change falls between the two; update() then applies
/// the notifications received since, together with what the kernel removes
/// without saying so (the routes of a link that went down or away, of a
/// deleted nexthop, of a link whose last IPv4 address went). An overrun
/// (the kernel dropped notifications) reloads everything.
///
/// Reads are safe from any thread, also while another thread runs update():
/// each returns a copy, taken under a shared lock. Calls of update() from
/// several threads take turns. Move-only.
class Cache {
 public:
  /// Opens the sockets in options.socket.netns, joins the groups of the
  /// objects kept, and dumps them. Each dump is read and parsed on a
  /// thread of the cache's own, joined before open() returns, while the
  /// calling thread indexes what it parsed (both cores work on a big
  /// table); the sockets were opened in the namespace beforehand, so that
  /// thread never changes namespace.
  static Result<Cache> open(const CacheOptions& options = {});

  Cache(Cache&&) noexcept;
  Cache& operator=(Cache&&) noexcept;
  ~Cache();

  /// The notification socket, for the caller's own poll/epoll loop: call
  /// update() when it is readable.
  int fileno() const noexcept;

  /// Applies every notification ready now, waiting up to timeout for the
  /// first (0: not at all), and calls the subscribers with each change, on
  /// this thread. Errors are the sockets' (and a failed reload's).
  Result<UpdateStats> update(std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
  /// Dumps every kept object again and makes the cache what it found; what
  /// differed reaches the subscribers as changes (an overrun does this).
  Result<void> reload();

  /// Calls callback with every change of the cache (its value before and
  /// after, the kernel's silent removals included), in the order they were
  /// applied, on the thread applying them: the one in update() (yours, or
  /// a Follower's), after the cache's lock is released. A callback may
  /// read the cache, subscribe and cancel; it must not call update().
  Subscription on_any_change(std::function<void(const ObjectChange&)> callback);
  /// The same for the changes of one kind (Link, Route...), or of the one
  /// object with this key (ObjectTraits<T>::Key: a link's ifindex, a
  /// route's RouteKey...).
  template <class T>
  Subscription on_change(std::function<void(const Change<T>&)> callback) {
    return on_any_change([callback = std::move(callback)](const ObjectChange& change) {
      if (const Change<T>* of_kind = std::get_if<Change<T>>(&change)) callback(*of_kind);
    });
  }
  template <class T>
  Subscription on_change(const typename rtnl::ObjectTraits<T>::Key& key,
                         std::function<void(const Change<T>&)> callback) {
    return on_any_change([key, callback = std::move(callback)](const ObjectChange& change) {
      const Change<T>* of_kind = std::get_if<Change<T>>(&change);
      if (of_kind && rtnl::ObjectTraits<T>::key(of_kind->after ? *of_kind->after : *of_kind->before) == key)
        callback(*of_kind);
    });
  }

  /// The object of kind T with this key (for routes, the first of those
  /// with the key: see route()).
  template <class T>
  std::optional<T> find(const typename rtnl::ObjectTraits<T>::Key& key) const;
  /// The link with this ifindex, name or altname.
  std::optional<rtnl::Link> link(uint32_t ifindex) const;
  std::optional<rtnl::Link> link(std::string_view name) const;
  /// The addresses of a link (both families), in key order.
  std::vector<rtnl::Address> addresses(uint32_t ifindex) const;
  /// The route with this key, and the route of table the kernel would pick
  /// for destination by prefix (longest prefix, then lowest tos and
  /// priority): a route lookup without the kernel's policy and multipath
  /// choice (rtnl::RouteQuery asks the kernel itself).
  std::optional<rtnl::Route> route(const rtnl::RouteKey& key) const;
  std::optional<rtnl::Route> longest_match(const IpAddress& destination, uint32_t table = RT_TABLE_MAIN) const;
  /// The neighbour entry for dst on a link.
  std::optional<rtnl::Neighbour> neighbour(uint32_t ifindex, const IpAddress& dst) const;
  /// The nexthop object with this id.
  std::optional<rtnl::Nexthop> nexthop(uint32_t id) const;

  /// The vids of a bridge port (or of a bridge, its own), all of them.
  std::optional<rtnl::BridgeVlan> bridge_vlans(uint32_t ifindex) const;

  /// Every cached object of a kind (one of CachedKinds: Link, Address,
  /// Route, Neighbour, FdbEntry, Rule, Nexthop, BridgeVlan), in key order,
  /// and how many there are.
  template <class T>
  std::vector<T> all() const;
  template <class T>
  size_t count() const;

 private:
  friend class Transaction;  // applies changes through the cache's session, verifies them in it
  explicit Cache(std::unique_ptr<detail::CacheState> state);
  std::unique_ptr<detail::CacheState> state_;
};

}  // namespace nlpp::ipdb
