// RTA_MULTIPATH <-> std::vector<RouteNexthop>: a run of struct rtnexthop
// records, each followed by its path attributes (path_codec.hpp).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/route_nexthop.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <linux/rtnetlink.h>

#include <string>
#include <vector>

namespace nlpp::rtnl {

/// Reads the records of an RTA_MULTIPATH attribute of a route of the family.
Result<void> parse_multipath(const wire::Attribute& multipath, int family, std::vector<RouteNexthop>& out);

/// Appends RTA_MULTIPATH (without NLA_F_NESTED, as iproute2 and the kernel
/// send it) unless hops is empty.
void emit_multipath(wire::MessageBuilder& builder, int family, const std::vector<RouteNexthop>& hops);

/// Checks every hop: weight 1 to 256, a usable gateway, labels, encap.
Result<void> validate_multipath(int family, const std::vector<RouteNexthop>& hops);

/// "via 192.0.2.2 dev 3 weight 1; via 192.0.2.3 dev 3 weight 2", for diffs.
std::string describe_multipath(const std::vector<RouteNexthop>& hops);

/// The RTNH_F_* flags the kernel reports as its own state; sending them back
/// is refused ("can not contain DEAD or LINKDOWN"), so emit drops them.
inline constexpr uint32_t kernel_nexthop_flags = RTNH_F_DEAD | RTNH_F_LINKDOWN | RTNH_F_OFFLOAD | RTNH_F_TRAP;

}  // namespace nlpp::rtnl
