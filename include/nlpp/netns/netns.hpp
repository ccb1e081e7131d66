// Network namespaces the way iproute2 keeps them (/run/netns/NAME bind
// mounts), and running work inside one without fork: namespace membership
// is per thread, so a short-lived thread joins the namespace, does the work
// (typically socket()), and the resulting fd keeps working from any thread.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/core/unique_fd.hpp>

#include <sys/types.h>

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace nlpp::netns {

/// Where iproute2 (and nlpp) keep named namespaces.
inline constexpr std::string_view run_dir = "/run/netns";

/// Names a network namespace: by `ip netns` name, by an open fd (borrowed:
/// never closed, open() duplicates it), or by the pid of a process inside it.
class Ref {
 public:
  static Ref name(std::string name) { return Ref(Name{std::move(name)}); }
  /// A name, as Ref::name(): where a namespace is asked for, `"blue"` is
  /// the one `ip netns` calls blue (`.netns = "blue"`, as pyroute2's
  /// NetNS("blue")).
  Ref(const char* name) : Ref(Name{name}) {}
  Ref(std::string name) : Ref(Name{std::move(name)}) {}
  Ref(std::string_view name) : Ref(Name{std::string(name)}) {}
  static Ref fd(int fd) { return Ref(Fd{fd}); }
  static Ref pid(pid_t pid) { return Ref(Pid{pid}); }

  /// Opens the namespace (O_RDONLY | O_CLOEXEC): /run/netns/NAME, a dup of
  /// the fd, or /proc/PID/ns/net. A name is checked first (validate_name())
  /// and a pid must be positive, else errc::invalid_argument; the kernel's
  /// ENOENT or EBADF come back as they are.
  Result<UniqueFd> open() const;
  /// For messages: "netns blue", "netns fd 7", "netns of pid 42".
  std::string describe() const;

 private:
  struct Name {
    std::string value;
  };
  struct Fd {
    int value;
  };
  struct Pid {
    pid_t value;
  };
  explicit Ref(std::variant<Name, Fd, Pid> target) : target_(std::move(target)) {}
  std::variant<Name, Fd, Pid> target_;
};

/// Checks a namespace name the way `ip netns add` does: not empty, at most
/// NAME_MAX (255) bytes, not "." or "..", no '/' (and no NUL).
Result<void> validate_name(std::string_view name);

/// Creates a named namespace, visible to `ip netns list`, without forking
/// (docs/NETNS.md lists the steps). EEXIST if the name is taken. Refused
/// (ENOTSUP, nothing left behind) from a mount namespace whose /run/netns
/// the parent process does not see, such as under `ip netns exec`: the
/// namespace would die with the process, and the links moved into it with it.
Result<void> create(std::string_view name);
/// Removes a named namespace (unmount and unlink, like `ip netns del`). The
/// namespace itself lives on while a process, socket or fd still uses it.
Result<void> remove(std::string_view name);
/// The named namespaces, sorted; empty when /run/netns does not exist.
Result<std::vector<std::string>> list();

/// Creates a new anonymous namespace and returns an fd that keeps it alive.
Result<UniqueFd> create_anonymous();

/// Runs work on a short-lived thread that has joined the namespace (setns),
/// and returns what it returned; the calling thread never changes namespace.
/// Failing to open or join the namespace is an Error naming it (EPERM,
/// ENOENT, EBADF...); an exception thrown by work is rethrown here. Safe to
/// call from many threads at once.
Result<UniqueFd> run_in(const Ref& ns, const std::function<Result<UniqueFd>()>& work);

/// socket(2) inside the namespace; the fd has SOCK_CLOEXEC.
Result<UniqueFd> open_socket(const Ref& ns, int domain, int type, int protocol);

}  // namespace nlpp::netns
