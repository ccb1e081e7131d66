// Values as text for people: kernel enum values by name (iproute2's words,
// one small table per enum) and bit masks in hex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace nlpp::rtnl::link {

/// One value and its name.
template <class E>
struct EnumName {
  E value;
  std::string_view name;
};

/// The name of value in names, or its number when it has none.
template <class E, size_t N>
std::string name_of(E value, const EnumName<E> (&names)[N]) {
  for (const EnumName<E>& entry : names)
    if (entry.value == value) return std::string(entry.name);
  return std::to_string(static_cast<std::underlying_type_t<E>>(value));
}

/// "0x1f".
std::string hex(uint64_t value);

}  // namespace nlpp::rtnl::link
