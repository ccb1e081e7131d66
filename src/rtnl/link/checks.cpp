#include "checks.hpp"

#include <sys/socket.h>

namespace nlpp::rtnl::link {

Error invalid(std::string_view kind, std::string_view field, std::string_view why) {
  return Error(errc::invalid_argument, std::string(kind) + " " + std::string(field) + ": " + std::string(why));
}

Result<void> first_failure(std::initializer_list<Result<void>> checks) {
  for (const Result<void>& check : checks)
    if (!check) return check;
  return {};
}

Result<void> check_family(std::string_view kind, std::string_view field, const std::optional<IpAddress>& address,
                          int family) {
  if (!address || address->family() == family) return {};
  return invalid(kind, field,
                 address->to_string() + " is not an " + (family == AF_INET ? "IPv4" : "IPv6") + " address");
}

int endpoint_family(std::string_view kind) {
  return kind.starts_with("ip6") || kind.ends_with("6") ? AF_INET6 : AF_INET;
}

}  // namespace nlpp::rtnl::link
