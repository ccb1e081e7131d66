#include "tc_common.hpp"

#include <sys/socket.h>

namespace nlpp::rtnl::tc {

tcmsg request_tcmsg(uint32_t ifindex, TcHandle handle, TcHandle parent) noexcept {
  tcmsg header{};
  header.tcm_family = AF_UNSPEC;
  header.tcm_ifindex = static_cast<int>(ifindex);
  header.tcm_handle = handle.value();
  header.tcm_parent = parent.value();
  return header;
}

Result<void> check_kind(std::string_view resolved_kind, bool has_options, std::string_view what) {
  if (!resolved_kind.empty() || !has_options) return {};
  return Error(errc::invalid_argument, std::string(what) + " kind: required with options (\"htb\", \"pfifo\"...)");
}

}  // namespace nlpp::rtnl::tc
