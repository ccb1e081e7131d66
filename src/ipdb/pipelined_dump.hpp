// Internal: a dump read and parsed on a thread of its own while the
// caller's thread indexes what was parsed. On two cores a million routes
// then cost about the larger of the two sides (the kernel filling
// datagrams plus the parse; the index's allocations and comparisons),
// not their sum: IPDB's start-up is measured in docs/PERFORMANCE.md.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/ip_route.hpp>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace nlpp::ipdb::detail {

/// How far the reading thread may get ahead: batches amortise the lock,
/// and a bounded number of them bounds the memory when the caller's side
/// is the slower one. The defaults were the fastest for a million routes
/// on two cores (smaller batches cost more wake-ups than they save).
struct PipelineDepth {
  size_t batch_size = 1024;
  size_t max_ready = 32;
};

/// Dumps every object of kind T through ipr on a thread of its own; use
/// gets each, in order, on the caller's thread, and restart is called
/// there when an interrupted dump starts over. Nobody else may use ipr
/// meanwhile. If use or restart throws, the rest of the dump is read and
/// dropped before the exception leaves: the socket holds no half dump.
template <class T, class Use, class Restart>
Result<void> pipelined_dump(rtnl::IpRoute& ipr, Use&& use, Restart&& restart, PipelineDepth depth = {}) {
  struct Batch {
    std::vector<T> objects;
    bool restart = false;  // what came before is void
  };
  struct Handoff {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Batch> ready;
    std::vector<std::vector<T>> spare;  // emptied batches, their capacity kept
    std::optional<Result<void>> outcome;
    bool abandoned = false;
  } handoff;

  const auto hand_over = [&](Batch batch) {
    std::unique_lock lock(handoff.mutex);
    handoff.changed.wait(lock, [&] { return handoff.ready.size() < depth.max_ready || handoff.abandoned; });
    if (!handoff.abandoned) handoff.ready.push_back(std::move(batch));
    std::vector<T> next;
    if (!handoff.spare.empty()) {
      next = std::move(handoff.spare.back());
      handoff.spare.pop_back();
    }
    lock.unlock();
    handoff.changed.notify_all();
    next.reserve(depth.batch_size);
    return next;
  };
  std::thread reader([&] {
    std::vector<T> objects;
    objects.reserve(depth.batch_size);
    Result<void> outcome = ipr.dump_each<T>(
        {},
        [&](T&& object) {
          objects.push_back(std::move(object));
          if (objects.size() >= depth.batch_size) objects = hand_over({std::move(objects)});
        },
        [&] {
          objects.clear();
          objects = hand_over({{}, true});
        });
    if (!objects.empty()) hand_over({std::move(objects)});
    {
      std::lock_guard lock(handoff.mutex);
      handoff.outcome = std::move(outcome);
    }
    handoff.changed.notify_all();
  });
  // Joins the reader however the caller's side ends, telling it to drop
  // the rest when that was an exception.
  struct Joiner {
    Handoff& handoff;
    std::thread& reader;
    ~Joiner() {
      {
        std::lock_guard lock(handoff.mutex);
        handoff.abandoned = true;
      }
      handoff.changed.notify_all();
      reader.join();
    }
  } joiner{handoff, reader};

  for (;;) {
    Batch batch;
    {
      std::unique_lock lock(handoff.mutex);
      handoff.changed.wait(lock, [&] { return !handoff.ready.empty() || handoff.outcome; });
      if (handoff.ready.empty()) return std::move(*handoff.outcome);
      batch = std::move(handoff.ready.front());
      handoff.ready.pop_front();
    }
    handoff.changed.notify_all();
    if (batch.restart) restart();
    for (T& object : batch.objects) use(std::move(object));
    batch.objects.clear();
    std::lock_guard lock(handoff.mutex);
    handoff.spare.push_back(std::move(batch.objects));
  }
}

}  // namespace nlpp::ipdb::detail
