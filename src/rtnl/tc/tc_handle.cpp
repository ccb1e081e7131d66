#include <nlpp/rtnl/tc_handle.hpp>

#include <charconv>
#include <cstdio>
#include <optional>

namespace nlpp::rtnl {
namespace {

Error not_a_handle(std::string_view text, std::string_view why) {
  return Error(errc::invalid_argument, "tc handle \"" + std::string(text) + "\": " + std::string(why));
}

// A 16-bit hex number, the whole of digits ("" is 0, as tc reads it after
// a colon); nothing when it is not one.
std::optional<uint16_t> hex16(std::string_view digits) {
  if (digits.empty()) return uint16_t{0};
  uint32_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
  if (error != std::errc() || end != digits.data() + digits.size() || value > 0xffff) return std::nullopt;
  return static_cast<uint16_t>(value);
}

}  // namespace

Result<TcHandle> TcHandle::parse(std::string_view text) {
  if (text == "root") return root();
  if (text == "none") return TcHandle();
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    uint32_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
      return not_a_handle(text, "not MAJOR:MINOR (hex), root or none");
    return TcHandle(value);
  }
  const std::optional<uint16_t> major = hex16(text.substr(0, colon));
  const std::optional<uint16_t> minor = hex16(text.substr(colon + 1));
  if (!major || !minor) return not_a_handle(text, "MAJOR and MINOR are hex numbers up to ffff");
  return TcHandle(*major, *minor);
}

Result<TcHandle> TcHandle::parse_qdisc(std::string_view text) {
  if (text == "none") return TcHandle();
  std::string_view major_digits = text;
  if (major_digits.ends_with(':')) major_digits.remove_suffix(1);
  const std::optional<uint16_t> major = major_digits.empty() ? std::nullopt : hex16(major_digits);
  if (!major) return not_a_handle(text, "a qdisc's handle is MAJOR: (hex, up to ffff), its minor 0");
  return TcHandle(*major, 0);
}

std::string TcHandle::to_string() const {
  if (value_ == TC_H_ROOT) return "root";
  if (value_ == TC_H_UNSPEC) return "none";
  char text[16];
  if (major_id() == 0)
    std::snprintf(text, sizeof text, ":%x", minor_id());
  else if (minor_id() == 0)
    std::snprintf(text, sizeof text, "%x:", major_id());
  else
    std::snprintf(text, sizeof text, "%x:%x", major_id(), minor_id());
  return text;
}

}  // namespace nlpp::rtnl
