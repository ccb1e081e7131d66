#include <nlpp/schema/protocol_name.hpp>

#include <linux/netlink.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace nlpp::schema {
namespace {

// Every protocol of <linux/netlink.h>; the first name of a number is the one printed.
constexpr std::array<std::pair<int, std::string_view>, 23> protocols{{
    {NETLINK_ROUTE, "route"},
    {NETLINK_UNUSED, "unused"},
    {NETLINK_USERSOCK, "usersock"},
    {NETLINK_FIREWALL, "firewall"},
    {NETLINK_SOCK_DIAG, "sock_diag"},
    {NETLINK_INET_DIAG, "inet_diag"},
    {NETLINK_NFLOG, "nflog"},
    {NETLINK_XFRM, "xfrm"},
    {NETLINK_SELINUX, "selinux"},
    {NETLINK_ISCSI, "iscsi"},
    {NETLINK_AUDIT, "audit"},
    {NETLINK_FIB_LOOKUP, "fib_lookup"},
    {NETLINK_CONNECTOR, "connector"},
    {NETLINK_NETFILTER, "netfilter"},
    {NETLINK_IP6_FW, "ip6_fw"},
    {NETLINK_DNRTMSG, "dnrtmsg"},
    {NETLINK_KOBJECT_UEVENT, "kobject_uevent"},
    {NETLINK_GENERIC, "generic"},
    {NETLINK_SCSITRANSPORT, "scsitransport"},
    {NETLINK_ECRYPTFS, "ecryptfs"},
    {NETLINK_RDMA, "rdma"},
    {NETLINK_CRYPTO, "crypto"},
    {NETLINK_SMC, "smc"},
}};

// The kernel's MAX_LINKS: protocol numbers are below it.
constexpr int max_links = 32;

}  // namespace

std::string protocol_name(int protocol) {
  const auto it = std::find_if(protocols.begin(), protocols.end(), [&](const auto& p) { return p.first == protocol; });
  return it == protocols.end() ? std::to_string(protocol) : std::string(it->second);
}

std::optional<int> find_protocol(std::string_view name) noexcept {
  for (const auto& [number, known] : protocols)
    if (known == name) return number;
  int number = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
  if (name.empty() || error != std::errc() || end != name.data() + name.size() || number < 0 || number >= max_links)
    return std::nullopt;
  return number;
}

}  // namespace nlpp::schema
