// LinkRef: how an object refers to a link (a route's oif, a port's master,
// an address's or a neighbour's link...): by ifindex, as the kernel does,
// or by name, as people do. A session resolves names in its own namespace
// just before it sends the request; a parsed object always holds ifindexes.
//
//     ipr.add(Route{.dst = "198.51.100.0/24", .oif = "veth0"});
//     ipr.add(Link{.name = "v0", .master = "br0", .info = link::Veth{.peer = Link{.name = "v0p"}}});
#pragma once

#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>

namespace nlpp::rtnl {

/// A link by ifindex, or by name (or altname) until a session resolves it.
/// 4 bytes and trivially copyable, like the ifindex it stands for: a name
/// is interned (kept for the life of the process, shared by every LinkRef
/// that names it) and the LinkRef holds its number with the top bit set,
/// which no ifindex has (the kernel's are positive ints).
///
/// A LinkRef converts to its uint32_t, so it compares with and reads as an
/// ifindex: `route.oif == 3`, `names.name(route.oif)`. A name not resolved
/// yet converts to a number no link has; is_name() tells.
class LinkRef {
 public:
  /// What it is in a message: the ifindex, a u32.
  using wire_type = uint32_t;

  /// No link (ifindex 0).
  constexpr LinkRef() noexcept = default;
  /// The link of this ifindex. (Any integer, so that a literal 0 is an
  /// ifindex rather than a null name.)
  template <std::integral Integer>
    requires(!std::same_as<Integer, bool>)
  constexpr LinkRef(Integer ifindex) noexcept : value_(static_cast<uint32_t>(ifindex)) {}  // NOLINT: implicit
  /// The link of this name: "br0". Checked when resolved (validate_link_name()).
  LinkRef(std::string_view name);                                  // NOLINT: implicit by design
  LinkRef(const char* name) : LinkRef(std::string_view(name)) {}   // NOLINT: implicit by design
  LinkRef(const std::string& name) : LinkRef(std::string_view(name)) {}  // NOLINT: implicit by design

  /// The ifindex, or the tagged number of a name not resolved yet.
  constexpr operator uint32_t() const noexcept { return value_; }  // NOLINT: implicit by design
  /// Whether this names a link rather than giving its ifindex.
  constexpr bool is_name() const noexcept { return (value_ & name_bit) != 0; }
  /// The name; empty for an ifindex.
  std::string_view name() const;

 private:
  static constexpr uint32_t name_bit = 0x80000000u;
  uint32_t value_ = 0;
};

/// Object is T or const T: one visit_links() beside each type that refers
/// to links serves reading them and resolving them (link_resolution.hpp).
template <class Object, class T>
concept SameOrConst = std::same_as<std::remove_const_t<Object>, T>;

/// "br0" for a name, the number for an ifindex.
std::string to_string(LinkRef link);
std::ostream& operator<<(std::ostream& out, LinkRef link);

}  // namespace nlpp::rtnl
