#include <nlpp/format/text_colour.hpp>

#include <sys/socket.h>

#include <array>

namespace nlpp::format {
namespace {

// iproute2's palettes (lib/color.c), by ColourClass after none: cyan,
// yellow, magenta, blue, green, red; bold on a dark background.
constexpr std::array<std::string_view, 6> light_background{"\033[36m", "\033[33m", "\033[35m",
                                                           "\033[34m", "\033[32m", "\033[31m"};
constexpr std::array<std::string_view, 6> dark_background{"\033[1;36m", "\033[1;33m", "\033[1;35m",
                                                          "\033[1;34m", "\033[1;32m", "\033[1;31m"};
constexpr std::string_view reset = "\033[0m";

}  // namespace

ColourClass address_colour(int family) noexcept {
  switch (family) {
    case AF_INET:
      return ColourClass::inet;
    case AF_INET6:
      return ColourClass::inet6;
    default:
      return ColourClass::none;
  }
}

ColourClass operstate_colour(rtnl::OperState state) noexcept {
  switch (state) {
    case rtnl::OperState::up:
      return ColourClass::operstate_up;
    case rtnl::OperState::down:
      return ColourClass::operstate_down;
    default:
      return ColourClass::none;
  }
}

std::string coloured(std::string_view text, ColourClass colour, TextStyle style) {
  if (style == TextStyle::plain || colour == ColourClass::none || text.empty()) return std::string(text);
  const auto& palette = style == TextStyle::colour_dark_background ? dark_background : light_background;
  std::string out(palette[static_cast<size_t>(colour) - 1]);
  out += text;
  out += reset;
  return out;
}

}  // namespace nlpp::format
