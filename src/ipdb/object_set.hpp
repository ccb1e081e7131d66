// Internal: the objects of one kind a Cache holds, ordered by their kernel
// key (CacheKey below), so that a notification replaces or removes
// exactly the object it names and a route lookup can walk prefixes in
// order. The key is computed from the object when compared, not stored
// beside it: a million routes cost one copy each.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/rtnl/route.hpp>

#include "ipdb/change_log.hpp"
#include "rtnl/route/route_key.hpp"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

namespace nlpp::ipdb {

/// How the cache tells two objects of a kind apart: by the kernel's key
/// (ObjectTraits<T>::key), except routes, of which the kernel keeps several
/// with one key: IPv6 routes to one prefix through different links (every
/// link's fe80::/64), IPv4 routes added with `ip route append`. A route is
/// its key, its link and its gateway.
///
/// order() is what the set compares: an object's or a key's order, equal
/// for an object and its key.
template <class T>
struct CacheKey {
  using Key = typename rtnl::ObjectTraits<T>::Key;
  static Key of(const T& object) { return rtnl::ObjectTraits<T>::key(object); }
  static Key order(const T& object) { return of(object); }
  static const Key& order(const Key& key) { return key; }
};
template <>
struct CacheKey<rtnl::Route> {
  using Key = std::tuple<rtnl::RouteKey, uint32_t, IpAddress>;
  static Key of(const rtnl::Route& route) {
    return {rtnl::ObjectTraits<rtnl::Route>::key(route), uint32_t{route.oif}, route.gateway};
  }

  /// A route's key by reference, ordered as Key is: a dump of a million
  /// routes compares keys about four times a route, and building two
  /// Keys (three addresses each) for each comparison was most of the
  /// set's time.
  struct Order {
    uint8_t family;
    uint32_t table;
    const IpPrefix* dst;
    const IpPrefix* src;
    const std::optional<uint32_t>* label;
    uint8_t tos;
    uint32_t priority;
    uint32_t oif;
    const IpAddress* gateway;

    friend std::strong_ordering operator<=>(const Order& a, const Order& b) {
      if (const auto order = a.family <=> b.family; order != 0) return order;
      if (const auto order = a.table <=> b.table; order != 0) return order;
      if (const auto order = *a.dst <=> *b.dst; order != 0) return order;
      if (const auto order = *a.src <=> *b.src; order != 0) return order;
      if (const auto order = *a.label <=> *b.label; order != 0) return order;
      if (const auto order = a.tos <=> b.tos; order != 0) return order;
      if (const auto order = a.priority <=> b.priority; order != 0) return order;
      if (const auto order = a.oif <=> b.oif; order != 0) return order;
      return *a.gateway <=> *b.gateway;
    }
    friend bool operator==(const Order& a, const Order& b) { return (a <=> b) == 0; }
  };
  static Order order(const rtnl::Route& route) {
    const rtnl::ResolvedKeyParts resolved = rtnl::resolved_key_parts(route);
    return {resolved.family,
            resolved.table,
            &rtnl::normalized(route.dst),
            &rtnl::normalized(route.extras->src),
            &route.extras->label,
            route.tos,
            resolved.priority,
            uint32_t{route.oif},
            &route.gateway};
  }
  static Order order(const Key& key) {
    const rtnl::RouteKey& route = std::get<0>(key);
    return {route.family, route.table,    &route.dst,       &route.src,       &route.label,
            route.tos,    route.priority, std::get<1>(key), &std::get<2>(key)};
  }
};

template <rtnl::RtnlObject T>
class ObjectSet {
 public:
  using Key = typename CacheKey<T>::Key;

 private:
  // Orders objects and keys alike (CacheKey<T>::order).
  struct ByKey {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return CacheKey<T>::order(a) < CacheKey<T>::order(b);
    }
  };
  template <class A, class B>
  static bool less(const A& a, const B& b) {
    return ByKey{}(a, b);
  }
  template <class A, class B>
  static bool same_key(const A& a, const B& b) {
    return CacheKey<T>::order(a) == CacheKey<T>::order(b);
  }

 public:
  // Move-only, and a move forgets where the last object went (an
  // iterator of the other set).
  ObjectSet() = default;
  ObjectSet(ObjectSet&& other) noexcept : objects_(std::move(other.objects_)) { other.last_ = other.objects_.end(); }
  ObjectSet& operator=(ObjectSet&& other) noexcept {
    objects_ = std::move(other.objects_);
    last_ = objects_.end();
    other.last_ = other.objects_.end();
    return *this;
  }

