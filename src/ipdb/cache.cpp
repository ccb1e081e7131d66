// The cache: subscribe, then dump; then each notification replaces or
// removes the object it names, and what the kernel removes without a
// notification is removed here too (kernel_removals.hpp).
#include <nlpp/ipdb/cache.hpp>

#include <nlpp/rtnl/events.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/objects.hpp>

#include "ipdb/kernel_removals.hpp"
#include "ipdb/object_set.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <mutex>
#include <shared_mutex>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

namespace nlpp::ipdb {
namespace {

template <class E>
struct EventParts;
template <class T>
struct EventParts<rtnl::NewEvent<T>> {
  using Object = T;
  static constexpr bool deletion = false;
};
template <class T>
struct EventParts<rtnl::DelEvent<T>> {
  using Object = T;
  static constexpr bool deletion = true;
};

// destination with the bits past length cleared: the dst of the routes of
// that length that hold it.
IpPrefix prefix_of(const IpAddress& destination, int length) {
  if (length == 0) return IpPrefix{};  // the default route's key (RouteKey)
  std::array<std::byte, 16> bytes{};
  const wire::Bytes address = destination.bytes();
  std::copy(address.begin(), address.end(), bytes.begin());
  for (size_t bit = static_cast<size_t>(length); bit < address.size() * 8; ++bit)
    bytes[bit / 8] &= static_cast<std::byte>(~(0x80u >> (bit % 8)));
  return IpPrefix{IpAddress::from_bytes(destination.family(), wire::Bytes(bytes.data(), address.size())).value(),
                  static_cast<uint8_t>(length)};
}

// Whether options keep objects of kind T.
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
  else
    return false;
}

}  // namespace

struct Cache::State {
  State(const CacheOptions& cache_options, rtnl::EventStream stream, rtnl::IpRoute session)
      : options(cache_options), events(std::move(stream)), ipr(std::move(session)) {}

  CacheOptions options;
  rtnl::EventStream events;
  rtnl::IpRoute ipr;
  mutable std::shared_mutex mutex;  // guards sets
  KeptObjects sets;

  // Dumps every kept kind, then replaces the cached objects in one go.
  Result<void> reload() {
    KeptObjects loaded;
    Result<void> outcome;
    rtnl::for_each_object(rtnl::EventObjects{}, [&]<class T>(std::type_identity<T>) {
      if constexpr (requires { std::get<ObjectSet<T>>(loaded); }) {
        if (!outcome || !keeps<T>(options)) return;
        Result<std::vector<T>> dumped = ipr.dump<T>();
        if (!dumped) return void(outcome = std::move(dumped).error());
        std::erase_if(*dumped, [](const T& object) { return !is_cached(object); });
        std::get<ObjectSet<T>>(loaded).assign(std::move(*dumped));
      }
    });
    if (!outcome) return outcome;
    std::unique_lock lock(mutex);
    sets = std::move(loaded);
    return {};
  }

  // The routes through ifindex of both IP families, asked again: the
  // kernel changes their flags (linkdown) without a notification when the
  // link's carrier changes.
  Result<void> reread_routes(uint32_t ifindex) {
    std::vector<rtnl::Route> routes;
    for (const uint8_t family : {uint8_t{AF_INET}, uint8_t{AF_INET6}}) {
      Result<std::vector<rtnl::Route>> dumped = ipr.dump<rtnl::Route>({.family = family, .oif = ifindex});
      if (!dumped) return std::move(dumped).error();
      std::move(dumped->begin(), dumped->end(), std::back_inserter(routes));
    }
    std::unique_lock lock(mutex);
    ObjectSet<rtnl::Route>& cached = std::get<ObjectSet<rtnl::Route>>(sets);
    cached.erase_if([&](const rtnl::Route& route) {
      return (route.family == AF_INET || route.family == AF_INET6) && route_uses_link(route, ifindex);
    });
    for (rtnl::Route& route : routes) cached.put(std::move(route));
    return {};
  }

