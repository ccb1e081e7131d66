// The pedit action: edits packet bytes in place, 32 bits at a time. Each
// key keeps the bits of its mask of one word and sets (or adds) its value
// into the others; tc's layered words ("munge ip ttl add 1", "munge eth
// dst set MAC") are packed into such keys by the command line.
//
//     rtnl::tc::Action ttl{.options = rtnl::tc::Pedit{
//                              .extended = true,
//                              .keys = {{.mask = 0x00ffffff, .value = 0x01000000, .offset = 8,
//                                        .header = rtnl::tc::PeditHeader::ip4,
//                                        .command = rtnl::tc::PeditCommand::add}}}};
//     // tc ... action pedit ex munge ip ttl add 1
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <linux/tc_act/tc_pedit.h>

#include <cstdint>
#include <vector>

namespace nlpp::rtnl::tc {

/// Where a key's offset counts from (enum pedit_header_type).
enum class PeditHeader : uint16_t {
  network = TCA_PEDIT_KEY_EX_HDR_TYPE_NETWORK,  ///< the network header (the only one without `extended`)
  eth = TCA_PEDIT_KEY_EX_HDR_TYPE_ETH,
  ip4 = TCA_PEDIT_KEY_EX_HDR_TYPE_IP4,
  ip6 = TCA_PEDIT_KEY_EX_HDR_TYPE_IP6,
  tcp = TCA_PEDIT_KEY_EX_HDR_TYPE_TCP,
  udp = TCA_PEDIT_KEY_EX_HDR_TYPE_UDP,
};

/// What a key does with its value (enum pedit_cmd).
enum class PeditCommand : uint16_t {
  set = TCA_PEDIT_KEY_EX_CMD_SET,  ///< word = (word & mask) ^ value
  add = TCA_PEDIT_KEY_EX_CMD_ADD,  ///< the masked-out bits plus value
};

/// One key (struct tc_pedit_key, and its TCA_PEDIT_KEY_EX). mask and value
/// are in host order: the word's bytes as a big-endian number (a key
/// setting 10.0.0.1 holds 0x0a000001).
struct PeditKey {
  uint32_t mask = 0;   ///< the bits kept
  uint32_t value = 0;  ///< what is set into (or added to) the others
  int32_t offset = 0;  ///< the word's offset from its header, a multiple of 4 (negative: before it)
  /// A variable offset: the byte at `at` (from the header), masked by
  /// offmask and shifted right by shift, is added to offset (IP options).
  uint32_t at = 0;
  uint32_t offmask = 0;
  uint32_t shift = 0;
  PeditHeader header = PeditHeader::network;  ///< extended only
  PeditCommand command = PeditCommand::set;   ///< extended only

  friend bool operator==(const PeditKey&, const PeditKey&) = default;
};

/// pedit's options (struct tc_pedit_sel with its keys).
struct Pedit {
  /// TCA_PEDIT_PARMS_EX and TCA_PEDIT_KEYS_EX (tc's "pedit ex"): each key
  /// names its header and command; otherwise TCA_PEDIT_PARMS, whose keys
  /// count from the network header and set.
  bool extended = false;
  std::vector<PeditKey> keys{};  ///< in order, at most 128 (tc's limit)
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Pedit&, const Pedit&) = default;
};

}  // namespace nlpp::rtnl::tc
