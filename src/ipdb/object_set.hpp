// Internal: the objects of one kind a Cache holds, ordered by their kernel
// key (CacheKey below), so that a notification replaces or removes
// exactly the object it names and a route lookup can walk prefixes in
// order. The key is computed from the object when compared, not stored
// beside it: a million routes cost one copy each.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/rtnl/route.hpp>

#include <cstddef>
#include <cstdint>
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
template <class T>
struct CacheKey {
  static auto of(const T& object) { return rtnl::ObjectTraits<T>::key(object); }
};
template <>
struct CacheKey<rtnl::Route> {
  static std::tuple<rtnl::RouteKey, uint32_t, IpAddress> of(const rtnl::Route& route) {
    return {rtnl::ObjectTraits<rtnl::Route>::key(route), uint32_t{route.oif}, route.gateway};
  }
};

template <rtnl::RtnlObject T>
class ObjectSet {
 public:
  using Key = decltype(CacheKey<T>::of(std::declval<const T&>()));

  /// Adds object, or replaces the one with its key (a notification says
  /// what the object is now, whole).
  void put(T object) {
    const auto found = objects_.find(key_of(object));
    if (found == objects_.end()) {
      objects_.insert(std::move(object));
      return;
    }
    auto node = objects_.extract(found);  // reuses the node: no allocation
    node.value() = std::move(object);
    objects_.insert(std::move(node));
  }
  /// Removes the object with this key; false when there was none.
  bool erase(const Key& key) {
    const auto found = objects_.find(key);  // erase(key) of another type is C++23's
    if (found == objects_.end()) return false;
    objects_.erase(found);
    return true;
  }
  /// Removes every object for which remove(object) holds; how many.
  template <class Predicate>
  size_t erase_if(Predicate&& remove) {
    return std::erase_if(objects_, remove);
  }
  /// Replaces the whole set (a dump).
  void assign(std::vector<T> objects) {
    objects_.clear();
    for (T& object : objects) put(std::move(object));
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
  static Key key_of(const T& object) { return CacheKey<T>::of(object); }

  // Orders objects by key, and compares keys with objects for lookups.
  struct ByKey {
    using is_transparent = void;
    bool operator()(const T& a, const T& b) const { return key_of(a) < key_of(b); }
    bool operator()(const T& object, const Key& key) const { return key_of(object) < key; }
    bool operator()(const Key& key, const T& object) const { return key < key_of(object); }
  };

  std::set<T, ByKey> objects_;
};

}  // namespace nlpp::ipdb
