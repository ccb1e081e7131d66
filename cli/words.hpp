// The words of a command line after the object and the command, read one
// at a time the way iproute2 reads them: a keyword, then its value.
//
// The tool reads a whole line before it sends anything, so a bad word
// fails early: parsing throws UsageError naming the word, and main() turns
// it into exit status 2. (Exceptions stay inside the tool; the library's
// API returns Result.)
#pragma once

#include <charconv>
#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::cli {

/// A word the tool does not accept; what() says which and why.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// text with its control bytes escaped ("\\x00"), for messages.
std::string printable(std::string_view text);
/// "\"word\"", printable, for messages.
std::string quoted(std::string_view word);

class Words {
 public:
  explicit Words(std::span<const std::string_view> words) noexcept : words_(words) {}

  bool empty() const noexcept { return next_ == words_.size(); }
  /// The next word; "" at the end.
  std::string_view peek() const noexcept { return empty() ? std::string_view() : words_[next_]; }
  /// Consumes and returns the next word; UsageError naming `what` at the end.
  std::string_view take(std::string_view what);
  /// Consumes the next word if it is `word`.
  bool take_if(std::string_view word) noexcept;
  /// The word after `keyword` (just consumed); UsageError at the end, and
  /// when the keyword already had a value in this section (`mtu 1400 mtu
  /// 1300`: iproute2 refuses it too, rather than keep the last).
  std::string_view value_of(std::string_view keyword);
  /// The word after `keyword` (just consumed), for keywords that may come
  /// again in a section (u32's `match`, a second action's `index`), which
  /// value_of() refuses; UsageError at the end.
  std::string_view value_after(std::string_view keyword);
  /// Starts a section whose keywords may repeat those before it (each
  /// `nexthop` of a multipath route has its own `via`).
  void begin_section() noexcept { keywords_.clear(); }
  /// The value of `keyword` as an integer of type T (decimal or 0x hex).
  template <std::integral T>
  T number_of(std::string_view keyword);
  /// The words not read yet.
  std::span<const std::string_view> rest() const noexcept { return words_.subspan(next_); }
  /// UsageError for the next word, which nothing accepted.
  [[noreturn]] void unknown() const;

 private:
  std::span<const std::string_view> words_;
  size_t next_ = 0;
  std::vector<std::string_view> keywords_;  // those value_of() read in this section
};

namespace detail {
// The value of digits (word without its prefix) in base; UsageError naming
// word and keyword when it is not a number or out of T's range.
template <std::integral T>
T parse_digits(std::string_view word, std::string_view digits, int base, std::string_view keyword) {
  unsigned long long value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
      value > static_cast<unsigned long long>(std::numeric_limits<T>::max())) {
    throw UsageError(quoted(word) + " is not a valid " + std::string(keyword) + " (0 to " +
                     std::to_string(std::numeric_limits<T>::max()) + ")");
  }
  return static_cast<T>(value);
}
}  // namespace detail

/// An integer word (decimal, or hex with 0x) of type T; out of T's range or
/// not a number is a UsageError naming the word and its keyword.
template <std::integral T>
T parse_number(std::string_view word, std::string_view keyword) {
  const bool hex = word.starts_with("0x") || word.starts_with("0X");
  return detail::parse_digits<T>(word, hex ? word.substr(2) : word, hex ? 16 : 10, keyword);
}

/// A hex word with or without 0x ("ffff", "0x0f00"), as tc reads masks
/// and htb's default class.
template <std::integral T>
T parse_hex_number(std::string_view word, std::string_view keyword) {
  const bool prefixed = word.starts_with("0x") || word.starts_with("0X");
  return detail::parse_digits<T>(word, prefixed ? word.substr(2) : word, 16, keyword);
}

/// An unsigned number as strtoul() reads it in base, the way tc's
/// get_u8(), get_u16() and get_u32() take them: 10, 16 (with or without
/// 0x), or 0 (0x hex, 0 octal, else decimal); none when it is not one or
/// does not fit T.
template <std::unsigned_integral T>
std::optional<T> read_number(std::string_view word, int base) {
  std::string_view digits = word;
  if ((base == 0 || base == 16) && (digits.starts_with("0x") || digits.starts_with("0X"))) {
    digits.remove_prefix(2);
    base = 16;
  } else if (base == 0) {
    base = digits.size() > 1 && digits.front() == '0' ? 8 : 10;
  }
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
      value > std::numeric_limits<T>::max())
    return std::nullopt;
  return static_cast<T>(value);
}

template <std::integral T>
T Words::number_of(std::string_view keyword) {
  return parse_number<T>(value_of(keyword), keyword);
}

}  // namespace nlpp::cli
