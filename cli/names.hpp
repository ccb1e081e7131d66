// iproute2's names for numbers the command line takes: scopes, route
// protocols, tables, families (the format layer's tables, format/names.hpp);
// a number is accepted wherever a name is.
#pragma once

#include <cstdint>
#include <string_view>

namespace nlpp::cli {

/// "global", "site", "link", "host", "nowhere", or 0-255.
uint8_t parse_scope(std::string_view word);
/// "kernel", "boot", "static", "dhcp", "bird"..., or 0-255.
uint8_t parse_protocol(std::string_view word);
/// "main", "local", "default", or a number (0 is refused: it means "unspecified").
uint32_t parse_table(std::string_view word);
/// "inet", "inet6", "mpls", "bridge", "link" for -f; AF_* values.
int parse_family(std::string_view word);

}  // namespace nlpp::cli
