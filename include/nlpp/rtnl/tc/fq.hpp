// The fq kind: fair queueing of flows (sockets) with pacing, each flow's
// packets released at its rate. TCA_OPTIONS holds TCA_FQ_* attributes.
//
// An option left empty is not sent: the kernel keeps its value (its
// default when adding). A dump reports every option but the obsolete
// default rate. Rates are bytes per second in 32 bits; times are in
// microseconds, but the timer slack in nanoseconds; the refill delay is
// kept in jiffies, so it reads back rounded up to one.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// An fq qdisc's options: `tc qdisc add dev X root fq limit 5000 maxrate
/// 10mbit nopacing` is `tc::Fq{.limit = 5000, .pacing = false, .max_rate = 1250000}`.
struct Fq {
  std::optional<uint32_t> limit{};            ///< TCA_FQ_PLIMIT: packets queued at most (10000)
  std::optional<uint32_t> flow_limit{};       ///< TCA_FQ_FLOW_PLIMIT: a flow's packets at most (100)
  std::optional<uint32_t> quantum{};          ///< TCA_FQ_QUANTUM: bytes a flow sends per round, up to 1 MiB (2 mtu)
  std::optional<uint32_t> initial_quantum{};  ///< TCA_FQ_INITIAL_QUANTUM: a new flow's first credit (10 mtu)
  std::optional<bool> pacing{};               ///< TCA_FQ_RATE_ENABLE: pace flows at their rate (on)
  std::optional<uint32_t> default_rate{};     ///< TCA_FQ_FLOW_DEFAULT_RATE: obsolete, ignored, not reported
  /// TCA_FQ_FLOW_MAX_RATE: a flow's bytes per second at most (4294967295: unlimited, the default).
  std::optional<uint32_t> max_rate{};
  std::optional<uint32_t> buckets_log{};  ///< TCA_FQ_BUCKETS_LOG: 2^buckets_log hash buckets, 1 to 18 (10)
  /// TCA_FQ_FLOW_REFILL_DELAY: how long a flow that ran out of credit waits (40 ms).
  std::optional<std::chrono::microseconds> refill_delay{};
  std::optional<uint32_t> orphan_mask{};  ///< TCA_FQ_ORPHAN_MASK: the hash mask of packets without a socket (1023)
  /// TCA_FQ_LOW_RATE_THRESHOLD: bytes per second under which a flow's
  /// packets are paced one by one (68750: 550 kbit/s).
  std::optional<uint32_t> low_rate_threshold{};
  /// TCA_FQ_CE_THRESHOLD: mark packets queued longer than this (4294967295 us: none, the default).
  std::optional<std::chrono::microseconds> ce_threshold{};
  std::optional<std::chrono::nanoseconds> timer_slack{};  ///< TCA_FQ_TIMER_SLACK (10 us)
  /// TCA_FQ_HORIZON: how far in the future a packet's departure time may be (10 s).
  std::optional<std::chrono::microseconds> horizon{};
  /// TCA_FQ_HORIZON_DROP: drop packets beyond the horizon (on), or cap
  /// their time to it (off; tc's "horizon_cap").
  std::optional<bool> horizon_drop{};
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Fq&, const Fq&) = default;
};

}  // namespace nlpp::rtnl::tc
