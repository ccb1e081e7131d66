// Internal: the words and number formats iproute2 6.1 uses in `ip -j -d`,
// so the format layer prints the same values (lib/rt_names.c,
// lib/ll_types.c, ip/ipaddress.c, lib/json_print.c).
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/format/names.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::format::detail {

/// The link flags array of `ip link`: NO-CARRIER when up without carrier,
/// then the IFF_* names in iproute2's order, then leftover bits in hex, then
/// M-DOWN when the link's parent is down.
std::vector<std::string> link_flag_names(uint32_t flags, bool parent_down = false);
/// The route / nexthop flags array (RTNH_F_*, RTM_F_*).
std::vector<std::string_view> route_flag_names(uint32_t flags);
/// bridge/fdb.c state_n2a() of an FDB entry's ndm_state: "permanent",
/// "static", "stale", "" for a learned entry (reachable), else the bits.
std::string fdb_state_name(uint16_t state);

/// C's "%#llx": "0" for zero, else "0x" and lower-case hex digits.
std::string hex_0x(uint64_t value);
/// hexstring_n2a(): two lower-case hex digits a byte, no separators ("a1b2c3").
std::string hex_string(std::span<const std::byte> bytes);
/// A timer in hundredths of a second as iproute2 prints it: "%i.%.2i".
std::string hundredths(uint64_t value);

/// The first raw attribute of a type (flags masked off), if present.
const nlpp::RawAttribute* find_raw(std::span<const nlpp::RawAttribute> attributes, uint16_t type);
/// Its payload as a u8 / u32 / NUL-terminated string, when the size fits.
std::optional<uint8_t> raw_u8(const nlpp::RawAttribute* attribute);
std::optional<uint32_t> raw_u32(const nlpp::RawAttribute* attribute);
std::optional<std::string> raw_string(const nlpp::RawAttribute* attribute);

}  // namespace nlpp::format::detail
