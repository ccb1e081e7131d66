// The fw filter: classifies by the packet's firewall mark (set by
// nftables, iptables or skbedit); the filter's handle is the mark.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/tc/action.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nlpp::rtnl::tc {

/// A fw filter's options.
struct Fw {
  std::optional<TcHandle> classid{};   ///< TCA_FW_CLASSID
  std::optional<std::string> indev{};  ///< TCA_FW_INDEV
  std::optional<uint32_t> mask{};      ///< TCA_FW_MASK: the mark's bits compared (tc's "handle 1/0xff")
  std::vector<Action> actions{};       ///< TCA_FW_ACT, in order
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Fw&, const Fw&) = default;
};

}  // namespace nlpp::rtnl::tc
