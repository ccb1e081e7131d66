// Comparing two objects attribute by attribute: what IPDB's transactions
// apply and verify, and what people read in a diff.
#pragma once

#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace nlpp {

/// One field that differs between two objects, both values as text ("" for absent).
struct FieldChange {
  std::string_view field;  ///< the field's name in the object ("mtu", "gateway")
  std::string before;
  std::string after;

  friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

/// A field's value as a diff shows it: bools as "true"/"false", numbers in
/// decimal, text as itself, a type with a to_string() (member, or free
/// function found by ADL: IpAddress, FlagSet, OperState, RouteType...)
/// through it, other enums by their number, "" for an absent optional, and
/// lists with their elements joined by ','.
template <class T>
std::string to_text(const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_arithmetic_v<T>) {
    return std::to_string(value);
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    return std::string(std::string_view(value));
  } else if constexpr (requires { value.to_string(); }) {
    return std::string(value.to_string());
  } else if constexpr (requires { to_string(value); }) {
    return std::string(to_string(value));
  } else if constexpr (std::is_enum_v<T>) {
    return std::to_string(static_cast<std::underlying_type_t<T>>(value));
  } else if constexpr (requires { value.has_value(); }) {
    return value ? to_text(*value) : std::string();
  } else {
    static_assert(std::ranges::input_range<T>, "to_text: no text for this type; give it a to_string()");
    std::string text;
    for (const auto& element : value) text += (text.empty() ? "" : ",") + to_text(element);
    return text;
  }
}

/// Collects FieldChanges; objects' diff functions call field() per member.
/// Values are shown through to_text() above.
class FieldDiff {
 public:
  template <class T>
  FieldDiff& field(std::string_view name, const T& before, const T& after) {
    if (!(before == after)) changes_.push_back({name, to_text(before), to_text(after)});
    return *this;
  }
  std::vector<FieldChange> take() && { return std::move(changes_); }

 private:
  std::vector<FieldChange> changes_;
};

}  // namespace nlpp
