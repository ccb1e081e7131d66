// Rare<T>: the parts of an object that most instances lack (a route's
// metrics, multipath, encapsulation...), kept behind one pointer so that an
// ordinary object pays 8 bytes and no allocation for them. A 1M-route table
// is mostly routes without any of these parts.
#pragma once

#include <memory>
#include <utility>

namespace nlpp::rtnl {

/// Holds a T on the heap only once something has been set in it. Reading an
/// absent one sees a default-constructed T, so readers never check first
/// (`route.extras->metrics.mtu`); writers go through edit(), which allocates
/// on first use. Copies are deep; comparison is by value, an absent T being
/// equal to a default-constructed one.
template <class T>
class Rare {
 public:
  Rare() noexcept = default;
  /// Holds value: `.extras = {{.metrics = {.mtu = 1400}}}` (the outer braces
  /// are the Rare, the inner ones the T).
  Rare(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit by design
  Rare(const Rare& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  Rare(Rare&&) noexcept = default;
  Rare& operator=(const Rare& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  Rare& operator=(Rare&&) noexcept = default;
  ~Rare() = default;

  /// The value, or a shared default-constructed T when none was set.
  const T& operator*() const noexcept { return value_ ? *value_ : empty(); }
  const T* operator->() const noexcept { return &**this; }

  /// The value to change, default-constructed on first use.
  T& edit() {
    if (!value_) value_ = std::make_unique<T>();
    return *value_;
  }

  /// The value when one was allocated, else nullptr (for code that must
  /// not allocate what is absent).
  T* get() noexcept { return value_.get(); }
  const T* get() const noexcept { return value_.get(); }

  /// Whether a T has been allocated (it may still equal a default one).
  bool allocated() const noexcept { return value_ != nullptr; }

  friend bool operator==(const Rare& a, const Rare& b) { return *a == *b; }

 private:
  static const T& empty() noexcept {
    static const T value{};
    return value;
  }

  std::unique_ptr<T> value_;
};

}  // namespace nlpp::rtnl
