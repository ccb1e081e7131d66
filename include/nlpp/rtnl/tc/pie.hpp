// The pie kinds: pie, the proportional integral controller enhanced AQM,
// which drops (or marks) with a probability it updates from the queueing
// delay, and fq_pie, pie on each of many flows served in turn. TCA_OPTIONS
// holds TCA_PIE_* / TCA_FQ_PIE_* attributes.
//
// An option left empty is not sent: the kernel keeps its value (its
// default when adding). A dump reports every option. Times are in
// microseconds on the wire; the kernel keeps the target in scheduler ticks
// of 64 ns and the update interval in jiffies, so the interval reads back
// rounded up to one (15 ms reads back as 16 ms at HZ 250).
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// A pie qdisc's options: `tc qdisc add dev X root pie limit 500 target
/// 20ms ecn` is `tc::Pie{.limit = 500, .target = 20ms, .ecn = true}`.
struct Pie {
  std::optional<uint32_t> limit{};                    ///< TCA_PIE_LIMIT: packets queued at most (1000)
  std::optional<std::chrono::microseconds> target{};  ///< TCA_PIE_TARGET: the queueing delay aimed at (15 ms)
  /// TCA_PIE_TUPDATE: how often the drop probability is updated (15 ms).
  std::optional<std::chrono::microseconds> tupdate{};
  std::optional<uint32_t> alpha{};  ///< TCA_PIE_ALPHA: the weight of the delay's error (2; tc takes up to 32)
  std::optional<uint32_t> beta{};   ///< TCA_PIE_BETA: the weight of the delay's trend (20; tc: up to 32)
  std::optional<bool> ecn{};        ///< TCA_PIE_ECN: mark ECN-capable packets instead of dropping them (off)
  std::optional<bool> bytemode{};   ///< TCA_PIE_BYTEMODE: scale the probability by packet size (off)
  /// TCA_PIE_DQ_RATE_ESTIMATOR: estimate the delay from the dequeue rate, not from timestamps (off).
  std::optional<bool> dq_rate_estimator{};
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Pie&, const Pie&) = default;
};

/// An fq_pie qdisc's options: `tc qdisc add dev X root fq_pie flows 512
/// ecn_prob 20 ecn` is `tc::FqPie{.flows = 512, .ecn_prob = 20, .ecn = true}`.
struct FqPie {
  std::optional<uint32_t> limit{};                     ///< TCA_FQ_PIE_LIMIT: packets queued at most (10240)
  std::optional<uint32_t> flows{};                     ///< TCA_FQ_PIE_FLOWS: hash buckets, 1 to 65536, set once (1024)
  std::optional<std::chrono::microseconds> target{};   ///< TCA_FQ_PIE_TARGET (15 ms)
  std::optional<std::chrono::microseconds> tupdate{};  ///< TCA_FQ_PIE_TUPDATE (15 ms)
  std::optional<uint32_t> alpha{};                     ///< TCA_FQ_PIE_ALPHA (2)
  std::optional<uint32_t> beta{};                      ///< TCA_FQ_PIE_BETA (20)
  std::optional<uint32_t> quantum{};       ///< TCA_FQ_PIE_QUANTUM: bytes a flow sends per round (the link's mtu)
  std::optional<uint32_t> memory_limit{};  ///< TCA_FQ_PIE_MEMORY_LIMIT: bytes queued at most (32 MiB)
  /// TCA_FQ_PIE_ECN_PROB: the probability, in percent, up to which ECN-capable packets are marked (10; tc: below 100).
  std::optional<uint32_t> ecn_prob{};
  std::optional<bool> ecn{};                ///< TCA_FQ_PIE_ECN (off)
  std::optional<bool> bytemode{};           ///< TCA_FQ_PIE_BYTEMODE (off)
  std::optional<bool> dq_rate_estimator{};  ///< TCA_FQ_PIE_DQ_RATE_ESTIMATOR (off)
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const FqPie&, const FqPie&) = default;
};

}  // namespace nlpp::rtnl::tc
