// The mqprio kind: a root qdisc for a link of several transmit queues
// that maps packet priorities to traffic classes and each class to a range
// of queues, each queue with a qdisc of its own. TCA_OPTIONS is struct
// tc_mqprio_qopt followed, in the same payload, by attributes of hardware
// offload (TCA_MQPRIO_MODE, _SHAPER, _MIN_RATE64, _MAX_RATE64). Its classes
// are the kernel's: one per traffic class (minor ffe0 on), one per queue
// (minor 1 on, under its traffic class), kind "mqprio", without options.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <linux/pkt_sched.h>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// Who picks the queues in offload (TC_MQPRIO_MODE_*): tc's `mode`.
enum class MqprioMode : uint16_t {
  dcb = TC_MQPRIO_MODE_DCB,          ///< data center bridging: the driver's defaults
  channel = TC_MQPRIO_MODE_CHANNEL,  ///< the queue ranges given, with the shaper
};

/// How offloaded traffic classes are shaped (TC_MQPRIO_SHAPER_*): tc's `shaper`.
enum class MqprioShaper : uint16_t {
  dcb = TC_MQPRIO_SHAPER_DCB,            ///< by the driver's data center bridging
  bw_rlimit = TC_MQPRIO_SHAPER_BW_RATE,  ///< by min_rate and max_rate
};

/// An mqprio qdisc's options, tc's defaults when left alone:
/// `tc qdisc add dev X root handle 1: mqprio num_tc 2 map 0 0 0 0 1 1 1 1 queues 2@0 2@2 hw 0` is
/// `tc::Mqprio{.num_tc = 2, .prio_tc_map = {0, 0, 0, 0, 1, 1, 1, 1}, .hw = 0, .count = {2, 2}, .offset = {0, 2}}`.
struct Mqprio {
  uint8_t num_tc = 8;  ///< traffic classes, up to 16
  /// The traffic class of each of the 16 packet priorities (each below num_tc).
  std::array<uint8_t, TC_QOPT_BITMASK + 1> prio_tc_map{0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 1, 1, 3, 3, 3, 3};
  /// TC_MQPRIO_HW_OFFLOAD_*: 1 leaves the classes to the link's hardware
  /// (which veth and most virtual links lack); 0 maps them in software.
  uint8_t hw = 1;
  /// Traffic class i uses count[i] queues from queue offset[i] (tc's
  /// `queues COUNT@OFFSET...`); the kernel reports the mapping it uses.
  std::array<uint16_t, TC_QOPT_MAX_QUEUE> count{};
  std::array<uint16_t, TC_QOPT_MAX_QUEUE> offset{};
  /// The offload attributes, with hw only (tc sends each when it is not
  /// the default, the rates for all 16 classes; the kernel reports num_tc).
  std::optional<MqprioMode> mode{};
  std::optional<MqprioShaper> shaper{};
  std::vector<uint64_t> min_rate{};  ///< bytes per second of each traffic class, with bw_rlimit
  std::vector<uint64_t> max_rate{};
  /// What nlpp does not model: from Linux 6.4 on, the kernel reports each
  /// traffic class's frame preemption (TCA_MQPRIO_TC_ENTRY) here.
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Mqprio&, const Mqprio&) = default;
};

}  // namespace nlpp::rtnl::tc
