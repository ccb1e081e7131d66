// What IPDB tells its subscribers: one object's change, its value before
// and after, in the order the kernel made them.
//
//     ipdb::Subscription watch = cache.on_change<rtnl::Route>([](const ipdb::Change<rtnl::Route>& change) {
//       if (change.removed()) std::cout << "gone: " << *change.before << '\n';
//     });
#pragma once

#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/rule.hpp>

#include <cstdint>
#include <memory>
#include <optional>
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

/// A change of any kind a cache keeps.
using ObjectChange = std::variant<Change<rtnl::Link>, Change<rtnl::Address>, Change<rtnl::Route>,
                                  Change<rtnl::Neighbour>, Change<rtnl::FdbEntry>, Change<rtnl::Rule>,
                                  Change<rtnl::Nexthop>>;

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
