// What every netlink family shares and no YNL spec describes: the control
// messages NLMSG_ERROR (the ACK, with the extended ACK) and NLMSG_DONE (the
// end of a dump), and the header of every generic netlink message. They are
// described in the same tables as any family, so that they decode, print
// and name their attributes like everything else.
#pragma once

#include <nlpp/schema/schema.hpp>

namespace nlpp::schema {

/// NLMSG_ERROR ("error": struct nlmsgerr) and NLMSG_DONE ("done": the dump's
/// int error), both followed by the extended ACK attributes (NLMSGERR_ATTR_*:
/// msg, offs, cookie, policy, miss-type, miss-nest). Its replies are the
/// only messages; protocol is -1, as it belongs to every protocol.
extern const Family netlink_control;

/// struct genlmsghdr (cmd, version, reserved), which starts the payload of
/// every generic netlink message, before the family's own fixed header.
extern const Struct genl_header;

}  // namespace nlpp::schema
