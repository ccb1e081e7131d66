#include <nlpp/netns/netns.hpp>

#include "thread_runner.hpp"

#include <sched.h>
#include <sys/socket.h>

#include <cerrno>

namespace nlpp::netns {

Result<UniqueFd> run_in(const Ref& ns, const std::function<Result<UniqueFd>()>& work) {
  // Opened on the calling thread: a bad name, pid or fd fails before any thread starts.
  Result<UniqueFd> target = ns.open();
  if (!target) return std::move(target).error();
  return detail::run_on_new_thread([&]() -> Result<UniqueFd> {
    if (::setns(target->get(), CLONE_NEWNET) != 0) return Error::from_errno(errno, "joining " + ns.describe());
    return work();
  });
}

Result<UniqueFd> open_socket(const Ref& ns, int domain, int type, int protocol) {
  return run_in(ns, [&]() -> Result<UniqueFd> {
    UniqueFd fd(::socket(domain, type | SOCK_CLOEXEC, protocol));
    if (!fd) return Error::from_errno(errno, "socket() in " + ns.describe());
    return fd;
  });
}

}  // namespace nlpp::netns
