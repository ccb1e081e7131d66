#include "bpf/syscall.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace nlpp::bpf {

bpf_attr zeroed_attr() noexcept {
  bpf_attr attr;
  std::memset(&attr, 0, sizeof attr);
  return attr;
}

int sys_bpf(bpf_cmd cmd, bpf_attr& attr) noexcept {
  // Every fd bpf(2) returns is close-on-exec already (the kernel opens
  // them with O_CLOEXEC), so nothing is to be set afterwards.
  const long result = ::syscall(__NR_bpf, cmd, &attr, sizeof attr);
  return result < 0 ? -errno : static_cast<int>(result);
}

Result<UniqueFd> owned_fd(int result, std::string context) {
  if (result < 0) return Error::from_errno(-result, std::move(context));
  return UniqueFd(result);
}

Result<void> success(int result, std::string context) {
  if (result < 0) return Error::from_errno(-result, std::move(context));
  return {};
}

}  // namespace nlpp::bpf
