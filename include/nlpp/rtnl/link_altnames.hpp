// Alternative names of a link (IFLA_ALT_IFNAME, up to 127 bytes): the
// kernel adds and removes them only through RTM_NEWLINKPROP and
// RTM_DELLINKPROP, so they have calls of their own (and IPRoute::add() of a
// link with altnames sends one after RTM_NEWLINK). A link is found by any
// of its altnames: ipr.get(Link{.altnames = {"name"}}).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/request_engine.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <cstdint>
#include <span>
#include <string>

namespace nlpp::rtnl {

struct Link;

/// The RTM_NEWLINKPROP / RTM_DELLINKPROP (type) request for altnames of the
/// link: found by its ifindex, else by its name. Each name is checked first
/// (validate_altname()); an error names the one refused.
Result<wire::MessageBuilder> altnames_request(uint16_t type, const Link& link, std::span<const std::string> altnames);

/// Adds altnames to the link with ifindex (RTM_NEWLINKPROP). Each is
/// checked first (validate_altname()); the kernel refuses a name any link
/// has already with EEXIST.
Result<io::Ack> add_altnames(IPRoute& ipr, uint32_t ifindex, std::span<const std::string> altnames);

/// Removes altnames from the link with ifindex (RTM_DELLINKPROP); ENOENT
/// if it does not have one of them.
Result<io::Ack> del_altnames(IPRoute& ipr, uint32_t ifindex, std::span<const std::string> altnames);

}  // namespace nlpp::rtnl
