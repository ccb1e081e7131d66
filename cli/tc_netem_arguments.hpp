// The words of netem, multiq and plug, as tc 6.1's q_netem.c, q_multiq.c
// and q_plug.c read them: same keywords and abbreviations, same defaults,
// the same arithmetic (netem's delays through the scheduler's ticks, its
// percentages rounded as tc rounds them), and tc's refusals as usage
// errors, before anything is sent.
#pragma once

#include "words.hpp"

#include <nlpp/rtnl/tc/multiq.hpp>
#include <nlpp/rtnl/tc/netem.hpp>
#include <nlpp/rtnl/tc_options.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace nlpp::cli {

/// `netem [limit PACKETS] [delay TIME [JITTER [CORRELATION]]] [distribution
/// NAME] [loss random|state|gemodel ...] [ecn] [duplicate|corrupt|reorder
/// PERCENT [CORRELATION]] [gap N] [rate RATE [PACKETOVERHEAD [CELLSIZE
/// [CELLOVERHEAD]]]] [slot ...]`.
rtnl::tc::Netem parse_netem(Words& words);
/// `multiq`: no words.
rtnl::tc::Multiq parse_multiq(Words& words);
/// `plug [block|release|release_indefinite|limit SIZE]...`; no options
/// without words, as tc sends none.
rtnl::QdiscOptions parse_plug(Words& words);

/// The table of a distribution (tc's NAME.dist in TC_LIB_DIR, or in the
/// directories distributions install it: Debian's
/// /usr/lib/x86_64-linux-gnu/tc...), read as tc reads it: numbers in C's
/// notations after lines starting with '#', each kept in 16 bits.
std::vector<int16_t> read_distribution(std::string_view name);

}  // namespace nlpp::cli
