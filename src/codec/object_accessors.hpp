// Lines that reach their value otherwise than through one data member
// (field.hpp's Accessor): the whole object, for a codec that writes one
// attribute from several members, and a value derived from the object,
// for a diff that compares what no member holds as such.
#pragma once

namespace nlpp::codec {

/// The object itself: the line of a codec that needs several members
/// (IFA_ADDRESS and IFA_LOCAL from local and peer, a nest holding two
/// members). Such a codec says `static constexpr bool compared = false`:
/// the members have lines of their own, which diffs name.
template <class Owner>
struct WholeObject {
  using owner_type = Owner;
  using value_type = Owner;

  constexpr const Owner& get(const Owner& owner) const noexcept { return owner; }
  constexpr Owner& edit(Owner& owner) const noexcept { return owner; }
};

/// A value computed from the object, for a Compared line: one lifetime of
/// an optional struct, a list as the text people read.
template <class Owner, class Value>
struct Derived {
  using owner_type = Owner;
  using value_type = Value;
  Value (*derive)(const Owner&);

  Value get(const Owner& owner) const { return derive(owner); }
  /// Accessor asks for one, but nothing writes a derived value: a Compared
  /// line never calls it, and any other use fails to link.
  Value& edit(Owner& owner) const;
};

}  // namespace nlpp::codec
