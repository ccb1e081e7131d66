// Creating tun and tap devices: the kernel refuses RTM_NEWLINK for them
// ("tun/tap creation via rtnetlink is not supported"); only the TUNSETIFF
// ioctl on /dev/net/tun creates one, in the namespace the descriptor was
// opened in.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/request_engine.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/link.hpp>

namespace nlpp::rtnl::link {

/// Creates link (kind "tun", with its name and a Tun whose type is set) as
/// a persistent device in ipr's namespace, with its owner, group and
/// flags, then sets the link's other fields through RTM_NEWLINK. When that
/// fails, the device is deleted again.
Result<io::Ack> add_tuntap(IPRoute& ipr, const Link& link);

}  // namespace nlpp::rtnl::link
