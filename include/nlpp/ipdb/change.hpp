// What IPDB tells its subscribers: one object's change, its value before
// and after, in the order the kernel made them.
//
//     ipdb::Subscription watch = cache.on_change<rtnl::Route>([](const ipdb::Change<rtnl::Route>& change) {
//       if (change.removed()) std::cout << "gone: " << *change.before << '\n';
//     });
#pragma once

#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/objects.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/rule.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <variant>

namespace nlpp::ipdb {

/// One object created, changed or removed.
template <class T>
struct Change {
  std::optional<T> before{};  ///< absent: the object was created
  std::optional<T> after{};   ///< absent: the object was removed
  /// The kernel removed it without a notification of its own (the routes
  /// of a link that went down...): IPDB knows from its model of the kernel.
  bool silent = false;

  bool created() const noexcept { return !before && after; }
  bool removed() const noexcept { return before && !after; }
};

/// The kinds a cache keeps, in ObjectChange's order. A BridgeVlan is the
/// whole vid set of one bridge port (or bridge), keyed by its ifindex.
using CachedKinds = rtnl::ObjectList<rtnl::Link, rtnl::Address, rtnl::Route, rtnl::Neighbour, rtnl::FdbEntry,
                                     rtnl::Rule, rtnl::Nexthop, rtnl::BridgeVlan>;

/// Whether a cache keeps objects of kind T.
template <class T, class Kinds = CachedKinds>
inline constexpr bool is_cached_kind = false;
template <class T, class... Kinds>
inline constexpr bool is_cached_kind<T, rtnl::ObjectList<Kinds...>> = (std::is_same_v<T, Kinds> || ...);

/// Each<Of>::Tuple is std::tuple<Of<Link>, Of<Address>...> and
/// Each<Of>::Variant the variant of them, over CachedKinds.
template <template <class> class Of, class Kinds = CachedKinds>
struct Each;
template <template <class> class Of, class... Kinds>
struct Each<Of, rtnl::ObjectList<Kinds...>> {
  using Tuple = std::tuple<Of<Kinds>...>;
  using Variant = std::variant<Of<Kinds>...>;
};

/// A change of any kind a cache keeps.
using ObjectChange = Each<Change>::Variant;

namespace detail {
class Subscribers;
}

/// A callback's registration: it is called until this is cancelled or
/// destroyed (or the cache is). Move-only.
class Subscription {
 public:
  Subscription() = default;
  Subscription(Subscription&& other) noexcept;
  Subscription& operator=(Subscription&& other) noexcept;
  ~Subscription();

  /// Stops the calls. A call running on another thread may still finish.
  void cancel() noexcept;

 private:
  friend class detail::Subscribers;
  Subscription(std::weak_ptr<detail::Subscribers> owner, uint64_t id) : owner_(std::move(owner)), id_(id) {}
  std::weak_ptr<detail::Subscribers> owner_;
  uint64_t id_ = 0;
};

}  // namespace nlpp::ipdb
