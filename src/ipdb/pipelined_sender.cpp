#include "ipdb/pipelined_sender.hpp"

#include <utility>
#include <variant>

namespace nlpp::ipdb {
namespace {

// Whether sending verb on object takes more than one request.
bool needs_plan(io::Verb verb, const AnyObject& object) {
  return object.visit([&]<class T>(const T& value) {
    if constexpr (rtnl::HasAddPlan<T>) {
      if (verb != io::Verb::add) return false;
      Result<io::Plan> plan = rtnl::ObjectTraits<T>::plan_add(value);
      return plan && !plan->is_one_request();
    }
    return false;
  });
}

}  // namespace

Result<void> PipelinedSender::queue(io::Verb verb, const AnyObject& object, size_t tag) {
  if (needs_plan(verb, object)) {
    if (Result<void> sent = flush(); !sent) return sent;
    Result<io::Ack> done = object.visit([&](const auto& value) { return session_.change(verb, value); });
    ++sends_;
    outcomes_.push_back({tag, done ? Result<void>() : Result<void>(std::move(done).error())});
    return {};
  }
  Result<size_t> queued = object.visit([&](const auto& value) { return batch_.change(verb, value); });
  if (!queued) return std::move(queued).error();
  tags_.push_back(tag);
  return {};
}

Result<void> PipelinedSender::flush() {
  if (tags_.empty()) return {};
  const std::vector<size_t> tags = std::exchange(tags_, {});
  Result<io::BatchResult> result = batch_.send(session_.engine(), {.stop_after_failure = stop_after_failure_});
  ++sends_;
  if (!result) {
    for (const size_t tag : tags) outcomes_.push_back({tag, result.error()});
    return std::move(result).error();
  }
  for (size_t index = 0; index < tags.size(); ++index) outcomes_.push_back({tags[index], (*result)[index]});
  return {};
}

}  // namespace nlpp::ipdb
