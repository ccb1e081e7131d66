// The cache: subscribe, then dump; then each notification replaces or
// removes the object it names, and what the kernel removes without a
// notification is removed here too (kernel_removals.hpp).
#include <nlpp/ipdb/cache.hpp>

#include <nlpp/rtnl/events.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/objects.hpp>

#include "ipdb/cache_state.hpp"
#include "ipdb/object_set.hpp"
#include "ipdb/pipelined_dump.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <functional>
#include <iterator>
#include <mutex>
#include <shared_mutex>
#include <system_error>
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

}  // namespace

namespace detail {

Result<void> CacheState::reload() {
  // Every kind dumped first, then applied in one go under the lock.
  Each<Objects>::Tuple dumped;
  Result<void> outcome;
  rtnl::for_each_object(CachedKinds{}, [&]<class T>(std::type_identity<T>) {
    if (!outcome || !keeps<T>(options)) return;
    std::vector<T>& objects = std::get<std::vector<T>>(dumped);
    if (Result<void> read = ipr.dump_into(objects); !read) return void(outcome = std::move(read).error());
    std::erase_if(objects, [&](const T& object) { return !wanted(options, object); });
  });
  if (!outcome) return outcome;
  ChangeLog log(false);
  {
    std::unique_lock lock(mutex);
    log = new_log();
    std::apply([&]<class... T>(
                   std::vector<T>&... objects) { (std::get<ObjectSet<T>>(sets).assign(std::move(objects), log), ...); },
               dumped);
    append_to_journals(log);
  }
  subscribers->deliver(log);
  return {};
}

Result<void> CacheState::load() {
  ChangeLog log(false);  // nobody listens yet
  Result<void> outcome;
  rtnl::for_each_object(CachedKinds{}, [&]<class T>(std::type_identity<T>) {
    if (!outcome || !keeps<T>(options)) return;
    ObjectSet<T>& set = std::get<ObjectSet<T>>(sets);
    outcome = pipelined_dump<T>(
        ipr,
        [&](T&& object) {
          if (wanted(options, object)) set.put(std::move(object), log);
        },
        [&] { set.clear(); });
  });
  return outcome;
}

template <class T, class InScope>
void CacheState::refresh(std::vector<T> fresh, InScope&& in_scope) {
  std::erase_if(fresh, [&](const T& object) { return !wanted(options, object); });
  ChangeLog log(false);
  {
    std::unique_lock lock(mutex);
    log = new_log();
    ObjectSet<T>& cached = std::get<ObjectSet<T>>(sets);
    std::vector<typename ObjectSet<T>::Key> still_there;
    for (const T& object : fresh) still_there.push_back(CacheKey<T>::of(object));
    std::ranges::sort(still_there);
    cached.erase_if(
        [&](const T& object) {
          return in_scope(object) && !std::ranges::binary_search(still_there, CacheKey<T>::of(object));
        },
        log);
    for (T& object : fresh)
      if (const T* same = cached.find(CacheKey<T>::of(object)); !same || !(*same == object))
        cached.put(std::move(object), log);
    append_to_journals(log);
  }
  subscribers->deliver(log);
}

// The routes through ifindex of both IP families, asked again: the kernel
// changes their flags (linkdown) without a notification when the link's
// carrier changes.
Result<void> CacheState::reread_routes(uint32_t ifindex) {
  std::vector<rtnl::Route> routes;
  for (const uint8_t family : {uint8_t{AF_INET}, uint8_t{AF_INET6}}) {
    Result<void> read = ipr.dump_into(routes, {.family = family, .oif = ifindex});
    // ENODEV: the link is gone meanwhile; its deletion, queued, removes its routes.
    if (!read && read.error().code() == std::error_code(ENODEV, std::system_category())) return {};
    if (!read) return read;
  }
  refresh(std::move(routes), [&](const rtnl::Route& route) {
    return (route.family == AF_INET || route.family == AF_INET6) && route_uses_link(route, ifindex);
  });
  return {};
}

// The vids of a bridge and its ports, asked again (the kernel cannot
// filter this dump: nlpp does): they change without a notification when
// the bridge is made or its vlan settings change.
Result<void> CacheState::reread_vlans(uint32_t bridge) {
  std::vector<rtnl::BridgeVlan> vlans;
  const rtnl::BridgeVlanFilter of_bridge{.master = bridge};
  if (Result<void> read = ipr.dump_into(vlans, of_bridge); !read) return read;
  refresh(std::move(vlans),
          [&](const rtnl::BridgeVlan& port) { return rtnl::ObjectTraits<rtnl::BridgeVlan>::matches(of_bridge, port); });
  return {};
}

Result<void> CacheState::apply(const rtnl::Event& event, UpdateStats& stats) {
  return std::visit(
      [&](const auto& happened) -> Result<void> {
        using E = std::decay_t<decltype(happened)>;
        if constexpr (std::is_same_v<E, rtnl::Overrun>) {
          // What is still queued is older than what the kernel dropped:
          // applied after the dump, it would bring back what the dropped
          // notifications removed. Discarded, then the dump says it all.
          ++stats.resyncs;
          if (Result<size_t> drained = events.drain([](rtnl::Event&&) {}); !drained) return std::move(drained).error();
          return reload();
        } else if constexpr (std::is_same_v<E, rtnl::UnknownEvent>) {
          return {};  // a message nlpp does not model (RTM_NEWNETCONF...)
        } else {
          using T = typename EventParts<E>::Object;
          if constexpr (is_cached_kind<T>) {
            if (!wanted(options, happened.object)) return {};
            ++stats.events;
            Rereads reread;
            ChangeLog log(false);
            {
              std::unique_lock lock(mutex);
              log = new_log();
              if constexpr (EventParts<E>::deletion)
                removed(sets, happened.object, log);
              else
                reread = changed(sets, happened, log);
              append_to_journals(log);
            }
            stats.removed += log.silent();
            subscribers->deliver(log);
            if (reread.routes_of && keeps<rtnl::Route>(options)) {
              ++stats.reread;
              if (Result<void> read = reread_routes(*reread.routes_of); !read) return read;
            }
            if (reread.vlans_of && keeps<rtnl::BridgeVlan>(options)) {
              ++stats.reread;
              if (Result<void> read = reread_vlans(*reread.vlans_of); !read) return read;
            }
          }
          return {};
        }
      },
      event);
}

Result<UpdateStats> CacheState::update(std::chrono::milliseconds timeout) {
  std::lock_guard serial(updating);
  UpdateStats stats;
  for (std::chrono::milliseconds wait = timeout;; wait = std::chrono::milliseconds(0)) {
    Result<std::optional<rtnl::Event>> event = events.wait(wait);
    if (!event) return std::move(event).error();
    if (!*event) return stats;
    if (Result<void> applied = apply(**event, stats); !applied) return std::move(applied).error();
  }
}

void CacheState::append_to_journals(ChangeLog& log) {
  for (Journal* journal : journals)
    std::apply(
        [&]<class... T>(const std::vector<Change<T>>&... changes) {
          (std::get<std::vector<Change<T>>>(*journal).insert(std::get<std::vector<Change<T>>>(*journal).end(),
                                                             changes.begin(), changes.end()),
           ...);
        },
        log.by_kind());
}

}  // namespace detail

