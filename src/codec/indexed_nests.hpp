// An indexed array of nests (YNL's "indexed-array" of "nest"): one
// attribute whose entries, numbered from 1, are each an attribute set, read
// into one T through T's own table. Generic netlink uses it everywhere
// (a family's operations and multicast groups, nl80211's bands and
// channels).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/attributes.hpp"
#include "codec/field_table.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace nlpp::codec {

/// A std::vector<T> member carried as an indexed array of nests, each entry
/// parsed and emitted through entry_table; what an entry's table does not
/// claim is kept in the entry's unknown.
template <class T, const auto& entry_table>
struct IndexedNests {
  uint16_t type;
  std::string_view entry_name;  ///< what an entry is, for errors ("operation")

  static constexpr bool own_errors = true;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }

  Result<void> parse(const wire::Attribute& attribute, std::vector<T>& values) const {
    values.clear();
    if (Result<void> valid = attribute.nested().validate(); !valid) return valid;
    for (const wire::Attribute& entry : attribute.nested()) {
      T& value = values.emplace_back();
      if (Result<void> parsed = parse_attributes<entry_table>(entry.nested(), value, entry_name); !parsed)
        return parsed;
    }
    return {};
  }

  void emit(const std::vector<T>& values, wire::MessageBuilder& out) const {
    if (values.empty()) return;
    const wire::MessageBuilder::Nest list = out.begin_nested(type);
    for (size_t index = 0; index < values.size(); ++index) {
      const wire::MessageBuilder::Nest entry = out.begin_nested(static_cast<uint16_t>(index + 1));
      emit_attributes<entry_table>(values[index], out);
      emit_unknown(values[index].unknown, out);
      out.end_nested(entry);
    }
    out.end_nested(list);
  }
};

}  // namespace nlpp::codec
