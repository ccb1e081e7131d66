// Typed RTNL change events: what the kernel broadcasts to the RTNLGRP_*
// multicast groups, decoded into the objects IPRoute works with. One
// notification is one Event, a std::variant:
//
//     std::visit(overloaded{
//         [](const rtnl::NewLink& e) { ... e.object.name ... },
//         [](const rtnl::DelRoute& e) { ... e.object.dst ... },
//         [](const rtnl::Overrun&) { /* resync: dump again */ },
//         [](const auto&) {}},
//       event);
//
// EventStream (event_stream.hpp) receives them; docs/RTNL_EVENTS.md says how.
#pragma once

#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/codec/flag_set.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/rule.hpp>
#include <nlpp/wire/message.hpp>

#include <linux/netlink.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <system_error>
#include <variant>
#include <vector>

namespace nlpp::rtnl {

/// What an EventStream subscribes to; each is one RTNLGRP_* group.
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
};

/// "links ipv4_addresses ...": the names to_string() uses.
std::span<const FlagName<EventGroup>> flag_names(EventGroup) noexcept;

/// A set of groups: `EventGroups{EventGroup::links, EventGroup::ipv4_routes}`.
using EventGroups = FlagSet<EventGroup>;

/// Both address families, every route family, both rule families; all of them.
inline constexpr EventGroups address_events{EventGroup::ipv4_addresses, EventGroup::ipv6_addresses};
inline constexpr EventGroups route_events{EventGroup::ipv4_routes, EventGroup::ipv6_routes, EventGroup::mpls_routes};
inline constexpr EventGroups rule_events{EventGroup::ipv4_rules, EventGroup::ipv6_rules};
inline constexpr EventGroups all_events{EventGroups(0x3ff)};

/// The RTNLGRP_* numbers of the groups in the set, in EventGroup order.
std::vector<uint32_t> multicast_groups(EventGroups groups);

/// An RTM_NEW* notification: the object was created, or it changed (the
/// kernel sends RTM_NEWLINK for every change to a link, RTM_NEWNEIGH for
/// every state change...). Which one, the kernel tells only for some
/// objects, through nlmsg_flags.
template <class T>
struct NewEvent {
  T object;
  /// nlmsg_flags as the kernel set them. Routes: NLM_F_REPLACE when the
  /// route replaced one with the same key (`ip route replace`, IPv4 and
  /// IPv6), NLM_F_APPEND for `ip route append`, NLM_F_CREATE |
  /// NLM_F_EXCL | NLM_F_APPEND... are whatever the request carried.
  uint16_t nlmsg_flags = 0;

  /// NLM_F_REPLACE: this object took the place of another with its key.
  bool replaced() const noexcept { return (nlmsg_flags & NLM_F_REPLACE) != 0; }
  /// NLM_F_APPEND: added after others with the same key (routes).
  bool appended() const noexcept { return (nlmsg_flags & NLM_F_APPEND) != 0; }

  friend bool operator==(const NewEvent&, const NewEvent&) = default;
};

/// An RTM_DEL* notification: the object is gone. It carries what the
/// object looked like when it was deleted.
template <class T>
struct DelEvent {
  T object;
  uint16_t nlmsg_flags = 0;  ///< nlmsg_flags as the kernel set them

  friend bool operator==(const DelEvent&, const DelEvent&) = default;
};

/// The kernel dropped notifications for this socket (ENOBUFS: its receive
/// buffer was full), or one did not fit the receive buffer. Everything
/// received afterwards is accurate, but changes in between are lost: a
/// mirror of kernel state must resync with a dump.
struct Overrun {
  /// ENOBUFS in std::system_category(), or errc::truncated_message.
  std::error_code cause;

  friend bool operator==(const Overrun&, const Overrun&) = default;
};

/// A notification nlpp does not turn into an object: a message type or
/// family it does not model (AF_BRIDGE RTM_NEWLINK, a bridge's per-port
/// notification, for one), or one whose parse failed. The stream goes on.
struct UnknownEvent {
  uint16_t nlmsg_type = 0;
  uint16_t nlmsg_flags = 0;
  std::vector<std::byte> message;  ///< the whole message, header included
  /// Why it was not parsed: empty for a type or family nlpp does not model,
  /// else the parse error (or, with nlmsg_type 0, a malformed datagram).
  Error error{};
};

using NewLink = NewEvent<Link>;
using DelLink = DelEvent<Link>;
using NewAddress = NewEvent<Address>;
using DelAddress = DelEvent<Address>;
using NewRoute = NewEvent<Route>;
using DelRoute = DelEvent<Route>;
using NewNeighbour = NewEvent<Neighbour>;
using DelNeighbour = DelEvent<Neighbour>;
using NewFdbEntry = NewEvent<FdbEntry>;
using DelFdbEntry = DelEvent<FdbEntry>;
using NewRule = NewEvent<Rule>;
using DelRule = DelEvent<Rule>;
using NewNexthop = NewEvent<Nexthop>;
using DelNexthop = DelEvent<Nexthop>;

/// One notification.
using Event =
    std::variant<Overrun, NewLink, DelLink, NewAddress, DelAddress, NewRoute, DelRoute, NewNeighbour, DelNeighbour,
                 NewFdbEntry, DelFdbEntry, NewRule, DelRule, NewNexthop, DelNexthop, UnknownEvent>;

/// Decodes one notification. Never fails: what it cannot parse becomes an
/// UnknownEvent holding a copy of the message and the reason.
Event decode_event(const wire::Message& message);

}  // namespace nlpp::rtnl
