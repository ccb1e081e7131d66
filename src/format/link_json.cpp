// A link as `ip -j -d link show` (ip/ipaddress.c print_linkinfo()) prints it,
// member for member in its order.
#include <nlpp/format/json.hpp>

#include <nlpp/wire/attribute.hpp>

#include "iproute2_words.hpp"
#include "json_fields.hpp"
#include "link_json.hpp"
#include "link_kind_json.hpp"

#include <arpa/inet.h>
#include <linux/if_link.h>
#include <net/if_arp.h>

#include <algorithm>
#include <array>

namespace nlpp::format {
namespace {

using namespace detail;

constexpr uint16_t arphrd_ip6gre = 823;  // ARPHRD_IP6GRE: linux/if_arp.h has it, glibc's net/if_arp.h does not

// ll_addr_n2a(): a tunnel's IP address as an address, anything else as
// colon-separated hex bytes.
std::string link_layer_address(std::span<const std::byte> bytes, uint16_t link_type) {
  char text[INET6_ADDRSTRLEN] = {};
  if (bytes.size() == 4 && (link_type == ARPHRD_TUNNEL || link_type == ARPHRD_SIT || link_type == ARPHRD_IPGRE))
    return inet_ntop(AF_INET, bytes.data(), text, sizeof text);
  if (bytes.size() == 16 && (link_type == ARPHRD_TUNNEL6 || link_type == arphrd_ip6gre))
    return inet_ntop(AF_INET6, bytes.data(), text, sizeof text);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (const std::byte byte : bytes) {
    if (!out.empty()) out += ':';
    out += hex[std::to_integer<unsigned>(byte) >> 4];
    out += hex[std::to_integer<unsigned>(byte) & 0xf];
  }
  return out;
}

// IFLA_ADDRESS / IFLA_BROADCAST: typed when 6 bytes, else kept raw.
std::optional<std::string> hardware_address(const rtnl::Link& link, const std::optional<nlpp::MacAddress>& typed,
                                            uint16_t type) {
  if (typed) return typed->to_string();
  if (const nlpp::RawAttribute* raw = find_raw(link.unknown, type)) return link_layer_address(raw->payload, link.type);
  return std::nullopt;
}

constexpr std::array<std::string_view, 7> oper_states = {"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
                                                         "TESTING", "DORMANT",    "UP"};

void write_operstate(JsonWriter& json, rtnl::OperState state) {
  const auto value = static_cast<uint8_t>(state);
  if (value < oper_states.size())
    text_field(json, "operstate", oper_states[value]);
  else
    number_field(json, "operstate_index", value);
}

void write_linkmode(JsonWriter& json, const rtnl::Link& link) {
  const std::optional<uint8_t> mode = raw_u8(find_raw(link.unknown, IFLA_LINKMODE));
  if (!mode) return;
  if (*mode == 0 || *mode == 1)
    text_field(json, "linkmode", *mode == 0 ? "DEFAULT" : "DORMANT");
  else
    number_field(json, "linkmode_index", *mode);
}

// IFLA_AF_SPEC -> AF_INET6 -> IFLA_INET6_ADDR_GEN_MODE (print_af_spec()).
void write_inet6_addr_gen_mode(JsonWriter& json, const rtnl::Link& link) {
  const nlpp::RawAttribute* af_spec = find_raw(link.unknown, IFLA_AF_SPEC);
  if (!af_spec) return;
  const std::optional<wire::Attribute> inet6 = wire::AttributeRange(af_spec->payload).find(AF_INET6);
  if (!inet6) return;
  const std::optional<wire::Attribute> mode = inet6->nested().find(IFLA_INET6_ADDR_GEN_MODE);
  if (!mode || !mode->u8()) return;
  static constexpr std::string_view names[] = {"eui64", "none", "stable_secret", "random"};
  const uint8_t value = *mode->u8();
  if (value < std::size(names)) {
    text_field(json, "inet6_addr_gen_mode", names[value]);
  } else {
    char text[8];
    std::snprintf(text, sizeof text, "%#.2hhx", value);
    text_field(json, "inet6_addr_gen_mode", text);
  }
}

void write_raw_u32(JsonWriter& json, const rtnl::Link& link, std::string_view key, uint16_t type) {
  if (const std::optional<uint32_t> value = raw_u32(find_raw(link.unknown, type))) number_field(json, key, *value);
}

void write_raw_string(JsonWriter& json, const rtnl::Link& link, std::string_view key, uint16_t type) {
  if (const std::optional<std::string> value = raw_string(find_raw(link.unknown, type))) text_field(json, key, *value);
}

void write_raw_hex(JsonWriter& json, const rtnl::Link& link, std::string_view key, uint16_t type) {
  if (const nlpp::RawAttribute* raw = find_raw(link.unknown, type)) text_field(json, key, hex_string(raw->payload));
}

// print_name_and_link(): the parent, then the name.
void write_name_and_parent(JsonWriter& json, const rtnl::Link& link, const LinkNames& names) {
  if (link.link) {
    if (*link.link == 0)
      null_field(json, "link");
    else if (link.link_netnsid)
      number_field(json, "link_index", uint32_t{*link.link});
    else
      text_field(json, "link", names.name(*link.link));
  }
  text_field(json, "ifname", link.name.value_or(""));
}

void write_addresses(JsonWriter& json, const rtnl::Link& link) {
  text_field(json, "link_type", link_type_name(link.type));
  if (const auto address = hardware_address(link, link.address, IFLA_ADDRESS)) text_field(json, "address", *address);
  if (const auto broadcast = hardware_address(link, link.broadcast, IFLA_BROADCAST)) {
    if (link.flags & IFF_POINTOPOINT) bool_field(json, "link_pointtopoint", true);
    text_field(json, "broadcast", *broadcast);
  }
  // The permanent address when it differs from IFLA_ADDRESS, byte for
  // byte (a tunnel's, not 6 bytes, is kept raw).
  if (const nlpp::RawAttribute* permanent = find_raw(link.unknown, IFLA_PERM_ADDRESS)) {
    const nlpp::RawAttribute* raw_address = find_raw(link.unknown, IFLA_ADDRESS);
    const wire::Bytes address = link.address  ? link.address->bytes()
                                : raw_address ? wire::Bytes(raw_address->payload)
                                              : wire::Bytes();
    if (!std::ranges::equal(address, permanent->payload))
      text_field(json, "permaddr", link_layer_address(permanent->payload, link.type));
  }
}

void write_details(JsonWriter& json, const rtnl::Link& link, const LinkNames& names, LinkView view) {
  if (link.promiscuity) number_field(json, "promiscuity", *link.promiscuity);
  write_raw_u32(json, link, "allmulti", IFLA_ALLMULTI);
  if (link.min_mtu) number_field(json, "min_mtu", *link.min_mtu);
  if (link.max_mtu) number_field(json, "max_mtu", *link.max_mtu);
  if (link.info) write_linkinfo(json, *link.info, names);
  if (view == LinkView::link_show) write_inet6_addr_gen_mode(json, link);
  if (link.num_tx_queues) number_field(json, "num_tx_queues", *link.num_tx_queues);
  if (link.num_rx_queues) number_field(json, "num_rx_queues", *link.num_rx_queues);
  write_raw_u32(json, link, "gso_max_size", IFLA_GSO_MAX_SIZE);
  write_raw_u32(json, link, "gso_max_segs", IFLA_GSO_MAX_SEGS);
  write_raw_u32(json, link, "tso_max_size", IFLA_TSO_MAX_SIZE);
  write_raw_u32(json, link, "tso_max_segs", IFLA_TSO_MAX_SEGS);
  write_raw_u32(json, link, "gro_max_size", IFLA_GRO_MAX_SIZE);
  write_raw_string(json, link, "phys_port_name", IFLA_PHYS_PORT_NAME);
  write_raw_hex(json, link, "phys_port_id", IFLA_PHYS_PORT_ID);
  write_raw_hex(json, link, "phys_switch_id", IFLA_PHYS_SWITCH_ID);
  write_raw_string(json, link, "parentbus", IFLA_PARENT_DEV_BUS_NAME);
  write_raw_string(json, link, "parentdev", IFLA_PARENT_DEV_NAME);
}

}  // namespace

void detail::write_link_members(JsonWriter& json, const rtnl::Link& link, const LinkNames& names, LinkView view) {
  number_field(json, "ifindex", link.ifindex);
  write_name_and_parent(json, link, names);
  // print_name_and_link(): a parent in this namespace that is down.
  const bool parent_down = link.link && *link.link != 0 && !link.link_netnsid && names.is_down(*link.link);
  text_array(json, "flags", link_flag_names(link.flags, parent_down));
  if (link.mtu) number_field(json, "mtu", *link.mtu);
  write_raw_string(json, link, "qdisc", IFLA_QDISC);
  if (link.master) text_field(json, "master", names.name(*link.master));
  if (link.operstate) write_operstate(json, *link.operstate);
  if (view == LinkView::link_show) write_linkmode(json, link);
  if (link.group) text_field(json, "group", *link.group == 0 ? std::string("default") : std::to_string(*link.group));
  if (link.txqlen && *link.txqlen != 0) number_field(json, "txqlen", *link.txqlen);
  write_addresses(json, link);
  if (link.link_netnsid) number_field(json, "link_netnsid", *link.link_netnsid);
  if (raw_u8(find_raw(link.unknown, IFLA_PROTO_DOWN)).value_or(0) != 0) bool_field(json, "proto_down", true);
  write_details(json, link, names, view);
  if (link.alias) text_field(json, "ifalias", *link.alias);
  if (!link.altnames.empty()) text_array(json, "altnames", link.altnames);
}

void write_link(JsonWriter& json, const rtnl::Link& link, const LinkNames& names, LinkView view) {
  json.begin_object();
  write_link_members(json, link, names, view);
  json.end_object();
}

std::string links_json(std::span<const rtnl::Link> links) {
  const LinkNames names(links);
  return json_array(links, [&](JsonWriter& json, const rtnl::Link& link) { write_link(json, link, names); });
}

}  // namespace nlpp::format
