#include "iproute2_words.hpp"

#include <nlpp/format/names.hpp>

#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <charconv>
#include <cstring>
#include <utility>

namespace nlpp::format::detail {
namespace {

// A name from a sparse table of (value, name), else nullptr.
template <class Value, size_t N>
const char* lookup(const std::pair<Value, const char*> (&table)[N], Value value) {
  for (const auto& [key, name] : table)
    if (key == value) return name;
  return nullptr;
}

// The name, else the number in decimal.
template <class Value, size_t N>
std::string name_or_number(const std::pair<Value, const char*> (&table)[N], Value value) {
  const char* name = lookup(table, value);
  return name ? name : std::to_string(value);
}

constexpr std::pair<uint8_t, const char*> protocols[] = {
    {RTPROT_UNSPEC, "unspec"}, {RTPROT_REDIRECT, "redirect"},
    {RTPROT_KERNEL, "kernel"}, {RTPROT_BOOT, "boot"},
    {RTPROT_STATIC, "static"}, {RTPROT_GATED, "gated"},
    {RTPROT_RA, "ra"},         {RTPROT_MRT, "mrt"},
    {RTPROT_ZEBRA, "zebra"},   {RTPROT_BIRD, "bird"},
    {RTPROT_BABEL, "babel"},   {RTPROT_DNROUTED, "dnrouted"},
    {RTPROT_XORP, "xorp"},     {RTPROT_NTK, "ntk"},
    {RTPROT_DHCP, "dhcp"},     {RTPROT_KEEPALIVED, "keepalived"},
    {RTPROT_BGP, "bgp"},       {RTPROT_ISIS, "isis"},
    {RTPROT_OSPF, "ospf"},     {RTPROT_RIP, "rip"},
    {RTPROT_EIGRP, "eigrp"},   {RTPROT_OPENR, "openr"},
};

constexpr std::pair<uint8_t, const char*> scopes[] = {
    {RT_SCOPE_UNIVERSE, "global"}, {RT_SCOPE_NOWHERE, "nowhere"}, {RT_SCOPE_HOST, "host"},
    {RT_SCOPE_LINK, "link"},       {RT_SCOPE_SITE, "site"},
};

constexpr std::pair<uint32_t, const char*> tables[] = {
    {RT_TABLE_DEFAULT, "default"}, {RT_TABLE_MAIN, "main"}, {RT_TABLE_LOCAL, "local"}};

constexpr std::pair<uint16_t, const char*> link_types[] = {
    {ARPHRD_NETROM, "netrom"},
    {ARPHRD_ETHER, "ether"},
    {ARPHRD_EETHER, "eether"},
    {ARPHRD_AX25, "ax25"},
    {ARPHRD_PRONET, "pronet"},
    {ARPHRD_CHAOS, "chaos"},
    {ARPHRD_IEEE802, "ieee802"},
    {ARPHRD_ARCNET, "arcnet"},
    {ARPHRD_APPLETLK, "atalk"},
    {ARPHRD_DLCI, "dlci"},
    {ARPHRD_ATM, "atm"},
    {ARPHRD_METRICOM, "metricom"},
    {ARPHRD_IEEE1394, "ieee1394"},
    {ARPHRD_INFINIBAND, "infiniband"},
    {ARPHRD_SLIP, "slip"},
    {ARPHRD_CSLIP, "cslip"},
    {ARPHRD_SLIP6, "slip6"},
    {ARPHRD_CSLIP6, "cslip6"},
    {ARPHRD_RSRVD, "rsrvd"},
    {ARPHRD_ADAPT, "adapt"},
    {ARPHRD_ROSE, "rose"},
    {ARPHRD_X25, "x25"},
    {ARPHRD_HWX25, "hwx25"},
    {ARPHRD_CAN, "can"},
    {ARPHRD_PPP, "ppp"},
    {ARPHRD_HDLC, "hdlc"},
    {ARPHRD_LAPB, "lapb"},
    {ARPHRD_DDCMP, "ddcmp"},
    {ARPHRD_RAWHDLC, "rawhdlc"},
    {ARPHRD_TUNNEL, "ipip"},
    {ARPHRD_TUNNEL6, "tunnel6"},
    {ARPHRD_FRAD, "frad"},
    {ARPHRD_SKIP, "skip"},
    {ARPHRD_LOOPBACK, "loopback"},
    {ARPHRD_LOCALTLK, "ltalk"},
    {ARPHRD_FDDI, "fddi"},
    {ARPHRD_BIF, "bif"},
    {ARPHRD_SIT, "sit"},
    {ARPHRD_IPDDP, "ip/ddp"},
    {ARPHRD_IPGRE, "gre"},
    {ARPHRD_PIMREG, "pimreg"},
    {ARPHRD_HIPPI, "hippi"},
    {ARPHRD_ASH, "ash"},
    {ARPHRD_ECONET, "econet"},
    {ARPHRD_IRDA, "irda"},
    {ARPHRD_FCPP, "fcpp"},
    {ARPHRD_FCAL, "fcal"},
    {ARPHRD_FCPL, "fcpl"},
    {ARPHRD_IEEE802_TR, "tr"},
    {ARPHRD_IEEE80211, "ieee802.11"},
    {ARPHRD_IEEE80211_PRISM, "ieee802.11/prism"},
    {ARPHRD_IEEE80211_RADIOTAP, "ieee802.11/radiotap"},
    {ARPHRD_IEEE802154, "ieee802.15.4"},
    {ARPHRD_IEEE802154_MONITOR, "ieee802.15.4/monitor"},
    {ARPHRD_PHONET, "phonet"},
    {ARPHRD_PHONET_PIPE, "phonet_pipe"},
    {ARPHRD_CAIF, "caif"},
    {ARPHRD_IP6GRE, "gre6"},
    {ARPHRD_NETLINK, "netlink"},
    {ARPHRD_6LOWPAN, "6lowpan"},
    {ARPHRD_NONE, "none"},
    {ARPHRD_VOID, "void"},
};

// ip/ipaddress.c print_link_flags(), in its order.
constexpr std::pair<uint32_t, const char*> link_flags[] = {
    {IFF_LOOPBACK, "LOOPBACK"},   {IFF_BROADCAST, "BROADCAST"},   {IFF_POINTOPOINT, "POINTOPOINT"},
    {IFF_MULTICAST, "MULTICAST"}, {IFF_NOARP, "NOARP"},           {IFF_ALLMULTI, "ALLMULTI"},
    {IFF_PROMISC, "PROMISC"},     {IFF_MASTER, "MASTER"},         {IFF_SLAVE, "SLAVE"},
    {IFF_DEBUG, "DEBUG"},         {IFF_DYNAMIC, "DYNAMIC"},       {IFF_AUTOMEDIA, "AUTOMEDIA"},
    {IFF_PORTSEL, "PORTSEL"},     {IFF_NOTRAILERS, "NOTRAILERS"}, {IFF_UP, "UP"},
    {IFF_LOWER_UP, "LOWER_UP"},   {IFF_DORMANT, "DORMANT"},       {IFF_ECHO, "ECHO"},
};

// ip/iproute.c print_rt_flags(), in its order.
constexpr std::pair<uint32_t, const char*> route_flags[] = {
    {RTNH_F_DEAD, "dead"},
    {RTNH_F_ONLINK, "onlink"},
    {RTNH_F_PERVASIVE, "pervasive"},
    {RTNH_F_OFFLOAD, "offload"},
    {RTNH_F_TRAP, "trap"},
    {RTM_F_NOTIFY, "notify"},
    {RTNH_F_LINKDOWN, "linkdown"},
    {RTNH_F_UNRESOLVED, "unresolved"},
    {RTM_F_OFFLOAD, "rt_offload"},
    {RTM_F_TRAP, "rt_trap"},
    {RTM_F_OFFLOAD_FAILED, "rt_offload_failed"},
};

// The value a name stands for, if the table has it.
template <class Value, size_t N>
std::optional<Value> value_named(const std::pair<Value, const char*> (&table)[N], std::string_view name) {
  for (const auto& [value, known] : table)
    if (known == name) return value;
  return std::nullopt;
}

// inet_proto_n2a() (/etc/protocols' names) for the protocols rules are written for.
constexpr std::pair<uint8_t, const char*> ip_protocols[] = {
    {IPPROTO_ICMP, "icmp"}, {IPPROTO_TCP, "tcp"}, {IPPROTO_UDP, "udp"}, {IPPROTO_ICMPV6, "ipv6-icmp"}, {IPPROTO_SCTP, "sctp"}};

constexpr std::pair<int, const char*> families[] = {
    {AF_INET, "inet"}, {AF_INET6, "inet6"}, {AF_PACKET, "link"}, {AF_MPLS, "mpls"}, {AF_BRIDGE, "bridge"}};

}  // namespace

std::vector<std::string> link_flag_names(uint32_t flags, bool parent_down) {
  std::vector<std::string> names;
  if ((flags & IFF_UP) && !(flags & IFF_RUNNING)) names.emplace_back("NO-CARRIER");
  flags &= ~static_cast<uint32_t>(IFF_RUNNING);
  for (const auto& [bit, name] : link_flags) {
    if (!(flags & bit)) continue;
    flags &= ~bit;
    names.emplace_back(name);
  }
  if (flags != 0) {
    // print_hex "%x": no 0x prefix.
    char digits[8];
    names.emplace_back(digits, std::to_chars(digits, digits + sizeof digits, flags, 16).ptr);
  }
  if (parent_down) names.emplace_back("M-DOWN");
  return names;
}

std::vector<std::string_view> route_flag_names(uint32_t flags) {
  std::vector<std::string_view> names;
  for (const auto& [bit, name] : route_flags)
    if (flags & bit) names.emplace_back(name);
  return names;
}

std::string fdb_state_name(uint16_t state) {
  if (state & NUD_PERMANENT) return "permanent";
  if (state & NUD_NOARP) return "static";
  if (state & NUD_STALE) return "stale";
  if (state & NUD_REACHABLE) return "";
  return hex_0x(state);
}

std::string hex_0x(uint64_t value) {
  if (value == 0) return "0";
  char digits[16];
  return "0x" + std::string(digits, std::to_chars(digits, digits + sizeof digits, value, 16).ptr);
}

std::string hex_string(std::span<const std::byte> bytes) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (const std::byte byte : bytes) {
    out += hex[std::to_integer<unsigned>(byte) >> 4];
    out += hex[std::to_integer<unsigned>(byte) & 0xf];
  }
  return out;
}

