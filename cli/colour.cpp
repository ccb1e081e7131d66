#include "colour.hpp"

#include "words.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>

namespace nlpp::cli {
namespace {

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

bool stdout_is_colour_terminal() {
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) == 1 && !(term != nullptr && std::string_view(term) == "dumb") && !env_set("NO_COLOR");
}

// COLORFGBG ("15;0", "default;default;0"...) ends in the background's
// colour number; 0-6 and 8 are the dark ones (iproute2's reading).
bool dark_background() {
  const char* colours = std::getenv("COLORFGBG");
  if (colours == nullptr) return false;
  const std::string_view text(colours);
  const size_t separator = text.rfind(';');
  if (separator == std::string_view::npos) return false;
  const std::string_view background = text.substr(separator + 1);
  return background.size() == 1 && ((background[0] >= '0' && background[0] <= '6') || background[0] == '8');
}

std::optional<ColourWhen> when_named(std::string_view word) {
  if (word == "always") return ColourWhen::always;
  if (word == "auto") return ColourWhen::on_terminal;
  if (word == "never") return ColourWhen::never;
  return std::nullopt;
}

}  // namespace

std::optional<ColourWhen> colour_option(std::string_view option, Words& words) {
  const size_t equals = option.find('=');
  const std::string_view name = option.substr(0, equals);
  static constexpr std::array<std::string_view, 5> names{"-c", "-color", "--color", "-colour", "--colour"};
  if (std::ranges::find(names, name) == names.end()) return std::nullopt;
  if (equals == std::string_view::npos) {
    const std::optional<ColourWhen> next = when_named(words.peek());
    if (next) words.take("");
    return next.value_or(ColourWhen::always);
  }
  const std::string_view when = option.substr(equals + 1);
  if (const std::optional<ColourWhen> named = when_named(when)) return named;
  throw UsageError(quoted(when) + " is not a valid colour choice for " + quoted(name) + " (always, auto, never)");
}

format::TextStyle text_style(ColourWhen when) {
  const bool colour = when == ColourWhen::always || (when == ColourWhen::on_terminal && stdout_is_colour_terminal());
  if (!colour) return format::TextStyle::plain;
  return dark_background() ? format::TextStyle::colour_dark_background : format::TextStyle::colour_light_background;
}

}  // namespace nlpp::cli
