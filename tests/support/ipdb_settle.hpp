// The IPDB kernel tests' wait for the kernel to be done: a cache's
// notifications applied until none comes for 200 ms (at most 5 s).
#pragma once

#include <nlpp/ipdb/cache.hpp>

#include <gtest/gtest.h>

#include <chrono>

namespace nlpp::test {

/// Applies cache's notifications until a 200 ms wait brings none (no
/// event, no resync), 25 rounds at most; what they did, summed. An error
/// fails the current test.
inline ipdb::UpdateStats settle(ipdb::Cache& cache) {
  ipdb::UpdateStats total;
  for (int round = 0; round < 25; ++round) {
    Result<ipdb::UpdateStats> stats = cache.update(std::chrono::milliseconds(200));
    EXPECT_TRUE(stats) << stats.error().describe();
    if (!stats) break;
    total.events += stats->events;
    total.removed += stats->removed;
    total.reread += stats->reread;
    total.resyncs += stats->resyncs;
    if (stats->events == 0 && stats->resyncs == 0) break;
  }
  return total;
}

}  // namespace nlpp::test
