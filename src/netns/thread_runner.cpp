#include "thread_runner.hpp"

#include <exception>
#include <system_error>
#include <thread>

namespace nlpp::netns::detail {

Result<void> run_thread(const std::function<void()>& body) {
  std::exception_ptr thrown;
  std::thread thread;
  try {
    thread = std::thread([&] {
      try {
        body();
      } catch (...) {
        thrown = std::current_exception();
      }
    });
  } catch (const std::system_error& error) {
    return Error::from_errno(error.code().value(), "starting a thread to enter a network namespace");
  }
  thread.join();
  if (thrown) std::rethrow_exception(thrown);
  return {};
}

}  // namespace nlpp::netns::detail
