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

template <const auto& table, size_t line>
using Line = std::remove_cvref_t<std::tuple_element_t<line, Table<table>>>;

template <class Line>
constexpr bool is_attribute = AttributeCodec<decltype(Line::codec), typename Line::value_type>;

template <class Line, class Header>
constexpr bool is_header = HeaderCodec<decltype(Line::codec), typename Line::value_type, Header>;

template <class Line>
constexpr bool is_compared = !requires { requires !decltype(Line::codec)::compared; };

enum class Claim : uint8_t { no, yes, failed };

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
  }(std::make_index_sequence<std::tuple_size_v<Table<table>>>{});
  return highest;
}

// For each attribute type, 1 + the index of the first line that reads it; 0 for none.
template <const auto& table>
constexpr auto line_of_type() {
  std::array<uint8_t, max_type<table>() + 1> slots{};
  static_assert(std::tuple_size_v<Table<table>> < 255, "a table of more than 254 lines");
  [&]<size_t... line>(std::index_sequence<line...>) {
    (
        [&] {
          if constexpr (is_attribute<Line<table, line>>)
            for (uint16_t type : std::get<line>(table).codec.types())
              if (slots[type] == 0) slots[type] = static_cast<uint8_t>(line + 1);
        }(),
        ...);
  }(std::make_index_sequence<std::tuple_size_v<Table<table>>>{});
  return slots;
}

template <class Codec>
bool accepts(const Codec& codec, const wire::Attribute& attribute) {
  if constexpr (requires { codec.accepts(attribute); })
    return codec.accepts(attribute);
  else
    return true;
}

template <const auto& table, size_t line, class Object>
Claim parse_line(const wire::Attribute& attribute, Object& object, std::string_view what, ErrorNaming naming,
                 std::optional<Error>& failure) {
  const auto& entry = std::get<line>(table);
  if (!accepts(entry.codec, attribute)) return Claim::no;
  Result<void> parsed = entry.codec.parse(attribute, entry.access.edit(object));
  if (parsed) return Claim::yes;
  failure = naming == ErrorNaming::field
                ? Error(errc::malformed_attribute,
                        std::string(what) + " " + std::string(entry.name) + ": " + parsed.error().context())
                : bad_attribute(what, attribute);
  return Claim::failed;
}

template <const auto& table, class Object>
using Parser = Claim (*)(const wire::Attribute&, Object&, std::string_view, ErrorNaming, std::optional<Error>&);

template <const auto& table, class Object>
constexpr auto parsers() {
  return []<size_t... line>(std::index_sequence<line...>) {
    return std::array<Parser<table, Object>, sizeof...(line)>{[] {
      if constexpr (is_attribute<Line<table, line>>)
        return &parse_line<table, line, Object>;
      else
        return Parser<table, Object>{nullptr};
    }()...};
  }(std::make_index_sequence<std::tuple_size_v<Table<table>>>{});
}

template <const auto& table, class Object>
struct Dispatch {
  static constexpr auto slots = line_of_type<table>();
  static constexpr auto parse = parsers<table, Object>();
};

template <class Line, class Object>
void diff_line(std::string_view name, const Line& line, const Object& before, const Object& after, FieldDiff& diff) {
  if constexpr (is_compared<Line>) diff.field(name, line.access.get(before), line.access.get(after));
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
    if (type < Dispatch::slots.size() && Dispatch::slots[type] != 0)
      claim = Dispatch::parse[Dispatch::slots[type] - 1](attribute, object, what, naming, failure);
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
                line.codec.emit(line.access.get(object), out);
            }(),
            ...);
      },
      table);
}

/// Reads the members the header carries.
template <const auto& table, class Header, class Object>
void read_header(const Header& header, Object& object) {
  std::apply(
      [&](const auto&... line) {
        (
            [&] {
              if constexpr (table_detail::is_header<std::remove_cvref_t<decltype(line)>, Header>)
                line.codec.read(header, line.access.edit(object));
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

/// Adds a FieldChange, named by its line, for every member that differs
/// (padding lines aside).
template <const auto& table, class Object>
void diff_fields(const Object& before, const Object& after, FieldDiff& diff) {
  std::apply([&](const auto&... line) { (table_detail::diff_line(line.name, line, before, after, diff), ...); },
             table);
}

}  // namespace nlpp::codec
