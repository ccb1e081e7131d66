#include "rtnl/shared/ndmsg.hpp"

namespace nlpp::rtnl {

ndmsg request_ndmsg(int family, uint32_t ifindex, NeighbourFlags flags) noexcept {
  ndmsg header{};
  header.ndm_family = static_cast<uint8_t>(family);
  header.ndm_ifindex = static_cast<int32_t>(ifindex);
  header.ndm_flags = flags.bits();
  return header;
}

}  // namespace nlpp::rtnl
