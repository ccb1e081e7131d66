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
  /// Acts on the kernel or the system other than through Session::apply()
  /// and Session::ipr() (monitor, netns): in a batch, the changes the
  /// lines before it queued are sent first.
  bool acts_outside_the_batch = false;
  /// Prints statistics when asked (-s): tc's objects.
  bool prints_statistics = false;
};

/// A usage error when options asks for what object does not print (-s).
void check_options(const ObjectCommand& object, const Options& options);

void run_link(Session& session, std::string_view command, Words& words);
void run_address(Session& session, std::string_view command, Words& words);
void run_route(Session& session, std::string_view command, Words& words);
void run_neighbour(Session& session, std::string_view command, Words& words);
void run_rule(Session& session, std::string_view command, Words& words);
void run_nexthop(Session& session, std::string_view command, Words& words);
void run_fdb(Session& session, std::string_view command, Words& words);
void run_vlan(Session& session, std::string_view command, Words& words);
void run_qdisc(Session& session, std::string_view command, Words& words);
void run_class(Session& session, std::string_view command, Words& words);
void run_filter(Session& session, std::string_view command, Words& words);
void run_action(Session& session, std::string_view command, Words& words);
void run_chain(Session& session, std::string_view command, Words& words);
void run_netns(Session& session, std::string_view command, Words& words);
/// `monitor [OBJECT...]`: `command` is the first object word, if any.
void run_monitor(Session& session, std::string_view command, Words& words);
/// `decode [pcap|hex] [--protocol NAME] [FILE|-]`: `command` is its first word, if any.
void run_decode(Session& session, std::string_view command, Words& words);

/// `nlpp -batch FILE|-`: each line of FILE (stdin for "-") is a command
/// (`OBJECT COMMAND ARGS`, `#` starts a comment) run in session, whose
/// changes are sent as one pipelined batch (flushed before anything reads
/// the kernel); errors are reported as "line N: ...". Returns the exit
/// status: 0, or that of the failure that stopped it (-force: 1 when the
/// kernel refused a line, else 2 when a line was a usage error).
int run_batch(Session& session, std::string_view file);

/// Exit statuses: an error of the kernel or the system; a usage error (nothing was sent).
constexpr int exit_kernel_error = 1;
constexpr int exit_usage_error = 2;

/// The objects, by name and iproute2's abbreviations ("a", "addr", "neighbor"...);
/// nullptr for none.
const ObjectCommand* find_object(std::string_view word) noexcept;

/// Whether `word` abbreviates `command` the way iproute2 accepts it
/// ("sh" for show, "a" for add...): a non-empty prefix.
bool is_command(std::string_view word, std::string_view command) noexcept;

}  // namespace nlpp::cli
