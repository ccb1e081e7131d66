// The words after a filter's `u32` (tc/f_u32.c): match selectors (`match
// ip dst 10.0.0.0/8`, `match u16 0x0800 0xffff at 12`, `match tcp dst 22
// 0xffff`), hash tables (`divisor`, `ht`, `link`, `hashkey`, `sample`),
// the next header's offset (`offset`), `order`, `indev`, `classid`,
// `action`, `skip_hw|skip_sw`. Keys are built as tc builds them, so the
// same words make the same selector.
#pragma once

#include "session.hpp"
#include "tc_filter_words.hpp"
#include "words.hpp"

#include <nlpp/rtnl/tc_filter_options.hpp>

#include <cstdint>
#include <string_view>

namespace nlpp::cli {

/// The options; `order N` sets the node of handle.
rtnl::FilterOptions parse_u32(Session& session, Words& words, FilterHandle& handle);

/// A u32 handle: "TABLE:BUCKET:NODE", each hex and any left empty
/// ("800::800", "1:"), or the whole number in hex with 0x.
uint32_t parse_u32_handle(std::string_view word, std::string_view keyword);

}  // namespace nlpp::cli
