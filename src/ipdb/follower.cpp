#include <nlpp/ipdb/follower.hpp>

#include <nlpp/core/unique_fd.hpp>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace nlpp::ipdb {

struct Follower::Thread {
  Cache& cache;
  std::function<void(const Error&)> on_error;
  UniqueFd wake{::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)};  // written by stop()
  std::atomic<bool> running{true};
  std::optional<Error> error;  // written by the thread before running turns false
  std::thread worker;

  Thread(Cache& followed, std::function<void(const Error&)> callback)
      : cache(followed), on_error(std::move(callback)) {}

  // Waits for notifications or the wake-up; applies the former.
  void run() {
    std::array<pollfd, 2> fds{pollfd{.fd = cache.fileno(), .events = POLLIN, .revents = 0},
                              pollfd{.fd = wake.get(), .events = POLLIN, .revents = 0}};
    for (;;) {
      if (::poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR) continue;
        return fail(Error::from_errno(errno, "ipdb follower: poll"));
      }
      if (fds[1].revents != 0) return;
      Result<UpdateStats> updated = UpdateStats{};
      try {
        updated = cache.update();
      } catch (const std::exception& thrown) {  // from a subscriber's callback: it ends the thread, said
        return fail(Error::from_errno(ECANCELED, std::string("ipdb follower: a change callback threw: ") + thrown.what()));
      }
      if (!updated) return fail(std::move(updated).error());
    }
  }

  // Says why the thread ends; running() turns false only once on_error
  // has been told.
  void fail(Error failure) {
    error = std::move(failure);
    if (on_error) on_error(*error);
    running.store(false, std::memory_order_release);
  }
};

Follower::Follower(Cache& cache, std::function<void(const Error&)> on_error)
    : thread_(std::make_unique<Thread>(cache, std::move(on_error))) {
  if (!thread_->wake.valid()) {
    thread_->fail(Error::from_errno(errno, "ipdb follower: eventfd"));
    return;
  }
  thread_->worker = std::thread([thread = thread_.get()] { thread->run(); });
}

Follower::~Follower() { (void)stop(); }

Result<void> Follower::stop() {
  if (thread_->worker.joinable()) {
    const uint64_t one = 1;
    (void)!::write(thread_->wake.get(), &one, sizeof one);
    thread_->worker.join();
  }
  thread_->running.store(false, std::memory_order_release);
  if (thread_->error) return *thread_->error;
  return {};
}

bool Follower::running() const noexcept { return thread_->running.load(std::memory_order_acquire); }

}  // namespace nlpp::ipdb
