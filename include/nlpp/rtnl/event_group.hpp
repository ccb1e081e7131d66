// The RTNLGRP_* multicast groups an EventStream subscribes to. Each object
// names the groups its notifications go to (ObjectTraits<T>::groups), so
// the sets below and the group numbers and names come from the objects of
// rtnl/objects.hpp, not from a table here.
#pragma once

#include <nlpp/codec/flag_set.hpp>
#include <nlpp/rtnl/enum_text.hpp>

#include <cstdint>
#include <span>
#include <string_view>

namespace nlpp::rtnl {

/// What an EventStream subscribes to; each is one RTNLGRP_* group, named by
/// the object whose notifications it carries.
enum class EventGroup : uint16_t {
  links = 1 << 0,           ///< RTNLGRP_LINK: RTM_NEWLINK / RTM_DELLINK
  ipv4_addresses = 1 << 1,  ///< RTNLGRP_IPV4_IFADDR
  ipv6_addresses = 1 << 2,  ///< RTNLGRP_IPV6_IFADDR
  ipv4_routes = 1 << 3,     ///< RTNLGRP_IPV4_ROUTE
  ipv6_routes = 1 << 4,     ///< RTNLGRP_IPV6_ROUTE
  mpls_routes = 1 << 5,     ///< RTNLGRP_MPLS_ROUTE
  neighbours = 1 << 6,      ///< RTNLGRP_NEIGH: IP neighbours and bridge FDB entries
  ipv4_rules = 1 << 7,      ///< RTNLGRP_IPV4_RULE
  ipv6_rules = 1 << 8,      ///< RTNLGRP_IPV6_RULE
  nexthops = 1 << 9,        ///< RTNLGRP_NEXTHOP
  tc = 1 << 10,             ///< RTNLGRP_TC: qdiscs, classes, filters, actions and chains
};

/// "links ipv4_addresses ...": the names to_string() uses.
std::span<const FlagName<EventGroup>> flag_names(EventGroup) noexcept;

/// A set of groups: `EventGroups{EventGroup::links, EventGroup::ipv4_routes}`.
using EventGroups = FlagSet<EventGroup>;

/// One group an object's notifications go to, as its ObjectTraits list it:
/// `{EventGroup::links, RTNLGRP_LINK, "links"}`. Two objects may share a
/// group (IP neighbours and FDB entries: RTNLGRP_NEIGH); they then say the
/// same of it.
struct NotificationGroup {
  EventGroup group;
  uint32_t rtnlgrp;       ///< the kernel's RTNLGRP_* number
  std::string_view name;  ///< its word in EventGroups::to_string()
};

}  // namespace nlpp::rtnl
