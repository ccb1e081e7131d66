// iproute2's names for numbers, both ways: what rtm_protocol 4 or
// rtm_scope 253 is called ("static", "link"), and what "static", "link" or
// "main" stand for. The same tables the format layer prints with, so a
// command line and nlpp's output agree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nlpp::format {

/// rtm_protocol's name ("kernel", "boot", "static", "bird"...), else the number.
std::string protocol_name(uint8_t protocol);
/// rtm_scope / ifa_scope's name ("global", "site", "link", "host", "nowhere"), else the number.
std::string scope_name(uint8_t scope);
/// A table's name ("main", "local", "default"), else the number.
std::string table_name(uint32_t table);
/// ifi_type's name ("ether", "loopback", "none"...), else "[N]".
std::string link_type_name(uint16_t type);
/// An IP protocol's name as rules print it (icmp, tcp, udp, ipv6-icmp,
/// sctp), else the number.
std::string ip_protocol_name(uint8_t protocol);
/// An address family's name ("inet", "inet6", "link", "mpls", "bridge"), else "???".
std::string_view family_name(int family);
/// An EtherType's name as tc prints a filter's protocol ("ip", "ipv6",
/// "all", "802.1Q"), host order, else "[N]".
std::string ether_protocol_name(uint16_t protocol);

/// rtm_protocol by name ("kernel", "boot", "static", "bird"...).
std::optional<uint8_t> protocol_named(std::string_view name);
/// rtm_scope / ifa_scope by name ("global", "site", "link", "host", "nowhere").
std::optional<uint8_t> scope_named(std::string_view name);
/// A table by name ("default", "main", "local").
std::optional<uint32_t> table_named(std::string_view name);
/// An address family by name ("inet", "inet6", "link", "mpls", "bridge").
std::optional<int> family_named(std::string_view name);
/// An IP protocol of a rule by name ("icmp", "tcp", "udp", "ipv6-icmp", "sctp").
std::optional<uint8_t> ip_protocol_named(std::string_view name);
/// An EtherType by name, any case ("ip", "ipv6", "all", "802.1q"), host order.
std::optional<uint16_t> ether_protocol_named(std::string_view name);

}  // namespace nlpp::format
