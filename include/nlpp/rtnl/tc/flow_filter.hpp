// The flow filter (cls_flow): derives the class from the packet's flow.
// In map mode one key (an address, a port, the mark...) is transformed,
// ((key & mask) ^ xor_bits) >> rshift, plus addend, and becomes the minor
// number of a class (modulo divisor, added to baseclass); in hash mode the
// keys are hashed into divisor buckets, as sfq does. The filter's handle
// is the user's, and the kernel requires one.
//
//     rtnl::TcFilter by_mark{.ifindex = "eth0", .parent = rtnl::TcHandle(1, 0), .handle = 1,
//                            .options = rtnl::tc::Flow{.keys = rtnl::tc::flow_key_bit(FLOW_KEY_MARK),
//                                                      .divisor = 16,
//                                                      .baseclass = rtnl::TcHandle(1, 0x10),
//                                                      .mask = 0xff}};
//     // tc filter add dev eth0 parent 1: handle 1 flow map key mark and 0xff divisor 16 baseclass 1:10
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/tc/action.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <linux/pkt_cls.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nlpp::rtnl::tc {

/// The bit of key (FLOW_KEY_SRC...) in Flow::keys.
constexpr uint32_t flow_key_bit(int key) noexcept { return uint32_t{1} << key; }

/// tc's names of the keys (f_flow.c), by FLOW_KEY_*.
inline constexpr std::array<std::string_view, FLOW_KEY_MAX + 1> flow_key_names{
    "src",      "dst",      "proto",    "proto-src",      "proto-dst",      "iif",        "priority", "mark",
    "nfct",     "nfct-src", "nfct-dst", "nfct-proto-src", "nfct-proto-dst", "rt-classid", "sk-uid",   "sk-gid",
    "vlan-tag", "rxhash",
};

/// A flow filter's options, in the order tc sends them. The ematches
/// (TCA_FLOW_EMATCHES) and the old-style police (TCA_FLOW_POLICE) stay in
/// `unknown`.
struct Flow {
  /// TCA_FLOW_MODE: what the keys become.
  enum class Mode : uint32_t {
    map = FLOW_MODE_MAP,   ///< one key, transformed
    hash = FLOW_MODE_HASH  ///< the keys hashed
  };

  /// TCA_FLOW_KEYS: the keys, flow_key_bit(FLOW_KEY_*) each; 0 (only in a
  /// change) keeps the filter's. Map mode takes one.
  uint32_t keys = 0;
  std::optional<uint32_t> rshift{};   ///< TCA_FLOW_RSHIFT: map mode's right shift
  std::optional<uint32_t> addend{};   ///< TCA_FLOW_ADDEND: map mode's addend (tc's negative ones wrap)
  std::optional<uint32_t> divisor{};  ///< TCA_FLOW_DIVISOR: the number of classes or buckets
  /// TCA_FLOW_BASECLASS: the first class; its minor must not be 0. The
  /// kernel takes the qdisc's major for a major of 0, and 1:1 (of the
  /// qdisc) when it is unset.
  std::optional<TcHandle> baseclass{};
  std::optional<uint32_t> perturb{};  ///< TCA_FLOW_PERTURB: hash mode's reseeding period, in seconds
  std::vector<Action> actions{};      ///< TCA_FLOW_ACT, in order
  Mode mode = Mode::map;              ///< TCA_FLOW_MODE, always sent, as tc does
  /// TCA_FLOW_MASK and TCA_FLOW_XOR: map mode's (key & mask) ^ xor_bits
  /// (tc's `and`, `or` and `xor`, composed). Sent, and reported, both or
  /// neither: neither when they leave the key as it is.
  uint32_t mask = 0xffffffff;
  uint32_t xor_bits = 0;  ///< see mask
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Flow&, const Flow&) = default;
};

}  // namespace nlpp::rtnl::tc
