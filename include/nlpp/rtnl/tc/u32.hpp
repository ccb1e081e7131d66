// The u32 filter: a selector of 32-bit value/mask keys at byte offsets in
// the packet, optionally into hash tables of such filters. TCA_OPTIONS is
// an attribute set; the selector is struct tc_u32_sel followed by its
// keys (struct tc_u32_key).
//
//     rtnl::tc::U32 to_web{.classid = rtnl::TcHandle(1, 0x10),
//                          .selector = rtnl::tc::U32Selector{.keys = {{.value = 0x0a000001, .mask = 0xffffffff,
//                                                                     .offset = 16}}}};
//     // tc ... u32 match ip dst 10.0.0.1/32 flowid 1:10
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/tc/action.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nlpp::rtnl::tc {

/// One key: the 32 bits at `offset` (from the network header, or from the
/// next header the selector computed when offmask says so), masked, equal
/// value. Values and masks are in host order here, big-endian on the wire.
struct U32Key {
  uint32_t value = 0;
  uint32_t mask = 0;
  int32_t offset = 0;   ///< bytes, a multiple of 4
  int32_t offmask = 0;  ///< nonzero: relative to the offset computed by the selector (tc's "nexthdr+")

  friend bool operator==(const U32Key&, const U32Key&) = default;
};

/// struct tc_u32_sel: the keys, and how the next header is found and which
/// bucket of a hash table a packet goes to.
struct U32Selector {
  /// TC_U32_TERMINAL (set when the filter classifies or acts), TC_U32_OFFSET,
  /// TC_U32_VAROFFSET, TC_U32_EAT.
  uint8_t flags = 0;
  uint8_t offshift = 0;
  uint16_t offmask = 0;  ///< host order here
  uint16_t off = 0;
  int16_t offoff = 0;
  int16_t hoff = 0;    ///< the hash key's offset (tc's "hashkey mask M at OFF")
  uint32_t hmask = 0;  ///< the hash key's mask, host order here
  std::vector<U32Key> keys{};

  friend bool operator==(const U32Selector&, const U32Selector&) = default;
};

/// A u32 filter's options.
struct U32 {
  std::optional<TcHandle> classid{};  ///< TCA_U32_CLASSID: tc's "classid" / "flowid"
  /// TCA_U32_DIVISOR: makes this filter a hash table of so many buckets
  /// (tc's "divisor 256"); such an entry has no selector.
  std::optional<uint32_t> divisor{};
  /// TCA_U32_HASH: the table (and bucket) the filter goes into: tc's "ht 2:4:"
  /// is 0x00204000 (table 2 in the top 12 bits, bucket 4 in the next 8).
  /// Unset: table 0x800, the one the kernel makes for each priority.
  std::optional<uint32_t> hash{};
  std::optional<uint32_t> link{};         ///< TCA_U32_LINK: the table matched packets go on in ("link 2:")
  std::optional<U32Selector> selector{};  ///< TCA_U32_SEL
  std::optional<std::string> indev{};     ///< TCA_U32_INDEV: only packets that came in on this link
  /// TCA_U32_FLAGS: TCA_CLS_FLAGS_SKIP_HW, TCA_CLS_FLAGS_SKIP_SW; the kernel
  /// adds TCA_CLS_FLAGS_IN_HW / NOT_IN_HW.
  std::optional<uint32_t> flags{};
  std::vector<Action> actions{};  ///< TCA_U32_ACT, in order
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const U32&, const U32&) = default;
};

/// A u32 handle as tc prints it: "800::800" is table 0x800, bucket 0,
/// node 0x800; "800:" a table itself; "none" for 0.
std::string u32_handle_text(uint32_t handle);

}  // namespace nlpp::rtnl::tc
