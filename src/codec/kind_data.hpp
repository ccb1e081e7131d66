// The engine behind every kind union (kind_union.hpp): a link's
// IFLA_INFO_DATA by IFLA_INFO_KIND, tc's TCA_OPTIONS by TCA_KIND. A
// protocol describes each struct of its union once, in a traits template
// Traits<T> (rtnl::link::KindTraits, rtnl::tc::KindTraits):
//
//     static constexpr std::string_view kinds[] = {"gre", "gretap"};  // the kinds T serves
//     static constexpr auto fields = std::tuple{...};  // its lines (codec/field.hpp)
//     using Struct = tc_fifo_qopt;  // optional: the payload starts with this struct,
//                                   // whose fields the header lines of `fields` read
//     static Result<void> validate(const T&, std::string_view kind);  // optional
//     static T with_defaults(T);  // optional: what is sent for what a request left at 0
//     static constexpr bool nested_flag = true;  // optional: the nest goes with NLA_F_NESTED,
//                                                // for a kernel that parses it strictly (tc's ets)
//
// and its raw alternative R, for the kinds no struct serves, through
// Traits<R>:
//
//     static R raw(const wire::Attribute& data);   // the attribute kept whole
//     static void emit_raw(const R&, uint16_t type, wire::MessageBuilder&);
//     static std::string size_text(const R&);      // "3 attributes": what a diff shows
//
// Everything else (parsing by kind, emitting, validating, diffing member by
// member) is written here once.
#pragma once

#include <nlpp/codec/field_change.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/field_table.hpp"
#include "codec/kind_union.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace nlpp::codec {

/// T is one of the union's structs (not std::monostate or the raw alternative).
template <template <class> class Traits, class T>
concept ModelledKind = requires {
  Traits<T>::kinds;
};

/// T's payload starts with a fixed struct.
template <template <class> class Traits, class T>
concept StructKind = ModelledKind<Traits, T> && requires {
  typename Traits<T>::Struct;
};

/// T is the raw alternative.
template <template <class> class Traits, class T>
concept RawKind = requires(const wire::Attribute& data) {
  { Traits<T>::raw(data) } -> std::same_as<T>;
};

/// Which alternative serves kind, for with_alternative().
template <template <class> class Traits>
auto serving(std::string_view kind) {
  return [kind]<class T>(std::type_identity<T>) {
    if constexpr (ModelledKind<Traits, T>)
      return std::ranges::find(Traits<T>::kinds, kind) != std::end(Traits<T>::kinds);
    else
      return false;
  };
}

namespace kind_detail {

template <template <class> class Traits, class T>
std::optional<T> parse_modelled(const wire::Attribute& data, std::string_view kind) {
  T value{};
  wire::AttributeRange attributes = data.nested();
  if constexpr (StructKind<Traits, T>) {
    using Struct = typename Traits<T>::Struct;
    Struct fixed{};
    std::memcpy(&fixed, data.payload().data(), std::min(sizeof(Struct), data.payload().size()));
    read_header<Traits<T>::fields>(fixed, value);
    // Attributes after the struct, for the kinds that have them.
    const wire::Bytes rest = data.payload().subspan(std::min(data.payload().size(), wire::align4(sizeof(Struct))));
    attributes = wire::AttributeRange(rest);
  }
  if constexpr (requires { value.unknown; })
    if (!parse_attributes<Traits<T>::fields>(attributes, value, kind)) return std::nullopt;
  return value;
}

// The variant's raw alternative holding data (a recursion, not a fold over
// a lambda: clang 14 crashes on the fold).
template <template <class> class Traits, class Variant, size_t index = 0>
Variant raw_alternative(const wire::Attribute& data) {
  static_assert(index < std::variant_size_v<Variant>, "the variant has no raw alternative");
  using T = std::variant_alternative_t<index, Variant>;
  if constexpr (RawKind<Traits, T>)
    return Traits<T>::raw(data);
  else
    return raw_alternative<Traits, Variant, index + 1>(data);
}

template <template <class> class Traits, class T>
void emit_modelled(const T& value, uint16_t type, wire::MessageBuilder& out) {
  if constexpr (StructKind<Traits, T> && !requires { value.unknown; }) {  // the struct alone
    typename Traits<T>::Struct fixed{};
    write_header<Traits<T>::fields>(value, fixed);
    out.add_struct(type, fixed);
  } else {
    constexpr bool nested_flag = requires { requires Traits<T>::nested_flag; };
    const wire::MessageBuilder::Nest nest = nested_flag ? out.begin_nested(type) : out.begin_nested_without_flag(type);
    if constexpr (StructKind<Traits, T>) {
      typename Traits<T>::Struct fixed{};
      write_header<Traits<T>::fields>(value, fixed);
      out.append_header(fixed);
    }
    emit_attributes<Traits<T>::fields>(value, out);
    emit_unknown(value.unknown, out);
    out.end_nested(nest);
  }
}

// "data." + a line's name, as one string with static storage: FieldChange
// keeps a string_view.
template <template <class> class Traits, const std::string_view& prefix, class T, size_t line>
struct PrefixedName {
  static constexpr std::string_view name = std::get<line>(Traits<T>::fields).name;
  static constexpr std::array<char, prefix.size() + name.size()> text = [] {
    std::array<char, prefix.size() + name.size()> joined{};
    std::ranges::copy(prefix, joined.begin());
    std::ranges::copy(name, joined.begin() + prefix.size());
    return joined;
  }();
  static constexpr std::string_view view{text.data(), text.size()};
};

}  // namespace kind_detail

