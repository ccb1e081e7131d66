// What the parse and emit functions of RTNL objects share: splitting a
// message into its fixed header and attributes, reading an attribute into
// a field, naming the object in a parse error, and keeping the attributes
// an object does not model.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/raw_attribute.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "attribute_codec.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nlpp::rtnl::detail {

/// error, with the object being parsed in front of its context
/// ("neighbour: attribute type 2: payload of 3 bytes, expected 6").
inline Error parse_error(std::string_view object, const Error& error) {
  return Error(error.code(), std::string(object) + ": " + error.context());
}

/// Splits message into its fixed header and attributes, checking that the
/// attributes tile the rest of it (a malformed one would otherwise end the
/// iteration silently). Parsers that walk the attributes with
/// codec::parse_attributes(), which notices that itself in the same pass,
/// use codec::split_message() instead.
template <class Header>
Result<codec::MessageParts<Header>> split_message(std::string_view object, const wire::Message& message) {
  Result<codec::MessageParts<Header>> parts = codec::split_message<Header>(message);
  if (!parts) return parse_error(object, parts.error());
  if (Result<void> tiled = parts->attributes.validate(); !tiled) return parse_error(object, tiled.error());
  return parts;
}

/// Calls read(attribute) on each attribute; the first error ends it.
template <class Read>
Result<void> read_each(std::string_view object, const wire::AttributeRange& attributes, Read&& read) {
  for (const wire::Attribute& attribute : attributes) {
    if (Result<void> done = read(attribute); !done) return parse_error(object, done.error());
  }
  return {};
}

/// Stores a value read from an attribute in field (constructing the field's
/// type from it: a FlagSet from its bits), or returns the read's error.
template <class Field, class Value>
Result<void> store(Field& field, Result<Value> value) {
  if (!value) return std::move(value).error();
  field = Field(std::move(*value));
  return {};
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

}  // namespace nlpp::rtnl::detail
