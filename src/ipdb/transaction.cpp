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
#include "ipdb/vid_set.hpp"

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

// A notification takes about a kilobyte of the socket's buffer (the
// kernel counts what it allocated for it): 8,192 of them fit the 32 MiB
// the cache asks for by default, four times over.
constexpr size_t changes_per_send = 8192;

std::string describe_step(io::Verb verb, const AnyObject& object) {
  return std::string(io::verb_name(verb)) + " " + object.visit([](const auto& value) { return name_of(value); });
}

// The object of set (the cache's, its lock held) that asked (whose links
// are numbers) is about, if any: a link by ifindex or name; a route by its
// key, link and gateway, else the first with its key; a rule without
// priority or a nexthop without id (which the kernel chooses) by the
// fields asked. Lookups of keys in order, with a hint kept between them,
// cost a comparison or two each (ObjectSet::find).
template <class T>
const T* held(const ObjectSet<T>& set, const T& asked, io::Verb verb, typename ObjectSet<T>::const_iterator& hint) {
  if constexpr (std::is_same_v<T, rtnl::Link>) {
    if (asked.ifindex != 0) return set.find(asked.ifindex, hint);
    for (const rtnl::Link& link : set)
      if (asked.name && link.name == asked.name) return &link;
    return nullptr;
  } else if constexpr (std::is_same_v<T, rtnl::Route>) {
    if (const rtnl::Route* exact = set.find(CacheKey<rtnl::Route>::of(asked), hint)) return exact;
    const rtnl::RouteKey key = rtnl::ObjectTraits<rtnl::Route>::key(asked);
    const auto first = set.lower_bound({key, 0, IpAddress{}});
    if (first != set.end() && std::get<0>(CacheKey<rtnl::Route>::of(*first)) == key) return &*first;
    return nullptr;
  } else {
    bool chosen_by_kernel = false;
    if constexpr (std::is_same_v<T, rtnl::Rule>) chosen_by_kernel = !asked.priority;
    if constexpr (std::is_same_v<T, rtnl::Nexthop>) chosen_by_kernel = asked.id == 0;
    if (!chosen_by_kernel) return set.find(CacheKey<T>::of(asked), hint);
    if (verb == io::Verb::del) return nullptr;
    for (const T& object : set)
      if (!unmet_field(asked, object)) return &object;
    return nullptr;
  }
}

// Where the last lookup of each kind ended (held()'s hints), for lookups
// under one hold of the cache's lock.
class Lookups {
 public:
  explicit Lookups(const detail::CacheState& cache)
      : cache_(cache), hints_(std::apply([](const auto&... sets) { return Hints{sets.end()...}; }, cache.sets)) {}
  // The object the cache holds for verb on asked, if any.
  template <class T>
  const T* held_for(const T& asked, io::Verb verb) {
    return held(std::get<ObjectSet<T>>(cache_.sets), asked, verb,
                std::get<typename ObjectSet<T>::const_iterator>(hints_));
  }

 private:
  template <class T>
  using Hint = typename ObjectSet<T>::const_iterator;
  using Hints = Each<Hint>::Tuple;
  const detail::CacheState& cache_;
  Hints hints_;
};

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
  object.visit([&]<class T>(T& value) {
    if constexpr (rtnl::RefersToLinks<T>) {
      visit_links(value, [&](rtnl::LinkRef& link) {
        if (!link.is_name()) return;
        if (const uint32_t ifindex = ifindex_of(link.name()))
          link = ifindex;
        else if (!unknown)
          unknown = std::string(link.name());
      });
    }
    if constexpr (std::is_same_v<T, rtnl::Link>) {
      if (verb != io::Verb::add && value.ifindex == 0 && value.name) {
        value.ifindex = ifindex_of(*value.name);
        if (value.ifindex == 0 && !unknown) unknown = *value.name;
      }
    }
  });
  return unknown;
}

// What verb on asked changes, before being what the cache holds (if
// anything): the fields asked, each with the value the cache has now; all
// of the object's, for a removal.
template <class T>
std::vector<FieldChange> planned_fields(io::Verb verb, const T& asked, const T* before) {
  if (verb == io::Verb::del) return before ? rtnl::ObjectTraits<T>::diff(*before, T{}) : std::vector<FieldChange>{};
  const std::vector<FieldChange> now = before ? rtnl::ObjectTraits<T>::diff(T{}, *before) : std::vector<FieldChange>{};
  std::vector<FieldChange> fields;
  for (FieldChange field : rtnl::ObjectTraits<T>::diff(T{}, asked)) {
    const auto same = std::ranges::find(now, field.field, &FieldChange::field);
    field.before = same == now.end() ? std::string() : same->after;
    if (field.before != field.after) fields.push_back(std::move(field));
  }
  return fields;
}
// A vlan change touches the vids it names: the port's vids before and after.
std::vector<FieldChange> planned_fields(io::Verb verb, const rtnl::BridgeVlan& asked, const rtnl::BridgeVlan* before) {
  const VidFlags now = before ? vids_of(*before) : VidFlags{};
  const VidFlags after = after_change(verb, now, asked);
  if (after == now) return {};
  return {{"vlans", rtnl::vlans_text({.vlans = ranges_of(now)}), rtnl::vlans_text({.vlans = ranges_of(after)})}};
}

