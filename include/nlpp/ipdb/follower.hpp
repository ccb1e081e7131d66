// A thread of IPDB's own that keeps a cache current, for programs without
// an event loop: the cache's subscribers are then called on it.
//
//     ipdb::Follower follower(cache, [](const Error& error) { std::cerr << error.describe() << '\n'; });
//     std::cout << cache.count<rtnl::Route>() << '\n';  // from any thread: the changes arrive by themselves
//     follower.stop().value();
#pragma once

#include <nlpp/core/error.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/ipdb/cache.hpp>

#include <functional>
#include <memory>

namespace nlpp::ipdb {

/// Runs cache.update() on a thread of its own whenever notifications
/// arrive, until stopped or destroyed. An error ends the thread (a socket
/// error, or an exception a subscriber's callback threw: ECANCELED with
/// its text): it calls on_error with it (on that thread) and stop()
/// returns it, so a dead follower is never mistaken for a quiet kernel. The cache must outlive
/// the follower; the program must not call cache.update() meanwhile.
class Follower {
 public:
  explicit Follower(Cache& cache, std::function<void(const Error&)> on_error = {});
  Follower(const Follower&) = delete;
  Follower& operator=(const Follower&) = delete;
  ~Follower();

  /// Stops the thread (at once: it is woken) and joins it; the error that
  /// ended it before, if any.
  Result<void> stop();
  /// Whether the thread still follows (false once an error ended it and
  /// on_error returned).
  bool running() const noexcept;

 private:
  struct Thread;
  std::unique_ptr<Thread> thread_;
};

}  // namespace nlpp::ipdb
