// The plug kind: a queue that holds packets back until told to release
// them (for checkpointing: buffer a VM's output until its state is saved).
// TCA_OPTIONS is struct tc_plug_qopt, a command: the kernel acts on it and
// reports nothing, so a dumped plug qdisc has no options (std::monostate).
#pragma once

#include <linux/pkt_sched.h>

#include <cstdint>

namespace nlpp::rtnl::tc {

/// A plug qdisc's command. When adding, the kernel takes the limit only
/// and starts buffering: `tc qdisc add dev X root plug limit 32k` is
/// `tc::Plug{.action = tc::Plug::Action::limit, .limit = 32768}` (without
/// options, as tc sends `plug` alone: the link's txqueuelen times its mtu).
/// A change carries the action: `tc qdisc change dev X root plug release`
/// is `tc::Plug{.action = tc::Plug::Action::release_one}`.
struct Plug {
  enum class Action : int32_t {
    buffer = TCQ_PLUG_BUFFER,                          ///< tc's "block": start a new buffer (the default)
    release_one = TCQ_PLUG_RELEASE_ONE,                ///< tc's "release": let out the oldest buffer
    release_indefinite = TCQ_PLUG_RELEASE_INDEFINITE,  ///< let everything through until the next buffer
    limit = TCQ_PLUG_LIMIT,                            ///< set the limit
  };

  Action action = Action::buffer;
  uint32_t limit = 0;  ///< bytes buffered at most (with Action::limit, and when adding; 0 drops every packet)

  friend bool operator==(const Plug&, const Plug&) = default;
};

}  // namespace nlpp::rtnl::tc
