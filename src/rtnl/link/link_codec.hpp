// A link's struct ifinfomsg and attributes, without the netlink header:
// what an RTM_NEWLINK carries, and what a veth's VETH_INFO_PEER carries.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/wire/bytes.hpp>
#include <nlpp/wire/message_builder.hpp>

namespace nlpp::rtnl::link {

/// Parses a struct ifinfomsg and the attributes after it.
Result<Link> parse_link_payload(wire::Bytes payload);

/// Appends the link's struct ifinfomsg and every attribute that is set.
void emit_link_payload(const Link& link, wire::MessageBuilder& out);

}  // namespace nlpp::rtnl::link
