// What every command of one `nlpp` invocation shares: the global options,
// the RTNL socket (opened once, in the namespace -n names), and the links,
// read once, by which names become ifindexes and back.
#pragma once

#include "colour.hpp"

#include <nlpp/format/link_names.hpp>
#include <nlpp/ipdb/transaction.hpp>
#include <nlpp/rtnl/change_batch.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/link.hpp>

#include <cstdint>
#include <future>
#include <iosfwd>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
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
  bool atomic = false;                 ///< -atomic: a batch is one IPDB transaction, all or nothing
  bool stats = false;                  ///< -s: statistics (tc's objects)
  ColourWhen colour = ColourWhen::on_terminal;  ///< -c, -color[=always|auto|never]: coloured text
};

using rtnl::Verb;

/// A change of a batch (-batch) that failed, by the line that asked for
/// it: the kernel refused it (its errno), or its answer was lost
/// (errc::outcome_unknown).
struct LineFailure {
  size_t line;
  Error error;
};

/// What one send of a batch's queued changes did.
struct FlushReport {
  std::vector<LineFailure> failures;  ///< in line order
  /// Without -force, after the first failure: the lines queued after it
  /// that went to the kernel in the same datagrams (which the kernel
  /// cannot stop half-way), and how many of them were applied.
  size_t first_line_after = 0;
  size_t last_line_after = 0;
  size_t applied_after = 0;
};

/// Thrown by Session::flush() in a batch without -force when a change
/// failed: the command that caused the send must not go on; the failures
/// are in Session::take_flush_report().
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
  rtnl::IpRoute& ipr();
  /// Asks the kernel for verb on object; a refusal throws
  /// std::system_error. Every command changes objects through here. In a
  /// batch the change is validated (a bad object throws at once) and
  /// queued, to be sent by flush(); objects whose add takes more than one
  /// request (HasAddPlan: links) are sent at once, after the queue.
  template <rtnl::RtnlObject T>
  void apply(Verb verb, const T& object) {
    if (atomic_) {
      if constexpr (ipdb::TransactionObject<T>) {
        atomic_->transaction.change(verb, object).value();
        atomic_->lines.push_back(atomic_->line);
        return;
      } else {
        throw UsageError(std::string(rtnl::ObjectTraits<T>::name) +
                         " changes are not in IPDB transactions yet (-atomic)");
      }
    }
    if (batch_ && !(rtnl::HasAddPlan<T> && verb == Verb::add)) {
      batch_->changes.change(verb, object).value();
      batch_->lines.push_back(batch_->line);
      return;
    }
    ipr().change(verb, object).value();
  }
  /// The ifindex of link `name`; when there is none, ENODEV as a
  /// std::system_error with iproute2's message.
  uint32_t ifindex(std::string_view name);
  /// The link `name` as a change names it: its ifindex (as ifindex()); in
  /// an atomic batch the name itself, which the transaction resolves when
  /// it commits, so that a line can name a link an earlier line makes.
  rtnl::LinkRef link_ref(std::string_view name);
  /// The links' names by ifindex, for output.
  format::LinkNames link_names();
  /// Forgets the links read (after a command that adds, renames or deletes one).
  void forget_links() noexcept { links_.reset(); }

  /// Batch mode (-batch): apply() queues; without keep_going (-force) a
  /// send stops at the first datagram with a failure (BatchResult's
  /// stop_after_failure) and the batch should stop there.
  void start_batch(bool keep_going) { batch_.emplace(Batch{.keep_going = keep_going}); }
  /// Atomic batch mode (-batch -atomic): apply() queues every change of the
  /// batch into one IPDB transaction, which commit_atomic() applies.
  void start_atomic_batch();
  bool atomic() const noexcept { return atomic_.has_value(); }
  /// Commits the atomic batch: every line applied and verified, or none
  /// (what was applied undone). The failure, by line, when not.
  std::optional<LineFailure> commit_atomic();
  /// The line the changes queued from now on come from.
  void set_batch_line(size_t line) noexcept {
    if (atomic_) atomic_->line = line;
    if (batch_) batch_->line = line;
  }
  /// How many changes are queued.
  size_t queued() const noexcept { return batch_ ? batch_->changes.size() : 0; }
  /// Sends the queued changes and waits for their outcome, and for that of
  /// a send still in the background (ipr() does first, and so does the
  /// batch before a line that acts outside the queue, so lines take effect
  /// in order); the failures go to take_flush_report(), and without -force
  /// a failure throws BatchStopped.
  void flush();
  /// Starts sending the queued changes on a thread of their own, so that
  /// the next lines are read while the kernel works on these; the send
  /// before it is settled first (as flush() does).
  void flush_in_background();
  /// What the sends since the last call did (no failures when all went well).
  FlushReport take_flush_report() { return batch_ ? std::exchange(batch_->report, {}) : FlushReport{}; }

 private:
  // Changes on their way to the kernel, and the lines they came from.
  // No default member initializers here: clang 14 cannot tell a nested
  // struct with them default-constructible inside the enclosing class.
  struct Sending {
    rtnl::ChangeBatch changes;
    std::vector<size_t> lines;
    std::future<Result<io::BatchResult>> result;
  };
  struct Batch {
    bool keep_going = false;
    size_t line = 0;
    rtnl::ChangeBatch changes{};
    std::vector<size_t> lines{};  // the line of each queued change
    FlushReport report{};
    std::optional<Sending> sending{};
  };
  // Waits for the send in the background, if any, and records its outcome.
  void settle();
  void record(const io::BatchResult& result, const std::vector<size_t>& lines);
  rtnl::IpRoute& socket();
  io::SocketOptions socket_options() const;
  const std::vector<rtnl::Link>& links();

  Options options_;
  std::ostream& out_;
  std::optional<rtnl::IpRoute> ipr_;
  std::optional<std::vector<rtnl::Link>> links_;
  std::optional<Batch> batch_;
  // An atomic batch: the cache the transaction works on, the transaction,
  // and the line of each change queued.
  struct Atomic {
    std::unique_ptr<ipdb::Cache> cache;
    ipdb::Transaction transaction;
    size_t line;
    std::vector<size_t> lines;
  };
  std::optional<Atomic> atomic_;
};

}  // namespace nlpp::cli
