// Whether text output is coloured: iproute2's -c / -color[=always|auto|never],
// decided here; the colouring itself is the format layer's (TextStyle).
#pragma once

#include "words.hpp"

#include <nlpp/format/text_colour.hpp>

#include <optional>
#include <string_view>

namespace nlpp::cli {

/// When text output is coloured.
enum class ColourWhen {
  never,
  on_terminal,  ///< "auto", the default: stdout a terminal, TERM not "dumb", NO_COLOR unset or empty
  always,
};

/// The choice of a colour option (-c, -color, --color, -colour, each with an
/// optional =always|auto|never; bare means always, as in iproute2), or
/// nullopt when option (just taken from words) is not one. A bare option
/// also takes the next word when it is always, auto or never, which no
/// object is called (`nlpp -c never link`). A bad value is a UsageError
/// naming it.
std::optional<ColourWhen> colour_option(std::string_view option, Words& words);

/// The style of text output for when, here: plain, or the palette of the
/// terminal's background (COLORFGBG, as iproute2 reads it). JSON is never
/// coloured: it does not go through here.
format::TextStyle text_style(ColourWhen when);

}  // namespace nlpp::cli
