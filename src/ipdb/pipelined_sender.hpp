// Internal: a transaction's changes (and an undo's) sent in as few
// datagrams as the kernel allows: queued in one ChangeBatch, except a
// change that takes more than one request (a link with altnames, a veth
// whose peer goes up or into a master), which goes alone through the
// session once what was queued before it is sent.
#pragma once

#include <nlpp/ipdb/transaction.hpp>
#include <nlpp/rtnl/change_batch.hpp>
#include <nlpp/rtnl/ip_route.hpp>

#include <cstddef>
#include <vector>

namespace nlpp::ipdb {

class PipelinedSender {
 public:
  /// What became of one change: nothing (applied), or why not.
  struct Outcome {
    size_t tag;
    Result<void> result;
  };

  /// stop_after_failure: no datagram after one with a failure (a commit);
  /// otherwise every change is tried (an undo).
  PipelinedSender(rtnl::IpRoute& session, bool stop_after_failure)
      : session_(session), stop_after_failure_(stop_after_failure) {}

  /// Queues verb on object, known by tag in the outcomes; the object's
  /// validation error, if any (nothing is queued then).
  Result<void> queue(io::Verb verb, const AnyObject& object, size_t tag);
  /// Sends what is queued. Errors are the socket's: the outcome of every
  /// change sent then is unknown.
  Result<void> flush();
  /// The outcomes of the changes sent since the last call, in queue order.
  std::vector<Outcome> take_outcomes() { return std::exchange(outcomes_, {}); }
  size_t queued() const noexcept { return tags_.size(); }
  /// Datagrams (or lone plans) sent so far.
  size_t sends() const noexcept { return sends_; }

 private:
  rtnl::IpRoute& session_;
  bool stop_after_failure_;
  rtnl::ChangeBatch batch_;
  std::vector<size_t> tags_;  // of the changes in batch_
  std::vector<Outcome> outcomes_;
  size_t sends_ = 0;
};

}  // namespace nlpp::ipdb
