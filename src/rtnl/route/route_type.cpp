#include <nlpp/rtnl/route_type.hpp>

#include <array>

namespace nlpp::rtnl {

std::string_view to_string(RouteType type) noexcept {
  // iproute2's names, indexed by RTN_*.
  static constexpr std::array<std::string_view, RTN_MAX + 1> names = {
      "unspec",    "unicast",     "local",    "broadcast", "anycast", "multicast",
      "blackhole", "unreachable", "prohibit", "throw",     "nat",     "xresolve"};
  const auto index = static_cast<size_t>(type);
  return index < names.size() ? names[index] : "unknown";
}

}  // namespace nlpp::rtnl
