// What happens to a packet after a tc action: the verdict or jump each
// action's control holds (TC_ACT_*), in tc's words.
#pragma once

#include <linux/pkt_cls.h>

#include <cstdint>
#include <string>

namespace nlpp::rtnl::tc {

/// What happens to a packet after an action (TC_ACT_*): a verdict, the
/// next action, or a jump ("goto chain 5", "jump 2").
class Control {
 public:
  constexpr Control() noexcept = default;
  constexpr explicit Control(int32_t value) noexcept : value_(value) {}
  static constexpr Control pass() noexcept { return Control(TC_ACT_OK); }
  static constexpr Control drop() noexcept { return Control(TC_ACT_SHOT); }
  static constexpr Control pipe() noexcept { return Control(TC_ACT_PIPE); }
  static constexpr Control reclassify() noexcept { return Control(TC_ACT_RECLASSIFY); }
  /// tc's "continue": on to the next filter.
  static constexpr Control next_filter() noexcept { return Control(TC_ACT_UNSPEC); }
  static constexpr Control stolen() noexcept { return Control(TC_ACT_STOLEN); }
  static constexpr Control trap() noexcept { return Control(TC_ACT_TRAP); }
  static constexpr Control goto_chain(uint32_t chain) noexcept {
    return Control(static_cast<int32_t>(TC_ACT_GOTO_CHAIN | (chain & TC_ACT_EXT_VAL_MASK)));
  }
  /// Skip the next `actions` actions of the list.
  static constexpr Control jump(uint32_t actions) noexcept {
    return Control(static_cast<int32_t>(TC_ACT_JUMP | (actions & TC_ACT_EXT_VAL_MASK)));
  }

  constexpr int32_t value() const noexcept { return value_; }
  /// tc's words: "pass", "drop", "pipe", "continue", "goto chain 5", "jump 2"...
  std::string to_string() const;

  friend constexpr bool operator==(Control, Control) noexcept = default;

 private:
  int32_t value_ = TC_ACT_PIPE;
};

}  // namespace nlpp::rtnl::tc
