// A link's counters as the kernel reports them in IFLA_STATS64.
#pragma once

#include <cstdint>

namespace nlpp::rtnl {

/// struct rtnl_link_stats64, member for member. An older kernel's shorter
/// struct leaves the newer counters 0.
struct LinkStats {
  uint64_t rx_packets = 0;
  uint64_t tx_packets = 0;
  uint64_t rx_bytes = 0;
  uint64_t tx_bytes = 0;
  uint64_t rx_errors = 0;
  uint64_t tx_errors = 0;
  uint64_t rx_dropped = 0;
  uint64_t tx_dropped = 0;
  uint64_t multicast = 0;
  uint64_t collisions = 0;
  uint64_t rx_length_errors = 0;
  uint64_t rx_over_errors = 0;
  uint64_t rx_crc_errors = 0;
  uint64_t rx_frame_errors = 0;
  uint64_t rx_fifo_errors = 0;
  uint64_t rx_missed_errors = 0;
  uint64_t tx_aborted_errors = 0;
  uint64_t tx_carrier_errors = 0;
  uint64_t tx_fifo_errors = 0;
  uint64_t tx_heartbeat_errors = 0;
  uint64_t tx_window_errors = 0;
  uint64_t rx_compressed = 0;
  uint64_t tx_compressed = 0;
  uint64_t rx_nohandler = 0;
  uint64_t rx_otherhost_dropped = 0;

  friend bool operator==(const LinkStats&, const LinkStats&) = default;
};

}  // namespace nlpp::rtnl
