#include "support/scoped_netns.hpp"

#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <mutex>
#include <system_error>
#include <utility>

namespace nlpp::test {
namespace {

constexpr std::string_view name_prefix = "nlpp-test-";

// A test process that dies without unwinding (a crash, a sanitizer report,
// a ctest timeout) leaves its namespaces behind. The names carry the pid of
// their creator, so the next test process removes those whose creator is
// gone. A pid reused since is taken for alive: that namespace waits for a
// later sweep.
void remove_namespaces_of_dead_test_processes() {
  Result<std::vector<std::string>> names = netns::list();
  if (!names) return;
  for (const std::string& name : *names) {
    if (!name.starts_with(name_prefix)) continue;
    pid_t pid = 0;
    const char* digits = name.data() + name_prefix.size();
    const auto [end, error] = std::from_chars(digits, name.data() + name.size(), pid);
    if (error != std::errc() || *end != '-' || pid <= 0) continue;
    if (::kill(pid, 0) != 0 && errno == ESRCH) (void)netns::remove(name);
  }
}

}  // namespace

std::string unique_netns_name() {
  static std::atomic<unsigned> counter{0};
  return std::string(name_prefix) + std::to_string(::getpid()) + '-' + std::to_string(counter++);
}

Result<ScopedNetns> ScopedNetns::create() {
  static std::once_flag swept;
  std::call_once(swept, remove_namespaces_of_dead_test_processes);
  std::string name = unique_netns_name();
  if (Result<void> created = netns::create(name); !created) return std::move(created).error();
  return ScopedNetns(std::move(name));
}

ScopedNetns::ScopedNetns(ScopedNetns&& other) noexcept : name_(std::exchange(other.name_, {})) {}

ScopedNetns& ScopedNetns::operator=(ScopedNetns&& other) noexcept {
  if (this != &other) {
    remove();
    name_ = std::exchange(other.name_, {});
  }
  return *this;
}

ScopedNetns::~ScopedNetns() { remove(); }

void ScopedNetns::remove() noexcept {
  if (name_.empty()) return;
  Result<void> removed = netns::remove(name_);
  if (!removed && removed.error().code() != std::errc::no_such_file_or_directory)
    ADD_FAILURE() << removed.error().describe();
  name_.clear();
}

}  // namespace nlpp::test
