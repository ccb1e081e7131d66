// A flower filter's options in the words of tc's text lines (tc/f_flower.c
// flower_print_opt() of iproute2 6.1 without -j), from its fields.
#include "tc_filter_words.hpp"
#include "tc_flower.hpp"
#include "tc_flower_fields.hpp"

#include <cstdio>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace nlpp::format::detail {
namespace {

// "NAME VALUE" as tc prints each kind of field.
std::string field_text(const FlowerField& field) {
  const std::string name(field.name);
  return std::visit(
      [&](const auto& value) -> std::string {
        using Value = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<Value, FlowerField::On>) {
          return name;
        } else if constexpr (std::is_same_v<Value, std::string>) {
          return name + " " + value;
        } else if constexpr (std::is_same_v<Value, uint32_t>) {
          return name + " " + std::to_string(value);
        } else if constexpr (std::is_same_v<Value, FlowerField::MaskedNumber>) {
          std::string text = name + " " + std::to_string(value.value);
          if (value.mask) {
            char mask[16];
            std::snprintf(mask, sizeof mask, "/0x%x", *value.mask);
            text += mask;
          }
          return text;
        } else if constexpr (std::is_same_v<Value, rtnl::tc::PortRange>) {
          return name + " " + value.to_string();
        } else {
          static_assert(std::is_same_v<Value, FlowerField::Flags>);
          std::string text = name + " ";
          for (size_t index = 0; index < value.size(); ++index)
            text += (index == 0 ? "" : "/") + std::string(value[index].second ? "" : "no") +
                    std::string(value[index].first);
          return text;
        }
      },
      field.value);
}

}  // namespace

std::string flower_options_text(const rtnl::tc::Flower& flower) {
  const FlowerFields fields = flower_fields(flower);
  Words words;
  for (const std::vector<FlowerField>* list : {&fields.before_keys, &fields.keys, &fields.flags})
    for (const FlowerField& field : *list) words.add(field_text(field));
  return words.text();
}

}  // namespace nlpp::format::detail