Cache::Cache(std::unique_ptr<detail::CacheState> state) : state_(std::move(state)) {}
Cache::Cache(Cache&&) noexcept = default;
Cache& Cache::operator=(Cache&&) noexcept = default;
Cache::~Cache() = default;

Result<Cache> Cache::open(const CacheOptions& options) {
  rtnl::EventGroups groups;
  rtnl::for_each_object(CachedKinds{}, [&]<class T>(std::type_identity<T>) {
    if (keeps<T>(options))
      groups = rtnl::EventGroups(static_cast<rtnl::EventGroups::Bits>(groups.bits() | rtnl::event_groups_of<T>.bits()));
  });
  // Subscribed first, dumped second: a change made during the dump is in
  // the dump or in a notification waiting for update(), never in neither.
  Result<rtnl::EventStream> events = rtnl::EventStream::open(groups, options.socket);
  if (!events) return std::move(events).error();
  Result<rtnl::IpRoute> reader = rtnl::IpRoute::open(options.socket);
  if (!reader) return std::move(reader).error();
  Result<rtnl::IpRoute> writer = rtnl::IpRoute::open(options.socket);
  if (!writer) return std::move(writer).error();
  auto state =
      std::make_unique<detail::CacheState>(options, std::move(*events), std::move(*reader), std::move(*writer));
  if (Result<void> loaded = state->load(); !loaded) return std::move(loaded).error();
  return Cache(std::move(state));
}