  /// Adds object, or replaces the one with its key (a notification says
  /// what the object is now, whole); log hears of it.
  void put(T object, ChangeLog& log) {
    const auto position = position_for(object);
    if (position == objects_.end() || less(object, *position)) {
      last_ = objects_.emplace_hint(position, std::move(object));
      log.record<T>(std::nullopt, &*last_, false);
      return;
    }
    const auto next = std::next(position);
    auto node = objects_.extract(position);  // reuses the node: no allocation
    std::optional<T> before(std::move(node.value()));
    node.value() = std::move(object);
    last_ = objects_.insert(next, std::move(node));
    log.record<T>(std::move(before), &*last_, false);
  }
  /// Adds object in place of replaced, which the caller took out of the set
  /// (a route that replaced another with its kernel key but another link
  /// or gateway): one change from replaced to object.
  void put_replacing(T object, T replaced, ChangeLog& log) {
    last_ = objects_.insert(std::move(object)).first;
    log.record<T>(std::optional<T>(std::move(replaced)), &*last_, false);
  }
  /// Takes out every object for which take(object) holds, telling nobody
  /// (the caller records what becomes of them).
  template <class Predicate>
  std::vector<T> take_if(Predicate&& take) {
    last_ = objects_.end();
    std::vector<T> taken;
    for (auto it = objects_.begin(); it != objects_.end();) {
      const auto next = std::next(it);
      if (take(*it)) taken.push_back(std::move(objects_.extract(it).value()));
      it = next;
    }
    return taken;
  }
  /// Removes the object with this key (a deletion the kernel notified);
  /// false when there was none.
  bool erase(const Key& key, ChangeLog& log) {
    const auto found = objects_.find(key);  // erase(key) of another type is C++23's
    if (found == objects_.end()) return false;
    last_ = objects_.end();
    log.record<T>(std::optional<T>(std::move(objects_.extract(found).value())), nullptr, false);
    return true;
  }
  /// Removes every object for which remove(object) holds, silently (the
  /// kernel's own removals); how many.
  template <class Predicate>
  size_t erase_if(Predicate&& remove, ChangeLog& log) {
    last_ = objects_.end();
    size_t count = 0;
    for (auto it = objects_.begin(); it != objects_.end();) {
      if (!remove(*it)) {
        ++it;
        continue;
      }
      const auto next = std::next(it);
      log.record<T>(std::optional<T>(std::move(objects_.extract(it).value())), nullptr, true);
      it = next;
      ++count;
    }
    return count;
  }
  void clear() noexcept {
    objects_.clear();
    last_ = objects_.end();
  }
  /// Makes the set what a dump found, telling log what differs (objects
  /// whose diff() is empty are not changes: counters move on their own).
  void assign(std::vector<T> dumped, ChangeLog& log) {
    std::set<T, ByKey> loaded;
    for (T& object : dumped) {
      const auto found = loaded.find(object);
      if (found == loaded.end()) {
        loaded.insert(std::move(object));
      } else {  // a dump may repeat an object (interrupted and restarted)
        auto node = loaded.extract(found);
        node.value() = std::move(object);
        loaded.insert(std::move(node));
      }
    }
    if (log.recording()) record_differences(loaded, log);
    objects_.swap(loaded);
    last_ = objects_.end();
  }

  using const_iterator = typename std::set<T, ByKey>::const_iterator;

  /// find(key), trying first the object after hint, then searching; hint
  /// becomes where key was found. Keys looked up in order cost one
  /// comparison each. hint is end() or an iterator of this set.
  const T* find(const Key& key, const_iterator& hint) const {
    if (hint != objects_.end()) {
      const auto next = std::next(hint);
      if (next != objects_.end() && same_key(*next, key)) {
        hint = next;
        return &*next;
      }
    }
    const auto found = objects_.find(key);
    if (found == objects_.end()) return nullptr;
    hint = found;
    return &*found;
  }
  const T* find(const Key& key) const {
    const auto found = objects_.find(key);
    return found == objects_.end() ? nullptr : &*found;
  }
  /// The first object whose key is not less than key.
  auto lower_bound(const Key& key) const { return objects_.lower_bound(key); }
  auto begin() const { return objects_.begin(); }
  auto end() const { return objects_.end(); }
  size_t size() const noexcept { return objects_.size(); }

 private:
  // Tells log what differs between the set and loaded, walking both in key order.
  void record_differences(const std::set<T, ByKey>& loaded, ChangeLog& log) const {
    auto old_it = objects_.begin();
    auto new_it = loaded.begin();
    while (old_it != objects_.end() || new_it != loaded.end()) {
      if (new_it == loaded.end() || (old_it != objects_.end() && less(*old_it, *new_it))) {
        log.record<T>(std::optional<T>(*old_it++), nullptr, false);
      } else if (old_it == objects_.end() || less(*new_it, *old_it)) {
        log.record<T>(std::nullopt, &*new_it++, false);
      } else {
        if (!(*old_it == *new_it) && !rtnl::ObjectTraits<T>::diff(*old_it, *new_it).empty())
          log.record<T>(std::optional<T>(*old_it), &*new_it, false);
        ++old_it;
        ++new_it;
      }
    }
  }

  // Where object goes: the first object not less than it. Objects often come
  // in key order (a dump, routes added in order), so the end is tried
  // first (the last object is at hand; stepping past it would climb the
  // tree), then the place after the last one put, at one or two comparisons.
  typename std::set<T, ByKey>::iterator position_for(const T& object) {
    if (objects_.empty() || less(*objects_.rbegin(), object)) return objects_.end();
    if (last_ != objects_.end() && less(*last_, object)) {
      const auto next = std::next(last_);
      if (next == objects_.end() || !less(*next, object)) return next;
    }
    return objects_.lower_bound(object);
  }

  std::set<T, ByKey> objects_;
  typename std::set<T, ByKey>::iterator last_ = objects_.end();  // the last object put; end() when unknown
};

}  // namespace nlpp::ipdb
