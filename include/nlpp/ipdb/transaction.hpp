// IPDB's transactions: changes to many objects applied together, verified
// against the kernel, and undone completely when any of them fails.
//
//     ipdb::Transaction tx(cache);
//     tx.add(rtnl::Link{.name = "br0", .info = rtnl::LinkInfo{.kind = "bridge"}}.set_up()).value();
//     tx.set(rtnl::Link{.name = "v0", .master = "br0"}).value();
//     tx.add(rtnl::Address{.ifindex = "br0", .local = "10.0.0.1", .prefix_length = 24}).value();
//     for (const ipdb::PlannedChange& change : tx.review()) std::cout << change << '\n';
//     tx.commit().value();  // all of it, verified; or none of it, and why
//
// docs/IPDB.md says what is verified and what an undo restores.
#pragma once

#include <nlpp/codec/field_change.hpp>
#include <nlpp/core/error.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/io/verb.hpp>
#include <nlpp/ipdb/cache.hpp>

#include <chrono>
#include <concepts>
#include <cstddef>
#include <exception>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace nlpp::ipdb {

/// Whether a transaction takes objects of kind T: every kind a cache keeps.
template <class T>
concept TransactionObject = is_cached_kind<T>;

/// An object of any kind a transaction changes, copied. Links, rules and
/// nexthops are held out of line (a Link is over a kilobyte), so that a
/// change of a 100,000-route transaction takes the size of a route.
class AnyObject {
 public:
  template <TransactionObject T>
  AnyObject(const T& object) : value_(held(object)) {}  // NOLINT: implicit, as a variant's
  AnyObject(const AnyObject& other);
  AnyObject(AnyObject&&) noexcept = default;
  AnyObject& operator=(const AnyObject& other) { return *this = AnyObject(other); }
  AnyObject& operator=(AnyObject&&) noexcept = default;
  ~AnyObject() = default;

  /// visit(object) with the object as a T& (const T& here).
  template <class Visit>
  decltype(auto) visit(Visit&& visit) const {
    return std::visit([&](const auto& value) -> decltype(auto) { return visit(unboxed(value)); }, value_);
  }
  template <class Visit>
  decltype(auto) visit(Visit&& visit) {
    return std::visit([&](auto& value) -> decltype(auto) { return visit(unboxed(value)); }, value_);
  }
  /// The object when it is a T, else nullptr.
  template <TransactionObject T>
  const T* get_if() const noexcept {
    return visit([](const auto& value) -> const T* {
      if constexpr (std::is_same_v<std::decay_t<decltype(value)>, T>) return &value;
      return nullptr;
    });
  }

 private:
  using Value = std::variant<std::unique_ptr<rtnl::Link>, rtnl::Address, rtnl::Route, rtnl::Neighbour, rtnl::FdbEntry,
                             std::unique_ptr<rtnl::Rule>, std::unique_ptr<rtnl::Nexthop>, rtnl::BridgeVlan>;
  template <class T>
  static Value held(const T& object) {
    if constexpr (std::is_constructible_v<Value, std::unique_ptr<T>>)
      return std::make_unique<T>(object);
    else
      return object;
  }
  template <class T>
  static T& unboxed(std::unique_ptr<T>& value) {
    return *value;
  }
  template <class T>
  static const T& unboxed(const std::unique_ptr<T>& value) {
    return *value;
  }
  template <class T>
  static T& unboxed(T& value) {
    return value;
  }

  Value value_;
};

inline AnyObject::AnyObject(const AnyObject& other)
    : AnyObject(other.visit([](const auto& value) { return AnyObject(value); })) {}

/// One change of a transaction, as review() shows it.
struct PlannedChange {
  size_t step = 0;  ///< its index, as queuing returned it
  io::Verb verb = io::Verb::add;
  std::string object;                 ///< the kind and what names it: "route 10.1.0.0/16 table 254"
  std::vector<FieldChange> fields{};  ///< what it changes: the cache's value before, the asked one after
};
/// "set link w0: mtu 1500 -> 1300, ..." on one line ("none" for absent).
std::ostream& operator<<(std::ostream& out, const PlannedChange& change);

/// What a successful commit did.
struct CommitReport {
  size_t changes = 0;  ///< changes applied, each verified in the kernel's notifications
  size_t sends = 0;    ///< pipelined sends (each a datagram of many requests, one wait)
  size_t rereads = 0;  ///< changes verified by a targeted re-read after the deadline
};

