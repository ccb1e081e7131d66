// The htb kind: a hierarchical token bucket. The qdisc holds the tree's
// globals (TCA_HTB_INIT: struct tc_htb_glob, and the direct queue); each
// class a rate it is guaranteed and a ceiling it may borrow up to
// (TCA_HTB_PARMS: struct tc_htb_opt, whose bursts are times at the rates,
// and the 64-bit rates beside it).
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/tc/rate.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// An htb qdisc's options: `tc qdisc add dev X root handle 1: htb default 10`
/// is `tc::Htb{.default_class = 0x10}`.
struct Htb {
  uint32_t r2q = 10;                 ///< a class's default quantum is its rate / r2q
  uint32_t default_class = 0;        ///< the minor of the class unclassified packets go to (tc's hex); 0: sent directly
  uint32_t version = 3;              ///< the htb version (reported 3.17)
  uint32_t debug = 0;                ///< tc's "debug" bits
  uint32_t direct_packets_stat = 0;  ///< packets sent directly (reported)
  std::optional<uint32_t> direct_qlen{};  ///< TCA_HTB_DIRECT_QLEN: the direct queue's length in packets
  bool offload = false;                   ///< TCA_HTB_OFFLOAD: offloaded to the link's hardware
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Htb&, const Htb&) = default;
};

/// An htb class's options: `tc class add dev X parent 1: classid 1:10 htb rate 1mbit ceil 2mbit`
/// is `tc::HtbClass{.rate = {.bytes_per_second = 125000}, .ceil = {.bytes_per_second = 250000}}`.
struct HtbClass {
  Rate rate{};           ///< guaranteed (required)
  Rate ceil{};           ///< may borrow up to; a zero rate when adding: rate's
  uint32_t burst = 0;    ///< bytes sent at once at the ceiling; 0 when adding: tc's default (rate / HZ + 1600)
  uint32_t cburst = 0;   ///< the same for the ceiling
  uint32_t quantum = 0;  ///< bytes served per round among equal prios; 0: rate / r2q
  uint32_t prio = 0;     ///< lower is served first for spare bandwidth (0 to 7)
  uint32_t level = 0;    ///< the class's depth from the leaves (reported)
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const HtbClass&, const HtbClass&) = default;
};

}  // namespace nlpp::rtnl::tc
