// Internal: the changes one notification (or a resync) made to a cache, in
// order, for its subscribers and the journals of running transactions.
// Values are copied only while someone reads them: a cache nobody watches
// records nothing but the count of silent removals.
#pragma once

#include <nlpp/ipdb/change.hpp>

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace nlpp::ipdb {

class ChangeLog {
 public:
  explicit ChangeLog(bool recording) noexcept : recording_(recording) {}

  bool recording() const noexcept { return recording_; }

  /// An object went from before to after (either may be absent); silent
  /// when the kernel did not notify it.
  template <class T>
  void record(std::optional<T>&& before, const T* after, bool silent) {
    if (silent) ++silent_;
    if (!recording_) return;
    changes_.push_back(Change<T>{.before = std::move(before),
                                 .after = after ? std::optional<T>(*after) : std::nullopt,
                                 .silent = silent});
  }

  /// How many changes were silent (the kernel's unnotified removals).
  size_t silent() const noexcept { return silent_; }
  std::vector<ObjectChange>& changes() noexcept { return changes_; }

 private:
  bool recording_;
  size_t silent_ = 0;
  std::vector<ObjectChange> changes_;
};

}  // namespace nlpp::ipdb
