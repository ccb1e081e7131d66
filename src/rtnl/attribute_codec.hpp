// Small pieces the typed RTNL codecs use on their hot paths (routes,
// nexthops and rules; any object may): reading fixed-size attributes and
// addresses without building a Result, walking the attributes in one pass
// that still notices a malformed one, naming a bad attribute or argument in
// an error. object_codec.hpp has the rest (unknown attributes kept and
// emitted again, parse errors named after the object).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/ip_address.hpp>
#include <nlpp/rtnl/raw_attribute.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace nlpp::rtnl::codec {

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

/// errc::malformed_attribute naming the object and field ("route oif:
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

/// errc::invalid_argument with the field and why: "route dst: ...".
Error invalid(std::string_view field, std::string_view why);

/// Checks a prefix of a route or rule (owner) of the family: no address and
/// length 0 (any), or an address of the family and a length it can have.
Result<void> validate_prefix(std::string_view field, const IpPrefix& prefix, int family, std::string_view owner);

/// A message's fixed header and the attributes after it.
template <class Header>
struct MessageParts {
  Header header;
  wire::AttributeRange attributes;
};

/// Splits a message into its fixed header and attributes; an error when it
/// is too short for the header.
template <class Header>
Result<MessageParts<Header>> split_message(const wire::Message& message) {
  Result<Header> header = message.fixed_header<Header>();
  if (!header) return std::move(header).error();
  // Cannot fail once the header fits.
  return MessageParts<Header>{*header, *message.attributes(sizeof(Header))};
}

}  // namespace nlpp::rtnl::codec
