// A tc object's statistics: what `tc -s` prints under a qdisc, a class,
// a filter or an action. The kernel reports them in TCA_STATS2 (and the
// older TCA_STATS and TCA_XSTATS beside it); nlpp reads TCA_STATS2.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl {

/// TCA_STATS2: counters since the object was made, its queue now, and the
/// rate estimator's figures when one runs.
struct TcStats {
  uint64_t bytes = 0;       ///< TCA_STATS_BASIC: sent ("Sent N bytes")
  uint64_t packets = 0;     ///< TCA_STATS_BASIC, or TCA_STATS_PKT64 when wider
  uint32_t drops = 0;       ///< TCA_STATS_QUEUE
  uint32_t overlimits = 0;  ///< TCA_STATS_QUEUE: packets held back by a rate limit
  uint32_t requeues = 0;    ///< TCA_STATS_QUEUE
  uint32_t backlog = 0;     ///< TCA_STATS_QUEUE: bytes queued now
  uint32_t qlen = 0;        ///< TCA_STATS_QUEUE: packets queued now
  /// TCA_STATS_RATE_EST64 (or TCA_STATS_RATE_EST): bytes and packets per
  /// second, when the object has an estimator.
  std::optional<uint64_t> rate_bps{};
  std::optional<uint64_t> rate_pps{};
  /// TCA_STATS_BASIC_HW: what offloading hardware sent, when it reports it.
  std::optional<uint64_t> hw_bytes{};
  std::optional<uint64_t> hw_packets{};
  /// TCA_STATS_APP: the kind's own statistics (struct tc_htb_xstats for an
  /// htb class...), as the kernel laid them out.
  std::vector<std::byte> xstats{};

  friend bool operator==(const TcStats&, const TcStats&) = default;
};

}  // namespace nlpp::rtnl
