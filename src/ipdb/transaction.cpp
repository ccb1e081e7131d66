// Transactions: queue, review, and commit (order, pipelined sends,
// verification in the cache, undo on failure).
#include <nlpp/ipdb/transaction.hpp>

#include <nlpp/rtnl/link_resolution.hpp>

#include "ipdb/cache_state.hpp"
#include "ipdb/commit_order.hpp"
#include "ipdb/object_names.hpp"
#include "ipdb/pipelined_sender.hpp"
#include "ipdb/undo.hpp"
#include "ipdb/verification.hpp"

#include <cerrno>
#include <chrono>
#include <mutex>
#include <ostream>
#include <shared_mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace nlpp::ipdb {
namespace {

using Clock = std::chrono::steady_clock;

std::string describe_step(io::Verb verb, const AnyObject& object) {
  return std::string(io::verb_name(verb)) + " " + std::visit([](const auto& value) { return name_of(value); }, object);
}

// The object the cache holds for asked (whose links are numbers), if any:
// a link by ifindex or name; a route by its key, link and gateway, else
// the first with its key; a rule without priority or a nexthop without id
// (which the kernel chooses) by the fields asked.
template <class T>
std::optional<T> held(const detail::CacheState& cache, const T& asked, io::Verb verb) {
  std::shared_lock lock(cache.mutex);
  const ObjectSet<T>& set = std::get<ObjectSet<T>>(cache.sets);
  const auto copy = [](const T* found) { return found ? std::optional<T>(*found) : std::nullopt; };
  if constexpr (std::is_same_v<T, rtnl::Link>) {
    if (asked.ifindex != 0) return copy(set.find(asked.ifindex));
    for (const rtnl::Link& link : set)
      if (asked.name && link.name == asked.name) return link;
    return std::nullopt;
  } else if constexpr (std::is_same_v<T, rtnl::Route>) {
    if (const rtnl::Route* exact = set.find(CacheKey<rtnl::Route>::of(asked))) return *exact;
    const rtnl::RouteKey key = rtnl::ObjectTraits<rtnl::Route>::key(asked);
    const auto first = set.lower_bound({key, 0, IpAddress{}});
    if (first != set.end() && std::get<0>(CacheKey<rtnl::Route>::of(*first)) == key) return *first;
    return std::nullopt;
  } else {
    bool chosen_by_kernel = false;
    if constexpr (std::is_same_v<T, rtnl::Rule>) chosen_by_kernel = !asked.priority;
    if constexpr (std::is_same_v<T, rtnl::Nexthop>) chosen_by_kernel = asked.id == 0;
    if (!chosen_by_kernel) return copy(set.find(CacheKey<T>::of(asked)));
    if (verb == io::Verb::del) return std::nullopt;
    for (const T& object : set)
      if (!unmet_field(asked, object)) return object;
    return std::nullopt;
  }
}

// object with every link it names by name replaced by the ifindex the
// cache has for it (and a link changed or removed by name given its
// ifindex); the first name the cache does not know, if any.
std::optional<std::string> resolve_names(const detail::CacheState& cache, io::Verb verb, AnyObject& object) {
  std::optional<std::string> unknown;
  const auto ifindex_of = [&](std::string_view name) -> uint32_t {
    std::shared_lock lock(cache.mutex);
    for (const rtnl::Link& link : std::get<ObjectSet<rtnl::Link>>(cache.sets))
      if (link.name == name || std::ranges::find(link.altnames, name) != link.altnames.end()) return link.ifindex;
    return 0;
  };
  std::visit(
      [&]<class T>(T& value) {
        if constexpr (rtnl::RefersToLinks<T>) {
          visit_links(value, [&](rtnl::LinkRef& link) {
            if (!link.is_name()) return;
            if (const uint32_t ifindex = ifindex_of(link.name())) link = ifindex;
            else if (!unknown) unknown = std::string(link.name());
          });
        }
        if constexpr (std::is_same_v<T, rtnl::Link>) {
          if (verb != io::Verb::add && value.ifindex == 0 && value.name) {
            value.ifindex = ifindex_of(*value.name);
            if (value.ifindex == 0 && !unknown) unknown = *value.name;
          }
        }
      },
      object);
  return unknown;
}

// Registers a journal with the cache for as long as it lives.
class JournalScope {
 public:
  JournalScope(detail::CacheState& cache, std::vector<ObjectChange>& journal) : cache_(cache), journal_(journal) {
    std::unique_lock lock(cache_.mutex);
    cache_.journals.push_back(&journal_);
  }
  ~JournalScope() {
    std::unique_lock lock(cache_.mutex);
    std::erase(cache_.journals, &journal_);
  }
  JournalScope(const JournalScope&) = delete;
  JournalScope& operator=(const JournalScope&) = delete;

