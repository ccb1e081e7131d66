// iproute2's names for numbers, read back: what "static", "link" or "main"
// stand for. The same tables the format layer prints with, so a command
// line and nlpp's output agree.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace nlpp::format {

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

}  // namespace nlpp::format
