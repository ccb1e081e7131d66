// The multiq kind: one band per transmit queue of a multiqueue link,
// served round robin (a filter's skbedit queue_mapping picks the band).
// TCA_OPTIONS is struct tc_multiq_qopt, which the kernel fills in: it
// makes one band per queue the link uses, whatever a request says.
#pragma once

#include <cstdint>

namespace nlpp::rtnl::tc {

/// A multiq qdisc's options (`tc qdisc add dev X root handle 1: multiq` is
/// `tc::Multiq{}`): both reported; a request sends zeros, as tc does. The
/// kernel refuses a link with one transmit queue (EOPNOTSUPP).
struct Multiq {
  uint16_t bands = 0;      ///< reported: the transmit queues the link uses
  uint16_t max_bands = 0;  ///< reported: the transmit queues the link has

  friend bool operator==(const Multiq&, const Multiq&) = default;
};

}  // namespace nlpp::rtnl::tc
