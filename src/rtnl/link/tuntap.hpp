// Creating tun and tap devices: the kernel refuses RTM_NEWLINK for them
// ("tun/tap creation via rtnetlink is not supported"); only the TUNSETIFF
// ioctl on /dev/net/tun creates one, in the namespace the descriptor was
// opened in.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/plan.hpp>
#include <nlpp/rtnl/link.hpp>

namespace nlpp::rtnl::link {

/// The plan step that creates link (kind "tun", with its name and a Tun
/// whose type is set) as a persistent device, with its owner, group and
/// flags: an action, run in the namespace of the session's socket.
Result<io::PlanStep> tuntap_creation(const Link& link);

}  // namespace nlpp::rtnl::link
