#include <nlpp/schema/attribute_path.hpp>

#include <nlpp/schema/netlink_protocol.hpp>

#include "nesting.hpp"

#include <array>

namespace nlpp::schema {
namespace {

using detail::Children;
using detail::Scope;

void append(std::string& path, std::string_view component) {
  if (!path.empty()) path += '.';
  path += component;
}

bool holds_attributes(Type type) noexcept {
  return type == Type::nest || type == Type::indexed_array || type == Type::nest_type_value ||
         type == Type::sub_message;
}

// What to find: the attribute that covers `offset`, or, with `missing`
// set, the nest that starts at `offset` and then its child of that type.
struct Target {
  size_t offset;
  std::optional<uint16_t> missing;
};

// Appends the names from this level down to the target. True when
// found: for an offset, the innermost attribute covering it (an offset in a
// payload that holds no attribute there names the payload's attribute);
// for a missing attribute, only the exact nest.
bool locate(const Children& level, const Scope* outer, Target target, unsigned depth, std::string& path) {
  const wire::Bytes area = level.area;
  const Scope scope{wire::AttributeRange(area), level.set, outer};
  for (const wire::Attribute& attribute : scope.attributes) {
    const auto start = static_cast<size_t>(attribute.bytes().data() - area.data());
    if (target.offset < start || target.offset >= start + attribute.bytes().size()) continue;
    const Attribute* descriptor = level.find(attribute.type());
    append(path, detail::path_component(descriptor, attribute.type()));
    const std::optional<Children> children =
        descriptor ? detail::children_of(*descriptor, attribute.payload(), scope) : std::nullopt;
    if (target.missing && target.offset == start) {
      if (descriptor && !holds_attributes(descriptor->type)) return false;  // the kernel names only nests
      append(path, detail::path_component(children ? children->find(*target.missing) : nullptr, *target.missing));
      return true;
    }
    const auto children_start = children ? static_cast<size_t>(children->area.data() - area.data()) : 0;
    if (!children || depth >= detail::max_depth || target.offset < children_start) return !target.missing;
    std::string inner;
    const bool found = locate(*children, &scope, {target.offset - children_start, target.missing}, depth + 1, inner);
    if (found) append(path, inner);
    return found || !target.missing;
  }
  return false;
}

// Where a request's attributes start (from the start of the nlmsghdr) and
// the headers before them, in order.
struct Layout {
  size_t attributes_offset = wire::Message::header_size;
  std::array<const Struct*, 2> headers{};  ///< genlmsghdr, then the fixed header; nullptr when absent
};

Layout layout(const MessageType& type, FamilyKind kind) {
  Layout layout;
  if (kind == FamilyKind::genetlink) layout.headers[0] = &genl_header;
  layout.headers[1] = type.fixed_header;
  for (const Struct* header : layout.headers)
    if (header != nullptr) layout.attributes_offset += wire::align4(header->size);
  return layout;
}

// The member of the headers that byte `offset` (from the start of the
// nlmsghdr, before the attributes) falls in; "" in the nlmsghdr or padding.
std::string header_member(const Layout& layout, size_t offset) {
  size_t start = wire::Message::header_size;
  for (const Struct* header : layout.headers) {
    if (header == nullptr) continue;
    for (const StructMember& member : header->members)
      if (member.type != Type::pad && offset >= start + member.offset && offset < start + member.offset + member.length)
        return std::string(member.name);
    start += wire::align4(header->size);
  }
  return {};
}

// The request's attributes as one level; nullopt when the request is not
// a whole message or is shorter than its headers.
std::optional<Children> top_level(const MessageType& type, const Layout& layout, const wire::Message& request) {
  const wire::Bytes bytes = request.bytes();
  if (bytes.size() < wire::Message::header_size || request.length() != bytes.size()) return std::nullopt;
  if (bytes.size() < layout.attributes_offset) return std::nullopt;
  return Children(bytes.subspan(layout.attributes_offset), type.attributes);
}

}  // namespace

std::string attribute_path(const MessageType& request_type, const wire::Message& request, uint32_t offset,
                           FamilyKind kind) {
  const Layout shape = layout(request_type, kind);
  const std::optional<Children> top = top_level(request_type, shape, request);
  if (!top) return {};
  if (offset < shape.attributes_offset) return header_member(shape, offset);
  std::string path;
  locate(*top, nullptr, {offset - shape.attributes_offset, std::nullopt}, 0, path);
  return path;
}

std::string missing_attribute_path(const MessageType& request_type, const wire::Message& request, uint16_t missing_type,
                                   std::optional<uint32_t> missing_nest, FamilyKind kind) {
  if (!missing_nest) {
    const AttributeSet* set = request_type.attributes;
    return detail::path_component(set ? set->find(missing_type) : nullptr, missing_type);
  }
  const Layout shape = layout(request_type, kind);
  const std::optional<Children> top = top_level(request_type, shape, request);
  if (!top || *missing_nest < shape.attributes_offset) return {};
  std::string path;
  const Target target{*missing_nest - shape.attributes_offset, missing_type};
  return locate(*top, nullptr, target, 0, path) ? path : std::string();
}

void name_ack_attributes(ExtendedAck& ack, const MessageType& request_type, const wire::Message& request,
                         FamilyKind kind) {
  if (ack.offset) ack.attribute_path = attribute_path(request_type, request, *ack.offset, kind);
  if (ack.missing_type)
    ack.missing_attribute = missing_attribute_path(request_type, request, *ack.missing_type, ack.missing_nest, kind);
}

}  // namespace nlpp::schema
