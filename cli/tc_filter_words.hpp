// The words tc's filter kinds share (f_u32.c, f_matchall.c, f_fw.c,
// f_bpf.c): where matched packets go (`classid`), what is done to them
// (`action ...`), whether hardware may hold the filter (`skip_hw`,
// `skip_sw`), and the handle, which only the kind can read.
#pragma once

#include "session.hpp"
#include "words.hpp"

#include <nlpp/rtnl/tc/action.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nlpp::cli {

/// A filter's `handle` word, read before the kind is known, and its value
/// once the kind has read it (u32's "800::1", fw's MARK[/MASK]); a kind's
/// words may change it (u32's `order`).
struct FilterHandle {
  std::optional<std::string_view> word{};
  uint32_t value = 0;
  /// What else of the filter's place a kind's words may read: the protocol
  /// it is sent with (host order; flower matches on it), and its parent.
  uint16_t protocol = 0;
  rtnl::TcHandle parent{};
};

/// `classid ID` / `flowid ID` into classid, if the next word is one.
bool take_classid(Words& words, std::optional<rtnl::TcHandle>& classid);

/// `skip_hw` / `skip_sw` into flags (TCA_CLS_FLAGS_*), if the next word is
/// one; both at once is refused, as tc refuses it.
bool take_skip_flag(Words& words, std::optional<uint32_t>& flags);

/// `action ...` (or `actions ...`): appends the actions that follow
/// (tc_action_arguments.hpp), if the next word starts them.
bool take_actions(Session& session, Words& words, std::vector<rtnl::tc::Action>& actions);

/// UsageError for the next word, which kind's words do not include (tc's
/// "What is ...?"); `police`, which tc takes, says it is not supported yet.
[[noreturn]] void unknown_filter_word(std::string_view kind, const Words& words);

}  // namespace nlpp::cli
