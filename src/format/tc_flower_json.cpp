// A flower filter's options as `tc -j [-s] filter show` prints them
// (tc/f_flower.c flower_print_opt() of iproute2 6.1), from its fields.
#include <nlpp/format/json.hpp>

#include "json_fields.hpp"
#include "tc_action_json.hpp"
#include "tc_flower.hpp"
#include "tc_flower_fields.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace nlpp::format::detail {
namespace {

void write_field(JsonWriter& json, const FlowerField& field) {
  std::visit(
      [&](const auto& value) {
        using Value = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<Value, FlowerField::On>) {
          bool_field(json, field.name, true);
        } else if constexpr (std::is_same_v<Value, std::string>) {
          text_field(json, field.name, value);
        } else if constexpr (std::is_same_v<Value, uint32_t>) {
          number_field(json, field.name, value);
        } else if constexpr (std::is_same_v<Value, FlowerField::MaskedNumber>) {
          // print_hex(): the mask as bare hex digits, in a string.
          number_field(json, field.name, value.value);
          if (value.mask) {
            char digits[12];
            std::snprintf(digits, sizeof digits, "%x", *value.mask);
            text_field(json, std::string(field.name) + "_mask", digits);
          }
        } else if constexpr (std::is_same_v<Value, rtnl::tc::PortRange>) {
          json.key(field.name);
          json.begin_object();
          number_field(json, "start", value.min);
          number_field(json, "end", value.max);
          json.end_object();
        } else {
          static_assert(std::is_same_v<Value, FlowerField::Flags>);
          json.key(field.name);
          json.begin_object();
          for (const auto& [name, set] : value) bool_field(json, name, set);
          json.end_object();
        }
      },
      field.value);
}

void write_fields(JsonWriter& json, const std::vector<FlowerField>& fields) {
  for (const FlowerField& field : fields) write_field(json, field);
}

}  // namespace

// tc opens "keys" whatever the filter matches on: {} for a filter of none.
void write_flower_options(JsonWriter& json, const rtnl::tc::Flower& flower, uint32_t handle, const LinkNames& names,
                          const TcView& view) {
  const FlowerFields fields = flower_fields(flower);
  if (handle != 0) number_field(json, "handle", handle);
  write_fields(json, fields.before_keys);
  json.key("keys");
  json.begin_object();
  write_fields(json, fields.keys);
  json.end_object();
  write_fields(json, fields.flags);
  write_tc_actions(json, flower.actions, names, view);
}

}  // namespace nlpp::format::detail
