// nlpp netns add | del | list | exec, compatible with `ip netns`: the same
// /run/netns mounts, so either tool sees what the other made.
#include "commands.hpp"
#include "output.hpp"

#include <nlpp/netns/netns.hpp>

#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace nlpp::cli {
namespace {

std::string parse_name(Words& words) {
  const std::string name(words.take("the command needs a namespace name"));
  if (Result<void> valid = netns::validate_name(name); !valid) throw UsageError(valid.error().context());
  return name;
}

[[noreturn]] void fail(const std::string& what) { throw std::system_error(errno, std::system_category(), what); }

// Enters the namespace the way `ip netns exec` does, then runs the command
// in place of this process: a mount namespace of its own whose /sys shows
// the namespace's devices.
[[noreturn]] void enter_and_exec(const std::string& name, std::vector<std::string>& command) {
  const UniqueFd ns = netns::Ref::name(name).open().value();
  if (setns(ns.get(), CLONE_NEWNET) != 0) fail("setting the network namespace to " + quoted(name));
  if (unshare(CLONE_NEWNS) != 0) fail("unshare of the mount namespace");
  if (mount("", "/", "none", MS_SLAVE | MS_REC, nullptr) != 0) fail("making / a slave mount");
  if (umount2("/sys", MNT_DETACH) == 0) mount(name.c_str(), "/sys", "sysfs", 0, nullptr);
  std::vector<char*> argv;
  for (std::string& word : command) argv.push_back(word.data());
  argv.push_back(nullptr);
  execvp(argv[0], argv.data());
  fail("exec of " + quoted(command.front()));
}

// `netns exec NAME COMMAND...`: on its own, nlpp becomes the command; in a
// batch, the command runs as a child and the batch goes on after it (as
// `ip -batch` does), failing the line when the command fails.
void exec(Session& session, Words& words) {
  const std::string name = parse_name(words);
  std::vector<std::string> command(words.rest().begin(), words.rest().end());
  if (command.empty()) throw UsageError("\"netns exec\" needs a command");
  std::cout.flush();
  if (!session.options().batch) enter_and_exec(name, command);
  const pid_t child = fork();
  if (child < 0) fail("fork");
  if (child == 0) {
    try {
      enter_and_exec(name, command);
    } catch (const std::exception& error) {
      std::cerr << "nlpp: " << error.what() << '\n';
    }
    _exit(127);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0)
    if (errno != EINTR) fail("waiting for " + quoted(command.front()));
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  throw std::runtime_error("netns exec: " + quoted(command.front()) +
                           (WIFEXITED(status) ? " exited with status " + std::to_string(WEXITSTATUS(status))
                                              : " was killed by signal " + std::to_string(WTERMSIG(status))));
}

}  // namespace

void run_netns(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "list") || is_command(command, "show")) {
    if (!words.empty()) words.unknown();
    return print_netns_names(session, netns::list().value());
  }
  if (is_command(command, "add")) {
    const std::string name = parse_name(words);
    if (!words.empty()) words.unknown();
    return netns::create(name).value();
  }
  if (is_command(command, "delete")) {
    const std::string name = parse_name(words);
    if (!words.empty()) words.unknown();
    return netns::remove(name).value();
  }
  if (is_command(command, "exec")) return exec(session, words);
  throw UsageError("netns has no command " + quoted(command) + " (list, add, del, exec)");
}

}  // namespace nlpp::cli
