// Netlink protocols (the third argument of socket(AF_NETLINK, ...)) by name,
// for people: "route" for NETLINK_ROUTE, "generic" for NETLINK_GENERIC.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nlpp::schema {

/// The protocol's name: its NETLINK_* constant without the prefix, in lower
/// case ("route", "sock_diag", "netfilter"); its number as text when
/// <linux/netlink.h> names none.
std::string protocol_name(int protocol);

/// The protocol a name stands for: a name protocol_name() gives, "inet_diag"
/// (NETLINK_SOCK_DIAG's other name), or a number from 0 to 31 (MAX_LINKS);
/// nullopt for anything else.
std::optional<int> find_protocol(std::string_view name) noexcept;

}  // namespace nlpp::schema
