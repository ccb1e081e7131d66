// The RED kinds: red (random early detection on a byte queue) and choke
// (RED on a packet queue that also drops a packet matching the flow of a
// random one queued). Both carry struct tc_red_qopt (TCA_RED_PARMS /
// TCA_CHOKE_PARMS: the limit, the thresholds and the logarithms tc
// derives), the table of the average's decay while the queue is idle
// (TCA_*_STAB) and the marking probability (TCA_*_MAX_P). sfq's RED per
// flow (sfq.hpp) has the same constants.
//
// tc takes RED in other terms than the kernel keeps it: an average packet
// size, a burst, a probability and the link's bandwidth, from which
// tc/tc_red.c derives the constants. nlpp does that derivation in the
// library (Red::sized(), Choke::sized(), SfqRed::sized(), from RedSizing),
// with tc's arithmetic, so that the same terms make the same qdisc; the
// kernel reports the constants, not the terms, so a dump reads back the
// constants.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/core/result.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// The constants of RED's average and marking law, as the kernel keeps
/// them (struct tc_red_qopt's Wlog, Plog, Scell_log and max_P).
struct RedConstants {
  /// Wlog: the average moves by 2^-ewma_log of each change of the queue (tc's "ewma").
  uint8_t ewma_log = 0;
  /// Plog: log2 of (max - min) / probability, the law of kernels that take no max_probability.
  uint8_t probability_log = 0;
  /// Scell_log: the idle damping table's cell, 2^cell_log scheduler ticks of 64 ns.
  uint8_t cell_log = 0;
  /// max_P: the marking probability at max, in units of 2^-32 (tc's "probability" times 2^32); 0
  /// when adding: the kernel derives it from probability_log.
  uint32_t max_probability = 0;

  friend bool operator==(const RedConstants&, const RedConstants&) = default;
};

/// RED in tc's terms (q_red.c's, q_choke.c's and sfq's words), for
/// Red::sized(), Choke::sized() and SfqRed::sized(), which apply tc's
/// defaults for what is 0 and derive the constants as tc does.
struct RedSizing {
  /// The hard limit: red's bytes, choke's packets, sfq's bytes per flow
  /// (tc's "redflowlimit"). Required.
  uint32_t limit = 0;
  /// The average queue where marking starts (red, sfq: bytes; choke:
  /// packets); 0: max / 3.
  uint32_t min = 0;
  /// The average where marking reaches probability; 0: limit / 4 (red: 3
  /// min when min is given).
  uint32_t max = 0;
  /// The average packet, in bytes. Required for red; 0 for choke and sfq: 1000.
  uint32_t avpkt = 0;
  /// The packets the average absorbs at once; 0: (2 min + max) / 3, in packets.
  uint32_t burst = 0;
  /// The marking probability at max.
  double probability = 0.02;
  /// The link's bytes per second, which the idle damping table is computed
  /// for. Required for choke; 0 for red: 10 Mbit/s (tc's default); not used by sfq.
  uint64_t bandwidth = 0;
};

/// The table of how much the average decays while the queue is idle
/// (TCA_RED_STAB, TCA_CHOKE_STAB): by entry (idle time >> cell_log), a
/// shift of the average. The kernel requires one and never reports it.
using RedIdleDamping = std::array<uint8_t, 256>;

/// A red qdisc's options: `tc qdisc add dev X root red limit 400000 avpkt
/// 1000 bandwidth 10mbit ecn` is `tc::Red::sized({.limit = 400000, .avpkt =
/// 1000, .bandwidth = 1250000})` with `.ecn = true`. Sizes in bytes.
struct Red {
  uint32_t limit = 0;  ///< bytes queued at most (the limit of red's child, a bfifo)
  uint32_t min = 0;    ///< qth_min: the average where marking starts
  uint32_t max = 0;    ///< qth_max: the average where marking reaches max_probability
  RedConstants constants{};
  /// TCA_RED_FLAGS: mark ECN-capable packets instead of dropping them
  /// (TC_RED_ECN), drop above max even when marking (TC_RED_HARDDROP),
  /// adapt max_probability to keep the average between min and max
  /// (TC_RED_ADAPTATIVE), queue packets that cannot be marked rather than
  /// drop them (TC_RED_NODROP).
  bool ecn = false;
  bool harddrop = false;
  bool adaptive = false;
  bool nodrop = false;
  /// TCA_RED_EARLY_DROP_BLOCK, TCA_RED_MARK_BLOCK: the shared filter block
  /// (tc's "qevent early_drop block N") that sees packets dropped early,
  /// and marked ones.
  std::optional<uint32_t> early_drop_block{};
  std::optional<uint32_t> mark_block{};
  /// Sent with every request, never reported: a Red read back holds zeros
  /// here; give it sized()'s table again before sending it back, or the
  /// kernel decays the idle average linearly.
  RedIdleDamping idle_damping{};
  std::vector<RawAttribute> unknown{};

  /// tc's red: the constants and idle damping from tc's terms (min, max
  /// and burst default as tc's do). Fails as tc fails: no limit or avpkt,
  /// a burst too small for min (the message says the smallest), no
  /// constant that fits.
  static Result<Red> sized(const RedSizing& sizing);

  friend bool operator==(const Red&, const Red&) = default;
};

/// A choke qdisc's options: `tc qdisc add dev X root choke limit 1000
/// bandwidth 10mbit` is `tc::Choke::sized({.limit = 1000, .bandwidth =
/// 1250000})`. The limit and thresholds count packets.
struct Choke {
  uint32_t limit = 0;  ///< packets queued at most (up to 128 Ki)
  uint32_t min = 0;    ///< qth_min, packets
  uint32_t max = 0;    ///< qth_max, packets
  RedConstants constants{};
  /// The flags of struct tc_red_qopt choke acts on: mark ECN-capable
  /// packets instead of dropping them, drop above max even when marking.
  bool ecn = false;
  bool harddrop = false;
  /// Sent with every request, never reported (see Red::idle_damping).
  RedIdleDamping idle_damping{};
  std::vector<RawAttribute> unknown{};

  /// tc's choke: the constants from tc's terms in packets, avpkt (1000 by
  /// default) converting them to bytes; bandwidth is required.
  static Result<Choke> sized(const RedSizing& sizing);

  friend bool operator==(const Choke&, const Choke&) = default;
};

}  // namespace nlpp::rtnl::tc
