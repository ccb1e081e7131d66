// RTNL's one table that turns a verb (io/verb.hpp) into a message type and
// flags, shared by the session (IpRoute) and ChangeBatch. The flags are
// those iproute2 sends for the same words (ip/iproute.c, ipaddress.c,
// ipneigh.c, iplink.c, ipnexthop.c, bridge/fdb.c), so a change through
// nlpp leaves the kernel as the `ip` command would.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/verb.hpp>
#include <nlpp/rtnl/object_traits.hpp>

#include <linux/netlink.h>

#include <cstdint>
#include <optional>
#include <string>

namespace nlpp::rtnl {

using io::Verb;
using io::verb_name;

/// A request's message type and flags; the engine adds NLM_F_REQUEST and NLM_F_ACK.
struct RequestHeader {
  uint16_t type;
  uint16_t flags;
};

/// The header of verb for an object of type T. Verb::set takes
/// ObjectTraits<T>::set_flags: NLM_F_REPLACE where the kernel creates
/// without it (routes, addresses, neighbours, nexthops, FDB entries), 0
/// where RTM_NEW* on an existing object changes it (links, bridge vlans),
/// none where the kernel cannot change the object in place (rules): that
/// is an errc::invalid_argument error.
template <RtnlObject T>
Result<RequestHeader> request_header(Verb verb) {
  using Traits = ObjectTraits<T>;
  switch (verb) {
    case Verb::add: return RequestHeader{Traits::new_type, NLM_F_CREATE | NLM_F_EXCL};
    case Verb::replace: return RequestHeader{Traits::new_type, NLM_F_CREATE | NLM_F_REPLACE};
    case Verb::append: return RequestHeader{Traits::new_type, NLM_F_CREATE | NLM_F_APPEND};
    case Verb::prepend: return RequestHeader{Traits::new_type, NLM_F_CREATE};
    case Verb::del: return RequestHeader{Traits::del_type, 0};
    case Verb::set: break;
  }
  if (!Traits::set_flags)
    return Error(errc::invalid_argument, std::string(Traits::name) +
                                             ": the kernel cannot change one in place; delete it and add the new one");
  return RequestHeader{Traits::new_type, *Traits::set_flags};
}

}  // namespace nlpp::rtnl
