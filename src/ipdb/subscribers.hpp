// Internal: the callbacks subscribed to a cache's changes. Changes are
// delivered on the thread that applied them (the one in Cache::update(),
// or a Follower's), after the cache's lock is released, and with no lock
// of this registry held either: a callback may read the cache, subscribe
// or cancel without deadlocking.
#pragma once

#include <nlpp/ipdb/change.hpp>

#include "ipdb/change_log.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace nlpp::ipdb::detail {

class Subscribers : public std::enable_shared_from_this<Subscribers> {
 public:
  using Callback = std::function<void(const ObjectChange&)>;

  /// Registers callback; it is called for every change from now on.
  Subscription add(Callback callback);
  void remove(uint64_t id) noexcept;

  /// Whether anyone listens: changes need recording.
  bool any() const noexcept { return count_.load(std::memory_order_relaxed) != 0; }

  /// Calls every callback with each change of log, in order.
  void deliver(const ChangeLog& log) const;

 private:
  struct Entry {
    uint64_t id;
    std::shared_ptr<const Callback> callback;
  };
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
  uint64_t next_id_ = 1;
  std::atomic<size_t> count_{0};
};

}  // namespace nlpp::ipdb::detail
