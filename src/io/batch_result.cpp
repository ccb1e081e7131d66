// BatchResult (request_engine.hpp): one outcome per request of a batch.
#include <nlpp/io/request_engine.hpp>

#include <algorithm>

namespace nlpp::io {

Outcome BatchResult::outcome(size_t index) const noexcept {
  if (index >= sent_) return Outcome::not_sent;
  const auto refused = std::ranges::lower_bound(refusals_, index, {}, &std::pair<size_t, Error>::first);
  if (refused != refusals_.end() && refused->first == index) return Outcome::refused;
  const bool lost = std::ranges::any_of(
      unknown_, [&](const auto& range) { return range.first.first <= index && index <= range.first.last; });
  return lost ? Outcome::unknown : Outcome::applied;
}

Result<void> BatchResult::operator[](size_t index) const {
  if (index >= count_) return Error(errc::invalid_argument, "batch result index " + std::to_string(index) + " out of range");
  switch (outcome(index)) {
    case Outcome::applied:
      return {};
    case Outcome::refused:
      return std::ranges::lower_bound(refusals_, index, {}, &std::pair<size_t, Error>::first)->second;
    case Outcome::unknown:
      return std::ranges::find_if(unknown_, [&](const auto& range) { return range.first.last >= index; })->second;
    case Outcome::not_sent:
      return *not_sent_reason_;
  }
  return {};
}

void BatchResult::record_not_sent(size_t first, Error reason) {
  sent_ = first;
  not_sent_reason_ = std::move(reason);
}

size_t BatchResult::failed() const noexcept {
  size_t failed = refusals_.size() + (count_ - sent_);
  for (const auto& [range, reason] : unknown_) failed += range.last - range.first + 1;
  return failed;
}

}  // namespace nlpp::io
