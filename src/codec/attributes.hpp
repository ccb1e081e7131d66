// Reading and writing attributes outside the field tables (field_table.hpp):
// fixed-size payloads and addresses read without building a Result (the
// hot paths of dumps), one pass over a range that still notices a
// malformed attribute, messages split into their fixed header and
// attributes, the attributes an object does not model kept and emitted
// again, and parse errors that name the object.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::codec {

/// Stores a fixed-size attribute's payload in out; false when its size is not
/// sizeof(T) (out is left alone). Cheaper than Attribute::u32() and friends
/// on a path that runs a million times per dump.
template <class T>
bool read(const wire::Attribute& attribute, T& out) noexcept {
  if (attribute.payload().size() != sizeof(T)) return false;
  out = wire::load<T>(attribute.payload());
  return true;
}

/// Like read(), into an optional.
template <class T>
bool read(const wire::Attribute& attribute, std::optional<T>& out) noexcept {
  T value{};
  if (!read(attribute, value)) return false;
  out = value;
  return true;
}

/// Reads an address of the family (4 or 16 bytes); false on another size.
bool read_address(wire::Bytes bytes, int family, IpAddress& out) noexcept;

/// Unknown attributes as text for a diff: "type 9: 0a000001, type 12: ..." (hex payloads).
std::string describe_raw(const std::vector<RawAttribute>& attributes);

/// errc::malformed_attribute naming the object and the attribute ("route:
/// attribute type 4 with a payload of 2 bytes").
Error bad_attribute(std::string_view what, const wire::Attribute& attribute);

/// errc::malformed_attribute when attributes did not tile their area exactly:
/// consumed is the sum of the padded sizes of those that were read.
Result<void> check_consumed(std::string_view what, wire::AttributeRange attributes, size_t consumed);

/// Calls handle(attribute) for each attribute, in one pass. handle returns
/// false for an attribute it cannot read (a wrong size), which ends the
/// parse with bad_attribute(what, it); bytes that are not a whole attribute
/// end it too, so a parse never silently stops short.
template <class Handler>
Result<void> parse_attributes(std::string_view what, wire::AttributeRange attributes, Handler&& handle) {
  size_t consumed = 0;
  for (const wire::Attribute& attribute : attributes) {
    consumed += wire::align4(attribute.bytes().size());
    if (!handle(attribute)) return bad_attribute(what, attribute);
  }
  return check_consumed(what, attributes, consumed);
}

/// error, with the object being parsed in front of its context
/// ("neighbour: attribute type 2: payload of 3 bytes, expected 6").
Error parse_error(std::string_view what, const Error& error);

/// A message's fixed header and the attributes after it.
template <class Header>
struct MessageParts {
  Header header;
  wire::AttributeRange attributes;
};

/// Splits a message into its fixed header and attributes; an error naming
/// the object when it is too short for the header. Whether the attributes
/// tile the rest is for the pass that reads them to notice.
template <class Header>
Result<MessageParts<Header>> split_message(std::string_view what, const wire::Message& message) {
  Result<Header> header = message.fixed_header<Header>();
  if (!header) return parse_error(what, header.error());
  // Cannot fail once the header fits.
  return MessageParts<Header>{*header, *message.attributes(sizeof(Header))};
}

/// Keeps an attribute the object does not model, flags included.
inline void keep_unknown(std::vector<RawAttribute>& unknown, const wire::Attribute& attribute) {
  const wire::Bytes payload = attribute.payload();
  unknown.push_back({attribute.raw_type(), {payload.begin(), payload.end()}});
}

/// Emits the kept attributes again, as they came.
inline void emit_unknown(const std::vector<RawAttribute>& unknown, wire::MessageBuilder& builder) {
  for (const RawAttribute& attribute : unknown) builder.add(attribute.type, attribute.payload);
}

}  // namespace nlpp::codec
