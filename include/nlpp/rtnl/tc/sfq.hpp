// The sfq kind: stochastic fairness queueing, flows hashed into buckets
// and served in turn, optionally with RED on each flow. TCA_OPTIONS is
// struct tc_sfq_qopt_v1, sent whole: a zero asks for the kernel's default
// (except perturb and headdrop, whose zero is off), and a dump reports
// every value the kernel uses.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/red.hpp>

#include <chrono>
#include <cstdint>
#include <optional>

namespace nlpp::rtnl::tc {

/// RED on each of sfq's flows (tc's "redflowlimit", "min", "max"...):
/// the fields of struct tc_sfq_qopt_v1 after depth and headdrop. Sizes in
/// bytes. sfq has no idle damping.
struct SfqRed {
  /// tc's "redflowlimit", a flow's bytes, which sized() derives the
  /// thresholds from; the kernel does not keep it (it reads back 0).
  uint32_t limit = 0;
  uint32_t min = 0;  ///< qth_min: a flow's average where marking starts (non-zero: RED is on)
  uint32_t max = 0;  ///< qth_max
  RedConstants constants{};
  bool ecn = false;       ///< TC_RED_ECN: mark ECN-capable packets instead of dropping them
  bool harddrop = false;  ///< TC_RED_HARDDROP: drop above max even when marking

  /// tc's sfq: the constants from tc's terms (avpkt 1000 by default; bandwidth is not used).
  static Result<SfqRed> sized(const RedSizing& sizing);

  friend bool operator==(const SfqRed&, const SfqRed&) = default;
};

/// What RED on sfq's flows did (struct tc_sfqred_stats; reported, and
/// printed by `tc -s` among the options).
struct SfqRedStats {
  uint32_t prob_drop = 0;         ///< early drops, below max
  uint32_t forced_drop = 0;       ///< early drops, above max
  uint32_t prob_mark = 0;         ///< marked below max
  uint32_t forced_mark = 0;       ///< marked above max
  uint32_t prob_mark_head = 0;    ///< marked below max, at the flow's head (headdrop)
  uint32_t forced_mark_head = 0;  ///< marked above max, at the flow's head

  friend bool operator==(const SfqRedStats&, const SfqRedStats&) = default;
};

/// An sfq qdisc's options: `tc qdisc add dev X root sfq perturb 10 limit
/// 100 depth 20` is `tc::Sfq{.perturb = 10s, .limit = 100, .depth = 20}`.
struct Sfq {
  uint32_t quantum = 0;             ///< bytes a flow sends per round; 0: the link's mtu
  std::chrono::seconds perturb{0};  ///< perturb_period: how often the hash changes; 0: never
  uint32_t limit = 0;               ///< packets queued at most (2 or more); 0: 127
  uint32_t divisor = 0;             ///< hash buckets, a power of two up to 65536; 0: 1024
  uint32_t flows = 0;               ///< flows at most; 0: 128
  uint32_t depth = 0;               ///< a flow's packets at most; 0: 127
  bool headdrop = false;            ///< drop a full flow's oldest packet, not the new one
  std::optional<SfqRed> red{};      ///< RED on each flow; a dump has it when its min is not 0
  SfqRedStats red_stats{};          ///< reported: what RED did (never sent)

  friend bool operator==(const Sfq&, const Sfq&) = default;
};

}  // namespace nlpp::rtnl::tc