  Result<void> apply(const rtnl::Event& event, UpdateStats& stats) {
    return std::visit(
        [&](const auto& happened) -> Result<void> {
          using E = std::decay_t<decltype(happened)>;
          if constexpr (std::is_same_v<E, rtnl::Overrun>) {
            ++stats.resyncs;
            return reload();
          } else if constexpr (std::is_same_v<E, rtnl::UnknownEvent>) {
            return {};  // a message nlpp does not model (a bridge's per-port one...)
          } else {
            using T = typename EventParts<E>::Object;
            if constexpr (requires { std::get<ObjectSet<T>>(sets); }) {
              if (!keeps<T>(options) || !is_cached(happened.object)) return {};
              ++stats.events;
              std::optional<uint32_t> reread;
              {
                std::unique_lock lock(mutex);
                Consequence consequence;
                if constexpr (EventParts<E>::deletion)
                  consequence = removed(sets, happened.object);
                else
                  consequence = changed(sets, happened);
                stats.removed += consequence.removed;
                reread = consequence.reread_routes_of;
              }
              if (reread && keeps<rtnl::Route>(options)) {
                ++stats.reread;
                return reread_routes(*reread);
              }
            }
            return {};
          }
        },
        event);
  }
};

Cache::Cache(std::unique_ptr<State> state) : state_(std::move(state)) {}
Cache::Cache(Cache&&) noexcept = default;
Cache& Cache::operator=(Cache&&) noexcept = default;
Cache::~Cache() = default;

Result<Cache> Cache::open(const CacheOptions& options) {
  rtnl::EventGroups groups;
  rtnl::for_each_object(rtnl::EventObjects{}, [&]<class T>(std::type_identity<T>) {
    if (keeps<T>(options))
      groups = rtnl::EventGroups(static_cast<rtnl::EventGroups::Bits>(groups.bits() | rtnl::event_groups_of<T>.bits()));
  });
  // Subscribed first, dumped second: a change made during the dump is in
  // the dump or in a notification waiting for update(), never in neither.
  Result<rtnl::EventStream> events = rtnl::EventStream::open(groups, options.socket);
  if (!events) return std::move(events).error();
  Result<rtnl::IpRoute> ipr = rtnl::IpRoute::open(options.socket);
  if (!ipr) return std::move(ipr).error();
  auto state = std::make_unique<State>(options, std::move(*events), std::move(*ipr));
  if (Result<void> loaded = state->reload(); !loaded) return std::move(loaded).error();
  return Cache(std::move(state));
}

int Cache::fileno() const noexcept { return state_->events.fileno(); }

Result<UpdateStats> Cache::update(std::chrono::milliseconds timeout) {
  UpdateStats stats;
  for (std::chrono::milliseconds wait = timeout;; wait = std::chrono::milliseconds(0)) {
    Result<std::optional<rtnl::Event>> event = state_->events.wait(wait);
    if (!event) return std::move(event).error();
    if (!*event) return stats;
    if (Result<void> applied = state_->apply(**event, stats); !applied) return std::move(applied).error();
  }
}

Result<void> Cache::reload() { return state_->reload(); }

std::optional<rtnl::Link> Cache::link(uint32_t ifindex) const {
  std::shared_lock lock(state_->mutex);
  const rtnl::Link* found = std::get<ObjectSet<rtnl::Link>>(state_->sets).find(ifindex);
  return found ? std::optional(*found) : std::nullopt;
}

std::optional<rtnl::Link> Cache::link(std::string_view name) const {
  std::shared_lock lock(state_->mutex);
  for (const rtnl::Link& link : std::get<ObjectSet<rtnl::Link>>(state_->sets))
    if (link.name == name || std::ranges::find(link.altnames, name) != link.altnames.end()) return link;
  return std::nullopt;
}

std::vector<rtnl::Address> Cache::addresses(uint32_t ifindex) const {
  std::shared_lock lock(state_->mutex);
  std::vector<rtnl::Address> found;
  for (const rtnl::Address& address : std::get<ObjectSet<rtnl::Address>>(state_->sets))
    if (address.ifindex == ifindex) found.push_back(address);
  return found;
}

