// Internal: running work on a thread of its own. Namespace membership
// (setns, unshare) is per thread, so work that changes it runs on a fresh
// thread that exits afterwards: the caller's thread never changes namespace,
// and no pooled thread is ever left behind in a foreign one.
#pragma once

#include <nlpp/core/result.hpp>

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace nlpp::netns::detail {

/// Runs body on a new std::thread and joins it. An exception thrown by body
/// is rethrown here; a thread that cannot be started is an Error.
Result<void> run_thread(const std::function<void()>& body);

/// Runs work, which returns a Result, on a new thread and hands that Result back.
template <class Work>
std::invoke_result_t<Work&> run_on_new_thread(Work&& work) {
  std::optional<std::invoke_result_t<Work&>> result;
  if (Result<void> ran = run_thread([&] { result.emplace(work()); }); !ran) return std::move(ran).error();
  return std::move(*result);
}

}  // namespace nlpp::netns::detail
