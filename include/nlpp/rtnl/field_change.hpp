// Comparing two objects attribute by attribute: what IPDB's transactions
// apply and verify, and what people read in a diff.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// One field that differs between two objects, both values as text ("" for absent).
struct FieldChange {
  std::string_view field;  ///< the field's name in the object ("mtu", "gateway")
  std::string before;
  std::string after;

  friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

/// Collects FieldChanges; objects' diff functions call field() per member.
/// Values are shown through to_text() overloads found by ADL or below.
class FieldDiff {
 public:
  template <class T>
  FieldDiff& field(std::string_view name, const T& before, const T& after) {
    if (!(before == after)) changes_.push_back({name, text_of(before), text_of(after)});
    return *this;
  }
  std::vector<FieldChange> take() && { return std::move(changes_); }

 private:
  template <class T>
  static std::string text_of(const std::optional<T>& value) {
    return value ? text_of(*value) : std::string();
  }
  template <class T>
  static std::string text_of(const T& value) {
    if constexpr (std::is_arithmetic_v<T>) return std::to_string(value);
    else if constexpr (std::is_convertible_v<const T&, std::string_view>) return std::string(std::string_view(value));
    else return value.to_string();
  }

  std::vector<FieldChange> changes_;
};

}  // namespace nlpp::rtnl