std::string hundredths(uint64_t value) {
  // iproute2 converts through a struct timeval and prints "%i.%.2i".
  const uint64_t seconds = value / 100, rest = value % 100;
  return std::to_string(seconds) + (rest < 10 ? ".0" : ".") + std::to_string(rest);
}

const nlpp::RawAttribute* find_raw(std::span<const nlpp::RawAttribute> attributes, uint16_t type) {
  for (const nlpp::RawAttribute& attribute : attributes)
    if ((attribute.type & NLA_TYPE_MASK) == type) return &attribute;
  return nullptr;
}

std::optional<uint8_t> raw_u8(const nlpp::RawAttribute* attribute) {
  if (!attribute || attribute->payload.size() < 1) return std::nullopt;
  return static_cast<uint8_t>(attribute->payload[0]);
}

std::optional<uint32_t> raw_u32(const nlpp::RawAttribute* attribute) {
  if (!attribute || attribute->payload.size() < sizeof(uint32_t)) return std::nullopt;
  uint32_t value = 0;
  std::memcpy(&value, attribute->payload.data(), sizeof value);
  return value;
}

std::optional<std::string> raw_string(const nlpp::RawAttribute* attribute) {
  if (!attribute) return std::nullopt;
  std::string text(reinterpret_cast<const char*>(attribute->payload.data()), attribute->payload.size());
  if (const size_t nul = text.find('\0'); nul != std::string::npos) text.resize(nul);
  return text;
}

}  // namespace nlpp::format::detail

