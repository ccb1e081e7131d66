// Waiting for events in kernel tests: the events a stream brings within a
// deadline, described by the test, the others skipped (a change also
// brings events about what it touched).
#pragma once

#include <nlpp/rtnl/event_stream.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace nlpp::test {

/// The descriptions of the first `count` events describe() gives one for,
/// in order; fewer when the 5 s pass first.
inline std::vector<std::string> described_events(
    rtnl::EventStream& stream, size_t count,
    const std::function<std::optional<std::string>(const rtnl::Event&)>& describe) {
  using namespace std::chrono_literals;
  std::vector<std::string> seen;
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (seen.size() < count && std::chrono::steady_clock::now() < deadline) {
    Result<std::optional<rtnl::Event>> event = stream.wait(100ms);
    if (!event) {
      ADD_FAILURE() << event.error().describe();
      break;
    }
    if (!*event) continue;
    if (std::optional<std::string> text = describe(**event)) seen.push_back(std::move(*text));
  }
  return seen;
}

}  // namespace nlpp::test
