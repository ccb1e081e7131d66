#include "words.hpp"

namespace nlpp::cli {

std::string quoted(std::string_view word) { return "\"" + std::string(word) + "\""; }

std::string_view Words::take(std::string_view what) {
  if (empty()) throw UsageError(std::string(what));
  return words_[next_++];
}

bool Words::take_if(std::string_view word) noexcept {
  if (empty() || words_[next_] != word) return false;
  ++next_;
  return true;
}

void Words::unknown() const {
  if (empty()) throw UsageError("the command is incomplete");
  throw UsageError("unknown word " + quoted(peek()));
}

}  // namespace nlpp::cli
