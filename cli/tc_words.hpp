// The value words of tc (lib/utils_math.c, tc/tc_util.c, lib/ll_proto.c):
// rates ("1mbit", "10Mbps", "1000": bits per second), sizes ("10k", "1mb",
// "1600b"), times ("50ms", "1s", "100": microseconds), link layers, the
// handles of qdiscs and classes, EtherTypes; and tc's abbreviated keywords.
#pragma once

#include "words.hpp"

#include <nlpp/rtnl/tc/rate.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace nlpp::cli {

/// Consumes the next word if it abbreviates one of names, as tc's
/// matches() takes keywords ("bu" for burst, "cl" for classid).
bool take_matching(Words& words, std::initializer_list<std::string_view> names);

/// Bytes per second; a number without a unit is bits per second, as tc
/// reads it. Percentages of the link's speed are refused.
uint64_t parse_rate(std::string_view word, std::string_view keyword);
/// Bytes; "SIZE/CELL" (a rate table's cell) is read as tc reads it, and
/// nlpp sends tc's default cells of 8 bytes whatever CELL says (the kernel
/// has not used the cell since Linux 3.8).
uint32_t parse_size(std::string_view word, std::string_view keyword);
/// Microseconds.
uint32_t parse_time(std::string_view word, std::string_view keyword);
/// tc's get_time64(): nanoseconds, a number without a unit too.
std::chrono::nanoseconds parse_time64(std::string_view word, std::string_view keyword);
/// "ethernet", "atm" or "adsl" (ATM), abbreviated as tc takes them.
rtnl::tc::LinkLayer parse_linklayer(std::string_view word);

/// A class id or parent ("1:10", "root", "none") / a qdisc handle ("1:").
rtnl::TcHandle parse_classid(std::string_view word, std::string_view keyword);
rtnl::TcHandle parse_qdisc_handle(std::string_view word, std::string_view keyword);

/// An EtherType as tc names it ("ip", "ipv6", "all", "arp", "802.1Q",
/// "802.1ad"..., in any case), or a number (2048, 0x0800); host order.
uint16_t parse_ether_protocol(std::string_view word);

}  // namespace nlpp::cli
