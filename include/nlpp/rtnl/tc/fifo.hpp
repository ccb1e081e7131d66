// The fifo kinds: pfifo (a limit in packets), bfifo (in bytes) and
// pfifo_head_drop (drops the oldest packet, not the newest). TCA_OPTIONS is
// struct tc_fifo_qopt.
#pragma once

#include <cstdint>

namespace nlpp::rtnl::tc {

/// A fifo's options (qdisc kinds "pfifo", "bfifo", "pfifo_head_drop").
struct Fifo {
  /// Packets (pfifo, pfifo_head_drop) or bytes (bfifo) queued at most;
  /// 0 when adding: the link's txqueuelen (times its mtu for bfifo).
  uint32_t limit = 0;

  friend bool operator==(const Fifo&, const Fifo&) = default;
};

}  // namespace nlpp::rtnl::tc
