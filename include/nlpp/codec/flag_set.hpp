// Kernel flag fields (ifa_flags, ndm_state, ndm_flags...) as typed sets:
// FlagSet<AddressFlag> holds the bits of the field, named by an enum class
// whose enumerators are the kernel's single-bit values.
#pragma once

#include <charconv>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace nlpp {

/// One flag and the name people know it by (iproute2's word).
template <class Flag>
struct FlagName {
  Flag flag;
  std::string_view name;
};

/// The bits of one kernel flags field, typed by Flag, an enum class of
/// single-bit values. Bits that Flag does not name are kept as they are, so
/// a parse -> emit round trip loses nothing.
///
/// to_string() names the bits through `flag_names(Flag)`, which the header
/// declaring Flag provides (found by argument-dependent lookup) and which
/// returns a std::span<const FlagName<Flag>>.
template <class Flag>
class FlagSet {
  static_assert(std::is_enum_v<Flag>);

 public:
  using Bits = std::underlying_type_t<Flag>;

  constexpr FlagSet() noexcept = default;
  constexpr FlagSet(std::initializer_list<Flag> flags) noexcept {
    for (Flag flag : flags) bits_ |= bit(flag);
  }
  /// The set as the kernel's field holds it; unnamed bits included.
  explicit constexpr FlagSet(Bits bits) noexcept : bits_(bits) {}

  constexpr Bits bits() const noexcept { return bits_; }
  constexpr bool empty() const noexcept { return bits_ == 0; }
  constexpr bool contains(Flag flag) const noexcept { return (bits_ & bit(flag)) != 0; }
  /// Whether every flag of other is in this set.
  constexpr bool contains_all(FlagSet other) const noexcept { return (bits_ & other.bits_) == other.bits_; }
  /// Whether this set and other share a flag.
  constexpr bool intersects(FlagSet other) const noexcept { return (bits_ & other.bits_) != 0; }

  constexpr FlagSet& insert(Flag flag) noexcept {
    bits_ = static_cast<Bits>(bits_ | bit(flag));
    return *this;
  }
  constexpr FlagSet& erase(Flag flag) noexcept {
    bits_ = static_cast<Bits>(bits_ & ~bit(flag));
    return *this;
  }

  /// The names of the flags, space separated, in the order flag_names()
  /// lists them; unnamed bits follow in hex ("nodad noprefixroute 0x10000").
  std::string to_string() const {
    std::string text;
    Bits named = 0;
    const auto append = [&text](std::string_view word) {
      if (!text.empty()) text += ' ';
      text += word;
    };
    for (const FlagName<Flag>& entry : flag_names(Flag{})) {
      if (!contains(entry.flag)) continue;
      named = static_cast<Bits>(named | bit(entry.flag));
      append(entry.name);
    }
    if (const Bits rest = static_cast<Bits>(bits_ & ~named); rest != 0) {
      char hex[2 * sizeof(Bits)];
      append("0x" + std::string(hex, std::to_chars(hex, hex + sizeof hex, rest, 16).ptr));
    }
    return text;
  }

  friend constexpr bool operator==(FlagSet, FlagSet) noexcept = default;
  friend constexpr auto operator<=>(FlagSet, FlagSet) noexcept = default;

 private:
  static constexpr Bits bit(Flag flag) noexcept { return static_cast<Bits>(flag); }

  Bits bits_ = 0;
};

}  // namespace nlpp
