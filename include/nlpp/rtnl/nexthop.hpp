// Nexthop objects (RTM_NEWNEXTHOP / RTM_DELNEXTHOP / RTM_GETNEXTHOP,
// linux/nexthop.h): next hops that live on their own, with an id, and that
// routes use through Route::nh_id. A nexthop is a single path (a gateway
// and/or a link, or a blackhole) or a group of other nexthops with weights.
//
//     ipr.add(Nexthop{.id = 1, .oif = veth, .gateway = "192.0.2.2"});
//     ipr.add(Nexthop{.id = 10, .group = {{.id = 1}, {.id = 2, .weight = 3}}});
//     ipr.add(Route{.dst = "198.51.100.0/24", .nh_id = 10});
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/enum_text.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/route_encap.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// One member of a nexthop group (struct nexthop_grp).
struct NexthopGroupMember {
  uint32_t id = 0;      ///< the member nexthop's id; it must exist
  uint32_t weight = 1;  ///< its share of the traffic, 1 to 65536 (above 256 needs Linux 6.12)

  friend bool operator==(const NexthopGroupMember&, const NexthopGroupMember&) = default;
};

/// How a group spreads flows (NHA_GROUP_TYPE, NEXTHOP_GRP_TYPE_*).
enum class NexthopGroupType : uint16_t {
  mpath = NEXTHOP_GRP_TYPE_MPATH,    ///< hash-threshold, the default
  resilient = NEXTHOP_GRP_TYPE_RES,  ///< a table of buckets that keeps flows on their path
};

/// "mpath", "resilient" (the words of `ip nexthop`'s type), or the number.
std::string to_string(NexthopGroupType type);

/// Parameters of a resilient group (NHA_RES_GROUP). Timers are in clock
/// ticks (1/100 s), as the kernel takes them (`ip nexthop`'s seconds * 100).
struct ResilientGroup {
  std::optional<uint16_t> buckets{};           ///< NHA_RES_GROUP_BUCKETS
  std::optional<uint32_t> idle_timer{};        ///< NHA_RES_GROUP_IDLE_TIMER
  std::optional<uint32_t> unbalanced_timer{};  ///< NHA_RES_GROUP_UNBALANCED_TIMER
  /// NHA_RES_GROUP_UNBALANCED_TIME: how long the group has been unbalanced;
  /// reported only, never sent.
  std::optional<uint64_t> unbalanced_time{};

  friend bool operator==(const ResilientGroup&, const ResilientGroup&) = default;
};

/// A nexthop object. Fields left at their defaults are not sent.
struct Nexthop {
  uint32_t id = 0;  ///< NHA_ID; 0 when adding lets the kernel pick one
  /// nh_family: AF_INET or AF_INET6 for a single nexthop. AF_UNSPEC: the
  /// gateway's family, else AF_UNSPEC for a group and AF_INET otherwise
  /// (what `ip nexthop` sends; see resolved_family()).
  uint8_t family = AF_UNSPEC;
  uint8_t protocol = RTPROT_UNSPEC;  ///< nh_protocol: who installed it (RTPROT_*)
  uint8_t scope = 0;                 ///< nh_scope: reported only (RT_SCOPE_*)
  /// nh_flags: RTNH_F_ONLINK to set; RTNH_F_DEAD, RTNH_F_LINKDOWN... are the
  /// kernel's state, reported and never sent back.
  uint32_t flags = 0;
  std::vector<NexthopGroupMember> group{};       ///< NHA_GROUP: members; not empty makes a group
  std::optional<NexthopGroupType> group_type{};  ///< NHA_GROUP_TYPE
  std::optional<ResilientGroup> resilient{};     ///< NHA_RES_GROUP (resilient groups)
  bool blackhole = false;                        ///< NHA_BLACKHOLE: drop what uses it
  LinkRef oif{};                                 ///< NHA_OIF: the output link
  IpAddress gateway{};                           ///< NHA_GATEWAY
  std::optional<Encap> encap{};                  ///< NHA_ENCAP_TYPE + NHA_ENCAP
  bool fdb = false;                              ///< NHA_FDB: used by the bridge FDB (vxlan), not routes
  std::vector<RawAttribute> unknown{};           ///< attributes nlpp does not model

  /// family, or what it stands for when AF_UNSPEC (see family).
  uint8_t resolved_family() const noexcept;

  friend bool operator==(const Nexthop&, const Nexthop&) = default;
};

/// Which nexthops a dump returns. The kernel filters by all of these
/// (rtm_dump_nexthop); matches() checks again those nlpp can see.
struct NexthopFilter {
  /// nh_family. The kernel then leaves groups out (they have none).
  uint8_t family = AF_UNSPEC;
  LinkRef oif{};        ///< NHA_OIF: only nexthops through this link (groups are left out)
  LinkRef master{};     ///< NHA_MASTER: only nexthops through links enslaved to this one (kernel only)
  bool groups = false;  ///< NHA_GROUPS: only groups
  bool fdb = false;     ///< NHA_FDB: only FDB nexthops
};

/// How nexthops map onto RTM_*NEXTHOP messages (see object_traits.hpp).
/// The key is the id: the kernel knows a nexthop by nothing else. get and
/// del send the id alone, the only attribute the kernel takes there.
/// The output link of a nexthop, and the links of a filter
/// (link_resolution.hpp resolves the names among them).
template <SameOrConst<Nexthop> N, class Visit>
void visit_links(N& nexthop, Visit&& visit) {
  visit(nexthop.oif);
}
template <SameOrConst<NexthopFilter> F, class Visit>
void visit_links(F& filter, Visit&& visit) {
  visit(filter.oif);
  visit(filter.master);
}

template <>
struct ObjectTraits<Nexthop> {
  static constexpr std::string_view name = "nexthop";
  static constexpr uint16_t new_type = RTM_NEWNEXTHOP;
  static constexpr uint16_t del_type = RTM_DELNEXTHOP;
  static constexpr std::optional<uint16_t> set_flags = NLM_F_REPLACE;  ///< verb.hpp
  static constexpr uint16_t get_type = RTM_GETNEXTHOP;
  using Key = uint32_t;
  using Filter = NexthopFilter;

  static Result<Nexthop> parse(const wire::Message& message);
  static void emit(const Nexthop& nexthop, wire::MessageBuilder& builder, uint16_t type, uint16_t flags);
  static Result<void> validate(const Nexthop& nexthop);
  static Key key(const Nexthop& nexthop) { return nexthop.id; }
  static std::vector<FieldChange> diff(const Nexthop& before, const Nexthop& after);
  static void emit_dump_request(const Filter& filter, wire::MessageBuilder& builder);
  static bool matches(const Filter& filter, const Nexthop& nexthop);

  /// Notifications: where they go, and their name in printed events.
  /// RTNLGRP_NEXTHOP is 32, above the 32-bit nl_groups mask: groups are
  /// always joined with NETLINK_ADD_MEMBERSHIP (io::Socket::join_group).
  static constexpr NotificationGroup groups[] = {{EventGroup::nexthops, RTNLGRP_NEXTHOP, "nexthops"}};
  static constexpr std::string_view event_name = "nexthop";
};

/// Its events (rtnl::Event).
using NewNexthop = NewEvent<Nexthop>;
using DelNexthop = DelEvent<Nexthop>;

}  // namespace nlpp::rtnl
