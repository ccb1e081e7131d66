// Alternative names of a link (IFLA_ALT_IFNAME, up to 127 bytes): the
// kernel adds and removes them only through RTM_NEWLINKPROP and
// RTM_DELLINKPROP, so they are operations of their own (and IpRoute::add()
// of a link with altnames sends one after RTM_NEWLINK). A link is found by
// any of its altnames: ipr.get(Link{.altnames = {"name"}}).
//
//     ipr.run(rtnl::AltnamesAdd{.ifindex = 3, .altnames = {"uplink"}}).value();
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/session.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace nlpp::rtnl {

struct Link;

/// The RTM_NEWLINKPROP / RTM_DELLINKPROP (type) request for altnames of the
/// link: found by its ifindex, else by its name. Each name is checked first
/// (validate_altname()); an error names the one refused.
Result<wire::MessageBuilder> altnames_request(uint16_t type, const Link& link, std::span<const std::string> altnames);

/// `ip link property add dev X altname NAME...`: adds altnames to the link
/// with ifindex. The kernel refuses a name any link has already (EEXIST).
struct AltnamesAdd {
  uint32_t ifindex = 0;
  std::vector<std::string> altnames;
};

/// `ip link property del dev X altname NAME...`: removes altnames from the
/// link with ifindex; ENOENT if it does not have one of them.
struct AltnamesDel {
  uint32_t ifindex = 0;
  std::vector<std::string> altnames;
};

}  // namespace nlpp::rtnl

namespace nlpp::io {

/// ipr.run(AltnamesAdd{...}): RTM_NEWLINKPROP, each name checked first
/// (validate_altname()), nothing sent when one is refused.
template <>
struct OperationTraits<rtnl::AltnamesAdd> {
  using Reply = Ack;
  static Result<Reply> run(rtnl::IpRoute& ipr, const rtnl::AltnamesAdd& change);
};

/// ipr.run(AltnamesDel{...}): RTM_DELLINKPROP, checked the same way.
template <>
struct OperationTraits<rtnl::AltnamesDel> {
  using Reply = Ack;
  static Result<Reply> run(rtnl::IpRoute& ipr, const rtnl::AltnamesDel& change);
};

}  // namespace nlpp::io
