// u32's selectors (tc/f_u32.c, parse_selector): the words after `match`
// or `sample` as 32-bit value/mask keys at offsets.
#pragma once

#include "words.hpp"

#include <nlpp/rtnl/tc/u32.hpp>

#include <cstdint>
#include <string_view>

namespace nlpp::cli {

/// Reads one selector (`ip dst 10.0.0.0/8`, `u16 0x0800 0xffff at 12`,
/// `tcp dst 22 0xffff`, `ip6 src 2001:db8::/32`, `ether src MAC`...) into
/// selector's keys. As tc packs them: a key at an offset that has one
/// already merges into it (contradicting bits are refused), 16- and 8-bit
/// values shift into their place in the aligned 32 bits, at most 128 keys.
void parse_u32_match(Words& words, rtnl::tc::U32Selector& selector);

/// A byte offset ("12", "-8", 0x hex), signed as tc reads it.
int32_t parse_offset(std::string_view word, std::string_view keyword);

}  // namespace nlpp::cli
