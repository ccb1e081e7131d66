#include <nlpp/rtnl/link/field_text.hpp>

#include <nlpp/codec/field_change.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include "codec/kind_union.hpp"
#include "rtnl/link/kind_tables.hpp"

#include <algorithm>
#include <charconv>
#include <concepts>
#include <limits>
#include <string>
#include <type_traits>
#include <variant>

namespace nlpp::rtnl::link {
namespace {

Error refuse(std::string_view kind, std::string_view name, std::string_view value, std::string_view why) {
  return Error(errc::invalid_argument,
               std::string(kind) + " " + std::string(name) + " '" + std::string(value) + "': " + std::string(why));
}

template <std::integral T>
std::optional<T> parse_integer(std::string_view text) {
  int base = 10;
  if (text.starts_with("0x") || text.starts_with("0X")) {
    base = 16;
    text.remove_prefix(2);
  }
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The enum value whose to_string() is text, or whose number it is. Enums of
// link kinds are small: every value of the first 64Ki is tried.
template <class E>
std::optional<E> parse_enum(std::string_view text) {
  using Underlying = std::underlying_type_t<E>;
  if (const std::optional<Underlying> number = parse_integer<Underlying>(text)) return static_cast<E>(*number);
  constexpr uint32_t last = std::min<uint64_t>(std::numeric_limits<Underlying>::max(), 0xffff);
  for (uint32_t candidate = 0; candidate <= last; ++candidate)
    if (to_text(static_cast<E>(candidate)) == text) return static_cast<E>(candidate);
  return std::nullopt;
}

// Reads text into value; the error says why (the caller names the option).
template <class T>
Result<void> parse_value(std::string_view text, T& value) {
  const auto failed = [](std::string_view why) { return Error(errc::invalid_argument, std::string(why)); };
  if constexpr (std::is_same_v<T, bool>) {
    if (text == "1" || text == "on" || text == "true") return value = true, Result<void>();
    if (text == "0" || text == "off" || text == "false") return value = false, Result<void>();
    return failed("not a boolean (1/0, on/off, true/false)");
  } else if constexpr (std::is_integral_v<T>) {
    const std::optional<T> number = parse_integer<T>(text);
    if (!number)
      return failed("not a number from " + std::to_string(std::numeric_limits<T>::min()) + " to " +
                    std::to_string(std::numeric_limits<T>::max()));
    value = *number;
    return {};
  } else if constexpr (std::is_enum_v<T>) {
    const std::optional<T> parsed = parse_enum<T>(text);
    if (!parsed) return failed("not one of its names or numbers");
    value = *parsed;
    return {};
  } else if constexpr (std::is_same_v<T, std::string>) {
    value = std::string(text);
    return {};
  } else if constexpr (std::is_same_v<T, LinkRef>) {
    // A number is an ifindex; anything else names a link, which the
    // session resolves when it sends the request.
    const std::optional<uint32_t> ifindex = parse_integer<uint32_t>(text);
    value = ifindex ? LinkRef(*ifindex) : LinkRef(text);
    return {};
  } else if constexpr (requires { T::parse(text); }) {
    Result<T> parsed = T::parse(text);
    if (!parsed) return failed(parsed.error().context());
    value = *std::move(parsed);
    return {};
  } else {
    return failed("not settable from text");
  }
}

// Sets the field of data's table called name; not_found when there is none.
template <Modelled Data>
Result<void> set_field(Data& data, std::string_view kind, std::string_view name, std::string_view text) {
  Result<void> outcome = Error(errc::not_found, "");
  std::apply(
      [&](const auto&... line) {
        const auto try_line = [&](const auto& field) {
          if (field.name != name) return false;
          auto& member = field.access.edit(data);
          using Member = std::remove_reference_t<decltype(member)>;
          if constexpr (requires {
                          typename Member::value_type;
                          member.emplace();
                        }) {
            typename Member::value_type value{};
            outcome = parse_value(text, value);
            if (outcome) member = std::move(value);
          } else {
            outcome = parse_value(text, member);
          }
          if (!outcome) outcome = refuse(kind, name, text, outcome.error().context());
          return true;
        };
        (try_line(line) || ...);
      },
      KindTraits<Data>::fields);
  return outcome;
}

// Makes data hold kind's struct (keeping what it holds already) and sets the option.
template <class Variant>
Result<void> set_option(Variant& data, std::string_view kind, std::string_view name, std::string_view text) {
  Result<void> outcome = Error(errc::not_found, std::string(kind) + ": nlpp has no struct for this kind");
  codec::with_alternative<Variant>(serving(kind), [&]<class Data>(std::type_identity<Data>) {
    if constexpr (Modelled<Data>) {
      if (!std::holds_alternative<Data>(data)) data.template emplace<Data>();
      outcome = set_field(std::get<Data>(data), kind, name, text);
      if (!outcome && outcome.error().code() == make_error_code(errc::not_found))
        outcome = refuse(kind, name, text, "no such option");
    }
  });
  return outcome;
}

}  // namespace

Result<void> set_kind_option(LinkInfo& info, std::string_view name, std::string_view value) {
  return set_option(info.data, info.kind, name, value);
}

Result<void> set_port_option(LinkInfo& info, std::string_view name, std::string_view value) {
  return set_option(info.slave_data, info.slave_kind, name, value);
}

bool has_kind_struct(std::string_view kind) {
  return codec::with_alternative<LinkData>(serving(kind), [](auto) {});
}

bool has_port_struct(std::string_view slave_kind) {
  return codec::with_alternative<SlaveData>(serving(slave_kind), [](auto) {});
}

}  // namespace nlpp::rtnl::link
