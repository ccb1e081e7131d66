// Bridge vlan filters: the vids a bridge port (or the bridge itself)
// accepts, which one is its pvid, which egress untagged — what
// `bridge vlan` adds, deletes and shows. The kernel carries them in
// AF_BRIDGE link messages: RTM_SETLINK adds, RTM_DELLINK deletes, and an
// RTM_GETLINK dump with IFLA_EXT_MASK RTEXT_FILTER_BRVLAN_COMPRESSED shows
// one message per port. They need a bridge with vlan_filtering on.
// A bridge notifies a port's (or its own) whole vid set the same way, on
// RTNLGRP_LINK: rtnl::NewBridgeVlan whenever it changes (and when the
// port joins, or its state or carrier changes), rtnl::DelBridgeVlan when
// the port left the bridge or is gone.
//
//     rtnl::BridgeVlan vlans{.ifindex = port,
//                            .vlans = {{.vid = 10, .flags = {rtnl::BridgeVlanFlag::pvid,
//                            rtnl::BridgeVlanFlag::untagged}},
//                                      {.vid = 20, .vid_end = 30}}};
//     ip.add(vlans);  // vid 10 (pvid, untagged) and vids 20 to 30
//     ip.del(rtnl::BridgeVlan{.ifindex = port, .vlans = {{.vid = 20, .vid_end = 30}}});
#pragma once

#include <nlpp/codec/flag_set.hpp>
#include <nlpp/rtnl/enum_text.hpp>
#include <nlpp/rtnl/link_ref.hpp>
#include <nlpp/rtnl/object_traits.hpp>

#include <linux/if_bridge.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// BRIDGE_VLAN_INFO_* flags of a vid that link messages carry (the range
/// markers excepted: BridgeVlanRange::vid_end says what they say).
enum class BridgeVlanFlag : uint16_t {
  master = BRIDGE_VLAN_INFO_MASTER,      ///< a request on a port: add the vid to the bridge device too
  pvid = BRIDGE_VLAN_INFO_PVID,          ///< untagged frames coming in get this vid
  untagged = BRIDGE_VLAN_INFO_UNTAGGED,  ///< frames of this vid go out untagged
};
using BridgeVlanFlags = FlagSet<BridgeVlanFlag>;
std::span<const FlagName<BridgeVlanFlag>> flag_names(BridgeVlanFlag) noexcept;

/// IFLA_BRIDGE_FLAGS: whom a request is for.
enum class BridgeFlag : uint16_t {
  master = BRIDGE_FLAGS_MASTER,  ///< the bridge the device is a port of (the kernel's default)
  self = BRIDGE_FLAGS_SELF,      ///< the device itself: the bridge's own vlans, or a device filtering itself
};
using BridgeFlags = FlagSet<BridgeFlag>;
std::span<const FlagName<BridgeFlag>> flag_names(BridgeFlag) noexcept;

/// One vid, or the inclusive range vid to *vid_end, with their flags.
struct BridgeVlanRange {
  uint16_t vid = 0;                   ///< 1 to 4094
  std::optional<uint16_t> vid_end{};  ///< the last vid of a range (more than vid); unset for one vid
  BridgeVlanFlags flags{};            ///< a range cannot be the pvid

  /// "10", "20-30 untagged", "1 pvid untagged".
  std::string to_string() const;

  friend bool operator==(const BridgeVlanRange&, const BridgeVlanRange&) = default;
};

/// The vlan filter entries of one device: in a request, the vids to add
/// or delete; in a dump, every vid of the port.
///
/// A dump reply is a whole AF_BRIDGE link message; BridgeVlan keeps only
/// its vlans and master: the link's other attributes are Link's, and
/// re-sending them (IFLA_PROTINFO above all) would change the port.
struct BridgeVlan {
  LinkRef ifindex{};                     ///< the bridge port, or the bridge itself (bridge_flags self)
  std::vector<BridgeVlanRange> vlans{};  ///< IFLA_AF_SPEC / IFLA_BRIDGE_VLAN_INFO, in vid order when reported
  BridgeFlags bridge_flags{};            ///< IFLA_BRIDGE_FLAGS of a request; empty: the port's bridge
  std::optional<uint32_t> master{};      ///< IFLA_MASTER (reported): the port's bridge

  friend bool operator==(const BridgeVlan&, const BridgeVlan&) = default;
};

/// The vids of vlans as a diff shows them: "10 pvid untagged, 20-30".
std::string vlans_text(const BridgeVlan& vlans);

/// What a bridge vlan dump selects; unset fields select everything. The
/// kernel cannot filter this dump: nlpp does.
struct BridgeVlanFilter {
  std::optional<LinkRef> ifindex{};  ///< one port (or bridge)
  std::optional<LinkRef> master{};   ///< the ports of this bridge, and the bridge itself
};

/// The port (or bridge) of a vlan entry, and the links of a filter
/// (link_resolution.hpp resolves the names among them).
template <SameOrConst<BridgeVlan> V, class Visit>
void visit_links(V& vlans, Visit&& visit) {
  visit(vlans.ifindex);
}
template <SameOrConst<BridgeVlanFilter> F, class Visit>
void visit_links(F& filter, Visit&& visit) {
  if (filter.ifindex) visit(*filter.ifindex);
  if (filter.master) visit(*filter.master);
}

template <>
struct ObjectTraits<BridgeVlan> {
  static constexpr std::string_view name = "bridge vlan";
  /// Dumps answer RTM_NEWLINK; add, replace and set send RTM_SETLINK,
  /// which is what the kernel takes vlans with (emit() maps one to the
  /// other). Adding a vid again only updates its flags: no EEXIST.
  static constexpr uint16_t new_type = RTM_NEWLINK;
  static constexpr uint16_t del_type = RTM_DELLINK;
  static constexpr std::optional<uint16_t> set_flags = 0;  ///< verb.hpp
  /// The kernel has no get for AF_BRIDGE links (it answers a plain link,
  /// which parse() refuses): dump with a filter instead.
  static constexpr uint16_t get_type = RTM_GETLINK;
  using Key = uint32_t;  ///< ifindex
  using Filter = BridgeVlanFilter;

  static Result<BridgeVlan> parse(const wire::Message& message);
  static void emit(const BridgeVlan& vlans, wire::MessageBuilder& builder, uint16_t type, uint16_t flags);
  static Result<void> validate(const BridgeVlan& vlans);
  static Key key(const BridgeVlan& vlans) { return vlans.ifindex; }
  static std::vector<FieldChange> diff(const BridgeVlan& before, const BridgeVlan& after);
  static void emit_dump_request(const Filter& filter, wire::MessageBuilder& builder);
  static bool matches(const Filter& filter, const BridgeVlan& vlans);

  /// Notifications: a bridge's AF_BRIDGE link messages, each with every
  /// vid of the port as a dump shows it. RTM_DELLINK there means the port
  /// left its bridge (or is gone), which Link's events do not say.
  static constexpr NotificationGroup groups[] = {{EventGroup::links, RTNLGRP_LINK, "links"}};
  static constexpr std::string_view event_name = "vlan";
  static bool owns(const wire::Message& message) { return family_of(message) == AF_BRIDGE; }
};

/// Its events (rtnl::Event).
using NewBridgeVlan = NewEvent<BridgeVlan>;
using DelBridgeVlan = DelEvent<BridgeVlan>;

}  // namespace nlpp::rtnl