/// The data of kind: the struct that serves the kind, or the raw
/// alternative when none does, or when the payload does not fit the struct
/// (nothing the kernel sent is lost, and one odd object does not fail a
/// whole dump).
template <template <class> class Traits, class Variant>
Variant parse_kind_data(std::string_view kind, const wire::Attribute& data) {
  std::optional<Variant> parsed;
  with_alternative<Variant>(serving<Traits>(kind), [&]<class T>(std::type_identity<T>) {
    if constexpr (ModelledKind<Traits, T>)
      if (std::optional<T> value = kind_detail::parse_modelled<Traits, T>(data, kind)) parsed = std::move(*value);
  });
  if (parsed) return std::move(*parsed);
  return kind_detail::raw_alternative<Traits, Variant>(data);
}

/// The data as an attribute of type: a nest of the struct's attributes
/// (after its fixed struct, for a StructKind); nothing for monostate.
template <template <class> class Traits, class Variant>
void emit_kind_data(const Variant& data, uint16_t type, wire::MessageBuilder& out) {
  std::visit(
      [&]<class T>(const T& value) {
        if constexpr (RawKind<Traits, T>) {
          Traits<T>::emit_raw(value, type, out);
        } else if constexpr (ModelledKind<Traits, T>) {
          if constexpr (requires { Traits<T>::with_defaults(value); })
            kind_detail::emit_modelled<Traits>(Traits<T>::with_defaults(value), type, out);
          else
            kind_detail::emit_modelled<Traits>(value, type, out);
        }
      },
      data);
}

/// "bridge", "gre/gretap/...", "raw", "none": what a data value is, for messages.
template <template <class> class Traits, class Variant>
std::string describe_kind_data(const Variant& data) {
  return std::visit(
      []<class T>(const T&) -> std::string {
        if constexpr (ModelledKind<Traits, T>) {
          std::string kinds;
          for (std::string_view kind : Traits<T>::kinds) kinds += (kinds.empty() ? "" : "/") + std::string(kind);
          return kinds;
        } else if constexpr (RawKind<Traits, T>) {
          return "generic";
        } else {
          return "none";
        }
      },
      data);
}

/// The data's struct serves kind (the raw alternative serves any), and
/// passes its kind's own checks. field names the kind in errors ("link info kind").
template <template <class> class Traits, class Variant>
Result<void> validate_kind_data(const Variant& data, std::string_view kind, std::string_view field) {
  return std::visit(
      [&]<class T>(const T& value) -> Result<void> {
        if constexpr (ModelledKind<Traits, T>) {
          if (kind.empty()) return Error(errc::invalid_argument, std::string(field) + ": empty, but data is set");
          if (!serving<Traits>(kind)(std::type_identity<T>{}))
            return Error(errc::invalid_argument, std::string(field) + " '" + std::string(kind) + "': the data is for " +
                                                     describe_kind_data<Traits>(data));
          if constexpr (requires { Traits<T>::validate(value, kind); }) return Traits<T>::validate(value, kind);
        }
        return {};
      },
      data);
}

/// The one kind the data's struct serves; empty for none, or several.
template <template <class> class Traits, class Variant>
std::string_view only_kind_of(const Variant& data) {
  return std::visit(
      []<class T>(const T&) -> std::string_view {
        if constexpr (ModelledKind<Traits, T>)
          if (std::size(Traits<T>::kinds) == 1) return Traits<T>::kinds[0];
        return {};
      },
      data);
}

/// Member by member (prefix + each line's name: "data.vni") when both hold
/// the same struct; otherwise one change of the prefix without its dot.
template <template <class> class Traits, const std::string_view& prefix, class Variant>
void diff_kind_data(const Variant& before, const Variant& after, FieldDiff& diff) {
  if (before.index() != after.index()) {
    diff.field(prefix.substr(0, prefix.size() - 1), describe_kind_data<Traits>(before),
               describe_kind_data<Traits>(after));
    return;
  }
  std::visit(
      [&]<class T>(const T& old_value) {
        const T& new_value = std::get<T>(after);
        if constexpr (ModelledKind<Traits, T>) {
          [&]<size_t... line>(std::index_sequence<line...>) {
            (table_detail::diff_line(kind_detail::PrefixedName<Traits, prefix, T, line>::view,
                                     std::get<line>(Traits<T>::fields), old_value, new_value, diff),
             ...);
          }
          (std::make_index_sequence<std::tuple_size_v<decltype(Traits<T>::fields)>>{});
        } else if constexpr (RawKind<Traits, T>) {
          if (old_value != new_value)
            diff.field(prefix.substr(0, prefix.size() - 1), Traits<T>::size_text(old_value),
                       Traits<T>::size_text(new_value));
        }
      },
      before);
}

}  // namespace nlpp::codec
