// Flushing a kind's table of actions, as `tc actions flush action KIND`:
// one RTM_DELACTION with NLM_F_ROOT that names the kind only; the kernel
// deletes every action of it that no filter holds.
#pragma once

#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/tc_action.hpp>

#include <string>

namespace nlpp::rtnl {

/// `tc actions flush action mirred`: ipr.run(TcActionFlush{.kind = "mirred"}).
struct TcActionFlush {
  std::string kind{};  ///< the kind whose table is emptied; required
};

}  // namespace nlpp::rtnl

namespace nlpp::io {

/// Sends tc's request (tcamsg, TCA_ACT_TAB holding the kind,
/// TCA_ROOT_FLAGS as tc sends them) and returns the kernel's ACK. Without
/// a kind, errc::invalid_argument and nothing sent. The kernel refuses a
/// kind it has no module for (EINVAL) and one of whose actions a filter
/// holds (EPERM: the actions before it are gone); how many went is in its
/// notification (DelTcAction::object.flushed), not in the ACK.
template <>
struct OperationTraits<rtnl::TcActionFlush> {
  using Reply = Ack;
  static Result<Reply> run(rtnl::IpRoute& ipr, const rtnl::TcActionFlush& flush);
};

}  // namespace nlpp::io