namespace nlpp::format {

std::string protocol_name(uint8_t protocol) { return detail::name_or_number(detail::protocols, protocol); }

std::string scope_name(uint8_t scope) { return detail::name_or_number(detail::scopes, scope); }

std::string table_name(uint32_t table) { return detail::name_or_number(detail::tables, table); }

std::string ip_protocol_name(uint8_t protocol) { return detail::name_or_number(detail::ip_protocols, protocol); }

std::string link_type_name(uint16_t type) {
  const char* name = detail::lookup(detail::link_types, type);
  return name ? name : "[" + std::to_string(type) + "]";
}

std::string_view family_name(int family) {
  const char* name = detail::lookup(detail::families, family);
  return name ? name : "???";
}

std::optional<uint8_t> protocol_named(std::string_view name) { return detail::value_named(detail::protocols, name); }
std::optional<uint8_t> scope_named(std::string_view name) { return detail::value_named(detail::scopes, name); }
std::optional<uint32_t> table_named(std::string_view name) { return detail::value_named(detail::tables, name); }
std::optional<int> family_named(std::string_view name) { return detail::value_named(detail::families, name); }
std::optional<uint8_t> ip_protocol_named(std::string_view name) {
  return detail::value_named(detail::ip_protocols, name);
}

}  // namespace nlpp::format
