// Which address family a route's addresses have: its own, except for the
// multicast routing families that share IPv4 and IPv6 addresses.
#pragma once

#include <linux/rtnetlink.h>
#include <sys/socket.h>

namespace nlpp::rtnl {

/// AF_INET or AF_INET6 for the address attributes (RTA_DST, RTA_GATEWAY...)
/// of a route of rtm_family; AF_UNSPEC when it has none nlpp can read
/// (AF_MPLS routes carry labels).
constexpr int address_family(int rtm_family) noexcept {
  switch (rtm_family) {
    case AF_INET:
    case RTNL_FAMILY_IPMR:
      return AF_INET;
    case AF_INET6:
    case RTNL_FAMILY_IP6MR:
      return AF_INET6;
    default:
      return AF_UNSPEC;
  }
}

}  // namespace nlpp::rtnl