  // What was journaled so far.
  std::vector<ObjectChange> copy() const {
    std::shared_lock lock(cache_.mutex);
    return journal_;
  }

 private:
  detail::CacheState& cache_;
  std::vector<ObjectChange>& journal_;
};

// A failed step: which, and why.
struct StepFailure {
  size_t step;
  Error error;
};

// Sends a transaction's steps in commit order and verifies them.
class Committer {
 public:
  Committer(detail::CacheState& cache, const std::vector<Transaction::Step>& steps, const CommitOptions& options)
      : cache_(cache), steps_(steps), options_(options), sender_(cache.requests, true) {}

  // Every step applied and verified (nothing), or the first that failed.
  std::optional<StepFailure> run();
  const CommitReport& report() const noexcept { return report_; }

 private:
  struct Sent {
    size_t step;
    AnyObject object;  // as sent: links by ifindex
  };

  std::optional<StepFailure> send_step(size_t step);
  std::optional<StepFailure> flush();
  std::optional<StepFailure> verify(std::vector<Sent>& sent);

  detail::CacheState& cache_;
  const std::vector<Transaction::Step>& steps_;
  const CommitOptions& options_;
  PipelinedSender sender_;
  std::vector<Sent> group_;  // given to sender_ since the last flush, in order
  CommitReport report_;
};

std::optional<StepFailure> Committer::run() {
  for (const size_t step : commit_order(steps_)) {
    if (options_.fail_at_step == step) {
      if (std::optional<StepFailure> failed = flush()) return failed;
      return StepFailure{step, Error::from_errno(EIO, "failure injected (CommitOptions::fail_at_step)")};
    }
    if (std::optional<StepFailure> failed = send_step(step)) return failed;
  }
  if (std::optional<StepFailure> failed = flush()) return failed;
  report_.changes = steps_.size();
  report_.sends = sender_.sends();
  return std::nullopt;
}

std::optional<StepFailure> Committer::send_step(size_t step) {
  const io::Verb verb = steps_[step].verb;
  AnyObject object = steps_[step].object;
  std::optional<std::string> unknown = resolve_names(cache_, verb, object);
  if (unknown && !group_.empty()) {
    // Perhaps a link the changes before it make: send them, then look again.
    if (std::optional<StepFailure> failed = flush()) return failed;
    object = steps_[step].object;
    unknown = resolve_names(cache_, verb, object);
  }
  if (unknown) return StepFailure{step, Error::from_errno(ENODEV, "link '" + *unknown + "': no such link")};
  if (Result<void> queued = sender_.queue(verb, object, step); !queued) return StepFailure{step, std::move(queued).error()};
  group_.push_back({step, std::move(object)});
  // A change sent alone (a plan) is settled at once, so that what follows
  // it finds what it made.
  if (sender_.queued() == 0) return flush();
  return std::nullopt;
}

std::optional<StepFailure> Committer::flush() {
  if (group_.empty()) return std::nullopt;
  std::vector<Sent> sent = std::exchange(group_, {});
  (void)sender_.flush();  // a socket error is each change's outcome
  // The first failure in commit order is the commit's; the changes before
  // it are verified too, or the error could hide a second problem.
  std::optional<StepFailure> refused;
  for (PipelinedSender::Outcome& outcome : sender_.take_outcomes()) {
    if (outcome.result) continue;
    const auto at = std::ranges::find(sent, outcome.tag, &Sent::step);
    refused = StepFailure{outcome.tag, std::move(outcome.result).error()};
    sent.erase(at, sent.end());
    break;
  }
  if (std::optional<StepFailure> failed = verify(sent)) return failed;
  return refused;
}

std::optional<StepFailure> Committer::verify(std::vector<Sent>& sent) {
  // The kernel notifies a change before it acknowledges it: one update
  // normally shows them all. Otherwise wait until the deadline, then read
  // the kind again once (the notification may have been lost to an overrun
  // the resync has not caught, or the kernel may have refused silently).
  const Clock::time_point deadline = Clock::now() + options_.verify_deadline;
  std::vector<std::pair<size_t, std::string>> unmet_steps;
  for (std::chrono::milliseconds wait{0};; wait = std::chrono::milliseconds(20)) {
    if (Result<UpdateStats> updated = cache_.update(wait); !updated)
      return StepFailure{sent.front().step, std::move(updated).error()};
    unmet_steps.clear();
    for (const Sent& one : sent) {
      std::optional<std::string> why = std::visit(
          [&]<class T>(const T& asked) { return unmet(steps_[one.step].verb, asked, held(cache_, asked, steps_[one.step].verb)); },
          one.object);
      if (why) unmet_steps.emplace_back(one.step, std::move(*why));
    }
    if (unmet_steps.empty()) return std::nullopt;
    if (Clock::now() >= deadline) break;
  }
  ++report_.rereads;
  if (Result<void> reread = cache_.reload_in_turn(); !reread) return StepFailure{unmet_steps.front().first, std::move(reread).error()};
  for (const auto& [step, why] : unmet_steps) {
    const Sent& one = *std::ranges::find(sent, step, &Sent::step);
    std::optional<std::string> still = std::visit(
        [&]<class T>(const T& asked) { return unmet(steps_[step].verb, asked, held(cache_, asked, steps_[step].verb)); },
        one.object);
    if (still) return StepFailure{step, Error(errc::not_applied, "acknowledged, but " + *still)};
  }
  return std::nullopt;
}

}  // namespace

