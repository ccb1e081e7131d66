#include "session.hpp"

#include "words.hpp"

#include <nlpp/netns/netns.hpp>

#include <algorithm>
#include <cerrno>
#include <system_error>
#include <utility>

namespace nlpp::cli {

rtnl::IpRoute& Session::ipr() {
  if (batch_) flush();
  return socket();
}

io::SocketOptions Session::socket_options() const {
  io::SocketOptions socket;
  if (options_.netns) socket.netns = netns::Ref::name(*options_.netns);
  return socket;
}

rtnl::IpRoute& Session::socket() {
  if (!ipr_) ipr_.emplace(rtnl::IpRoute::open(socket_options()).value());
  return *ipr_;
}

void Session::start_atomic_batch() {
  // Every kind a line can change is kept, FDB entries and bridge vlans included.
  auto cache = std::make_unique<ipdb::Cache>(
      ipdb::Cache::open({.fdb = true, .bridge_vlans = true, .socket = socket_options()}).value());
  ipdb::Transaction transaction(*cache);
  atomic_.emplace(Atomic{.cache = std::move(cache), .transaction = std::move(transaction), .line = 0, .lines = {}});
}

std::optional<LineFailure> Session::commit_atomic() {
  ipdb::Transaction& transaction = atomic_->transaction;
  if (transaction.empty()) return std::nullopt;
  Result<ipdb::CommitReport> committed = transaction.commit();
  if (committed) return std::nullopt;
  const ipdb::CommitFailure& failure = *transaction.failure();
  std::string context = failure.change;
  if (!failure.error.context().empty()) context += ": " + failure.error.context();
  context += failure.undo_error ? "; undoing the lines before it failed too: " + failure.undo_error->describe()
                                : "; nothing was applied (-atomic)";
  return LineFailure{atomic_->lines[failure.step], Error(failure.error.code(), std::move(context), failure.error.ext_ack())};
}

rtnl::LinkRef Session::link_ref(std::string_view name) {
  if (!atomic_) return ifindex(name);
  if (const std::optional<rtnl::Link> link = atomic_->cache->link(name)) return link->ifindex;
  return rtnl::LinkRef(name);  // perhaps made by an earlier line: the transaction resolves it
}

void Session::flush() {
  if (!batch_) return;
  settle();
  if (batch_->changes.empty()) return;
  const std::vector<size_t> lines = std::exchange(batch_->lines, {});
  const io::BatchResult result =
      socket().send(batch_->changes, {.stop_after_failure = !batch_->keep_going}).value();
  record(result, lines);
  if (!batch_->keep_going && !batch_->report.failures.empty()) throw BatchStopped();
}

void Session::flush_in_background() {
  settle();
  if (batch_->changes.empty()) return;
  Sending& sending = batch_->sending.emplace();
  std::swap(sending.changes, batch_->changes);
  std::swap(sending.lines, batch_->lines);
  // Only that thread uses the socket until settle() has waited for it.
  rtnl::IpRoute& ipr = socket();
  const io::BatchOptions options{.stop_after_failure = !batch_->keep_going};
  sending.result = std::async(std::launch::async, [&ipr, &changes = sending.changes, options] {
    return ipr.send(changes, options);
  });
}

void Session::settle() {
  if (!batch_->sending) return;
  Result<io::BatchResult> result = batch_->sending->result.get();  // the thread is done after this
  const std::vector<size_t> lines = std::move(batch_->sending->lines);
  batch_->sending.reset();
  record(result.value(), lines);
  if (!batch_->keep_going && !batch_->report.failures.empty()) throw BatchStopped();
}

void Session::record(const io::BatchResult& result, const std::vector<size_t>& lines) {
  FlushReport& report = batch_->report;
  if (result.all_succeeded()) return;
  // Failures by line: refusals and lost answers interleaved in index order.
  std::vector<std::pair<size_t, Error>> failures(result.refusals());
  for (const auto& [range, reason] : result.unknown())
    for (size_t index = range.first; index <= range.last; ++index) failures.emplace_back(index, reason);
  std::ranges::sort(failures, {}, &std::pair<size_t, Error>::first);
  for (auto& [index, error] : failures) report.failures.push_back({lines[index], std::move(error)});
  if (batch_->keep_going) {
    // A transport error ended the send: the lines after it never went.
    for (size_t index = result.sent(); index < result.size(); ++index)
      report.failures.push_back({lines[index], *result.not_sent_reason()});
    return;
  }
  if (failures.empty()) return;
  // Without -force: what went with the first failure, which the kernel
  // could not hold back.
  const size_t first_failed = failures.front().first;
  if (first_failed + 1 >= result.sent()) return;
  report.first_line_after = lines[first_failed + 1];
  report.last_line_after = lines[result.sent() - 1];
  for (size_t index = first_failed + 1; index < result.sent(); ++index)
    report.applied_after += result.outcome(index) == io::Outcome::applied;
}

const std::vector<rtnl::Link>& Session::links() {
  if (!links_) links_ = ipr().dump<rtnl::Link>().value();
  return *links_;
}

uint32_t Session::ifindex(std::string_view name) {
  // In a batch, a command that adds or renames a link forgets the links,
  // so the next lookup reads them again, after sending what was queued.
  const std::vector<rtnl::Link>& all = links();
  const auto found = std::ranges::find_if(all, [&](const rtnl::Link& link) { return link.name == name; });
  if (found == all.end())
    throw std::system_error(ENODEV, std::system_category(), "Cannot find device " + quoted(name));
  return found->ifindex;
}

format::LinkNames Session::link_names() { return format::LinkNames(links()); }

}  // namespace nlpp::cli
