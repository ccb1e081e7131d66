// What every command of one `nlpp` invocation shares: the global options,
// the RTNL socket (opened once, in the namespace -n names), and the links,
// read once, by which names become ifindexes and back.
#pragma once

#include "colour.hpp"

#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/change_batch.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/link.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nlpp::cli {

/// The options before the object (`nlpp -j -n ns0 link show`).
struct Options {
  bool json = false;                   ///< -j: JSON like `ip -j`
  bool pretty = false;                 ///< -p: indented JSON
  bool details = false;                ///< -d: every attribute, not just the usual ones
  int family = 0;                      ///< -4 / -6 / -f NAME; AF_UNSPEC: every family
  std::optional<std::string> netns{};  ///< -n NAME: work inside this `ip netns` namespace
  std::optional<std::string> batch{};  ///< -batch FILE: the commands of FILE ("-": stdin), one a line
  bool force = false;                  ///< -force: a batch goes on after a failing line
  ColourWhen colour = ColourWhen::on_terminal;  ///< -c, -color[=always|auto|never]: coloured text
};

/// What a command asks the kernel to do with an object.
enum class Change { add, replace, set, del };

/// A change of a batch (-batch) that the kernel refused, by the line that
/// asked for it.
struct LineFailure {
  size_t line;
  Error error;
};

/// Thrown when a batch without -force learns that the kernel refused a
/// change: the batch stops, and Session::batch_failures() says which.
struct BatchStopped : std::runtime_error {
  BatchStopped() : std::runtime_error("a change of the batch failed") {}
};

class Session {
 public:
  Session(Options options, std::ostream& out) : options_(std::move(options)), out_(out) {}

  const Options& options() const noexcept { return options_; }
  std::ostream& out() noexcept { return out_; }
  /// The RTNL socket, opened on first use; failing to open throws. In a
  /// batch, the changes queued so far are sent first, so what a command
  /// reads through it sees them.
  rtnl::IPRoute& ipr();
  /// Asks the kernel for change of object; a refusal throws
  /// std::system_error. Every command changes objects through here. In a
  /// batch the change is validated (a bad object throws at once) and
  /// queued, to be sent by flush(); objects whose add takes more than one
  /// request (HasCustomAdd: links) are sent at once, after the queue.
  template <rtnl::RtnlObject T>
  void apply(Change change, const T& object) {
    if (batch_ && !(rtnl::HasCustomAdd<T> && change == Change::add)) {
      apply_through(batch_->changes, change, object);
      batch_->lines.push_back(batch_->line);
      return;
    }
    apply_through(ipr(), change, object);
  }
  /// The ifindex of link `name`; when there is none, ENODEV as a
  /// std::system_error with iproute2's message.
  uint32_t ifindex(std::string_view name);
  /// The links' names by ifindex, for output.
  format::LinkNames link_names();
  /// Forgets the links read (after a command that adds, renames or deletes one).
  void forget_links() noexcept { links_.reset(); }

  /// Batch mode (-batch): apply() queues; keep_going (-force) records the
  /// kernel's refusals instead of throwing BatchStopped.
  void start_batch(bool keep_going) { batch_.emplace(Batch{.keep_going = keep_going}); }
  /// The line the changes queued from now on come from.
  void set_batch_line(size_t line) noexcept { batch_->line = line; }
  /// Sends the queued changes; refusals go to batch_failures() (and throw
  /// BatchStopped without -force).
  void flush();
  /// The refusals flush() recorded and nobody took yet, in line order.
  std::vector<LineFailure> take_batch_failures() { return std::exchange(batch_->failures, {}); }

 private:
  struct Batch {
    bool keep_going = false;
    size_t line = 0;
    rtnl::ChangeBatch changes{};
    std::vector<size_t> lines{};  // the line of each queued change
    std::vector<LineFailure> failures{};
  };

  // The change through target's add/replace/set/del: an IPRoute sends it,
  // a ChangeBatch queues it (and has no add for HasCustomAdd objects).
  template <class Target, rtnl::RtnlObject T>
  static void apply_through(Target& target, Change change, const T& object) {
    switch (change) {
      case Change::add:
        if constexpr (requires { target.add(object); }) target.add(object).value();
        return;
      case Change::replace:
        target.replace(object).value();
        return;
      case Change::set:
        target.set(object).value();
        return;
      case Change::del:
        target.del(object).value();
        return;
    }
  }
  rtnl::IPRoute& socket();
  const std::vector<rtnl::Link>& links();

  Options options_;
  std::ostream& out_;
  std::optional<rtnl::IPRoute> ipr_;
  std::optional<std::vector<rtnl::Link>> links_;
  std::optional<Batch> batch_;
};

}  // namespace nlpp::cli
