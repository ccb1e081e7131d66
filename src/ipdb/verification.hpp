// Internal: whether the kernel holds what a change asked for, as the
// cache shows it. A change asks for the fields it sets (those that differ
// from a default-constructed object); the kernel's object must have each
// with that value, and may have any others (what the kernel fills in).
#pragma once

#include <nlpp/codec/field_change.hpp>
#include <nlpp/io/verb.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/rtnl/route.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace nlpp::ipdb {

/// Fields not compared as text: a link's flags and a route's paths (their
/// own checks below), what the kernel never reports back (a veth's peer,
/// the namespace a link was sent to).
inline bool checked_apart(std::string_view field) {
  static constexpr std::array<std::string_view, 5> fields{"flags", "data", "data.peer", "net_ns", "multipath"};
  return std::ranges::find(fields, field) != fields.end();
}

/// The first field of asked that found does not hold, as "mtu: asked 9000,
/// the kernel has 1500"; nothing when every asked field holds.
template <class T>
std::optional<std::string> unmet_field(const T& asked, const T& found) {
  // The fields that differ, of which those the request set (differ from
  // a default object's) are unmet; the others the kernel filled in.
  const std::vector<FieldChange> differing = rtnl::ObjectTraits<T>::diff(asked, found);
  if (differing.empty()) return std::nullopt;
  const std::vector<FieldChange> set = rtnl::ObjectTraits<T>::diff(T{}, asked);
  for (const FieldChange& field : differing) {
    if (checked_apart(field.field) || std::ranges::find(set, field.field, &FieldChange::field) == set.end()) continue;
    return std::string(field.field) + ": asked " + (field.before.empty() ? "none" : field.before) +
           ", the kernel has " + (field.after.empty() ? "none" : field.after);
  }
  return std::nullopt;
}

/// The checks of the fields checked apart: a link's flags in its change
/// mask; a route's paths, each with its gateway, weight, and link when
/// asked (the kernel fills in the link and adds flags of its state).
std::optional<std::string> unmet_apart(const rtnl::Link& asked, const rtnl::Link& found);
std::optional<std::string> unmet_apart(const rtnl::Route& asked, const rtnl::Route& found);
template <class T>
std::optional<std::string> unmet_apart(const T&, const T&) {
  return std::nullopt;
}

/// A quick yes for the common case, no string made: a route asked with
/// plain fields only (no metrics, paths or encapsulation: the bulk of a big
/// transaction) holds when found, with every field asked written in, is
/// still found. false means "look closer" (unmet_field), not "unmet".
bool holds_plainly(const rtnl::Route& asked, const rtnl::Route& found);
template <class T>
bool holds_plainly(const T&, const T&) {
  return false;
}

/// Whether verb on object takes it away: a deletion, or a link sent to
/// another namespace.
template <class T>
bool removes(io::Verb verb, const T& object) {
  if constexpr (std::is_same_v<T, rtnl::Link>)
    if (object.net_ns) return true;
  return verb == io::Verb::del;
}

/// Why verb on asked is not what the kernel holds (found: the object with
/// its key, if any); nothing when it is. A vlan change is about the vids
/// it names: each has the flags asked (or is gone, for del), whatever the
/// port's other vids are.
std::optional<std::string> unmet(io::Verb verb, const rtnl::BridgeVlan& asked, const rtnl::BridgeVlan* found);
template <class T>
std::optional<std::string> unmet(io::Verb verb, const T& asked, const T* found) {
  if (removes(verb, asked)) return found ? std::optional<std::string>("still there") : std::nullopt;
  if (!found) return "not there";
  if (holds_plainly(asked, *found)) return std::nullopt;
  if (std::optional<std::string> apart = unmet_apart(asked, *found)) return apart;
  return unmet_field(asked, *found);
}

}  // namespace nlpp::ipdb
