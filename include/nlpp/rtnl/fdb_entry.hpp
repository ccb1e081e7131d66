// Bridge forwarding database entries (RTM_NEWNEIGH / RTM_DELNEIGH /
// RTM_GETNEIGH in family AF_BRIDGE, struct ndmsg): what `bridge fdb`
// shows and changes. An entry lives either in the table of the bridge a
// port belongs to (flags master, or neither flag on a port) or in a
// device's own table (flags self): a vxlan's remotes (dst, port, vni...),
// or the addresses a port listens to.
//
//     rtnl::FdbEntry entry{.ifindex = port, .lladdr = "02:00:00:00:00:dd",
//                          .state = rtnl::fdb_static, .flags = {rtnl::NeighbourFlag::master}};
//     ip.add(entry);
//     ip.change(rtnl::Verb::append, vxlan_remote);  // one more remote for the same address
#pragma once

#include <nlpp/io/request_engine.hpp>
#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/neighbour_fields.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <linux/rtnetlink.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// The states `bridge fdb` names. permanent: a local address (frames to it
/// are the host's); static: never ages out; dynamic: learned, ages out.
/// A vxlan's entries are permanent or dynamic.
inline constexpr NeighbourStates fdb_permanent{NeighbourState::permanent};
inline constexpr NeighbourStates fdb_static{NeighbourState::noarp};
inline constexpr NeighbourStates fdb_dynamic{NeighbourState::reachable};

/// One forwarding database entry.
struct FdbEntry {
  LinkRef ifindex{};        ///< ndm_ifindex: the bridge port, the bridge, or the vxlan
  MacAddress lladdr{};      ///< NDA_LLADDR; all zeros is a vxlan's default remote
  /// ndm_state: fdb_permanent, fdb_static or fdb_dynamic. Empty when adding:
  /// permanent, as `bridge fdb add` assumes.
  NeighbourStates state{};
  /// ndm_flags: master or self choose the table (reported: self for a
  /// device's own entries, nothing for a bridge's, which carry master;
  /// neither in a request: self, see is_self()); extern_learn, sticky,
  /// offloaded.
  NeighbourFlags flags{};
  std::optional<NeighbourExtFlags> ext_flags{};  ///< NDA_FLAGS_EXT
  uint8_t type = 0;                              ///< ndm_type (a vxlan reports RTN_UNICAST)
  std::optional<uint16_t> vlan{};                ///< NDA_VLAN: 1 to 4094 (bridges with vlan filtering)
  std::optional<uint32_t> master{};              ///< NDA_MASTER (reported): the bridge whose table holds it
  // A vxlan's remote, in its own table (flags self):
  std::optional<IpAddress> dst{};                 ///< NDA_DST: the remote VTEP, IPv4 or IPv6
  std::optional<uint16_t> port{};                 ///< NDA_PORT: its UDP port, when not the vxlan's
  std::optional<uint32_t> vni{};                  ///< NDA_VNI: when not the vxlan's (24 bits)
  std::optional<LinkRef> via_ifindex{};          ///< NDA_IFINDEX: the link towards dst ("via")
  std::optional<uint32_t> src_vni{};              ///< NDA_SRC_VNI: the entry's vni on a collect-metadata vxlan
  std::optional<uint32_t> nh_id{};                ///< NDA_NH_ID: a nexthop group as the remote, instead of dst
  std::optional<uint8_t> protocol{};              ///< NDA_PROTOCOL: who added the entry (RTPROT_*)
  std::optional<NeighbourCacheInfo> cacheinfo{};  ///< NDA_CACHEINFO (reported)
  std::vector<RawAttribute> unknown{};            ///< attributes not modelled, kept as they came

  /// Whether the entry is the device's own rather than its bridge's: flags
  /// self, or (as `bridge fdb` assumes) neither self nor master in an entry
  /// the kernel did not report as a bridge's (no `master`). Such an entry
  /// is sent with self.
  bool is_self() const noexcept {
    return flags.contains(NeighbourFlag::self) || (!flags.contains(NeighbourFlag::master) && !master);
  }