std::optional<rtnl::Route> Cache::route(const rtnl::RouteKey& key) const {
  std::shared_lock lock(state_->mutex);
  const ObjectSet<rtnl::Route>& routes = std::get<ObjectSet<rtnl::Route>>(state_->sets);
  // The first of the routes with this key (by link and gateway).
  const auto found = routes.lower_bound({key, 0, IpAddress{}});
  if (found == routes.end() || std::get<0>(CacheKey<rtnl::Route>::of(*found)) != key) return std::nullopt;
  return *found;
}

std::optional<rtnl::Route> Cache::longest_match(const IpAddress& destination, uint32_t table) const {
  if (destination.empty()) return std::nullopt;
  const auto family = static_cast<uint8_t>(destination.family());
  std::shared_lock lock(state_->mutex);
  const ObjectSet<rtnl::Route>& routes = std::get<ObjectSet<rtnl::Route>>(state_->sets);
  // Routes are ordered by family, table, dst, then src, tos, priority, link
  // and gateway: the first route at or after {dst} is, of those with that
  // dst, the one with no source prefix, lowest tos and lowest priority.
  for (int length = static_cast<int>(destination.size() * 8); length >= 0; --length) {
    const rtnl::RouteKey wanted{.family = family, .table = table, .dst = prefix_of(destination, length)};
    const auto candidate = routes.lower_bound({wanted, 0, IpAddress{}});
    if (candidate == routes.end()) continue;
    const rtnl::RouteKey found = std::get<0>(CacheKey<rtnl::Route>::of(*candidate));
    if (found.family == family && found.table == table && found.dst == wanted.dst) return *candidate;
  }
  return std::nullopt;
}

std::optional<rtnl::Neighbour> Cache::neighbour(uint32_t ifindex, const IpAddress& dst) const {
  std::shared_lock lock(state_->mutex);
  const rtnl::Neighbour* found = std::get<ObjectSet<rtnl::Neighbour>>(state_->sets)
                                     .find(rtnl::NeighbourKey{.family = dst.family(), .ifindex = ifindex, .dst = dst});
  return found ? std::optional(*found) : std::nullopt;
}

std::optional<rtnl::Nexthop> Cache::nexthop(uint32_t id) const {
  std::shared_lock lock(state_->mutex);
  const rtnl::Nexthop* found = std::get<ObjectSet<rtnl::Nexthop>>(state_->sets).find(id);
  return found ? std::optional(*found) : std::nullopt;
}

template <class T>
std::vector<T> Cache::all() const {
  std::shared_lock lock(state_->mutex);
  const ObjectSet<T>& set = std::get<ObjectSet<T>>(state_->sets);
  return std::vector<T>(set.begin(), set.end());
}

template <class T>
size_t Cache::count() const {
  std::shared_lock lock(state_->mutex);
  return std::get<ObjectSet<T>>(state_->sets).size();
}

// The kinds a cache holds (KeptObjects).
template std::vector<rtnl::Link> Cache::all() const;
template std::vector<rtnl::Address> Cache::all() const;
template std::vector<rtnl::Route> Cache::all() const;
template std::vector<rtnl::Neighbour> Cache::all() const;
template std::vector<rtnl::FdbEntry> Cache::all() const;
template std::vector<rtnl::Rule> Cache::all() const;
template std::vector<rtnl::Nexthop> Cache::all() const;
template size_t Cache::count<rtnl::Link>() const;
template size_t Cache::count<rtnl::Address>() const;
template size_t Cache::count<rtnl::Route>() const;
template size_t Cache::count<rtnl::Neighbour>() const;
template size_t Cache::count<rtnl::FdbEntry>() const;
template size_t Cache::count<rtnl::Rule>() const;
template size_t Cache::count<rtnl::Nexthop>() const;

}  // namespace nlpp::ipdb
