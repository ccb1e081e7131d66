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

}  // namespace nlpp::io
