// The one engine behind every field table (field.hpp): reads a message's
// fixed header and attributes into an object, writes them back, and diffs
// two objects, all driven by the table's lines. A table is a
// `static constexpr std::tuple` of lines, passed by reference as a
// template argument, so that the attribute dispatch is built at compile
// time: a switch on the attribute type (the compiler's jump table) whose
// cases are the lines' parses, inlined. Attributes no line claims go to the
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

// The codec's fast parse, where it has one: a bool, no Result built.
template <class Codec, class Value, class Owner>
constexpr bool has_try_parse = requires(const Codec& codec, const wire::Attribute& attribute, Value& value,
                                        const Owner& owner) { codec.try_parse(attribute, value, owner); } ||
                               requires(const Codec& codec, const wire::Attribute& attribute, Value& value) {
                                 codec.try_parse(attribute, value);
                               };

template <class Codec, class Value, class Owner>
constexpr bool has_parse = requires(const Codec& codec, const wire::Attribute& attribute, Value& value,
                                    const Owner& owner) { codec.parse(attribute, value, owner); } ||
                           requires(const Codec& codec, const wire::Attribute& attribute, Value& value) {
                             codec.parse(attribute, value);
                           };

template <class Codec, class Value, class Owner>
bool try_parse_value(const Codec& codec, const wire::Attribute& attribute, Value& value, const Owner& owner) {
  if constexpr (requires { codec.try_parse(attribute, value, owner); })
    return codec.try_parse(attribute, value, owner);
  else
    return codec.try_parse(attribute, value);
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
[[gnu::always_inline]] inline Claim parse_line(const wire::Attribute& attribute, Object& object, std::string_view what, ErrorNaming naming,
                 std::optional<Error>& failure) {
  const auto& entry = std::get<line>(table);
  using Codec = std::remove_cvref_t<decltype(entry.codec)>;
  if (!accepts(entry.codec, attribute, object)) return Claim::no;
  // An attribute that says nothing (an all-zero RTA_CACHEINFO) is claimed
  // without writing the member, which may live in storage allocated on write.
  if constexpr (requires { entry.codec.drops(attribute); })
    if (entry.codec.drops(attribute)) return Claim::yes;
  auto& value = entry.access.edit(object);
  using Value = std::remove_reference_t<decltype(value)>;
  constexpr bool own_errors = requires { requires Codec::own_errors; };
  const auto named = [&](const Error& reason) {
    return Error(errc::malformed_attribute,
                 std::string(what) + " " + std::string(entry.name) + ": " + reason.context());
  };
  if constexpr (has_try_parse<Codec, Value, Object>) {
    if (try_parse_value(entry.codec, attribute, value, object)) return Claim::yes;
    if constexpr (!has_parse<Codec, Value, Object>) {
      failure = naming == ErrorNaming::field ? named(Error(errc::malformed_attribute, "malformed"))
                                             : bad_attribute(what, attribute);
      return Claim::failed;
    } else if (naming == ErrorNaming::attribute_type && !own_errors) {
      failure = bad_attribute(what, attribute);  // no reason needed from the codec
      return Claim::failed;
    }
  }
  if constexpr (has_parse<Codec, Value, Object>) {
    // The codec's parse(): the whole job, or, after a failed try_parse(), the reason.
    Result<void> parsed = parse_value(entry.codec, attribute, value, object);
    if (parsed) return Claim::yes;
    if constexpr (own_errors)
      failure = std::move(parsed).error();  // a nest's parse names its own attribute better
    else
      failure = naming == ErrorNaming::field ? named(parsed.error()) : bad_attribute(what, attribute);
  }
  return Claim::failed;
}

// Offers an attribute of type to line, if the line claims the type.
template <const auto& table, uint16_t type, size_t line, class Object>
[[gnu::always_inline]] inline Claim offer(const wire::Attribute& attribute, Object& object, std::string_view what, ErrorNaming naming,
            std::optional<Error>& failure) {
  if constexpr (claims<table, line>(type))
    return parse_line<table, line>(attribute, object, what, naming, failure);
  else
    return Claim::no;
}

// Offers an attribute of type to each line that claims the type, in the
// table's order, until one accepts it.
template <const auto& table, uint16_t type, class Object>
[[gnu::always_inline]] inline Claim parse_type(const wire::Attribute& attribute, Object& object, std::string_view what, ErrorNaming naming,
                 std::optional<Error>& failure) {
  Claim claim = Claim::no;
  [&]<size_t... line>(std::index_sequence<line...>) {
    (void)(((claim = offer<table, type, line>(attribute, object, what, naming, failure)) != Claim::no) || ...);
  }(std::make_index_sequence<table_size<table>>{});
  return claim;
}

// (Parameters maybe unused: a table may have no lines, as an action kind
// with no attributes of its own.)
template <const auto& table, size_t... line>
constexpr bool any_line_claims([[maybe_unused]] uint16_t type, std::index_sequence<line...>) {
  return (claims<table, line>(type) || ...);
}

// The attribute types some line claims, in increasing order.
template <const auto& table>
constexpr auto claimed_types() {
  constexpr size_t count = [] {
    size_t n = 0;
    for (size_t type = 0; type <= max_type<table>(); ++type)
      n += any_line_claims<table>(static_cast<uint16_t>(type), std::make_index_sequence<table_size<table>>{});
    return n;
  }();
  std::array<uint16_t, count> types{};
  size_t next = 0;
  for (size_t type = 0; type <= max_type<table>(); ++type)
    if (any_line_claims<table>(static_cast<uint16_t>(type), std::make_index_sequence<table_size<table>>{}))
      types[next++] = static_cast<uint16_t>(type);
  return types;
}

// Parses an attribute of type by the lines that claim it: a chain of
// comparisons against constants, which the compiler makes a jump table,
// every line's parse inlined.
template <const auto& table, class Object, size_t... index>
[[gnu::always_inline]] inline Claim dispatch([[maybe_unused]] uint16_t type,
                                             [[maybe_unused]] const wire::Attribute& attribute,
                                             [[maybe_unused]] Object& object, [[maybe_unused]] std::string_view what,
                                             [[maybe_unused]] ErrorNaming naming,
                                             [[maybe_unused]] std::optional<Error>& failure,
                                             std::index_sequence<index...>) {
  [[maybe_unused]] constexpr auto types = claimed_types<table>();
  Claim claim = Claim::no;
  (void)((type == types[index] &&
          (claim = parse_type<table, types[index], Object>(attribute, object, what, naming, failure), true)) ||
         ...);
  return claim;
}

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
  constexpr size_t claimed = table_detail::claimed_types<table>().size();
  size_t consumed = 0;
  std::optional<Error> failure;
  for (const wire::Attribute& attribute : attributes) {
    consumed += wire::align4(attribute.bytes().size());
    const table_detail::Claim claim = table_detail::dispatch<table>(attribute.type(), attribute, object, what, naming,
                                                                    failure, std::make_index_sequence<claimed>{});
    if (claim == table_detail::Claim::failed) return std::move(*failure);
    if (claim == table_detail::Claim::no) keep(attribute);
  }
  if (consumed >= attributes.bytes().size()) return {};
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
