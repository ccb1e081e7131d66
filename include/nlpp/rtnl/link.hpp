// Links (network interfaces): RTM_NEWLINK / RTM_DELLINK / RTM_GETLINK with
// struct ifinfomsg, as one typed value, and its ObjectTraits, so IpRoute's
// dump / get / add / replace / set / del work on links:
//
//     rtnl::IpRoute ipr = rtnl::IpRoute::open().value();
//     ipr.add(rtnl::Link{.name = "br0", .info = rtnl::LinkInfo{.kind = "bridge",
//                                                             .data = rtnl::link::Bridge{.stp_state = 1}}}).value();
//     rtnl::Link br0 = ipr.get(rtnl::Link{.name = "br0"}).value();
//
// docs/RTNL_LINKS.md describes the kinds, the filters, and what is typed.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/request_engine.hpp>
#include <nlpp/codec/field_change.hpp>
#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/enum_text.hpp>
#include <nlpp/rtnl/link_info.hpp>
#include <nlpp/rtnl/link_netns.hpp>
#include <nlpp/rtnl/link_stats.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <linux/rtnetlink.h>
#include <net/if.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace nlpp::rtnl {

/// RFC 2863 operational state (IF_OPER_*), IFLA_OPERSTATE.
enum class OperState : uint8_t {
  unknown = 0,
  notpresent = 1,
  down = 2,
  lowerlayerdown = 3,
  testing = 4,
  dormant = 5,
  up = 6,
};

/// "UNKNOWN", "DOWN", "UP"... as iproute2 prints them, or the number.
std::string to_string(OperState state);

/// A link. Parsed from the kernel, every attribute it reported is here:
/// typed below, or kept raw in `unknown` (IFLA_AF_SPEC, IFLA_XDP, IFLA_MAP,
/// the carrier and GSO counters...). As a request, a field left unset (or
/// empty) is not sent: to change one thing, send the key and that thing.
struct Link {
  // struct ifinfomsg
  uint8_t family = 0;    ///< ifi_family: AF_UNSPEC; AF_BRIDGE in a bridge's per-port notifications
  uint16_t type = 0;     ///< ifi_type: ARPHRD_ETHER, ARPHRD_LOOPBACK... (reported)
  uint32_t ifindex = 0;  ///< ifi_index, the key; in a request 0 means "by name" (or "any" when adding)
  uint32_t flags = 0;    ///< ifi_flags: IFF_UP, IFF_PROMISC, IFF_RUNNING, IFF_LOWER_UP...
  uint32_t change = 0;   ///< ifi_change: which bits of flags a request changes (set_flag() keeps it)

  std::optional<std::string> name{};  ///< IFLA_IFNAME: 1-15 bytes, see validate_link_name()
  std::optional<MacAddress>
      address{};  ///< IFLA_ADDRESS when 6 bytes (other sizes, such as a tunnel's IP, stay in unknown)
  std::optional<MacAddress> broadcast{};  ///< IFLA_BROADCAST, the same way
  std::optional<uint32_t> mtu{};          ///< IFLA_MTU
  std::optional<uint32_t> min_mtu{};      ///< IFLA_MIN_MTU, read-only
  std::optional<uint32_t> max_mtu{};      ///< IFLA_MAX_MTU, read-only
  std::optional<uint32_t> txqlen{};       ///< IFLA_TXQLEN
  std::optional<LinkRef> master{};        ///< IFLA_MASTER: the bridge / bond / vrf; 0 leaves it ("nomaster")
  std::optional<LinkRef> link{};          ///< IFLA_LINK: the parent (vlan, macvlan...) or the veth peer
  std::optional<int32_t> link_netnsid{};  ///< IFLA_LINK_NETNSID: the namespace of `link`, seen from this one
  std::optional<LinkNetns> net_ns{};      ///< IFLA_NET_NS_PID / _FD: move the link there (request)
  std::optional<std::string> alias{};     ///< IFLA_IFALIAS: up to 255 bytes; "" clears it
  /// IFLA_PROP_LIST's IFLA_ALT_IFNAMEs. The kernel changes them only through
  /// RTM_NEWLINKPROP / RTM_DELLINKPROP (link_altnames.hpp); IpRoute::add()
  /// adds these after creating the link, get() finds a link by altnames[0]
  /// when neither ifindex nor name is set.
  std::vector<std::string> altnames{};
  std::optional<uint32_t> group{};          ///< IFLA_GROUP
  std::optional<uint32_t> promiscuity{};    ///< IFLA_PROMISCUITY: a count, read-only (set IFF_PROMISC instead)
  std::optional<OperState> operstate{};     ///< IFLA_OPERSTATE
  std::optional<bool> carrier{};            ///< IFLA_CARRIER
  std::optional<uint32_t> num_tx_queues{};  ///< IFLA_NUM_TX_QUEUES (when creating)
  std::optional<uint32_t> num_rx_queues{};  ///< IFLA_NUM_RX_QUEUES (when creating)
  std::optional<LinkStats> stats{};         ///< IFLA_STATS64, read-only
  std::optional<LinkInfo> info{};           ///< IFLA_LINKINFO: kind and kind data
  std::vector<RawAttribute> unknown{};      ///< every other attribute, as it came

