// The words of tc's pedit action (tc/m_pedit.c and its layered parsers
// p_ip.c, p_ip6.c, p_tcp.c, p_udp.c, p_eth.c): "pedit munge ip src set
// 10.0.0.1", "pedit ex munge ip ttl add 1 munge eth dst set MAC",
// "pedit munge offset 12 u32 set 0x0a000001 retain 0xffff0000", each
// packed into 32-bit keys exactly as tc packs them.
#pragma once

#include "words.hpp"

#include <nlpp/rtnl/tc/action.hpp>

namespace nlpp::cli {

/// Reads pedit's words after "pedit" (already read) into the action:
/// `[ex] munge ... [munge ...]`, then the verdict and the index.
void parse_pedit(Words& words, rtnl::tc::Action& action);

}  // namespace nlpp::cli
