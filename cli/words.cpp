#include "words.hpp"

#include <algorithm>

namespace nlpp::cli {

std::string printable(std::string_view text) {
  // Control bytes are shown escaped: a NUL would end the message where it
  // is printed as a C string, and others garble the terminal.
  std::string shown;
  shown.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      shown += c;
    } else {
      constexpr std::string_view hex = "0123456789abcdef";
      shown += "\\x";
      shown += hex[byte >> 4];
      shown += hex[byte & 0xf];
    }
  }
  return shown;
}

std::string quoted(std::string_view word) { return "\"" + printable(word) + "\""; }

std::string_view Words::take(std::string_view what) {
  if (empty()) throw UsageError(std::string(what));
  return words_[next_++];
}

std::string_view Words::value_of(std::string_view keyword) {
  const std::string_view value = value_after(keyword);
  if (std::ranges::find(keywords_, keyword) != keywords_.end())
    throw UsageError("duplicate " + quoted(keyword) + ": " + quoted(value) + " is the second value");
  keywords_.push_back(keyword);
  return value;
}

std::string_view Words::value_after(std::string_view keyword) {
  // The message only when it is needed: this runs for every word of a batch.
  if (empty()) throw UsageError(quoted(keyword) + " needs a value");
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