// Registers a journal with the cache for as long as it lives.
class JournalScope {
 public:
  JournalScope(detail::CacheState& cache, Journal& journal) : cache_(cache), journal_(journal) {
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
  Journal copy() const {
    std::shared_lock lock(cache_.mutex);
    return journal_;
  }

 private:
  detail::CacheState& cache_;
  Journal& journal_;
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
  if (Result<void> queued = sender_.queue(verb, object, step); !queued)
    return StepFailure{step, std::move(queued).error()};
  group_.push_back({step, std::move(object)});
  // A change sent alone (a plan) is settled at once, so that what follows
  // it finds what it made; and a long run of changes is sent and verified
  // every changes_per_send, so that their notifications never outgrow the
  // cache's socket (which would drop them, and cost a resync).
  if (sender_.queued() == 0 || sender_.queued() >= changes_per_send) return flush();
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
  // Why each change sent is not what the kernel holds, under one hold of
  // the cache's lock (a follower may be applying notifications meanwhile).
  const auto find_unmet = [&](const std::vector<Sent>& changes) {
    unmet_steps.clear();
    std::shared_lock lock(cache_.mutex);
    Lookups lookups(cache_);
    for (const Sent& one : changes) {
      const io::Verb verb = steps_[one.step].verb;
      std::optional<std::string> why =
          one.object.visit([&](const auto& asked) { return unmet(verb, asked, lookups.held_for(asked, verb)); });
      if (why) unmet_steps.emplace_back(one.step, std::move(*why));
    }
  };
  for (std::chrono::milliseconds wait{0};; wait = std::chrono::milliseconds(20)) {
    if (Result<UpdateStats> updated = cache_.update(wait); !updated)
      return StepFailure{sent.front().step, std::move(updated).error()};
    find_unmet(sent);
    if (unmet_steps.empty()) return std::nullopt;
    if (Clock::now() >= deadline) break;
  }
  ++report_.rereads;
  if (Result<void> reread = cache_.reload_in_turn(); !reread)
    return StepFailure{unmet_steps.front().first, std::move(reread).error()};
  std::vector<Sent> unverified;
  for (const auto& [step, why] : unmet_steps) unverified.push_back(*std::ranges::find(sent, step, &Sent::step));
  find_unmet(unverified);
  if (!unmet_steps.empty())
    return StepFailure{unmet_steps.front().first,
                       Error(errc::not_applied, "acknowledged, but " + unmet_steps.front().second)};
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
  const bool kept = object.visit([&](const auto& value) { return wanted(cache.options, value); });
  if (!kept)
    return Error(errc::invalid_argument, describe_step(verb, object) +
                                             ": the cache does not keep this kind (or this route's family or "
                                             "table), so it cannot verify or undo it");
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
    PlannedChange change{
        .step = step, .verb = verb, .object = describe_step(verb, object).substr(io::verb_name(verb).size() + 1)};
    std::shared_lock lock(cache.mutex);
    Lookups lookups(cache);
    object.visit(
        [&](const auto& asked) { change.fields = planned_fields(verb, asked, lookups.held_for(asked, verb)); });
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
  Journal journal;
  JournalScope journaling(cache, journal);
  Committer committer(cache, steps, options);
  std::optional<StepFailure> failed = committer.run();
  if (!failed) return committer.report();

  CommitFailure failure{.step = failed->step,
                        .change = describe_step(steps[failed->step].verb, steps[failed->step].object),
                        .error = failed->error,
                        .undo_error = std::nullopt};
  const Journal applied = journaling.copy();
  if (Result<void> undone = undo(cache, applied); !undone) failure.undo_error = std::move(undone).error();
  std::string context =
      "step " + std::to_string(failure.step) + " (" + failure.change + ")" +
      (failure.undo_error ? ", and the undo failed (" + failure.undo_error->describe() + ")" : ", undone");
  if (!failure.error.context().empty()) context += ": " + failure.error.context();
  Error error(failure.error.code(), std::move(context), failure.error.ext_ack());
  failure_ = std::move(failure);
  return error;
}

}  // namespace nlpp::ipdb
