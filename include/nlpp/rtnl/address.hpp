// Addresses of links (RTM_NEWADDR / RTM_DELADDR / RTM_GETADDR, struct
// ifaddrmsg): IPv4 and IPv6, with prefix length, peer, broadcast, label,
// scope, flags, lifetimes and protocol. Use them through IpRoute:
//
//     rtnl::Address address{.ifindex = 2, .local = "192.0.2.1", .prefix_length = 24};
//     address.broadcast = rtnl::default_broadcast(address.local, address.prefix_length);
//     ip.add(address).value();
//     for (const rtnl::Address& a : ip.dump<rtnl::Address>({.ifindex = 2}).value()) std::cout << a << '\n';
#pragma once

#include <nlpp/codec/flag_set.hpp>
#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/enum_text.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <linux/if_addr.h>
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

/// The IFA_F_* flags of an address (IFA_FLAGS; its low byte is also
/// ifaddrmsg.ifa_flags). The kernel sets secondary, optimistic, dadfailed,
/// deprecated, tentative, permanent and stable_privacy itself; a request
/// may set nodad, homeaddress, managetempaddr, noprefixroute, mcautojoin
/// (and optimistic for IPv6).
enum class AddressFlag : uint32_t {
  secondary = IFA_F_SECONDARY,  ///< IPv4: not the first address of its subnet. IPv6: temporary (the same bit).
  nodad = IFA_F_NODAD,          ///< IPv6: no duplicate address detection
  optimistic = IFA_F_OPTIMISTIC,
  dadfailed = IFA_F_DADFAILED,
  homeaddress = IFA_F_HOMEADDRESS,  ///< IPv6: a Mobile IPv6 home address ("home")
  deprecated = IFA_F_DEPRECATED,
  tentative = IFA_F_TENTATIVE,
  permanent = IFA_F_PERMANENT,
  managetempaddr = IFA_F_MANAGETEMPADDR,  ///< IPv6: make temporary addresses from this prefix ("mngtmpaddr")
  noprefixroute = IFA_F_NOPREFIXROUTE,    ///< no route for the prefix
  mcautojoin = IFA_F_MCAUTOJOIN,          ///< join the multicast group (IGMP/MLD) of a multicast address ("autojoin")
  stable_privacy = IFA_F_STABLE_PRIVACY,
};
using AddressFlags = FlagSet<AddressFlag>;
/// iproute2's names of the flags, for AddressFlags::to_string().
std::span<const FlagName<AddressFlag>> flag_names(AddressFlag) noexcept;

/// IFA_CACHEINFO: how long the address lives. Lifetimes count down in the
/// kernel's reports; a request sets them (the timestamps are ignored then).
struct AddressLifetimes {
  /// INFINITY_LIFE_TIME: the lifetime never ends.
  static constexpr uint32_t forever = 0xffffffff;

  uint32_t preferred = forever;  ///< ifa_prefered: seconds until the address is deprecated
  uint32_t valid = forever;      ///< ifa_valid: seconds until the kernel removes it
  uint32_t created = 0;          ///< cstamp (reported): hundredths of a second since boot
  uint32_t updated = 0;          ///< tstamp (reported): hundredths of a second since boot

  friend bool operator==(const AddressLifetimes&, const AddressLifetimes&) = default;
};

/// One address of one link.
///
/// local and peer follow the kernel's IFA_LOCAL / IFA_ADDRESS convention:
/// IFA_LOCAL is the link's own address and IFA_ADDRESS the prefix address,
/// which on a point-to-point link is the other end. Without a peer both
/// carry local (IPv6 reports only IFA_ADDRESS then).
struct Address {
  LinkRef ifindex{};     ///< ifa_index: the link
  IpAddress local{};     ///< the link's own address; its family is the address's
  /// ifa_prefixlen: of local's prefix, or of peer's when there is a peer.
  uint8_t prefix_length = 0;
  std::optional<IpAddress> peer{};  ///< point-to-point: the other end (IFA_ADDRESS)
  /// IFA_BROADCAST, IPv4 only. default_broadcast() gives the usual one.
  std::optional<IpAddress> broadcast{};
  /// IFA_LABEL, IPv4 only, at most 15 characters; the kernel reports the
  /// link's name when none was set. validate_label() checks iproute2's rule.
  std::optional<std::string> label{};
  /// ifa_scope: RT_SCOPE_UNIVERSE (global), RT_SCOPE_SITE, RT_SCOPE_LINK,
  /// RT_SCOPE_HOST, or a value of /etc/iproute2/rt_scopes. IPv6 derives it
  /// from the address and ignores what a request says.
  uint8_t scope = RT_SCOPE_UNIVERSE;
  AddressFlags flags{};                         ///< IFA_FLAGS
  std::optional<AddressLifetimes> lifetimes{};  ///< IFA_CACHEINFO; absent in a request: forever
  std::optional<uint32_t> rt_priority{};        ///< IFA_RT_PRIORITY: metric of the prefix route ("metric")
  std::optional<uint8_t> proto{};               ///< IFA_PROTO: who added it, IFAPROT_* or a user value
  std::vector<RawAttribute> unknown{};          ///< attributes not modelled, kept as they came

