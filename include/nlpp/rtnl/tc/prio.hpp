// The priority kinds: prio (bands of fifos served in order, each a class),
// and pfifo_fast, the kernel's default root qdisc before noqueue and mq,
// which reports the same struct. TCA_OPTIONS is struct tc_prio_qopt.
#pragma once

#include <linux/pkt_sched.h>

#include <array>
#include <cstdint>

namespace nlpp::rtnl::tc {

/// A prio qdisc's options (qdisc kinds "prio", "pfifo_fast").
struct Prio {
  uint32_t bands = 3;  ///< 2 to 16
  /// The band of each of the 16 packet priorities (skb->priority & 15).
  std::array<uint8_t, TC_PRIO_MAX + 1> priomap{1, 2, 2, 2, 1, 2, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1};

  friend bool operator==(const Prio&, const Prio&) = default;
};

}  // namespace nlpp::rtnl::tc
