// Address <-> RTM_NEWADDR messages, through the address's table
// (address_table.hpp), and the codecs of its few special lines.
#include <nlpp/rtnl/address.hpp>

#include "rtnl/address/address_table.hpp"

namespace nlpp::rtnl {
namespace {

// The attributes' sizes said the addresses' families; the header's must be
// theirs (MCTP and phonet addresses are not IP addresses, whatever their size).
bool of_family(const Address& address, int family) {
  const auto is_of_family = [family](const std::optional<IpAddress>& other) {
    return !other || other->family() == family;
  };
  return address.family() == family && is_of_family(address.peer) && is_of_family(address.broadcast);
}

}  // namespace

Result<void> AddressPairCodec::parse(const wire::Attribute& attribute, Address& address) const {
  Result<IpAddress> read = codec::NativeValue<IpAddress>::parse(attribute);
  if (!read) return std::move(read).error();
  if (attribute.type() == IFA_LOCAL)
    address.local = *read;
  else
    address.peer = *read;
  return {};
}

void AddressPairCodec::emit(const Address& address, wire::MessageBuilder& out) const {
  const IpAddress& prefix = address.peer ? *address.peer : address.local;
  if (address.local.is_v4()) {
    out.add(IFA_ADDRESS, prefix.bytes());
    out.add(IFA_LOCAL, address.local.bytes());
    return;
  }
  // inet6_fill_ifaddr(): IFA_LOCAL only with a peer, and first.
  if (address.peer) out.add(IFA_LOCAL, address.local.bytes());
  out.add(IFA_ADDRESS, prefix.bytes());
}

Result<void> sort_addresses(Address& address) {
  if (!address.local.empty()) {
    if (address.peer == address.local) address.peer.reset();  // no peer: both carry local
    return {};
  }
  if (!address.peer) return Error(errc::malformed_attribute, "address: neither IFA_LOCAL nor IFA_ADDRESS");
  address.local = *address.peer;  // IFA_ADDRESS alone (IPv6 without a peer)
  address.peer.reset();
  return {};
}

Result<void> AddressFlagsCodec::parse(const wire::Attribute& attribute, AddressFlags& flags) const {
  return codec::NonDefault{IFA_FLAGS}.parse(attribute, flags);
}

void AddressFlagsCodec::emit(const AddressFlags& flags, wire::MessageBuilder& out) const {
  codec::NativeValue<AddressFlags>::emit(out, IFA_FLAGS, flags);
}

Result<void> LifetimesCodec::parse(const wire::Attribute& attribute, std::optional<AddressLifetimes>& lifetimes) const {
  Result<ifa_cacheinfo> info = attribute.as<ifa_cacheinfo>();
  if (!info) return std::move(info).error();
  lifetimes = AddressLifetimes{info->ifa_prefered, info->ifa_valid, info->cstamp, info->tstamp};
  return {};
}

void LifetimesCodec::emit(const std::optional<AddressLifetimes>& lifetimes, wire::MessageBuilder& out) const {
  if (!lifetimes) return;
  out.add_struct(IFA_CACHEINFO, ifa_cacheinfo{.ifa_prefered = lifetimes->preferred,
                                              .ifa_valid = lifetimes->valid,
                                              .cstamp = lifetimes->created,
                                              .tstamp = lifetimes->updated});
}

Result<Address> ObjectTraits<Address>::parse(const wire::Message& message) {
  Address address;
  Result<ifaddrmsg> header =
      codec::parse_message<address_fields, ifaddrmsg>(message, address, name, codec::ErrorNaming::attribute_type);
  if (!header) return std::move(header).error();
  if (Result<void> sorted = sort_addresses(address); !sorted) return std::move(sorted).error();
  if (!of_family(address, header->ifa_family))
    return Error(errc::malformed_attribute,
                 "address: an address not of the message's family " + std::to_string(header->ifa_family));
  return address;
}

void ObjectTraits<Address>::emit(const Address& address, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  ifaddrmsg header{};
  header.ifa_family = static_cast<uint8_t>(address.family());
  builder.begin_message(type, flags);
  if (type == get_type) {
    // inet6_rtm_valid_getaddr_req() refuses anything else under strict checking.
    header.ifa_index = address.ifindex;
    builder.append_header(header);
    builder.add(IFA_ADDRESS, address.local.bytes());
    return;
  }
  codec::write_header<address_fields>(address, header);
  builder.append_header(header);
  if (address.local.is_v4())
    codec::emit_attributes<ipv4_attributes>(address, builder);
  else
    codec::emit_attributes<ipv6_attributes>(address, builder);
  codec::emit_unknown(address.unknown, builder);
}

}  // namespace nlpp::rtnl
