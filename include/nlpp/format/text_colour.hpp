// Colour in text output, as iproute2's `ip -c` gives it: interface names,
// link-layer addresses, IPv4 and IPv6 addresses and the operstates UP and
// DOWN, each in its own colour, by ANSI escapes. The format layer only
// colours when asked; whether to ask (a terminal, NO_COLOR, -c) is the
// caller's choice.
//
//     std::string text = coloured("eth0", ColourClass::ifname, TextStyle::colour_light_background);
//     // text == "\e[36meth0\e[0m"
#pragma once

#include <nlpp/rtnl/link.hpp>

#include <string>
#include <string_view>

namespace nlpp::format {

/// Whether text carries colour escapes, and for which terminal background:
/// iproute2 uses plain colours on a light background and bold ones on a
/// dark one.
enum class TextStyle { plain, colour_light_background, colour_dark_background };

/// What a piece of text is, for its colour (iproute2's COLOR_IFNAME...).
enum class ColourClass { none, ifname, mac, inet, inet6, operstate_up, operstate_down };

/// The class of an address of family (AF_INET: inet, AF_INET6: inet6,
/// anything else: none).
ColourClass address_colour(int family) noexcept;
/// operstate_up for UP, operstate_down for DOWN, none for the others.
ColourClass operstate_colour(rtnl::OperState state) noexcept;

/// text between the escape of colour's colour in style and the reset
/// escape; text itself when style is plain, colour is none or text is
/// empty.
std::string coloured(std::string_view text, ColourClass colour, TextStyle style);

}  // namespace nlpp::format
