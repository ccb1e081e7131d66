// EventGroup -> RTNLGRP_* numbers and names.
#include <nlpp/rtnl/event.hpp>

#include <linux/rtnetlink.h>

namespace nlpp::rtnl {
namespace {

struct GroupEntry {
  EventGroup group;
  uint32_t rtnlgrp;
};

// RTNLGRP_NEXTHOP is 32: above the 32-bit nl_groups mask, so groups are
// always joined with NETLINK_ADD_MEMBERSHIP (io::Socket::join_group).
constexpr GroupEntry group_numbers[] = {
    {EventGroup::links, RTNLGRP_LINK},
    {EventGroup::ipv4_addresses, RTNLGRP_IPV4_IFADDR},
    {EventGroup::ipv6_addresses, RTNLGRP_IPV6_IFADDR},
    {EventGroup::ipv4_routes, RTNLGRP_IPV4_ROUTE},
    {EventGroup::ipv6_routes, RTNLGRP_IPV6_ROUTE},
    {EventGroup::mpls_routes, RTNLGRP_MPLS_ROUTE},
    {EventGroup::neighbours, RTNLGRP_NEIGH},
    {EventGroup::ipv4_rules, RTNLGRP_IPV4_RULE},
    {EventGroup::ipv6_rules, RTNLGRP_IPV6_RULE},
    {EventGroup::nexthops, RTNLGRP_NEXTHOP},
};

constexpr FlagName<EventGroup> group_names[] = {
    {EventGroup::links, "links"},
    {EventGroup::ipv4_addresses, "ipv4_addresses"},
    {EventGroup::ipv6_addresses, "ipv6_addresses"},
    {EventGroup::ipv4_routes, "ipv4_routes"},
    {EventGroup::ipv6_routes, "ipv6_routes"},
    {EventGroup::mpls_routes, "mpls_routes"},
    {EventGroup::neighbours, "neighbours"},
    {EventGroup::ipv4_rules, "ipv4_rules"},
    {EventGroup::ipv6_rules, "ipv6_rules"},
    {EventGroup::nexthops, "nexthops"},
};

static_assert(std::size(group_numbers) == std::size(group_names));
static_assert(all_events.bits() == (1u << std::size(group_numbers)) - 1, "all_events names every EventGroup");

}  // namespace

std::span<const FlagName<EventGroup>> flag_names(EventGroup) noexcept { return group_names; }

std::vector<uint32_t> multicast_groups(EventGroups groups) {
  std::vector<uint32_t> numbers;
  for (const GroupEntry& entry : group_numbers)
    if (groups.contains(entry.group)) numbers.push_back(entry.rtnlgrp);
  return numbers;
}

}  // namespace nlpp::rtnl
