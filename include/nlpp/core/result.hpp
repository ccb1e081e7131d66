// Result<T>: a value or an nlpp::Error. A small std::expected stand-in,
// because clang 14 with Debian 12's libstdc++ has no usable <expected>.
#pragma once

#include <nlpp/core/error.hpp>

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace nlpp {

/// A value of type T, or the Error that prevented it.
template <class T>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<std::remove_cv_t<T>, Error>, "Result<Error> is ambiguous");

 public:
  using value_type = T;

  template <class U = T,
            std::enable_if_t<std::is_constructible_v<T, U&&> &&
                                 !std::is_same_v<std::decay_t<U>, Error> &&
                                 !std::is_same_v<std::decay_t<U>, Result>,
                             int> = 0>
  Result(U&& value) : state_(std::in_place_index<0>, std::forward<U>(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}     // NOLINT: implicit by design

  bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  /// The value; throws nlpp::Exception (a std::system_error) when this holds an error.
  T& value() & { return checked(), *std::get_if<0>(&state_); }
  const T& value() const& { return checked(), *std::get_if<0>(&state_); }
  // By value, not T&&: `for (auto& x : *make_result())` then iterates a
  // live temporary instead of one destroyed before the loop body runs.
  T value() && { return checked(), std::move(*std::get_if<0>(&state_)); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  /// The error; only valid when !has_value().
  const Error& error() const& {
    assert(!has_value());
    return *std::get_if<1>(&state_);
  }
  Error&& error() && {
    assert(!has_value());
    return std::move(*std::get_if<1>(&state_));
  }

  template <class U>
  T value_or(U&& fallback) const& {
    return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  void checked() const {
    if (!has_value()) throw Exception(error());
  }
  std::variant<T, Error> state_;
};

/// Success, or the Error that prevented it.
template <>
class [[nodiscard]] Result<void> {
 public:
  using value_type = void;

  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT: implicit by design

  bool has_value() const noexcept { return !failed_; }
  explicit operator bool() const noexcept { return has_value(); }

  /// Throws nlpp::Exception (a std::system_error) when this holds an error.
  void value() const {
    if (failed_) throw Exception(error_);
  }
  const Error& error() const& {
    assert(failed_);
    return error_;
  }
  Error&& error() && {
    assert(failed_);
    return std::move(error_);
  }

 private:
  Error error_;
  bool failed_ = false;
};

}  // namespace nlpp
