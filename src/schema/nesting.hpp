// Internal: what the decoder and the attribute-path walker share about
// descending into an attribute: which descriptors its children have, where
// they start, and how a sub-message finds its selector.
#pragma once

#include <nlpp/schema/schema.hpp>
#include <nlpp/wire/attribute.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace nlpp::schema::detail {

/// Nests deeper than this are left undecoded. Descriptor tables may be
/// recursive (nftables expressions, ovs actions), and input is untrusted;
/// the kernel's own policies stop at a depth of 10.
inline constexpr unsigned max_depth = 32;

/// One level of attributes being walked, and the level around it.
struct Scope {
  wire::AttributeRange attributes;
  const AttributeSet* set = nullptr;  ///< nullptr for the elements of an array
  const Scope* outer = nullptr;
};

/// How the children of an attribute are laid out and described.
struct Children {
  Children(wire::Bytes children_area, const AttributeSet* children_set, std::optional<Attribute> shared_element = {},
           const SubMessageFormat* sub_message_format = nullptr) noexcept
      : area(children_area), set(children_set), element(shared_element), format(sub_message_format) {}

  wire::Bytes area;                  ///< the attributes, after any sub-message fixed header
  const AttributeSet* set;           ///< describes each child by its type...
  std::optional<Attribute> element;  ///< ...or every child alike (indexed array, nest-type-value)
  const SubMessageFormat* format;    ///< set for a sub-message

  /// The descriptor of a child of this type; nullptr if unknown.
  const Attribute* find(uint16_t type) const noexcept { return element ? &*element : set ? set->find(type) : nullptr; }
};

/// The descriptor every child of an indexed array or a nest-type-value
/// shares, derived from the array's own descriptor.
Attribute element_descriptor(const Attribute& array) noexcept;

/// The children of an attribute described by `descriptor` with this payload,
/// found in `scope`; nullopt when it has none (a scalar), when a
/// sub-message's selector names no known format, or when the payload is
/// shorter than the format's fixed header.
std::optional<Children> children_of(const Attribute& descriptor, wire::Bytes payload, const Scope& scope) noexcept;

/// One component of an attribute path: the descriptor's name, or the type
/// number when there is no name (unknown attributes, array elements).
std::string path_component(const Attribute* descriptor, uint16_t type);

}  // namespace nlpp::schema::detail