/// Why a commit failed, as failure() keeps it after commit() returned the error.
struct CommitFailure {
  size_t step = 0;                    ///< the change that failed (its queuing index)
  std::string change;                 ///< "add route 10.1.0.0/16 table 254"
  Error error;                        ///< the kernel's errno and extended ACK, or why verification failed
  std::optional<Error> undo_error{};  ///< set when the undo could not restore everything: what differs
};

/// How commit() goes about it.
struct CommitOptions {
  /// How long a change may take to show in the notifications before one
  /// targeted re-read decides (the kernel notifies before it acknowledges,
  /// so this is waited only when something else is wrong).
  std::chrono::milliseconds verify_deadline{2000};
  /// Fault injection, for testing undo: the change at this step is treated
  /// as refused (EIO) instead of being sent.
  std::optional<size_t> fail_at_step{};
};

/// Changes queued on a cache and applied by commit(). Queuing validates
/// the object at once (nothing is sent); objects may name links by name,
/// also links the transaction creates.
///
/// A BridgeVlan change names vids of one port (or bridge): add, set and
/// replace give each the flags listed (the port's other vids stay, and a
/// pvid moves from the vid that had it), del removes them; all of them
/// go with the changes, once the port is in its bridge.
///
/// commit() orders the changes (removals first, in reverse: rules, FDB
/// entries, neighbours, routes, nexthops, addresses, bridge vlans, links;
/// then creations and changes: links, masters before their ports, bridge
/// vlans, addresses, nexthops, routes, neighbours, FDB entries, rules),
/// sends them pipelined (as many together
/// as need nothing the kernel has not made yet, 8,192 at most, so that
/// their notifications fit the cache's socket), and verifies each in the
/// cache (which the kernel's notifications keep). If any change
/// fails, what was applied is undone until the objects it touched (and
/// those the kernel changed along: the routes of a deleted link...) are as
/// they were when commit() began; the error names the failed step, and an
/// undo that could not restore everything adds its own error, never
/// replacing the first. The cache must keep every kind the transaction
/// changes. A transaction dropped or destroyed before commit() sends nothing.
class Transaction {
 public:
  explicit Transaction(Cache& cache) : cache_(&cache) {}

  /// Queues verb on object; returns its step index, or the object's
  /// validation error (the transaction is then as before).
  template <TransactionObject T>
  Result<size_t> change(io::Verb verb, const T& object) {
    if (Result<void> valid = rtnl::ObjectTraits<T>::validate(object); !valid) return std::move(valid).error();
    return queue(verb, AnyObject(object));
  }
  template <class T>
  Result<size_t> add(const T& object) {
    return change(io::Verb::add, object);
  }
  template <class T>
  Result<size_t> replace(const T& object) {
    return change(io::Verb::replace, object);
  }
  template <class T>
  Result<size_t> set(const T& object) {
    return change(io::Verb::set, object);
  }
  template <class T>
  Result<size_t> del(const T& object) {
    return change(io::Verb::del, object);
  }

  size_t size() const noexcept { return steps_.size(); }
  bool empty() const noexcept { return steps_.empty(); }

  /// The queued changes in the order commit() applies them, each with what
  /// it changes against the cache.
  std::vector<PlannedChange> review() const;
  /// Applies every queued change, verified, or none (see the class); the
  /// transaction is empty afterwards, whatever the outcome.
  Result<CommitReport> commit(const CommitOptions& options = {});
  /// Discards the queued changes.
  void drop() noexcept { steps_.clear(); }
  /// Why the last commit() failed, in parts.
  const std::optional<CommitFailure>& failure() const noexcept { return failure_; }

  /// One queued change (what commit()'s ordering works on).
  struct Step {
    io::Verb verb;
    AnyObject object;
  };

 private:
  Result<size_t> queue(io::Verb verb, AnyObject object);

  Cache* cache_;
  std::vector<Step> steps_;
  std::optional<CommitFailure> failure_;
};

/// The scoped form: body(tx) queues changes (and may do other work); when
/// it returns success the transaction is committed, when it returns an
/// error or throws nothing is sent (and the exception goes on). A body
/// returning void always commits.
template <class Body>
Result<CommitReport> transact(Cache& cache, Body&& body, const CommitOptions& options = {}) {
  Transaction tx(cache);
  if constexpr (std::is_void_v<decltype(body(tx))>) {
    body(tx);
  } else {
    auto outcome = body(tx);
    if (!outcome) return std::move(outcome).error();
  }
  return tx.commit(options);
}

}  // namespace nlpp::ipdb