  friend bool operator==(const FdbEntry&, const FdbEntry&) = default;
};

/// The kernel's identity of an entry: a bridge keys it by address and vlan;
/// a vxlan keeps one entry per remote for the same address.
struct FdbKey {
  uint32_t ifindex = 0;
  MacAddress lladdr{};
  uint16_t vlan = 0;  ///< 0: none
  bool self = false;  ///< the device's own table, not its bridge's
  IpAddress dst{};    ///< empty: none
  uint32_t vni = 0;   ///< 0: the vxlan's

  friend bool operator==(const FdbKey&, const FdbKey&) = default;
  friend auto operator<=>(const FdbKey&, const FdbKey&) = default;
};

/// What an FDB dump selects; unset fields select everything.
struct FdbFilter {
  std::optional<LinkRef> ifindex{};  ///< one device (filtered by the kernel)
  /// The ports of this bridge and the bridge itself, their own entries
  /// included (filtered by the kernel only, as `bridge fdb show br BR`).
  std::optional<LinkRef> master{};
  std::optional<uint16_t> vlan{};
  std::optional<MacAddress> lladdr{};
  NeighbourStates states{};  ///< entries in any of these states (empty: any)
  NeighbourFlags flags{};    ///< entries with every one of these flags
};

/// The device of an entry and the link towards its remote, and the links
/// of a filter (link_resolution.hpp resolves the names among them).
template <SameOrConst<FdbEntry> E, class Visit>
void visit_links(E& entry, Visit&& visit) {
  visit(entry.ifindex);
  if (entry.via_ifindex) visit(*entry.via_ifindex);
}
template <SameOrConst<FdbFilter> F, class Visit>
void visit_links(F& filter, Visit&& visit) {
  if (filter.ifindex) visit(*filter.ifindex);
  if (filter.master) visit(*filter.master);
}

template <>
struct ObjectTraits<FdbEntry> {
  static constexpr std::string_view name = "fdb entry";
  static constexpr uint16_t new_type = RTM_NEWNEIGH;
  static constexpr uint16_t del_type = RTM_DELNEIGH;
  static constexpr std::optional<uint16_t> set_flags = NLM_F_REPLACE;  ///< verb.hpp
  static constexpr uint16_t get_type = RTM_GETNEIGH;
  using Key = FdbKey;
  using Filter = FdbFilter;

  static Result<FdbEntry> parse(const wire::Message& message);
  /// Attributes go in the order bridges and vxlans report them, so a
  /// reported entry is emitted back to the same bytes. A get carries only
  /// what the kernel looks an entry up by (ifindex, master/self, lladdr,
  /// vlan, vni).
  static void emit(const FdbEntry& entry, wire::MessageBuilder& builder, uint16_t type, uint16_t flags);
  static Result<void> validate(const FdbEntry& entry);
  static Key key(const FdbEntry& entry);
  /// The fields that differ; cache information and unknown attributes are
  /// not compared.
  static std::vector<FieldChange> diff(const FdbEntry& before, const FdbEntry& after);
  /// The kernel filters by ifindex and master; matches() checks the rest.
  static void emit_dump_request(const Filter& filter, wire::MessageBuilder& builder);
  static bool matches(const Filter& filter, const FdbEntry& entry);

  /// Notifications: where they go, and their name in printed events.
  static constexpr NotificationGroup groups[] = {{EventGroup::neighbours, RTNLGRP_NEIGH, "neighbours"}};
  static constexpr std::string_view event_name = "fdb";
  /// The AF_BRIDGE RTM_NEWNEIGH / RTM_DELNEIGH; the others are Neighbour's.
  static bool owns(const wire::Message& message) { return family_of(message) == AF_BRIDGE; }
};

/// Its events (rtnl::Event).
using NewFdbEntry = NewEvent<FdbEntry>;
using DelFdbEntry = DelEvent<FdbEntry>;

}  // namespace nlpp::rtnl
