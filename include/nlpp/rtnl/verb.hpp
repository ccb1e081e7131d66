// The verbs of RTNL changes and the one table that turns a verb into a
// message type and flags, shared by IPRoute and ChangeBatch. The flags are
// those iproute2 sends for the same words (ip/iproute.c, ipaddress.c,
// ipneigh.c, iplink.c, ipnexthop.c, bridge/fdb.c), so a change through
// nlpp leaves the kernel as the `ip` command would.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/object_traits.hpp>

#include <linux/netlink.h>

#include <cstdint>
#include <optional>
#include <string>

namespace nlpp::rtnl {

/// What a change asks of the kernel.
enum class Verb : uint8_t {
  add,      ///< create; EEXIST when it is there (`ip route add`)
  replace,  ///< create, or replace the one with its key (`ip route replace`)
  set,      ///< change the existing one; ENOENT or ENODEV when absent (`ip route change`, `ip link set`)
  append,   ///< create beside those with its key (`ip route append`, `bridge fdb append`)
  prepend,  ///< create in front of those with its key (`ip route prepend`)
  del,      ///< delete the one with its key (`ip route del`)
};

/// The verb's name, as the commands spell it.
constexpr std::string_view verb_name(Verb verb) noexcept {
  switch (verb) {
    case Verb::add: return "add";
    case Verb::replace: return "replace";
    case Verb::set: return "set";
    case Verb::append: return "append";
    case Verb::prepend: return "prepend";
    case Verb::del: return "del";
  }
  return "?";
}

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
