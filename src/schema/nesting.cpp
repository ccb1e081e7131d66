#include "nesting.hpp"

#include <nlpp/schema/integer_codec.hpp>

#include <algorithm>
#include <string_view>

namespace nlpp::schema::detail {
namespace {

// The selector's value as the text a SubMessageFormat is keyed by: a
// string's text, or an integer's enum name (nftables picks object data by
// NFTA_OBJ_TYPE). nullopt when the value has no such text.
std::optional<std::string_view> selector_text(const Attribute& selector, const wire::Attribute& attribute) noexcept {
  if (selector.type == Type::string) return attribute.string();
  if (selector.enumeration == nullptr) return std::nullopt;
  const auto integer = read_integer(selector.type, selector.byte_order, attribute.payload());
  const auto* number = integer ? std::get_if<Unsigned>(&*integer) : nullptr;
  if (number == nullptr) return std::nullopt;
  const EnumEntry* entry = selector.enumeration->find(number->value);
  return entry ? std::optional(entry->name) : std::nullopt;
}

// Looks for the selector at the sub-message's own level, then outwards: tc
// stats pick their format by TCA_KIND, two levels up (as YNL resolves it).
const SubMessageFormat* select_format(const Attribute& sub_message, const Scope& scope) noexcept {
  if (sub_message.sub_message == nullptr) return nullptr;
  for (const Scope* level = &scope; level != nullptr; level = level->outer) {
    const Attribute* selector = level->set ? level->set->find(sub_message.selector) : nullptr;
    if (selector == nullptr) continue;
    const auto attribute = level->attributes.find(selector->id);
    if (!attribute) continue;
    const auto text = selector_text(*selector, *attribute);
    return text ? sub_message.sub_message->find(*text) : nullptr;
  }
  return nullptr;
}

}  // namespace

Attribute element_descriptor(const Attribute& array) noexcept {
  Attribute element = array;
  element.id = 0;
  element.name = {};
  // An indexed array holds nests of `nested`, or scalars of `element`; a
  // nest-type-value always holds nests.
  element.type = array.type == Type::indexed_array && array.nested == nullptr ? array.element : Type::nest;
  return element;
}

std::optional<Children> children_of(const Attribute& descriptor, wire::Bytes payload, const Scope& scope) noexcept {
  switch (descriptor.type) {
    case Type::nest:
      return Children(payload, descriptor.nested);
    case Type::indexed_array:
    case Type::nest_type_value:
      return Children(payload, nullptr, element_descriptor(descriptor));
    case Type::sub_message: {
      const SubMessageFormat* format = select_format(descriptor, scope);
      if (format == nullptr) return std::nullopt;
      size_t header_length = 0;
      if (format->fixed_header != nullptr) {
        if (payload.size() < format->fixed_header->size) return std::nullopt;
        // Attributes after a fixed header start 4-byte aligned, like a message's.
        header_length = std::min(wire::align4(format->fixed_header->size), payload.size());
      }
      return Children(payload.subspan(header_length), format->attributes, std::nullopt, format);
    }
    default:
      return std::nullopt;
  }
}

std::string path_component(const Attribute* descriptor, uint16_t type) {
  if (descriptor != nullptr && !descriptor->name.empty()) return std::string(descriptor->name);
  return std::to_string(type);
}

}  // namespace nlpp::schema::detail
