#include <nlpp/io/plan.hpp>

#include <optional>

namespace nlpp::io {

Result<Ack> run_plan(RequestEngine& engine, Plan& plan) {
  Ack last{};
  for (size_t done = 0; done < plan.steps.size(); ++done) {
    PlanStep& step = plan.steps[done];
    std::optional<Error> failure;
    if (step.is_request()) {
      Result<Ack> answered = engine.request(step.request);
      if (answered)
        last = *answered;
      else
        failure = std::move(answered).error();
    } else if (Result<void> acted = step.action(engine.transport()); !acted) {
      failure = std::move(acted).error();
    }
    if (!failure) continue;
    for (size_t undone = done; undone-- > 0;)
      if (!plan.steps[undone].undo.bytes().empty()) (void)engine.request(plan.steps[undone].undo);
    return std::move(*failure);
  }
  return last;
}

}  // namespace nlpp::io
