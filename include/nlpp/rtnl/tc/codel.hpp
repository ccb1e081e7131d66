// The codel kinds: codel, the controlled-delay AQM, which drops (or marks)
// when packets stay queued longer than a target for an interval, and
// fq_codel, codel on each of many flows served in turn. TCA_OPTIONS holds
// TCA_CODEL_* / TCA_FQ_CODEL_* attributes.
//
// An option left empty is not sent: the kernel keeps its value (its
// default when adding). A dump reports every option. Times are in
// microseconds on the wire; the kernel keeps them in units of 1024 ns, so
// they read back rounded down to one (5 ms reads back as 4999 us).
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// A codel qdisc's options: `tc qdisc add dev X root codel limit 500 target
/// 4ms ecn` is `tc::Codel{.limit = 500, .target = 4ms, .ecn = true}`.
struct Codel {
  std::optional<uint32_t> limit{};                    ///< TCA_CODEL_LIMIT: packets queued at most (1000)
  std::optional<std::chrono::microseconds> target{};  ///< TCA_CODEL_TARGET: the queueing delay aimed at (5 ms)
  /// TCA_CODEL_INTERVAL: how long the delay may stay above target before a drop (100 ms).
  std::optional<std::chrono::microseconds> interval{};
  std::optional<bool> ecn{};  ///< TCA_CODEL_ECN: mark ECN-capable packets instead of dropping them (off)
  /// TCA_CODEL_CE_THRESHOLD: mark packets queued longer than this (none).
  std::optional<std::chrono::microseconds> ce_threshold{};
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Codel&, const Codel&) = default;
};

/// An fq_codel qdisc's options: `tc qdisc add dev X root fq_codel limit
/// 2000 flows 256 noecn` is `tc::FqCodel{.limit = 2000, .flows = 256, .ecn = false}`.
struct FqCodel {
  std::optional<uint32_t> limit{};    ///< TCA_FQ_CODEL_LIMIT: packets queued at most (10240)
  std::optional<uint32_t> flows{};    ///< TCA_FQ_CODEL_FLOWS: hash buckets, 1 to 65536, set once (1024)
  std::optional<uint32_t> quantum{};  ///< TCA_FQ_CODEL_QUANTUM: bytes a flow sends per round (the link's mtu)
  std::optional<std::chrono::microseconds> target{};    ///< TCA_FQ_CODEL_TARGET (5 ms)
  std::optional<std::chrono::microseconds> interval{};  ///< TCA_FQ_CODEL_INTERVAL (100 ms)
  std::optional<bool> ecn{};                            ///< TCA_FQ_CODEL_ECN (on)
  /// TCA_FQ_CODEL_CE_THRESHOLD: mark packets queued longer than this (none).
  std::optional<std::chrono::microseconds> ce_threshold{};
  /// TCA_FQ_CODEL_CE_THRESHOLD_SELECTOR and _MASK: ce_threshold applies to
  /// the packets whose DS field's bits under the mask equal the selector
  /// (tc's "ce_threshold_selector VALUE/MASK"; reported with a ce_threshold).
  std::optional<uint8_t> ce_threshold_selector{};
  std::optional<uint8_t> ce_threshold_mask{};
  std::optional<uint32_t> memory_limit{};     ///< TCA_FQ_CODEL_MEMORY_LIMIT: bytes queued at most (32 MiB)
  std::optional<uint32_t> drop_batch_size{};  ///< TCA_FQ_CODEL_DROP_BATCH_SIZE: packets dropped at once (64)
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const FqCodel&, const FqCodel&) = default;
};

}  // namespace nlpp::rtnl::tc
