// The skbedit action: sets what the kernel keeps beside a packet (its
// priority, transmit queue, firewall mark, packet type), which later
// qdiscs, classifiers and the stack read.
//
//     rtnl::tc::Action mark{.options = rtnl::tc::Skbedit{.mark = 0x10, .mask = 0xff}};
//     // tc ... action skbedit mark 0x10/0xff
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// skbedit's options (struct tc_skbedit and the attributes beside it); each
/// one set is applied, the others left as the packet has them.
struct Skbedit {
  std::optional<TcHandle> priority{};       ///< TCA_SKBEDIT_PRIORITY: skb->priority, a class id ("priority 1:10")
  std::optional<uint16_t> queue_mapping{};  ///< TCA_SKBEDIT_QUEUE_MAPPING: the transmit queue
  std::optional<uint32_t> mark{};           ///< TCA_SKBEDIT_MARK: the firewall mark
  std::optional<uint32_t> mask{};           ///< TCA_SKBEDIT_MASK: the mark's bits set; unset: all ("mark 5/0xff")
  std::optional<uint16_t> ptype{};          ///< TCA_SKBEDIT_PTYPE: PACKET_HOST, PACKET_OTHERHOST...
  /// TCA_SKBEDIT_FLAGS: SKBEDIT_F_INHERITDSFIELD ("inheritdsfield": the
  /// priority from the DS field); sent when not 0.
  uint64_t flags = 0;
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Skbedit&, const Skbedit&) = default;
};

}  // namespace nlpp::rtnl::tc
