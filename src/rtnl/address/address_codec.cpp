// Address <-> RTM_NEWADDR messages: ObjectTraits<Address>::parse and emit.
#include <nlpp/rtnl/address.hpp>

#include "codec/attributes.hpp"


namespace nlpp::rtnl {
namespace {

using codec::store;

// What the attributes say before IFA_LOCAL and IFA_ADDRESS are sorted into
// local and peer.
struct ReportedAddresses {
  std::optional<IpAddress> address;  // IFA_ADDRESS
  std::optional<IpAddress> local;    // IFA_LOCAL
};

Result<void> read_attribute(Address& address, ReportedAddresses& reported, int family,
                            const wire::Attribute& attribute) {
  switch (attribute.type()) {
    case IFA_ADDRESS:
      return store(reported.address, IpAddress::from_bytes(family, attribute.payload()));
    case IFA_LOCAL:
      return store(reported.local, IpAddress::from_bytes(family, attribute.payload()));
    case IFA_BROADCAST:
      return store(address.broadcast, IpAddress::from_bytes(family, attribute.payload()));
    case IFA_LABEL:
      address.label = std::string(attribute.string());
      return {};
    case IFA_FLAGS:
      return store(address.flags, attribute.u32());
    case IFA_RT_PRIORITY:
      return store(address.rt_priority, attribute.u32());
    case IFA_PROTO:
      return store(address.proto, attribute.u8());
    case IFA_CACHEINFO: {
      Result<ifa_cacheinfo> info = attribute.as<ifa_cacheinfo>();
      if (!info) return std::move(info).error();
      address.lifetimes = AddressLifetimes{info->ifa_prefered, info->ifa_valid, info->cstamp, info->tstamp};
      return {};
    }
    default:
      codec::keep_unknown(address.unknown, attribute);
      return {};
  }
}

void add_ip(wire::MessageBuilder& builder, uint16_t type, const std::optional<IpAddress>& address) {
  if (address) builder.add(type, address->bytes());
}

void add_lifetimes(wire::MessageBuilder& builder, const std::optional<AddressLifetimes>& lifetimes) {
  if (!lifetimes) return;
  builder.add_struct(IFA_CACHEINFO, ifa_cacheinfo{.ifa_prefered = lifetimes->preferred,
                                                  .ifa_valid = lifetimes->valid,
                                                  .cstamp = lifetimes->created,
                                                  .tstamp = lifetimes->updated});
}

// inet_fill_ifaddr()'s order: both addresses always, the prefix address first.
void emit_ipv4_attributes(const Address& address, wire::MessageBuilder& builder) {
  builder.add(IFA_ADDRESS, address.peer.value_or(address.local).bytes());
  builder.add(IFA_LOCAL, address.local.bytes());
  add_ip(builder, IFA_BROADCAST, address.broadcast);
  if (address.label) builder.add_string(IFA_LABEL, *address.label);
  if (address.proto) builder.add_u8(IFA_PROTO, *address.proto);
  builder.add_u32(IFA_FLAGS, address.flags.bits());
  if (address.rt_priority) builder.add_u32(IFA_RT_PRIORITY, *address.rt_priority);
  add_lifetimes(builder, address.lifetimes);
}

// inet6_fill_ifaddr()'s order: IFA_LOCAL only when there is a peer.
void emit_ipv6_attributes(const Address& address, wire::MessageBuilder& builder) {
  if (address.peer) builder.add(IFA_LOCAL, address.local.bytes());
  builder.add(IFA_ADDRESS, address.peer.value_or(address.local).bytes());
  if (address.rt_priority) builder.add_u32(IFA_RT_PRIORITY, *address.rt_priority);
  add_lifetimes(builder, address.lifetimes);
  builder.add_u32(IFA_FLAGS, address.flags.bits());
  if (address.proto) builder.add_u8(IFA_PROTO, *address.proto);
}

}  // namespace

Result<Address> ObjectTraits<Address>::parse(const wire::Message& message) {
  Result<codec::MessageParts<ifaddrmsg>> split = codec::split_message<ifaddrmsg>(name, message);
  if (!split) return std::move(split).error();
  const ifaddrmsg& header = split->header;
  Address address{.ifindex = header.ifa_index,
                  .prefix_length = header.ifa_prefixlen,
                  .scope = header.ifa_scope,
                  .flags = AddressFlags(header.ifa_flags)};  // IFA_FLAGS, if sent, has all 32 bits
  ReportedAddresses reported;
  Result<void> read = codec::read_each(name, split->attributes, [&](const wire::Attribute& attribute) {
    return read_attribute(address, reported, header.ifa_family, attribute);
  });
  if (!read) return std::move(read).error();
  if (reported.local) {
    address.local = *reported.local;
    if (reported.address && *reported.address != *reported.local) address.peer = reported.address;
  } else if (reported.address) {
    address.local = *reported.address;
  } else {
    return Error(errc::malformed_attribute, "address: neither IFA_LOCAL nor IFA_ADDRESS");
  }
  return address;
}

void ObjectTraits<Address>::emit(const Address& address, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  builder.begin_message(type, flags);
  if (type == get_type) {
    // inet6_rtm_valid_getaddr_req() refuses anything else under strict checking.
    builder.append_header(ifaddrmsg{.ifa_family = static_cast<uint8_t>(address.family()),
                                    .ifa_prefixlen = 0,
                                    .ifa_flags = 0,
                                    .ifa_scope = 0,
                                    .ifa_index = address.ifindex});
    builder.add(IFA_ADDRESS, address.local.bytes());
    return;
  }
  builder.append_header(ifaddrmsg{.ifa_family = static_cast<uint8_t>(address.family()),
                                  .ifa_prefixlen = address.prefix_length,
                                  .ifa_flags = static_cast<uint8_t>(address.flags.bits()),
                                  .ifa_scope = address.scope,
                                  .ifa_index = address.ifindex});
  if (address.local.is_v4())
    emit_ipv4_attributes(address, builder);
  else
    emit_ipv6_attributes(address, builder);
  codec::emit_unknown(address.unknown, builder);
}

}  // namespace nlpp::rtnl
