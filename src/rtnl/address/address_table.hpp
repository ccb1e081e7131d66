// How an Address maps onto struct ifaddrmsg and IFA_* attributes: one
// line per member, each written once (address_line), listed in the order
// diffs show them (address_fields) and in the orders the kernel writes
// them, inet_fill_ifaddr()'s for IPv4 (ipv4_attributes) and
// inet6_fill_ifaddr()'s for IPv6 (ipv6_attributes), so that an address the
// kernel reported emits back to its bytes.
#pragma once

#include <nlpp/rtnl/address.hpp>

#include "codec/field.hpp"
#include "codec/field_table.hpp"
#include "codec/header_codecs.hpp"
#include "codec/object_accessors.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <tuple>

namespace nlpp::rtnl {

/// IFA_ADDRESS and IFA_LOCAL, from local and peer: IFA_LOCAL is the link's
/// own address, IFA_ADDRESS the prefix's, the peer on a point-to-point
/// link. IPv4 sends both, IPv6 IFA_LOCAL only with a peer. IFA_ADDRESS is
/// read into peer: sort_addresses() makes it local when IFA_LOCAL is absent
/// or the same, whichever order they came in.
struct AddressPairCodec {
  static constexpr bool compared = false;  // local and peer have their lines

  constexpr std::array<uint16_t, 2> types() const noexcept { return {IFA_ADDRESS, IFA_LOCAL}; }
  Result<void> parse(const wire::Attribute& attribute, Address& address) const;
  void emit(const Address& address, wire::MessageBuilder& out) const;
};

/// After the attributes: local and peer as Address has them, or an error
/// when neither IFA_LOCAL nor IFA_ADDRESS came.
Result<void> sort_addresses(Address& address);

/// The flags: their low 8 bits in ifa_flags, all 32 in IFA_FLAGS, which
/// overrides the header when present and is always sent (0 too), as the
/// kernel always reports it.
struct AddressFlagsCodec {
  constexpr std::array<uint16_t, 1> types() const noexcept { return {IFA_FLAGS}; }
  void read(const ifaddrmsg& header, AddressFlags& flags) const { flags = AddressFlags(header.ifa_flags); }
  void write(const AddressFlags& flags, ifaddrmsg& header) const {
    header.ifa_flags = static_cast<uint8_t>(flags.bits());
  }
  Result<void> parse(const wire::Attribute& attribute, AddressFlags& flags) const;
  void emit(const AddressFlags& flags, wire::MessageBuilder& out) const;
};

/// IFA_CACHEINFO as AddressLifetimes. Diffs compare the two lifetimes
/// (lifetime() below), not the timestamps.
struct LifetimesCodec {
  static constexpr bool compared = false;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {IFA_CACHEINFO}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<AddressLifetimes>& lifetimes) const;
  void emit(const std::optional<AddressLifetimes>& lifetimes, wire::MessageBuilder& out) const;
};

/// One lifetime as diffs show it: none without IFA_CACHEINFO.
template <uint32_t AddressLifetimes::*which>
std::optional<uint32_t> lifetime(const Address& address) {
  if (!address.lifetimes) return std::nullopt;
  return (*address.lifetimes).*which;
}

namespace address_line {

using Lifetime = codec::Derived<Address, std::optional<uint32_t>>;

constexpr auto ifindex = codec::field("ifindex", &Address::ifindex, codec::in_header(&ifaddrmsg::ifa_index));
constexpr auto addresses = codec::field("local/peer", codec::WholeObject<Address>{}, AddressPairCodec{});
constexpr auto local = codec::field("local", &Address::local, codec::Compared{});
constexpr auto prefix_length =
    codec::field("prefix_length", &Address::prefix_length, codec::in_header(&ifaddrmsg::ifa_prefixlen));
constexpr auto peer = codec::field("peer", &Address::peer, codec::Compared{});
constexpr auto broadcast = codec::field("broadcast", &Address::broadcast, IFA_BROADCAST);
constexpr auto label = codec::field("label", &Address::label, IFA_LABEL);
constexpr auto scope = codec::field("scope", &Address::scope, codec::in_header(&ifaddrmsg::ifa_scope));
constexpr auto proto = codec::field("proto", &Address::proto, IFA_PROTO);
constexpr auto flags = codec::field("flags", &Address::flags, AddressFlagsCodec{});
constexpr auto rt_priority = codec::field("rt_priority", &Address::rt_priority, IFA_RT_PRIORITY);
constexpr auto lifetimes = codec::field("lifetimes", &Address::lifetimes, LifetimesCodec{});
constexpr auto preferred_lifetime =
    codec::field("preferred_lifetime", Lifetime{&lifetime<&AddressLifetimes::preferred>}, codec::Compared{});
constexpr auto valid_lifetime =
    codec::field("valid_lifetime", Lifetime{&lifetime<&AddressLifetimes::valid>}, codec::Compared{});

}  // namespace address_line

/// The table: parsing, the header, diffs (in this order). Unknown
/// attributes are kept but not compared.
inline constexpr auto address_fields = std::tuple{
    address_line::ifindex,
    address_line::addresses,
    address_line::local,
    address_line::prefix_length,
    address_line::peer,
    address_line::broadcast,
    address_line::label,
    address_line::scope,
    address_line::flags,
    address_line::lifetimes,
    address_line::preferred_lifetime,
    address_line::valid_lifetime,
    address_line::rt_priority,
    address_line::proto,
};

/// IPv4's attributes, in inet_fill_ifaddr()'s order.
inline constexpr auto ipv4_attributes =
    std::tuple{address_line::addresses, address_line::broadcast, address_line::label,      address_line::proto,
               address_line::flags,     address_line::rt_priority, address_line::lifetimes};

/// IPv6's attributes, in inet6_fill_ifaddr()'s order (it has no broadcast
/// or label).
inline constexpr auto ipv6_attributes = std::tuple{address_line::addresses, address_line::rt_priority, address_line::lifetimes,
                                            address_line::flags, address_line::proto};

}  // namespace nlpp::rtnl