int Cache::fileno() const noexcept { return state_->events.fileno(); }

Result<UpdateStats> Cache::update(std::chrono::milliseconds timeout) { return state_->update(timeout); }

Result<void> Cache::reload() { return state_->reload_in_turn(); }

Subscription Cache::on_any_change(std::function<void(const ObjectChange&)> callback) {
  return state_->subscribers->add(std::move(callback));
}

template <class T>
std::optional<T> Cache::find(const typename rtnl::ObjectTraits<T>::Key& key) const {
  std::shared_lock lock(state_->mutex);
  const ObjectSet<T>& set = std::get<ObjectSet<T>>(state_->sets);
  if constexpr (std::is_same_v<T, rtnl::Route>) {
    // The first of the routes with this key (by link and gateway).
    const auto found = set.lower_bound({key, 0, IpAddress{}});
    if (found == set.end() || std::get<0>(CacheKey<rtnl::Route>::of(*found)) != key) return std::nullopt;
    return *found;
  } else {
    const T* found = set.find(key);
    return found ? std::optional(*found) : std::nullopt;
  }
}

std::optional<rtnl::Link> Cache::link(uint32_t ifindex) const { return find<rtnl::Link>(ifindex); }

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

std::optional<rtnl::Route> Cache::route(const rtnl::RouteKey& key) const { return find<rtnl::Route>(key); }

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
  return find<rtnl::Neighbour>(rtnl::NeighbourKey{.family = dst.family(), .ifindex = ifindex, .dst = dst});
}

std::optional<rtnl::Nexthop> Cache::nexthop(uint32_t id) const { return find<rtnl::Nexthop>(id); }

std::optional<rtnl::BridgeVlan> Cache::bridge_vlans(uint32_t ifindex) const { return find<rtnl::BridgeVlan>(ifindex); }

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
template std::vector<rtnl::BridgeVlan> Cache::all() const;
template std::optional<rtnl::Link> Cache::find<rtnl::Link>(const uint32_t&) const;
template std::optional<rtnl::Address> Cache::find<rtnl::Address>(const rtnl::AddressKey&) const;
template std::optional<rtnl::Route> Cache::find<rtnl::Route>(const rtnl::RouteKey&) const;
template std::optional<rtnl::Neighbour> Cache::find<rtnl::Neighbour>(const rtnl::NeighbourKey&) const;
template std::optional<rtnl::FdbEntry> Cache::find<rtnl::FdbEntry>(const rtnl::FdbKey&) const;
template std::optional<rtnl::Rule> Cache::find<rtnl::Rule>(const rtnl::RuleKey&) const;
template std::optional<rtnl::Nexthop> Cache::find<rtnl::Nexthop>(const uint32_t&) const;
template std::optional<rtnl::BridgeVlan> Cache::find<rtnl::BridgeVlan>(const uint32_t&) const;
template size_t Cache::count<rtnl::Link>() const;
template size_t Cache::count<rtnl::Address>() const;
template size_t Cache::count<rtnl::Route>() const;
template size_t Cache::count<rtnl::Neighbour>() const;
template size_t Cache::count<rtnl::FdbEntry>() const;
template size_t Cache::count<rtnl::Rule>() const;
template size_t Cache::count<rtnl::Nexthop>() const;
template size_t Cache::count<rtnl::BridgeVlan>() const;

}  // namespace nlpp::ipdb
