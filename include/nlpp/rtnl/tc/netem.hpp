// The netem kind: a network emulator that delays, drops, duplicates,
// reorders, corrupts and rate-limits what passes through it. TCA_OPTIONS is
// struct tc_netem_qopt followed by attributes in the same payload
// (TCA_NETEM_CORR, _REORDER, _CORRUPT, _LOSS, _RATE, _SLOT...).
//
// Probabilities are tc::Probability (the kernel's u32 scale, made from
// percentages as tc's words give them). Times are nanoseconds, which the
// kernel keeps: a time that is a whole number of the scheduler's 64 ns
// ticks goes in tc_netem_qopt as tc sends it, any other in
// TCA_NETEM_LATENCY64 / _JITTER64 beside it, so every time comes back as
// it was set.
//
// What the kernel never reports: the distribution tables (a dump gives
// them empty; the kernel keeps the last one sent). What a change keeps:
// requests are tc's for the same words, so a part the options leave unset
// (no correlation at all, no reorder, corruption, rate, slot or ecn) is not
// sent and the kernel keeps what it had, as it does for tc; the struct's
// other fields and the loss model (none: random loss) are always replaced.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/tc/probability.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace nlpp::rtnl::tc {

/// The 4-state Markov loss model (GI, "general and intuitive"; tc's `loss
/// state P13 [P31 [P32 [P23 [P14]]]]`): state 1 sends in a gap, 2 sends in
/// a burst, 3 loses in a burst, 4 loses alone. tc's defaults for what its
/// words leave out: p31 = 100% - p13, p32 = 0, p23 = 100%, p14 = 0.
struct NetemLossState {
  Probability p13{};  ///< from sending in a gap to losing in a burst
  Probability p31{};  ///< back from losing in a burst to the gap
  Probability p32{};  ///< from losing in a burst to sending in it
  Probability p23{};  ///< from sending in a burst to losing in it
  Probability p14{};  ///< from the gap to an isolated loss

  friend bool operator==(const NetemLossState&, const NetemLossState&) = default;
};

/// The Gilbert-Elliott loss model (tc's `loss gemodel P [R [1-H [1-K]]]`):
/// a good and a bad state, each losing with its own probability. tc's
/// defaults: r = 100% - p, 1-h = 100% (all lost in the bad state), 1-k = 0.
struct NetemLossGemodel {
  Probability p{};  ///< from good to bad
  Probability r{};  ///< from bad to good
  /// Loss in the bad state (tc's "1-h"; the kernel keeps h, its complement).
  Probability one_minus_h = Probability::always();
  Probability one_minus_k{};  ///< loss in the good state (tc's "1-k", the kernel's k1)

  friend bool operator==(const NetemLossGemodel&, const NetemLossGemodel&) = default;
};

/// netem's own rate (TCA_NETEM_RATE, with TCA_NETEM_RATE64 above 32 bits):
/// tc's `rate RATE [PACKETOVERHEAD [CELLSIZE [CELLOVERHEAD]]]`.
struct NetemRate {
  uint64_t bytes_per_second = 0;  ///< 0: no rate limit; tc's "rate 1mbit" is 125000
  int32_t packet_overhead = 0;    ///< bytes added to (or, negative, taken from) each packet
  uint32_t cell_size = 0;         ///< packets are counted in whole cells of this size (0: none)
  int32_t cell_overhead = 0;      ///< bytes added to each cell

  friend bool operator==(const NetemRate&, const NetemRate&) = default;
};

/// Slotting (TCA_NETEM_SLOT): packets leave in bursts, one slot after
/// another. Either `slot MIN_DELAY [MAX_DELAY]`, slots apart by a uniform
/// time between the two, or `slot distribution NAME DELAY JITTER`, apart by
/// a time drawn from a table (distribution_jitter above 0 says which); tc's
/// `[packets N] [bytes SIZE]` bound a slot's burst.
struct NetemSlot {
  std::chrono::nanoseconds min_delay{0};
  std::chrono::nanoseconds max_delay{0};  ///< tc: min_delay when not given
  std::chrono::nanoseconds distribution_delay{0};
  std::chrono::nanoseconds distribution_jitter{0};  ///< the kernel keeps at most 2^31 - 1 ns
  int32_t max_packets = 0;                          ///< packets a slot sends at most (0: no bound)
  int32_t max_bytes = 0;                            ///< bytes a slot sends at most (0: no bound)
  /// The table the distribution form draws from (TCA_NETEM_SLOT_DIST, as
  /// tc reads a .dist file): sent when not empty, never reported.
  std::vector<int16_t> distribution{};

  friend bool operator==(const NetemSlot&, const NetemSlot&) = default;
};

/// A netem qdisc's options:
/// `tc qdisc add dev X root netem delay 100ms 10ms 25% loss 1%` is
///
///     tc::Netem{.latency = 100ms, .jitter = 10ms,
///               .delay_correlation = tc::Probability::from_percent(25),
///               .loss = tc::Probability::from_percent(1)}
struct Netem {
  uint32_t limit = 1000;                ///< packets queued at most (tc's default 1000)
  std::chrono::nanoseconds latency{0};  ///< tc's "delay": added to every packet
  /// Spread of the delay around latency (uniform, or by delay_distribution);
  /// the kernel keeps at most 2^31 - 1 ns.
  std::chrono::nanoseconds jitter{0};
  Probability delay_correlation{};  ///< how much a packet's delay follows the one before
  /// The table delays are drawn from (TCA_NETEM_DELAY_DIST: tc's
  /// `distribution normal`, the values of normal.dist): sent when not
  /// empty, never reported; empty: uniform.
  std::vector<int16_t> delay_distribution{};

  Probability loss{};  ///< random loss (tc's `loss random PERCENT`)
  Probability loss_correlation{};
  /// A loss model in place of random loss (TCA_NETEM_LOSS); monostate: none.
  std::variant<std::monostate, NetemLossState, NetemLossGemodel> loss_model{};
  bool ecn = false;  ///< mark ECN-capable packets instead of dropping them (needs a loss)

  Probability duplicate{};
  Probability duplicate_correlation{};
  /// Packets sent at once, ahead of the delayed ones (TCA_NETEM_REORDER).
  /// Reordering needs a latency, and takes one packet in gap: a request
  /// with reorder and no gap sends tc's gap of 1.
  Probability reorder{};
  Probability reorder_correlation{};
  /// Every gap-th packet is reordered; a gap without reorder makes the
  /// kernel reorder with 100% (tc refuses it).
  uint32_t gap = 0;
  Probability corrupt{};  ///< a bit flipped at random (TCA_NETEM_CORRUPT)
  Probability corrupt_correlation{};

  NetemRate rate{};
  std::optional<NetemSlot> slot{};
  /// The seed of netem's random numbers (TCA_NETEM_PRNG_SEED, Linux 6.3):
  /// reported, random unless set; set, the losses are repeatable.
  std::optional<uint64_t> prng_seed{};
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Netem&, const Netem&) = default;
};

/// What a diff shows, in tc's words: "state p13 1% p31 99% p32 0% p23 100%
/// p14 0%", "gemodel p 1% r 99% 1-h 100% 1-k 0%", "125000B/s packetoverhead
/// 20", "slot 1000000ns 5000000ns packets 10" (nanoseconds; no table).
std::string to_string(const NetemLossState& model);
std::string to_string(const NetemLossGemodel& model);
std::string to_string(const NetemRate& rate);
std::string to_string(const NetemSlot& slot);

}  // namespace nlpp::rtnl::tc
