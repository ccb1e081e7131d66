// Addresses as `ip -j -d addr show` (ip/ipaddress.c print_addrinfo()) prints
// them, inside their link's object as "addr_info".
#include <nlpp/format/json.hpp>

#include "iproute2_words.hpp"
#include "json_fields.hpp"
#include "link_json.hpp"

#include <linux/if_addr.h>

#include <string_view>

namespace nlpp::format {
namespace {

using namespace detail;

// print_ifa_flags(): iproute2's flag table in its order. "dynamic" stands
// for the absence of permanent; secondary is "temporary" on IPv6.
void write_flags(JsonWriter& json, const rtnl::Address& address) {
  static constexpr std::pair<uint32_t, std::string_view> names[] = {
      {IFA_F_SECONDARY, "secondary"},         {IFA_F_NODAD, "nodad"},         {IFA_F_OPTIMISTIC, "optimistic"},
      {IFA_F_DADFAILED, "dadfailed"},         {IFA_F_HOMEADDRESS, "home"},    {IFA_F_DEPRECATED, "deprecated"},
      {IFA_F_TENTATIVE, "tentative"},         {IFA_F_PERMANENT, "permanent"}, {IFA_F_MANAGETEMPADDR, "mngtmpaddr"},
      {IFA_F_NOPREFIXROUTE, "noprefixroute"}, {IFA_F_MCAUTOJOIN, "autojoin"}, {IFA_F_STABLE_PRIVACY, "stable-privacy"},
  };
  uint32_t flags = address.flags.bits();
  for (const auto& [bit, name] : names) {
    if (bit == IFA_F_PERMANENT) {
      if (!(flags & bit)) bool_field(json, "dynamic", true);
    } else if (flags & bit) {
      bool_field(json, bit == IFA_F_SECONDARY && address.family() == AF_INET6 ? "temporary" : name, true);
    }
    flags &= ~bit;
  }
  if (flags != 0) {
    char text[16];
    std::snprintf(text, sizeof text, "%02x", flags);
    text_field(json, "ifa_flags", text);
  }
}

void write_lifetimes(JsonWriter& json, const rtnl::Address& address) {
  if (!address.lifetimes) return;
  number_field(json, "valid_life_time", address.lifetimes->valid);
  // A deprecated address's preferred lifetime is printed signed.
  if (address.lifetimes->preferred != rtnl::AddressLifetimes::forever &&
      address.flags.contains(rtnl::AddressFlag::deprecated))
    number_field(json, "preferred_life_time", static_cast<int32_t>(address.lifetimes->preferred));
  else
    number_field(json, "preferred_life_time", address.lifetimes->preferred);
}

}  // namespace

void write_address(JsonWriter& json, const rtnl::Address& address) {
  json.begin_object();
  const std::string_view family = family_name(address.family());
  if (family != "???")
    text_field(json, "family", family);
  else
    number_field(json, "family_index", address.family());
  text_field(json, "local", address.local.to_string());
  if (address.peer && *address.peer != address.local) text_field(json, "address", address.peer->to_string());
  number_field(json, "prefixlen", address.prefix_length);
  if (address.rt_priority) number_field(json, "metric", *address.rt_priority);
  if (address.broadcast) text_field(json, "broadcast", address.broadcast->to_string());
  if (const nlpp::RawAttribute* anycast = find_raw(address.unknown, IFA_ANYCAST)) {
    if (const Result<nlpp::IpAddress> ip = nlpp::IpAddress::from_bytes(address.family(), anycast->payload))
      text_field(json, "anycast", ip->to_string());
  }
  text_field(json, "scope", scope_name(address.scope));
  write_flags(json, address);
  if (address.label) text_field(json, "label", *address.label);
  write_lifetimes(json, address);
  json.end_object();
}

std::string addresses_json(std::span<const rtnl::Link> links, std::span<const rtnl::Address> addresses) {
  const LinkNames names(links);
  JsonWriter json;
  json.begin_array();
  for (const rtnl::Link& link : links) {
    json.begin_object();
    write_link_members(json, link, names, LinkView::addr_show);
    json.key("addr_info");
    json.begin_array();
    for (const rtnl::Address& address : addresses)
      if (address.ifindex == link.ifindex) write_address(json, address);
    json.end_array();
    json.end_object();
  }
  json.end_array();
  return std::move(json).take();
}

}  // namespace nlpp::format