  /// AF_INET or AF_INET6 (local's family).
  int family() const noexcept { return local.family(); }

  friend bool operator==(const Address&, const Address&) = default;
};

/// The kernel's identity of an address.
struct AddressKey {
  int family = AF_UNSPEC;
  uint32_t ifindex = 0;
  IpAddress local{};
  uint8_t prefix_length = 0;

  friend bool operator==(const AddressKey&, const AddressKey&) = default;
  friend auto operator<=>(const AddressKey&, const AddressKey&) = default;
};

/// What an address dump selects; unset fields select everything.
struct AddressFilter {
  int family = AF_UNSPEC;             ///< AF_INET or AF_INET6 (filtered by the kernel)
  std::optional<LinkRef> ifindex{};  ///< one link (filtered by the kernel under strict checking)
  std::optional<uint8_t> scope{};
  std::optional<std::string> label{};
  AddressFlags flags{};  ///< addresses with every one of these flags
  std::optional<uint8_t> proto{};
};

/// The broadcast address `ip address add ... brd +` sets: local with every
/// bit past the prefix set. None for IPv6, which has no broadcast, and for
/// prefixes longer than 30 bits, whose subnets have no room for one.
std::optional<IpAddress> default_broadcast(const IpAddress& local, uint8_t prefix_length);

/// iproute2's rule for IPv4 labels, which the kernel does not check: a
/// label starts with the name of its link ("eth0:1" on eth0). The error
/// names both.
Result<void> validate_label(std::string_view label, std::string_view link_name);

/// The link an address is on, and that of a filter (link_resolution.hpp
/// resolves the names among them).
template <SameOrConst<Address> A, class Visit>
void visit_links(A& address, Visit&& visit) {
  visit(address.ifindex);
}
template <SameOrConst<AddressFilter> F, class Visit>
void visit_links(F& filter, Visit&& visit) {
  if (filter.ifindex) visit(*filter.ifindex);
}

template <>
struct ObjectTraits<Address> {
  static constexpr std::string_view name = "address";
  static constexpr uint16_t new_type = RTM_NEWADDR;
  static constexpr uint16_t del_type = RTM_DELADDR;
  static constexpr std::optional<uint16_t> set_flags = NLM_F_REPLACE;  ///< verb.hpp
  /// Only IPv6 answers a get; IPv4 addresses are found by a dump.
  static constexpr uint16_t get_type = RTM_GETADDR;
  using Key = AddressKey;
  using Filter = AddressFilter;

  /// IPv4 and IPv6 only: a message of another family (MCTP, phonet) is an
  /// error, so where such addresses exist, dump with filter.family set.
  static Result<Address> parse(const wire::Message& message);
  /// Attributes go in the order the kernel reports them, so a reported
  /// address is emitted back to the same bytes. A get carries only what
  /// the kernel looks the address up by (ifindex and local).
  static void emit(const Address& address, wire::MessageBuilder& builder, uint16_t type, uint16_t flags);
  static Result<void> validate(const Address& address);
  static Key key(const Address& address);
  /// The fields that differ; created/updated timestamps and unknown
  /// attributes are not compared. Lifetimes are: they count down in the
  /// kernel's reports, so two reads of one address differ in them.
  static std::vector<FieldChange> diff(const Address& before, const Address& after);
  /// The kernel filters by family and ifindex; matches() checks the rest.
  static void emit_dump_request(const Filter& filter, wire::MessageBuilder& builder);
  static bool matches(const Filter& filter, const Address& address);

  /// Notifications: where they go, and their name in printed events.
  static constexpr NotificationGroup groups[] = {{EventGroup::ipv4_addresses, RTNLGRP_IPV4_IFADDR, "ipv4_addresses"},
                                                 {EventGroup::ipv6_addresses, RTNLGRP_IPV6_IFADDR, "ipv6_addresses"}};
  static constexpr std::string_view event_name = "address";
};

/// Its events (rtnl::Event).
using NewAddress = NewEvent<Address>;
using DelAddress = DelEvent<Address>;

}  // namespace nlpp::rtnl
