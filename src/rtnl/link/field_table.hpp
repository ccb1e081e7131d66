// The one engine behind every attribute table (include/nlpp/rtnl/link/
// field.hpp): parse an attribute range into a struct, emit a struct, diff
// two of them, all driven by the table's lines. Attributes no line claims
// go to the struct's `unknown` and are emitted again after the table's.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/field_change.hpp>
#include <nlpp/rtnl/link/field.hpp>
#include <nlpp/rtnl/raw_attribute.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "../object_codec.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace nlpp::rtnl::link {

/// Reads attributes into data through the table's lines; attributes no line
/// claims are appended to data.unknown. A claimed attribute that does not
/// parse is an errc::malformed_attribute naming "what field".
template <class Data, class Table>
Result<void> parse_fields(const Table& table, wire::AttributeRange attributes, Data& data, std::string_view what) {
  if (Result<void> valid = attributes.validate(); !valid) return valid;
  for (const wire::Attribute& attribute : attributes) {
    std::optional<Error> failure;
    const auto parse_line = [&](const auto& line) {
      if (Result<void> parsed = line.codec.parse(attribute, data.*line.member); !parsed)
        failure = Error(errc::malformed_attribute,
                        std::string(what) + " " + std::string(line.name) + ": " + parsed.error().context());
      return true;
    };
    const bool claimed = std::apply(
        [&](const auto&... line) { return ((line.codec.matches(attribute) && parse_line(line)) || ...); }, table);
    if (failure) return std::move(*failure);
    if (!claimed) detail::keep_unknown(data.unknown, attribute);
  }
  return {};
}

/// Emits every member the table lists (those set), then data.unknown.
template <class Data, class Table>
void emit_fields(const Table& table, const Data& data, wire::MessageBuilder& out) {
  std::apply([&](const auto&... line) { (line.codec.emit(data.*line.member, out), ...); }, table);
  detail::emit_unknown(data.unknown, out);
}

/// Adds a FieldChange named name when the member differs.
template <class Data, class Value>
void diff_line(std::string_view name, const Data& before, const Data& after, Value Data::*member, FieldDiff& diff) {
  diff.field(name, before.*member, after.*member);
}

/// Adds a FieldChange, named by its line, for every member that differs.
/// Attributes kept raw in `unknown` are not compared: the kernel puts
/// counters there, which would make every two reads differ.
template <class Data, class Table>
void diff_fields(const Table& table, const Data& before, const Data& after, FieldDiff& diff) {
  std::apply([&](const auto&... line) { (diff_line(line.name, before, after, line.member, diff), ...); }, table);
}

}  // namespace nlpp::rtnl::link
