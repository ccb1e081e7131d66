// Plans: what one request cannot do. A tun link is created by an ioctl on
// /dev/net/tun and then given its other fields by RTM_NEWLINK; a link with
// altnames needs RTM_NEWLINKPROP once it exists. The object's traits say
// so as a plan of steps, data rather than code that calls a session, and
// whatever runs changes (a session, a batch, a transaction) runs the plan
// its own way: io::run_plan() here, in order, undoing on failure.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/request_engine.hpp>
#include <nlpp/io/transport.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <functional>
#include <vector>

namespace nlpp::io {

/// One step: a request to the kernel, or an action the runner does itself.
struct PlanStep {
  /// One message, sent with NLM_F_ACK; empty for an action.
  wire::MessageBuilder request{};
  /// Done instead of a request: an ioctl, given the transport whose socket
  /// says the namespace to act in.
  std::function<Result<void>(Transport&)> action{};
  /// The request that undoes this step when a later one fails (deletes what
  /// it created); empty when there is nothing to undo.
  wire::MessageBuilder undo{};

  /// Whether the step is a request (else an action).
  bool is_request() const noexcept { return !action; }
};

/// Steps run in order.
struct Plan {
  std::vector<PlanStep> steps;

  /// Whether it is one request and nothing else, so a batch can carry it.
  bool is_one_request() const noexcept { return steps.size() == 1 && steps.front().is_request(); }
};

/// Runs plan on engine: each step in turn; when one fails, the undo
/// requests of the steps done are sent, last first, and the failed step's
/// error is returned (an undo's own failure cannot hide it). The last
/// request's Ack is returned on success.
Result<Ack> run_plan(RequestEngine& engine, Plan& plan);

}  // namespace nlpp::io
