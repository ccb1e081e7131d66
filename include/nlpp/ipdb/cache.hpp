// IPDB's cache: a current, typed view of one namespace's network state
// (links, addresses, routes, neighbours, FDB entries, rules, nexthops),
// loaded once and then kept by the kernel's notifications, for programs
// that look things up often and must not ask the kernel each time.
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
#include <nlpp/rtnl/address.hpp>
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
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace nlpp::ipdb {

/// Which objects a cache keeps (each costs a dump at open and a resync, and
/// its notifications), and where.
struct CacheOptions {
  bool links = true;
  bool addresses = true;
  bool routes = true;  ///< every table and family
  bool neighbours = true;
  bool fdb = false;  ///< bridge and vxlan forwarding entries (AF_BRIDGE neighbours)
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
/// each returns a copy, taken under a shared lock. update() itself is for
/// one thread at a time. Move-only.
class Cache {
 public:
  /// Opens the sockets in options.socket.netns, joins the groups of the
  /// objects kept, and dumps them.
  static Result<Cache> open(const CacheOptions& options = {});

  Cache(Cache&&) noexcept;
  Cache& operator=(Cache&&) noexcept;
  ~Cache();

  /// The notification socket, for the caller's own poll/epoll loop: call
  /// update() when it is readable.
  int fileno() const noexcept;

  /// Applies every notification ready now, waiting up to timeout for the
  /// first (0: not at all). Errors are the sockets' (and a failed reload's).
  Result<UpdateStats> update(std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
  /// Dumps every kept object again and replaces the cached ones.
  Result<void> reload();

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

  /// Every cached object of a kind (Link, Address, Route, Neighbour,
  /// FdbEntry, Rule, Nexthop), in key order, and how many there are.
  template <class T>
  std::vector<T> all() const;
  template <class T>
  size_t count() const;

 private:
  struct State;
  explicit Cache(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace nlpp::ipdb
