#include <nlpp/io/request_engine.hpp>

#include <algorithm>

namespace nlpp::io {

Result<void> BatchResult::operator[](size_t index) const {
  if (index >= count_) return Error(errc::invalid_argument, "batch result index " + std::to_string(index) + " out of range");
  const auto it = std::lower_bound(failures_.begin(), failures_.end(), index,
                                   [](const auto& failure, size_t wanted) { return failure.first < wanted; });
  if (it != failures_.end() && it->first == index) return it->second;
  return {};
}

void BatchResult::fail_unsettled(size_t first, const Error& error) {
  std::vector<std::pair<size_t, Error>> merged;
  merged.reserve(failures_.size() + (count_ - first));
  auto recorded = failures_.begin();
  for (; recorded != failures_.end() && recorded->first < first; ++recorded) merged.push_back(std::move(*recorded));
  for (size_t index = first; index < count_; ++index) {
    if (recorded != failures_.end() && recorded->first == index) merged.push_back(std::move(*recorded++));
    else merged.emplace_back(index, error);
  }
  failures_ = std::move(merged);
}

}  // namespace nlpp::io
