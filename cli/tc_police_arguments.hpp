// The words of tc's police action (tc/m_police.c): "police rate 1mbit
// burst 10k mtu 1500 conform-exceed drop/pass".
#pragma once

#include "words.hpp"

#include <nlpp/rtnl/tc/action.hpp>

namespace nlpp::cli {

/// Reads police's words after "police" (already read) into an action:
/// rate, burst (buffer, maxburst), mtu (minburst), mpu, peakrate, avrate,
/// overhead, linklayer, index, and the verdicts: a verdict word is what
/// exceeding packets get, "conform-exceed EXCEED[/CONFORM]" both. Stops at
/// the first other word.
rtnl::tc::Action parse_police(Words& words);

}  // namespace nlpp::cli
