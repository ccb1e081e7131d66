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

tcmsg place_tcmsg(uint32_t ifindex, const std::optional<uint32_t>& block, TcHandle parent, uint32_t handle,
                  uint32_t info) noexcept {
  tcmsg header{};
  header.tcm_family = AF_UNSPEC;
  if (block) {
    header.tcm_ifindex = static_cast<int>(TCM_IFINDEX_MAGIC_BLOCK);
    header.tcm_block_index = *block;
  } else {
    header.tcm_ifindex = static_cast<int>(ifindex);
    header.tcm_parent = parent.value();
  }
  header.tcm_handle = handle;
  header.tcm_info = info;
  return header;
}

Result<void> check_place(const LinkRef& ifindex, const std::optional<uint32_t>& block, std::string_view what) {
  const std::string name(what);
  if (block && ifindex != LinkRef())
    return Error(errc::invalid_argument, name + ": a link or a shared block, not both");
  if (!block && ifindex == LinkRef())
    return Error(errc::invalid_argument, name + " ifindex: required (the link), or a shared block");
  if (block && *block == 0) return Error(errc::invalid_argument, name + " block: 0 is no block");
  return {};
}

Result<void> check_kind(std::string_view resolved_kind, bool has_options, std::string_view what) {
  if (!resolved_kind.empty() || !has_options) return {};
  return Error(errc::invalid_argument, std::string(what) + " kind: required with options (\"htb\", \"pfifo\"...)");
}

}  // namespace nlpp::rtnl::tc