  /// Whether IFF_UP is set in flags.
  bool is_up() const noexcept { return (flags & IFF_UP) != 0; }
  /// Asks for a flag (IFF_UP, IFF_PROMISC, IFF_ALLMULTI...) on or off: sets
  /// or clears it in flags and marks it in change. Returns the link, so a
  /// temporary can be built and flagged in one expression.
  Link& set_flag(uint32_t flag, bool on) & noexcept {
    flags = on ? flags | flag : flags & ~flag;
    change |= flag;
    return *this;
  }
  Link&& set_flag(uint32_t flag, bool on) && noexcept { return std::move(set_flag(flag, on)); }
  /// set_flag(IFF_UP, up): "ip link set X up" or "down"; created up with
  /// `ipr.add(Link{.name = "br0", .info = LinkInfo{.kind = "bridge"}}.set_up())`.
  Link& set_up(bool up = true) & noexcept { return set_flag(IFF_UP, up); }
  Link&& set_up(bool up = true) && noexcept { return std::move(set_flag(IFF_UP, up)); }

  friend bool operator==(const Link&, const Link&) = default;
};

/// What a link dump selects. The kernel filters by kind and by a non-zero
/// master (under strict checking); nlpp matches the rest, and everything
/// again when the kernel could not filter.
struct LinkFilter {
  /// The name or one of the altnames; matched in nlpp (the kernel has no
  /// name filter for dumps: to fetch one link by name, get() asks the
  /// kernel for just that one).
  std::optional<std::string> name{};
  std::optional<std::string> kind{};  ///< IFLA_INFO_KIND: "bridge", "veth"...
  std::optional<LinkRef> master{};   ///< the ports of this master; 0: links without a master
  std::optional<uint32_t> group{};    ///< IFLA_GROUP; matched in nlpp
};

/// The links a link refers to (master, link, and those its kind data and
/// port data name: a vxlan's underlying device, a bond's primary, a veth
/// peer's master...), and a filter's master (link_resolution.hpp resolves
/// the names among them).
template <SameOrConst<Link> L, class Visit>
void visit_links(L& link, Visit&& visit) {
  if (link.master) visit(*link.master);
  if (link.link) visit(*link.link);
  if (!link.info) return;
  const auto visit_data = [&visit](auto& data) {
    if constexpr (requires { visit_links(data, visit); }) visit_links(data, visit);
  };
  std::visit(visit_data, link.info->data);
  std::visit(visit_data, link.info->slave_data);
}
template <SameOrConst<LinkFilter> F, class Visit>
void visit_links(F& filter, Visit&& visit) {
  if (filter.master) visit(*filter.master);
}

template <>
struct ObjectTraits<Link> {
  static constexpr std::string_view name = "link";
  static constexpr uint16_t new_type = RTM_NEWLINK;
  static constexpr uint16_t del_type = RTM_DELLINK;
  static constexpr std::optional<uint16_t> set_flags = 0;  ///< verb.hpp
  static constexpr uint16_t get_type = RTM_GETLINK;
  /// The ifindex.
  using Key = uint32_t;
  using Filter = LinkFilter;

  /// An RTM_NEWLINK (reply, dump entry or notification).
  static Result<Link> parse(const wire::Message& message);
  /// RTM_NEWLINK carries every field that is set. set() sends RTM_NEWLINK
  /// without NLM_F_CREATE, as iproute2's `ip link set` does: unlike
  /// RTM_SETLINK it also changes kind data (IFLA_INFO_DATA through the
  /// kind's changelink) and a port's IFLA_INFO_SLAVE_DATA. RTM_GETLINK and
  /// RTM_DELLINK carry only what identifies the link (ifindex, else name,
  /// else altnames[0]), which is all the kernel accepts there.
  static void emit(const Link& link, wire::MessageBuilder& out, uint16_t type, uint16_t flags);
  /// Names (validate_link_name()), altnames, alias length, and the kind data
  /// (its type serves the kind; each kind's own checks, such as vni and vlan
  /// id ranges).
  static Result<void> validate(const Link& link);
  static Key key(const Link& link) { return link.ifindex; }
  /// The typed fields that differ, kind data member by member. Counters
  /// (stats) and the attributes kept raw are not compared.
  static std::vector<FieldChange> diff(const Link& before, const Link& after);

  static void emit_dump_request(const Filter& filter, wire::MessageBuilder& out);
  static bool matches(const Filter& filter, const Link& link);

  /// What adding a link takes (HasAddPlan): RTM_NEWLINK, or two things one
  /// RTM_NEWLINK cannot do. A "tun" link is created through the TUNSETIFF
  /// ioctl on /dev/net/tun in the namespace of the session's socket (the
  /// kernel has no other way), persistent, with its owner and group, and
  /// then gets the link's other fields through RTM_NEWLINK; and altnames
  /// are added through RTM_NEWLINKPROP once the link exists. Both need
  /// link.name, by which the later steps find the link. A veth whose
  /// (named) peer is to come up or join a master gets it done in a second
  /// step: the kernel cannot open the peer while it makes the pair
  /// (ENOTCONN) and ignores a peer's master. When a later
  /// step fails, the new link is deleted again and the error returned.
  static Result<io::Plan> plan_add(const Link& link);

  /// Notifications: where they go, and their name in printed events.
  static constexpr NotificationGroup groups[] = {{EventGroup::links, RTNLGRP_LINK, "links"}};
  static constexpr std::string_view event_name = "link";
  /// AF_BRIDGE link messages are a bridge's per-port notifications: an
  /// RTM_DELLINK there means the port left the bridge, not that the link
  /// is gone, so they are not link events (they are BridgeVlan's).
  static bool owns(const wire::Message& message) { return family_of(message) != AF_BRIDGE; }
};

/// Its events (rtnl::Event).
using NewLink = NewEvent<Link>;
using DelLink = DelEvent<Link>;

}  // namespace nlpp::rtnl
