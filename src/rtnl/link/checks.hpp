// Input checks shared by the kinds' validate(): each failure is an
// errc::invalid_argument whose context names the kind and the field
// ("vxlan vni: 16777216 is more than 16777215").
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/codec/ip_address.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace nlpp::rtnl::link {

/// errc::invalid_argument with the context "<kind> <field>: <why>".
Error invalid(std::string_view kind, std::string_view field, std::string_view why);

/// The first failure among checks (all of them evaluated), or success.
Result<void> first_failure(std::initializer_list<Result<void>> checks);

/// A number, when set, is at most max.
template <class T>
Result<void> check_at_most(std::string_view kind, std::string_view field, const std::optional<T>& value, uint64_t max) {
  const auto number = value ? static_cast<uint64_t>(*value) : 0;
  if (number <= max) return {};
  return invalid(kind, field, std::to_string(number) + " is more than " + std::to_string(max));
}

/// An address, when set, is of family (AF_INET / AF_INET6).
Result<void> check_family(std::string_view kind, std::string_view field, const std::optional<IpAddress>& address,
                          int family);

/// The family of a tunnel kind's endpoints: AF_INET6 for the kinds whose
/// name starts with "ip6" or ends with "6" (ip6gre, ip6tnl, vti6), else AF_INET.
int endpoint_family(std::string_view kind);

}  // namespace nlpp::rtnl::link
