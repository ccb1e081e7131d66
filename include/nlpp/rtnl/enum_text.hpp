// Text for RTNL's enums, in iproute2's words: `to_string(value)` and
// `std::cout << value` for every enum of nlpp::rtnl and nlpp::rtnl::link.
// Each enum's header declares its to_string() (or, for flag enums, its
// flag_names() table) and includes this one, so including the enum's header
// is enough to print it:
//
//     std::cout << rtnl::OperState::up << ' ' << rtnl::NeighbourState::stale;  // "UP stale"
#pragma once

#include <nlpp/codec/flag_set.hpp>

#include <iosfwd>
#include <string>
#include <type_traits>

namespace nlpp::rtnl {

/// Never defined: argument-dependent lookup finds it for the types of
/// nlpp::rtnl, and of nlpp::rtnl::link through the using-declaration at the
/// end, and for no others. That is how operator<< below tells RTNL's enums
/// from everyone else's, which it must leave alone.
template <class T>
void rtnl_enum_mark(T) noexcept;

namespace enum_text {

// Stops ordinary lookup here, before it reaches nlpp::rtnl's mark: only
// argument-dependent lookup, from the enum's own namespace, can find one.
void rtnl_enum_mark() = delete;

/// An enum whose single flags are named by a `flag_names(Flag)` table found
/// by argument-dependent lookup (AddressFlag, NeighbourState...).
template <class Flag>
concept NamedFlag = std::is_enum_v<Flag> && requires(Flag flag) {
  flag_names(flag);
};

/// One flag by the word the table gives it ("permanent", "mngtmpaddr"), as
/// the set of that flag alone prints: a flag enum needs no second table,
/// and a value the table does not name reads as its hex ("0x100"). Enums
/// with a to_string() of their own are not flag enums; even if one were,
/// its non-template overload would win over this template.
template <NamedFlag Flag>
std::string to_string(Flag flag) {
  return FlagSet<Flag>{flag}.to_string();
}

/// An enum of nlpp::rtnl or nlpp::rtnl::link with a to_string() found by
/// argument-dependent lookup (its own, or the one above for flags).
template <class E>
concept RtnlTextEnum = std::is_enum_v<E> && requires(E value) {
  rtnl_enum_mark(value);
  to_string(value);
};

/// Writes to_string(value): `std::cout << OperState::up` prints "UP".
/// Constrained to RTNL's enums so that it never competes with another
/// library's operator<<, and to enums so that format/json.hpp's operator<<
/// for objects (JsonWritable classes) never competes with it.
template <RtnlTextEnum E>
std::ostream& operator<<(std::ostream& out, E value) {
  return out << to_string(value);
}

}  // namespace enum_text

// Argument-dependent lookup of an enum of nlpp::rtnl looks in nlpp::rtnl
// alone, not in enum_text; these declarations make the templates found there.
using enum_text::operator<<;
using enum_text::to_string;

namespace link {

// The same for the link kinds' enums (MacvlanMode, BondMode...): lookup for
// them starts and ends in nlpp::rtnl::link.
using rtnl::rtnl_enum_mark;
using enum_text::operator<<;
using enum_text::to_string;

}  // namespace link

}  // namespace nlpp::rtnl
