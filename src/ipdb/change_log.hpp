// Internal: the changes one notification (or a resync) made to a cache, in
// order, for its subscribers and the journals of running transactions.
// Values are copied only while someone reads them: a cache nobody watches
// records nothing but the count of silent removals. Kept kind by kind, an
// entry is the size of its object (a resync of a million routes records a
// million routes, not a million of the largest kind).
#pragma once

#include <nlpp/ipdb/change.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace nlpp::ipdb {

/// Changes kind by kind, each kind's in the order applied. Also what a
/// transaction journals while it commits (what an undo needs: the first
/// value of each object).
template <class T>
using Changes = std::vector<Change<T>>;
using Journal = Each<Changes>::Tuple;

/// T's place in Journal.
template <class T, size_t index = 0>
constexpr uint8_t kind_index() {
  if constexpr (std::is_same_v<std::tuple_element_t<index, Journal>, std::vector<Change<T>>>)
    return index;
  else
    return kind_index<T, index + 1>();
}

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
    std::get<std::vector<Change<T>>>(changes_).push_back(Change<T>{
        .before = std::move(before), .after = after ? std::optional<T>(*after) : std::nullopt, .silent = silent});
    order_.push_back(kind_index<T>());
  }

  /// How many changes were silent (the kernel's unnotified removals).
  size_t silent() const noexcept { return silent_; }
  bool empty() const noexcept { return order_.empty(); }
  /// The changes kind by kind.
  const Journal& by_kind() const noexcept { return changes_; }
  /// Calls visit with each change (a const Change<T>&), in the order recorded.
  template <class Visit>
  void for_each(Visit&& visit) const {
    std::array<size_t, std::tuple_size_v<Journal>> next{};
    const auto each = [&]<class T>(const std::vector<Change<T>>& changes) { visit(changes[next[kind_index<T>()]++]); };
    for (const uint8_t kind : order_) visit_kind(kind, each);
  }

 private:
  // visit(the changes of the kind at index kind).
  template <size_t index = 0, class Visit>
  void visit_kind(uint8_t kind, Visit& visit) const {
    if constexpr (index < std::tuple_size_v<Journal>) {
      if (kind == index) return visit(std::get<index>(changes_));
      visit_kind<index + 1>(kind, visit);
    }
  }

  bool recording_;
  size_t silent_ = 0;
  Journal changes_;
  std::vector<uint8_t> order_;  // the kind of each change, in order
};

}  // namespace nlpp::ipdb
