#include <nlpp/schema/decoded_message.hpp>

#include <nlpp/schema/integer_codec.hpp>

#include "nesting.hpp"

#include <linux/netlink.h>

#include <algorithm>

namespace nlpp::schema {

std::optional<std::variant<Unsigned, Signed, Binary>> DecodedStruct::member(std::string_view name) const {
  if (descriptor == nullptr) return std::nullopt;
  const auto it = std::find_if(descriptor->members.begin(), descriptor->members.end(),
                               [&](const StructMember& m) { return m.name == name; });
  if (it == descriptor->members.end()) return std::nullopt;
  return member(*it);
}

std::optional<std::variant<Unsigned, Signed, Binary>> DecodedStruct::member(const StructMember& wanted) const {
  if (wanted.type == Type::pad || size_t{wanted.offset} + wanted.length > bytes.size()) return std::nullopt;
  const wire::Bytes field = wire::Bytes(bytes).subspan(wanted.offset, wanted.length);
  if (wanted.type == Type::binary) return Binary{{field.begin(), field.end()}};
  const auto integer = read_integer(wanted.type, wanted.byte_order, field);
  if (!integer) return std::nullopt;
  return std::visit([](auto number) -> std::variant<Unsigned, Signed, Binary> { return number; }, *integer);
}

uint16_t DecodedAttribute::type() const noexcept { return raw_type & NLA_TYPE_MASK; }

std::string DecodedAttribute::name() const { return detail::path_component(descriptor, type()); }

const std::vector<DecodedAttribute>& DecodedAttribute::children() const noexcept {
  static const std::vector<DecodedAttribute> none;
  if (const auto* nested = get<Nested>()) return nested->attributes;
  if (const auto* sub_message = get<SubMessageValue>()) return sub_message->attributes;
  return none;
}

const DecodedAttribute* find_attribute(const std::vector<DecodedAttribute>& attributes, std::string_view path) {
  const size_t dot = path.find('.');
  const std::string_view first = path.substr(0, dot);
  for (const DecodedAttribute& attribute : attributes) {
    if (attribute.name() != first) continue;
    if (dot == std::string_view::npos) return &attribute;
    return find_attribute(attribute.children(), path.substr(dot + 1));
  }
  return nullptr;
}

}  // namespace nlpp::schema
