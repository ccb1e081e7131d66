// One function per object of the command line: `nlpp OBJECT COMMAND ARGS`.
// Each reads the command and its words, acts through the library, and
// prints through the format layer. Usage errors throw UsageError; library
// and kernel errors throw std::system_error (Result::value()).
#pragma once

#include "session.hpp"
#include "words.hpp"

#include <string_view>

namespace nlpp::cli {

/// An object of the command line: its help text and its handler.
struct ObjectCommand {
  std::string_view help;
  void (*run)(Session& session, std::string_view command, Words& words);
};

void run_link(Session& session, std::string_view command, Words& words);
void run_address(Session& session, std::string_view command, Words& words);
void run_route(Session& session, std::string_view command, Words& words);
void run_neighbour(Session& session, std::string_view command, Words& words);
void run_netns(Session& session, std::string_view command, Words& words);
/// `monitor [OBJECT...]`: `command` is the first object word, if any.
void run_monitor(Session& session, std::string_view command, Words& words);

/// The objects, by name and iproute2's abbreviations ("a", "addr", "neighbor"...);
/// nullptr for none.
const ObjectCommand* find_object(std::string_view word) noexcept;

/// Whether `word` abbreviates `command` the way iproute2 accepts it
/// ("sh" for show, "a" for add...): a non-empty prefix.
bool is_command(std::string_view word, std::string_view command) noexcept;

}  // namespace nlpp::cli
