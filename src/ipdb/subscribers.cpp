#include "ipdb/subscribers.hpp"

#include <algorithm>

namespace nlpp::ipdb {
namespace detail {

Subscription Subscribers::add(Callback callback) {
  std::lock_guard lock(mutex_);
  const uint64_t id = next_id_++;
  entries_.push_back({id, std::make_shared<const Callback>(std::move(callback))});
  count_.store(entries_.size(), std::memory_order_relaxed);
  return Subscription(weak_from_this(), id);
}

void Subscribers::remove(uint64_t id) noexcept {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const Entry& entry) { return entry.id == id; });
  count_.store(entries_.size(), std::memory_order_relaxed);
}

void Subscribers::deliver(const ChangeLog& log) const {
  if (log.empty()) return;
  std::vector<std::shared_ptr<const Callback>> callbacks;
  {
    std::lock_guard lock(mutex_);
    for (const Entry& entry : entries_) callbacks.push_back(entry.callback);
  }
  if (callbacks.empty()) return;
  log.for_each([&](const auto& one) {
    const ObjectChange change(one);
    for (const std::shared_ptr<const Callback>& callback : callbacks) (*callback)(change);
  });
}

}  // namespace detail

Subscription::Subscription(Subscription&& other) noexcept
    : owner_(std::move(other.owner_)), id_(std::exchange(other.id_, 0)) {}

Subscription& Subscription::operator=(Subscription&& other) noexcept {
  if (this != &other) {
    cancel();
    owner_ = std::move(other.owner_);
    id_ = std::exchange(other.id_, 0);
  }
  return *this;
}

Subscription::~Subscription() { cancel(); }

void Subscription::cancel() noexcept {
  if (const std::shared_ptr<detail::Subscribers> owner = owner_.lock()) owner->remove(id_);
  owner_.reset();
  id_ = 0;
}

}  // namespace nlpp::ipdb
