#include "link_data.hpp"

#include "codec/field_table.hpp"
#include "codec/kind_union.hpp"
#include "rtnl/link/kind_tables.hpp"

#include <algorithm>
#include <array>
#include <type_traits>
#include <utility>

namespace nlpp::rtnl::link {
namespace {

template <class Variant>
Variant parse_data(std::string_view kind, wire::AttributeRange attributes) {
  std::optional<Variant> parsed;
  codec::with_alternative<Variant>(serving(kind), [&]<class T>(std::type_identity<T>) {
    if constexpr (Modelled<T>) {
      T data;
      if (codec::parse_attributes<KindTraits<T>::fields>(attributes, data, kind)) parsed = std::move(data);
    }
  });
  if (parsed) return std::move(*parsed);
  GenericData generic;
  for (const wire::Attribute& attribute : attributes) codec::keep_unknown(generic.attributes, attribute);
  return generic;
}

template <class Variant>
void emit_variant(const Variant& data, uint16_t type, wire::MessageBuilder& out) {
  if (std::holds_alternative<std::monostate>(data)) return;
  const wire::MessageBuilder::Nest nest = out.begin_nested_without_flag(type);
  std::visit(
      [&]<class T>(const T& value) {
        if constexpr (Modelled<T>) {
          codec::emit_attributes<KindTraits<T>::fields>(value, out);
          codec::emit_unknown(value.unknown, out);
        } else if constexpr (std::is_same_v<T, GenericData>) {
          codec::emit_unknown(value.attributes, out);
        }
      },
      data);
  out.end_nested(nest);
}

// "bridge", "gre/gretap/...", "generic", "none": what a data value is, for messages.
template <class Variant>
std::string describe(const Variant& data) {
  return std::visit(
      []<class T>(const T&) -> std::string {
        if constexpr (Modelled<T>) {
          std::string kinds;
          for (std::string_view kind : KindTraits<T>::kinds) kinds += (kinds.empty() ? "" : "/") + std::string(kind);
          return kinds;
        } else if constexpr (std::is_same_v<T, GenericData>) {
          return "generic";
        } else {
          return "none";
        }
      },
      data);
}

template <class Variant>
Result<void> validate_variant(const Variant& data, std::string_view kind, std::string_view field) {
  return std::visit(
      [&]<class T>(const T& value) -> Result<void> {
        if constexpr (Modelled<T>) {
          if (kind.empty()) return Error(errc::invalid_argument, std::string(field) + ": empty, but data is set");
          if (!serving(kind)(std::type_identity<T>{}))
            return Error(errc::invalid_argument,
                         std::string(field) + " '" + std::string(kind) + "': the data is for " + describe(data));
          if constexpr (requires { KindTraits<T>::validate(value, kind); }) return KindTraits<T>::validate(value, kind);
        }
        return {};
      },
      data);
}

// "data." + a line's name, as one string with static storage: FieldChange
// keeps a string_view.
template <const std::string_view& prefix, class T, size_t line>
struct PrefixedName {
  static constexpr std::string_view name = std::get<line>(KindTraits<T>::fields).name;
  static constexpr std::array<char, prefix.size() + name.size()> text = [] {
    std::array<char, prefix.size() + name.size()> joined{};
    std::ranges::copy(prefix, joined.begin());
    std::ranges::copy(name, joined.begin() + prefix.size());
    return joined;
  }();
  static constexpr std::string_view view{text.data(), text.size()};
};

template <const std::string_view& prefix, class Variant>
void diff_variant(const Variant& before, const Variant& after, FieldDiff& diff) {
  if (before.index() != after.index()) {
    diff.field(prefix.substr(0, prefix.size() - 1), describe(before), describe(after));
    return;
  }
  std::visit(
      [&]<class T>(const T& old_value) {
        const T& new_value = std::get<T>(after);
        if constexpr (Modelled<T>) {
          [&]<size_t... line>(std::index_sequence<line...>) {
            (codec::table_detail::diff_line(PrefixedName<prefix, T, line>::view,
                                            std::get<line>(KindTraits<T>::fields), old_value, new_value, diff),
             ...);
          }
          (std::make_index_sequence<std::tuple_size_v<decltype(KindTraits<T>::fields)>>{});
        } else if constexpr (std::is_same_v<T, GenericData>) {
          if (old_value != new_value)
            diff.field(prefix.substr(0, prefix.size() - 1), std::to_string(old_value.attributes.size()) + " attributes",
                       std::to_string(new_value.attributes.size()) + " attributes");
        }
      },
      before);
}

constexpr std::string_view data_prefix = "data.";
constexpr std::string_view slave_data_prefix = "slave_data.";

}  // namespace

LinkData parse_link_data(std::string_view kind, wire::AttributeRange attributes) {
  return parse_data<LinkData>(kind, attributes);
}
SlaveData parse_slave_data(std::string_view slave_kind, wire::AttributeRange attributes) {
  return parse_data<SlaveData>(slave_kind, attributes);
}

void emit_data(const LinkData& data, uint16_t type, wire::MessageBuilder& out) { emit_variant(data, type, out); }
void emit_data(const SlaveData& data, uint16_t type, wire::MessageBuilder& out) { emit_variant(data, type, out); }

Result<void> validate_data(const LinkData& data, std::string_view kind, std::string_view field) {
  return validate_variant(data, kind, field);
}
Result<void> validate_data(const SlaveData& data, std::string_view kind, std::string_view field) {
  return validate_variant(data, kind, field);
}

void diff_data(const LinkData& before, const LinkData& after, FieldDiff& diff) {
  diff_variant<data_prefix>(before, after, diff);
}
void diff_data(const SlaveData& before, const SlaveData& after, FieldDiff& diff) {
  diff_variant<slave_data_prefix>(before, after, diff);
}

}  // namespace nlpp::rtnl::link
