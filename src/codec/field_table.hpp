// The one engine behind every field table (field.hpp): reads a message's
// fixed header and attributes into an object, writes them back, and diffs
// two objects, all driven by the table's lines. A table is a
// `static constexpr std::tuple` of lines, passed by reference as a
// template argument, so that the attribute dispatch is built at compile
// time: an array from attribute type to line, one indexed call per
// attribute, however long the table. Attributes no line claims go to the
// caller (an object's `unknown`), to be emitted again after the table's.
#pragma once

#include <nlpp/codec/field_change.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/attributes.hpp"
#include "codec/field.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace nlpp::codec {

/// How the error for a malformed attribute names it: by the line that
/// claims it ("link mtu: 2 bytes where 4 were expected") or by its type
/// ("route: attribute type 4 with a payload of 2 bytes").
enum class ErrorNaming { field, attribute_type };

/// A line without a member, for an attribute that is read and dropped:
/// `padding<Route>(RTA_PAD)`.
template <class Owner>
struct NoMember {
  using owner_type = Owner;
  using value_type = std::monostate;
  static constexpr std::monostate nothing{};
  constexpr const std::monostate& get(const Owner&) const noexcept { return nothing; }
  std::monostate& edit(Owner&) const noexcept {
    static std::monostate ignored;
    return ignored;
  }
};

template <class Owner>
constexpr Field<NoMember<Owner>, Padding> padding(uint16_t type) {
  return {"", {}, Padding{type}};
}

