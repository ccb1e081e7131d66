#include <nlpp/netns/netns.hpp>

#include <linux/limits.h>

namespace nlpp::netns {

Result<void> validate_name(std::string_view name) {
  if (name.empty()) return Error(errc::invalid_argument, "netns name: empty");
  if (name.size() >= NAME_MAX) return Error(errc::invalid_argument, "netns name: longer than NAME_MAX");
  if (name == "." || name == "..") return Error(errc::invalid_argument, "netns name: '" + std::string(name) + "' is reserved");
  if (name.find('/') != std::string_view::npos || name.find('\0') != std::string_view::npos)
    return Error(errc::invalid_argument, "netns name: '/' and NUL are not allowed");
  return {};
}

}  // namespace nlpp::netns
