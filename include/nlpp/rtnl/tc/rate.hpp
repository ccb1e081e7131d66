// A rate as tc's rate-limiting kinds take it (struct tc_ratespec, with its
// 64-bit value beside it): tbf, htb classes, police.
#pragma once

#include <linux/pkt_sched.h>

#include <cstdint>
#include <string>

namespace nlpp::rtnl::tc {

/// How the kernel counts a packet's size against a rate (TC_LINKLAYER_*).
enum class LinkLayer : uint8_t {
  unaware = TC_LINKLAYER_UNAWARE,    ///< as an old tc sent it: the kernel then needs a rate table
  ethernet = TC_LINKLAYER_ETHERNET,  ///< the size as it is (tc's default)
  atm = TC_LINKLAYER_ATM,            ///< rounded up to whole 53-byte ATM cells of 48 bytes of payload
};

/// A rate and how packets are accounted against it.
struct Rate {
  uint64_t bytes_per_second = 0;  ///< tc's "rate 1mbit" is 125000
  uint16_t overhead = 0;          ///< bytes added to each packet's size
  uint16_t mpu = 0;               ///< the smallest size a packet counts as
  LinkLayer linklayer = LinkLayer::ethernet;

  friend bool operator==(const Rate&, const Rate&) = default;
};

/// "125000B/s", with the accounting when it is not the default
/// ("125000B/s overhead 4 mpu 64 linklayer atm"): what a diff shows.
std::string to_string(const Rate& rate);

}  // namespace nlpp::rtnl::tc
