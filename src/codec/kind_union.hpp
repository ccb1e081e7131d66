// Unions chosen by a selector: a link's IFLA_INFO_DATA by the kind string
// (IFLA_INFO_KIND), a route's RTA_ENCAP by the encap type number
// (RTA_ENCAP_TYPE), and, next, tc's TCA_OPTIONS by TCA_KIND. The union is
// an std::variant of one struct per kind; each struct says which selector
// values it serves, and a fallback alternative (raw attributes) takes the
// values no struct serves. This finds the alternative for a selector.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>
#include <variant>

namespace nlpp::codec {

/// Calls f(std::type_identity<T>{}) for the first alternative T of Variant
/// for which serves(std::type_identity<T>{}) is true; false when there is
/// none, and f is not called. serves decides at run time (a kind string, a
/// number) and may be false at compile time for the alternatives that are
/// not kinds (std::monostate, the fallback).
template <class Variant, class Serves, class F>
bool with_alternative(Serves&& serves, F&& f) {
  return [&]<size_t... index>(std::index_sequence<index...>) {
    const auto visit = [&]<size_t I>(std::integral_constant<size_t, I>) {
      using T = std::variant_alternative_t<I, Variant>;
      if (!serves(std::type_identity<T>{})) return false;
      f(std::type_identity<T>{});
      return true;
    };
    return (visit(std::integral_constant<size_t, index>{}) || ...);
  }(std::make_index_sequence<std::variant_size_v<Variant>>{});
}

}  // namespace nlpp::codec
