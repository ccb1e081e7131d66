#include "names.hpp"

#include "words.hpp"

#include <nlpp/format/names.hpp>

#include <linux/rtnetlink.h>

#include <optional>
#include <string>

namespace nlpp::cli {
namespace {

// The value of a name, else of a number.
template <class Number>
Number named_or_number(std::optional<Number> named, std::string_view word, std::string_view what) {
  return named ? *named : parse_number<Number>(word, what);
}

}  // namespace

uint8_t parse_scope(std::string_view word) { return named_or_number(format::scope_named(word), word, "scope"); }

uint8_t parse_protocol(std::string_view word) {
  return named_or_number(format::protocol_named(word), word, "protocol");
}

uint32_t parse_table(std::string_view word) {
  const uint32_t table = named_or_number(format::table_named(word), word, "table");
  if (table == RT_TABLE_UNSPEC) throw UsageError("table 0 means \"unspecified\"; name a table");
  return table;
}

int parse_family(std::string_view word) {
  const std::optional<int> family = format::family_named(word);
  if (!family) throw UsageError("unknown family " + quoted(word) + " (inet, inet6, mpls, bridge, link)");
  return *family;
}

}  // namespace nlpp::cli
