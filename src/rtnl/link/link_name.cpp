#include <nlpp/rtnl/link_name.hpp>

#include <algorithm>
#include <string>

namespace nlpp::rtnl {
namespace {

// The kernel's dev_valid_name(): the name is a path component under
// /sys/class/net (no '/', not "." or ".."), ':' separates an IPv4 alias
// label, and whitespace would break every tool that parses names.
Result<void> validate_name(std::string_view name, size_t max_length, std::string_view field) {
  const auto refuse = [&](std::string_view why) {
    return Error(errc::invalid_argument, std::string(field) + " '" + std::string(name) + "': " + std::string(why));
  };
  if (name.empty()) return refuse("empty");
  if (name.size() > max_length) return refuse("longer than " + std::to_string(max_length) + " bytes");
  if (name == "." || name == "..") return refuse("not a valid name");
  const auto bad = std::ranges::find_if(
      name, [](char c) { return c == '/' || c == ':' || c == '\0' || c == ' ' || (c >= '\t' && c <= '\r'); });
  if (bad != name.end()) return refuse("contains '/', ':', whitespace or NUL");
  return {};
}

}  // namespace

Result<void> validate_link_name(std::string_view name, std::string_view field) {
  return validate_name(name, max_link_name_length, field);
}

Result<void> validate_altname(std::string_view name, std::string_view field) {
  return validate_name(name, max_altname_length, field);
}

}  // namespace nlpp::rtnl
