// ObjectTraits<Address>: identity, diff, and dumps (what the kernel filters
// and what nlpp filters after it).
#include <nlpp/rtnl/address.hpp>

#include "rtnl/address/address_table.hpp"

namespace nlpp::rtnl {
namespace {

constexpr FlagName<AddressFlag> address_flag_names[] = {
    {AddressFlag::secondary, "secondary"},       {AddressFlag::nodad, "nodad"},
    {AddressFlag::optimistic, "optimistic"},     {AddressFlag::dadfailed, "dadfailed"},
    {AddressFlag::homeaddress, "home"},          {AddressFlag::deprecated, "deprecated"},
    {AddressFlag::tentative, "tentative"},       {AddressFlag::permanent, "permanent"},
    {AddressFlag::managetempaddr, "mngtmpaddr"}, {AddressFlag::noprefixroute, "noprefixroute"},
    {AddressFlag::mcautojoin, "autojoin"},       {AddressFlag::stable_privacy, "stable-privacy"},
};

}  // namespace

std::span<const FlagName<AddressFlag>> flag_names(AddressFlag) noexcept { return address_flag_names; }

AddressKey ObjectTraits<Address>::key(const Address& address) {
  return {address.family(), address.ifindex, address.local, address.prefix_length};
}

std::vector<FieldChange> ObjectTraits<Address>::diff(const Address& before, const Address& after) {
  FieldDiff diff;
  codec::diff_fields<address_fields>(before, after, diff);
  return std::move(diff).take();
}

void ObjectTraits<Address>::emit_dump_request(const Filter& filter, wire::MessageBuilder& builder) {
  // Under strict checking the kernel takes the family and ifa_index from
  // the header and refuses any other header field
  // (inet_valid_dump_ifaddr_req, inet6_valid_dump_ifaddr_req).
  builder.begin_message(get_type, 0)
      .append_header(ifaddrmsg{.ifa_family = static_cast<uint8_t>(filter.family),
                               .ifa_prefixlen = 0,
                               .ifa_flags = 0,
                               .ifa_scope = 0,
                               .ifa_index = filter.ifindex.value_or(0)});
}

bool ObjectTraits<Address>::matches(const Filter& filter, const Address& address) {
  return (filter.family == AF_UNSPEC || filter.family == address.family()) &&
         (!filter.ifindex || *filter.ifindex == address.ifindex) && (!filter.scope || *filter.scope == address.scope) &&
         (!filter.label || filter.label == address.label) && address.flags.contains_all(filter.flags) &&
         // The kernel reports IFA_PROTO only when it is not IFAPROT_UNSPEC.
         (!filter.proto || *filter.proto == address.proto.value_or(IFAPROT_UNSPEC));
}

}  // namespace nlpp::rtnl