namespace table_detail {

template <const auto& table>
using Table = std::remove_cvref_t<decltype(table)>;

template <const auto& table>
constexpr size_t table_size = std::tuple_size_v<Table<table>>;

template <const auto& table, size_t line>
using Line = std::remove_cvref_t<std::tuple_element_t<line, Table<table>>>;

// A line carried in attributes: its codec names their types.
template <class Line>
constexpr bool is_attribute = requires(const Line& line) { line.codec.types(); };

template <class Line, class Header>
constexpr bool is_header = requires(const Line& line, const Header& header, typename Line::value_type& value) {
  line.codec.read(header, value);
};

template <class Line>
constexpr bool is_compared = !requires { requires !decltype(Line::codec)::compared; };

enum class Claim : uint8_t { no, yes, failed };

// A codec's operations, given the object when the codec asks for it (a
// route's addresses are read in the route's family).
template <class Codec, class Value, class Owner>
Result<void> parse_value(const Codec& codec, const wire::Attribute& attribute, Value& value, const Owner& owner) {
  if constexpr (requires { codec.parse(attribute, value, owner); })
    return codec.parse(attribute, value, owner);
  else
    return codec.parse(attribute, value);
}

template <class Codec, class Value, class Owner>
void emit_value(const Codec& codec, const Value& value, wire::MessageBuilder& out, const Owner& owner) {
  if constexpr (requires { codec.emit(value, out, owner); })
    codec.emit(value, out, owner);
  else
    codec.emit(value, out);
}

template <class Codec, class Owner>
bool accepts(const Codec& codec, const wire::Attribute& attribute, const Owner& owner) {
  if constexpr (requires { codec.accepts(attribute, owner); })
    return codec.accepts(attribute, owner);
  else if constexpr (requires { codec.accepts(attribute); })
    return codec.accepts(attribute);
  else
    return true;
}

// Whether line claims attributes of type.
template <const auto& table, size_t line>
constexpr bool claims(uint16_t type) {
  if constexpr (is_attribute<Line<table, line>>) {
    for (uint16_t claimed : std::get<line>(table).codec.types())
      if (claimed == type) return true;
  }
  return false;
}

// The highest attribute type a line of the table reads.
template <const auto& table>
constexpr uint16_t max_type() {
  uint16_t highest = 0;
  [&]<size_t... line>(std::index_sequence<line...>) {
    (
        [&] {
          if constexpr (is_attribute<Line<table, line>>)
            for (uint16_t type : std::get<line>(table).codec.types()) highest = type > highest ? type : highest;
        }(),
        ...);
  }(std::make_index_sequence<table_size<table>>{});
  return highest;
}

template <const auto& table, size_t line, class Object>
Claim parse_line(const wire::Attribute& attribute, Object& object, std::string_view what, ErrorNaming naming,
                 std::optional<Error>& failure) {
  const auto& entry = std::get<line>(table);
  if (!accepts(entry.codec, attribute, object)) return Claim::no;
  // An attribute that says nothing (an all-zero RTA_CACHEINFO) is claimed
  // without writing the member, which may live in storage allocated on write.
  if constexpr (requires { entry.codec.drops(attribute); })
    if (entry.codec.drops(attribute)) return Claim::yes;
  Result<void> parsed = parse_value(entry.codec, attribute, entry.access.edit(object), object);
  if (parsed) return Claim::yes;
  if constexpr (requires { requires decltype(entry.codec)::own_errors; })
    failure = std::move(parsed).error();  // a nest's parse names its own attribute better
  else
    failure = naming == ErrorNaming::field
                ? Error(errc::malformed_attribute,
                        std::string(what) + " " + std::string(entry.name) + ": " + parsed.error().context())
                : bad_attribute(what, attribute);
  return Claim::failed;
}

// Offers an attribute of type to line, if the line claims the type.
template <const auto& table, uint16_t type, size_t line, class Object>
Claim offer(const wire::Attribute& attribute, Object& object, std::string_view what, ErrorNaming naming,
            std::optional<Error>& failure) {
  if constexpr (claims<table, line>(type))
    return parse_line<table, line>(attribute, object, what, naming, failure);
  else
    return Claim::no;
}

// Offers an attribute of type to each line that claims the type, in the
// table's order, until one accepts it.
template <const auto& table, uint16_t type, class Object>
Claim parse_type(const wire::Attribute& attribute, Object& object, std::string_view what, ErrorNaming naming,
                 std::optional<Error>& failure) {
  Claim claim = Claim::no;
  [&]<size_t... line>(std::index_sequence<line...>) {
    (void)(((claim = offer<table, type, line>(attribute, object, what, naming, failure)) != Claim::no) || ...);
  }(std::make_index_sequence<table_size<table>>{});
  return claim;
}

template <class Object>
using Parser = Claim (*)(const wire::Attribute&, Object&, std::string_view, ErrorNaming, std::optional<Error>&);

template <const auto& table, size_t... line>
constexpr bool any_line_claims(uint16_t type, std::index_sequence<line...>) {
  return (claims<table, line>(type) || ...);
}

template <const auto& table, class Object, size_t type>
constexpr Parser<Object> parser_for() {
  if constexpr (any_line_claims<table>(type, std::make_index_sequence<table_size<table>>{}))
    return &parse_type<table, static_cast<uint16_t>(type), Object>;
  else
    return nullptr;
}

template <const auto& table, class Object, size_t... type>
constexpr std::array<Parser<Object>, sizeof...(type)> parsers_for(std::index_sequence<type...>) {
  return {parser_for<table, Object, type>()...};
}

// For each attribute type, the function that parses it; null for a type no line claims.
template <const auto& table, class Object>
struct Dispatch {
  static constexpr auto parsers = parsers_for<table, Object>(std::make_index_sequence<max_type<table>() + 1>{});
};

template <class Line, class Object>
void diff_line(std::string_view name, const Line& line, const Object& before, const Object& after, FieldDiff& diff) {
  if constexpr (requires { line.codec.diff(name, line.access.get(before), line.access.get(after), diff); })
    line.codec.diff(name, line.access.get(before), line.access.get(after), diff);  // a nest of its own fields
  else if constexpr (is_compared<Line>)
    diff.field(name, line.access.get(before), line.access.get(after));
}

}  // namespace table_detail

