#include <nlpp/netns/netns.hpp>

#include <linux/limits.h>

namespace nlpp::netns {

Result<void> validate_name(std::string_view name) {
  if (name.empty()) return Error(errc::invalid_argument, "netns name: empty");
  // NAME_MAX is the longest file name, without the NUL: iproute2 takes 255 bytes, refuses 256.
  if (name.size() > NAME_MAX) return Error(errc::invalid_argument, "netns name: longer than NAME_MAX (255) bytes");
  if (name == "." || name == "..")
    return Error(errc::invalid_argument, "netns name: '" + std::string(name) + "' is reserved");
  if (name.find('/') != std::string_view::npos || name.find('\0') != std::string_view::npos)
    return Error(errc::invalid_argument, "netns name: '/' and NUL are not allowed");
  return {};
}

}  // namespace nlpp::netns
