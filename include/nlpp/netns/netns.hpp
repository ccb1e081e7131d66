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

/// Names a network namespace: by `ip netns` name, by an open fd (borrowed,
/// not closed), or by the pid of a process inside it.
class Ref {
 public:
  static Ref name(std::string name) { return Ref(Name{std::move(name)}); }
  static Ref fd(int fd) { return Ref(Fd{fd}); }
  static Ref pid(pid_t pid) { return Ref(Pid{pid}); }

  /// Opens the namespace (O_RDONLY | O_CLOEXEC). A name is checked first:
  /// empty, too long, ".", ".." or containing '/' is errc::invalid_argument.
  Result<UniqueFd> open() const;
  /// For messages: "netns blue", "netns fd 7", "netns of pid 42".
  std::string describe() const;

 private:
  struct Name { std::string value; };
  struct Fd { int value; };
  struct Pid { pid_t value; };
  explicit Ref(std::variant<Name, Fd, Pid> target) : target_(std::move(target)) {}
  std::variant<Name, Fd, Pid> target_;
};

/// Checks a namespace name as `ip netns add` would accept it.
Result<void> validate_name(std::string_view name);

/// Creates a named namespace, visible to `ip netns list`. EEXIST if present.
Result<void> create(std::string_view name);
/// Removes a named namespace (unmount and unlink, like `ip netns del`).
Result<void> remove(std::string_view name);
/// The named namespaces, sorted.
Result<std::vector<std::string>> list();

/// Creates a new anonymous namespace and returns an fd that keeps it alive.
Result<UniqueFd> create_anonymous();

/// Runs work on a short-lived thread that has joined the namespace, and
/// returns what it returned. Safe to call from many threads at once.
Result<UniqueFd> run_in(const Ref& ns, const std::function<Result<UniqueFd>()>& work);

/// socket(2) inside the namespace; the fd has SOCK_CLOEXEC.
Result<UniqueFd> open_socket(const Ref& ns, int domain, int type, int protocol);

}  // namespace nlpp::netns