std::ostream& operator<<(std::ostream& out, const PlannedChange& change) {
  out << io::verb_name(change.verb) << ' ' << change.object;
  const char* separator = ": ";
  for (const FieldChange& field : change.fields) {
    out << separator << field.field << ' ' << (field.before.empty() ? "none" : field.before) << " -> "
        << (field.after.empty() ? "none" : field.after);
    separator = ", ";
  }
  return out;
}

Result<size_t> Transaction::queue(io::Verb verb, AnyObject object) {
  const detail::CacheState& cache = *cache_->state_;
  const bool kept = std::visit([&]<class T>(const T&) { return keeps<T>(cache.options); }, object);
  if (!kept)
    return Error(errc::invalid_argument,
                 describe_step(verb, object) + ": the cache does not keep this kind, so it cannot verify or undo it");
  steps_.push_back({verb, std::move(object)});
  return steps_.size() - 1;
}

std::vector<PlannedChange> Transaction::review() const {
  const detail::CacheState& cache = *cache_->state_;
  std::vector<PlannedChange> planned;
  for (const size_t step : commit_order(steps_)) {
    const io::Verb verb = steps_[step].verb;
    AnyObject object = steps_[step].object;
    resolve_names(cache, verb, object);  // names not known yet stay names
    PlannedChange change{.step = step, .verb = verb, .object = describe_step(verb, object).substr(io::verb_name(verb).size() + 1)};
    std::visit(
        [&]<class T>(const T& asked) {
          const std::optional<T> before = held(cache, asked, verb);
          if (verb == io::Verb::del) {
            if (before) change.fields = rtnl::ObjectTraits<T>::diff(*before, T{});
            return;
          }
          // The fields asked, each with the value the cache has now.
          const std::vector<FieldChange> now = before ? rtnl::ObjectTraits<T>::diff(T{}, *before) : std::vector<FieldChange>{};
          for (FieldChange field : rtnl::ObjectTraits<T>::diff(T{}, asked)) {
            const auto same = std::ranges::find(now, field.field, &FieldChange::field);
            field.before = same == now.end() ? std::string() : same->after;
            if (field.before != field.after) change.fields.push_back(std::move(field));
          }
        },
        object);
    planned.push_back(std::move(change));
  }
  return planned;
}

Result<CommitReport> Transaction::commit(const CommitOptions& options) {
  failure_.reset();
  const std::vector<Step> steps = std::exchange(steps_, {});
  detail::CacheState& cache = *cache_->state_;
  std::lock_guard one_at_a_time(cache.committing);
  // The journal starts from the kernel's state as of now.
  if (Result<UpdateStats> current = cache.update(std::chrono::milliseconds(0)); !current)
    return std::move(current).error();
  std::vector<ObjectChange> journal;
  JournalScope journaling(cache, journal);
  Committer committer(cache, steps, options);
  std::optional<StepFailure> failed = committer.run();
  if (!failed) return committer.report();

  CommitFailure failure{.step = failed->step,
                        .change = describe_step(steps[failed->step].verb, steps[failed->step].object),
                        .error = failed->error,
                        .undo_error = std::nullopt};
  const std::vector<ObjectChange> applied = journaling.copy();
  if (Result<void> undone = undo(cache, applied); !undone) failure.undo_error = std::move(undone).error();
  std::string context = "step " + std::to_string(failure.step) + " (" + failure.change + ")" +
                        (failure.undo_error ? ", and the undo failed (" + failure.undo_error->describe() + ")"
                                            : ", undone");
  if (!failure.error.context().empty()) context += ": " + failure.error.context();
  Error error(failure.error.code(), std::move(context), failure.error.ext_ack());
  failure_ = std::move(failure);
  return error;
}

}  // namespace nlpp::ipdb
