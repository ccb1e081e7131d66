// IP neighbours (RTM_NEWNEIGH / RTM_DELNEIGH / RTM_GETNEIGH, struct ndmsg,
// families AF_INET and AF_INET6): ARP and NDP entries and proxy entries.
// Bridge FDB entries, the same messages in AF_BRIDGE, are FdbEntry
// (fdb_entry.hpp).
//
//     rtnl::Neighbour neighbour{.ifindex = 2, .dst = "192.0.2.2",
//                               .lladdr = "02:00:00:00:00:aa",
//                               .state = {rtnl::NeighbourState::permanent}};
//     ip.add(neighbour);
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/neighbour_fields.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// One IPv4 (ARP) or IPv6 (NDP) neighbour entry, or a proxy entry (flags
/// has proxy; the kernel keeps those in a table of their own, with no
/// lladdr and no state).
struct Neighbour {
  /// ndm_ifindex: the link. A proxy entry may have none (0: every link).
  LinkRef ifindex{};
  IpAddress dst{};  ///< NDA_DST: the neighbour's address; its family is the entry's
  /// NDA_LLADDR. A link-layer address that is not 6 bytes (a tunnel's
  /// NBMA address, say) is kept in unknown instead.
  std::optional<MacAddress> lladdr{};
  /// ndm_state. Empty when adding, changing or replacing an entry that is
  /// not a proxy: permanent, as `ip neigh add` assumes (the kernel would
  /// make a NONE entry without lladdr).
  NeighbourStates state{};
  NeighbourFlags flags{};                         ///< ndm_flags
  std::optional<NeighbourExtFlags> ext_flags{};   ///< NDA_FLAGS_EXT
  uint8_t type = 0;                               ///< ndm_type (reported: RTN_UNICAST...)
  std::optional<uint8_t> protocol{};              ///< NDA_PROTOCOL: who added the entry (RTPROT_*)
  std::optional<uint32_t> probes{};               ///< NDA_PROBES (reported)
  std::optional<NeighbourCacheInfo> cacheinfo{};  ///< NDA_CACHEINFO (reported)
  std::vector<RawAttribute> unknown{};            ///< attributes not modelled, kept as they came

  /// AF_INET or AF_INET6 (dst's family).
  int family() const noexcept { return dst.family(); }
  bool is_proxy() const noexcept { return flags.contains(NeighbourFlag::proxy); }

  friend bool operator==(const Neighbour&, const Neighbour&) = default;
};

/// The kernel's identity of a neighbour: proxy entries live in a table of
/// their own, so the same address can be both.
struct NeighbourKey {
  int family = AF_UNSPEC;
  uint32_t ifindex = 0;
  IpAddress dst{};
  bool proxy = false;

  friend bool operator==(const NeighbourKey&, const NeighbourKey&) = default;
  friend auto operator<=>(const NeighbourKey&, const NeighbourKey&) = default;
};

/// What a neighbour dump selects; unset fields select everything.
struct NeighbourFilter {
  int family = AF_UNSPEC;             ///< AF_INET or AF_INET6 (filtered by the kernel)
  std::optional<LinkRef> ifindex{};  ///< one link (filtered by the kernel)
  /// Neighbours on links enslaved to this master (a bridge, a VRF). Only
  /// the kernel can apply it (entries do not carry their link's master),
  /// which it does under strict checking, the socket's default.
  std::optional<LinkRef> master{};
  /// Dump the proxy entries instead of the neighbours: the kernel dumps one
  /// table or the other.
  bool proxies = false;
  NeighbourStates states{};  ///< entries in any of these states (empty: any)
  NeighbourFlags flags{};    ///< entries with every one of these flags
};

/// The link of a neighbour, and the links of a filter (link_resolution.hpp
/// resolves the names among them).
template <SameOrConst<Neighbour> N, class Visit>
void visit_links(N& neighbour, Visit&& visit) {
  visit(neighbour.ifindex);
}
template <SameOrConst<NeighbourFilter> F, class Visit>
void visit_links(F& filter, Visit&& visit) {
  if (filter.ifindex) visit(*filter.ifindex);
  if (filter.master) visit(*filter.master);
}

template <>
struct ObjectTraits<Neighbour> {
  static constexpr std::string_view name = "neighbour";
  static constexpr uint16_t new_type = RTM_NEWNEIGH;
  static constexpr uint16_t del_type = RTM_DELNEIGH;
  static constexpr std::optional<uint16_t> set_flags = NLM_F_REPLACE;  ///< verb.hpp
  static constexpr uint16_t get_type = RTM_GETNEIGH;
  using Key = NeighbourKey;
  using Filter = NeighbourFilter;

  static Result<Neighbour> parse(const wire::Message& message);
  /// Attributes go in the order the kernel reports them, so a reported
  /// entry is emitted back to the same bytes. A get carries only the key
  /// (ifindex, dst, the proxy flag), as the kernel requires.
  static void emit(const Neighbour& neighbour, wire::MessageBuilder& builder, uint16_t type, uint16_t flags);
  static Result<void> validate(const Neighbour& neighbour);
  static Key key(const Neighbour& neighbour);
  /// The fields that differ; the reported probes and cache information
  /// and unknown attributes are not compared.
  static std::vector<FieldChange> diff(const Neighbour& before, const Neighbour& after);
  /// The kernel filters by family, ifindex, master and proxy; matches()
  /// checks the rest.
  static void emit_dump_request(const Filter& filter, wire::MessageBuilder& builder);
  static bool matches(const Filter& filter, const Neighbour& neighbour);

  /// Notifications: where they go, and their name in printed events.
  static constexpr NotificationGroup groups[] = {{EventGroup::neighbours, RTNLGRP_NEIGH, "neighbours"}};
  static constexpr std::string_view event_name = "neighbour";
  /// RTM_NEWNEIGH / RTM_DELNEIGH of AF_BRIDGE are FdbEntry's.
  static bool owns(const wire::Message& message) { return family_of(message) != AF_BRIDGE; }
};

/// Its events (rtnl::Event).
using NewNeighbour = NewEvent<Neighbour>;
using DelNeighbour = DelEvent<Neighbour>;

}  // namespace nlpp::rtnl
