#include <nlpp/netns/netns.hpp>

#include "thread_runner.hpp"

#include <fcntl.h>
#include <sched.h>

#include <cerrno>

namespace nlpp::netns {

Result<UniqueFd> create_anonymous() {
  return detail::run_on_new_thread([]() -> Result<UniqueFd> {
    // Moves only this thread, which exits right after: from then on the fd
    // is all that keeps the namespace alive.
    if (::unshare(CLONE_NEWNET) != 0) return Error::from_errno(errno, "unshare(CLONE_NEWNET)");
    // /proc/self would be the main thread's namespace, not this thread's.
    UniqueFd fd(::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC));
    if (!fd) return Error::from_errno(errno, "opening /proc/thread-self/ns/net");
    return fd;
  });
}

}  // namespace nlpp::netns
