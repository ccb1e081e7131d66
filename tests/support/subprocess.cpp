#include "support/subprocess.hpp"

#include <nlpp/core/unique_fd.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

extern char** environ;

namespace nlpp::test {
namespace {

// Starts argv with stdin on /dev/null and stdout/stderr on the given fds
// (/dev/null where -1). The fds can stay close-on-exec: dup2 in the child
// clears the flag on the copy, so concurrent spawns do not inherit them.
Result<pid_t> start(const std::vector<std::string>& argv, int out_fd, int err_fd) {
  std::vector<char*> args;
  for (const std::string& word : argv) args.push_back(const_cast<char*>(word.c_str()));
  args.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  for (auto [fd, target] : {std::pair{out_fd, STDOUT_FILENO}, std::pair{err_fd, STDERR_FILENO}}) {
    if (fd >= 0)
      posix_spawn_file_actions_adddup2(&actions, fd, target);
    else
      posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0);
  }
  pid_t pid = -1;
  const int error = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) return Error::from_errno(error, "starting `" + command_line(argv) + '`');
  return pid;
}

Result<int> wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return Error::from_errno(errno, "waiting for pid " + std::to_string(pid));
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// A memory file rather than a pipe: the child can write any amount without
// the parent reading while it runs, and both streams are read after it exits.
Result<UniqueFd> memory_file(const char* name) {
  UniqueFd fd(::memfd_create(name, MFD_CLOEXEC));
  if (!fd) return Error::from_errno(errno, std::string("memfd_create ") + name);
  return fd;
}

std::string read_all(int fd) {
  std::string text;
  char buffer[4096];
  for (off_t offset = 0;;) {
    const ssize_t count = ::pread(fd, buffer, sizeof buffer, offset);
    if (count <= 0) return text;
    text.append(buffer, static_cast<size_t>(count));
    offset += count;
  }
}

}  // namespace

std::string command_line(const std::vector<std::string>& argv) {
  std::string line;
  for (const std::string& word : argv) line += (line.empty() ? "" : " ") + word;
  return line;
}

Result<CommandOutput> run_command(const std::vector<std::string>& argv) {
  Result<UniqueFd> out = memory_file("stdout");
  if (!out) return std::move(out).error();
  Result<UniqueFd> err = memory_file("stderr");
  if (!err) return std::move(err).error();
  Result<pid_t> pid = start(argv, out->get(), err->get());
  if (!pid) return std::move(pid).error();
  Result<int> exit_code = wait_for(*pid);
  if (!exit_code) return std::move(exit_code).error();
  return CommandOutput{*exit_code, read_all(out->get()), read_all(err->get())};
}

Result<Subprocess> Subprocess::spawn(const std::vector<std::string>& argv) {
  Result<pid_t> pid = start(argv, -1, -1);
  if (!pid) return std::move(pid).error();
  return Subprocess(*pid);
}

Subprocess::Subprocess(Subprocess&& other) noexcept : pid_(std::exchange(other.pid_, -1)) {}

Subprocess& Subprocess::operator=(Subprocess&& other) noexcept {
  if (this != &other) {
    kill_and_reap();
    pid_ = std::exchange(other.pid_, -1);
  }
  return *this;
}

Subprocess::~Subprocess() { kill_and_reap(); }

void Subprocess::kill_and_reap() noexcept {
  if (pid_ < 0) return;
  ::kill(pid_, SIGKILL);
  (void)wait_for(std::exchange(pid_, -1));
}

}  // namespace nlpp::test