/// Reads the attributes into object through the table's lines, in one pass;
/// keep(attribute) gets each one no line claims. A claimed attribute that
/// does not parse, or bytes that are not a whole attribute, end it with
/// errc::malformed_attribute naming what (the object) as naming says.
template <const auto& table, class Object, class Keep>
Result<void> parse_attributes(wire::AttributeRange attributes, Object& object, std::string_view what,
                              ErrorNaming naming, Keep&& keep) {
  using Dispatch = table_detail::Dispatch<table, Object>;
  size_t consumed = 0;
  std::optional<Error> failure;
  for (const wire::Attribute& attribute : attributes) {
    consumed += wire::align4(attribute.bytes().size());
    const uint16_t type = attribute.type();
    table_detail::Claim claim = table_detail::Claim::no;
    if (type < Dispatch::parsers.size() && Dispatch::parsers[type] != nullptr)
      claim = Dispatch::parsers[type](attribute, object, what, naming, failure);
    if (claim == table_detail::Claim::failed) return std::move(*failure);
    if (claim == table_detail::Claim::no) keep(attribute);
  }
  return check_consumed(what, attributes, consumed);
}

/// Like the above; unclaimed attributes are appended to object.unknown.
template <const auto& table, class Object>
Result<void> parse_attributes(wire::AttributeRange attributes, Object& object, std::string_view what,
                              ErrorNaming naming = ErrorNaming::field) {
  return parse_attributes<table>(attributes, object, what, naming,
                                 [&](const wire::Attribute& attribute) { keep_unknown(object.unknown, attribute); });
}

/// Emits every attribute line's member (those set), in the table's order.
template <const auto& table, class Object>
void emit_attributes(const Object& object, wire::MessageBuilder& out) {
  std::apply(
      [&](const auto&... line) {
        (
            [&] {
              if constexpr (table_detail::is_attribute<std::remove_cvref_t<decltype(line)>>)
                table_detail::emit_value(line.codec, line.access.get(object), out, object);
            }(),
            ...);
      },
      table);
}

/// Reads the members the header carries. A codec may say a field holds
/// nothing (present() false), which leaves its member alone.
template <const auto& table, class Header, class Object>
void read_header(const Header& header, Object& object) {
  std::apply(
      [&](const auto&... line) {
        (
            [&] {
              if constexpr (table_detail::is_header<std::remove_cvref_t<decltype(line)>, Header>) {
                if constexpr (requires { line.codec.present(header); })
                  if (!line.codec.present(header)) return;
                line.codec.read(header, line.access.edit(object));
              }
            }(),
            ...);
      },
      table);
}

/// Writes the members the header carries.
template <const auto& table, class Header, class Object>
void write_header(const Object& object, Header& header) {
  std::apply(
      [&](const auto&... line) {
        (
            [&] {
              if constexpr (table_detail::is_header<std::remove_cvref_t<decltype(line)>, Header>)
                line.codec.write(line.access.get(object), header);
            }(),
            ...);
      },
      table);
}

/// Reads a whole message into object: its fixed header, then its attributes
/// (keep gets those no line claims). The header is returned for what the
/// table does not hold (a family to check).
template <const auto& table, class Header, class Object, class Keep>
Result<Header> parse_message(const wire::Message& message, Object& object, std::string_view what,
                             ErrorNaming naming, Keep&& keep) {
  Result<MessageParts<Header>> parts = split_message<Header>(what, message);
  if (!parts) return std::move(parts).error();
  read_header<table>(parts->header, object);
  if (Result<void> parsed = parse_attributes<table>(parts->attributes, object, what, naming, keep); !parsed)
    return std::move(parsed).error();
  return parts->header;
}

/// Like the above; unclaimed attributes are appended to object.unknown.
template <const auto& table, class Header, class Object>
Result<Header> parse_message(const wire::Message& message, Object& object, std::string_view what,
                             ErrorNaming naming = ErrorNaming::field) {
  return parse_message<table, Header>(message, object, what, naming, [&](const wire::Attribute& attribute) {
    keep_unknown(object.unknown, attribute);
  });
}

/// Adds a FieldChange, named by its line, for every member that differs
/// (padding lines aside); a codec with a diff() of its own (a nest of
/// fields: a route's metrics) adds its members' changes instead.
template <const auto& table, class Object>
void diff_fields(const Object& before, const Object& after, FieldDiff& diff) {
  std::apply([&](const auto&... line) { (table_detail::diff_line(line.name, line, before, after, diff), ...); },
             table);
}

}  // namespace nlpp::codec
