// Child processes for tests, started with posix_spawnp from an argv: no
// shell, so no quoting and no injection.
#pragma once

#include <nlpp/core/result.hpp>

#include <sys/types.h>

#include <string>
#include <vector>

namespace nlpp::test {

/// How a finished command ended and what it printed.
struct CommandOutput {
  int exit_code = -1;  ///< the exit status, or 128 + the signal that killed it
  std::string out;     ///< everything written to stdout
  std::string err;     ///< everything written to stderr
};

/// argv joined with spaces, for messages.
std::string command_line(const std::vector<std::string>& argv);

/// Runs argv (argv[0] looked up in PATH) to completion, stdin from /dev/null.
/// Errors are failures to start or wait for it; a non-zero exit is not one.
Result<CommandOutput> run_command(const std::vector<std::string>& argv);

/// A child process that runs in the background, stdin, stdout and stderr on
/// /dev/null, until its owner goes: then it is killed (SIGKILL) and reaped.
class Subprocess {
 public:
  static Result<Subprocess> spawn(const std::vector<std::string>& argv);

  Subprocess(Subprocess&& other) noexcept;
  Subprocess& operator=(Subprocess&& other) noexcept;
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;
  ~Subprocess();

  pid_t pid() const noexcept { return pid_; }

 private:
  explicit Subprocess(pid_t pid) noexcept : pid_(pid) {}
  void kill_and_reap() noexcept;

  pid_t pid_ = -1;
};

}  // namespace nlpp::test
