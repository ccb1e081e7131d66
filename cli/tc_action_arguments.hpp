// The words of tc's actions after a filter's `action` (tc/m_action.c,
// m_gact.c, m_mirred.c, m_police.c, tc_util.c): "action drop", "action gact pass random
// determ drop 10 index 3", "action mirred egress redirect dev ifb0", one
// after another as tc reads them.
#pragma once

#include "session.hpp"
#include "words.hpp"

#include <nlpp/rtnl/tc/action.hpp>

#include <optional>
#include <vector>

namespace nlpp::cli {

/// Reads the actions that follow a filter's `action` word (already read)
/// and appends them in order: at least one. Each is `gact`, a bare
/// verdict or `index N` (gact, as tc takes them), `mirred`, `police` or a kind of
/// tc_action_kinds_arguments.hpp (skbedit, vlan, ct...), then its `cookie HEX`,
/// `hw_stats immediate|delayed|disabled`, `no_percpu`, `skip_sw|skip_hw`.
/// Another `action`, a verdict or a kind starts the next; any other word
/// (`classid`, a kind's own words) ends the list and is left to the kind.
void parse_actions(Session& session, Words& words, std::vector<rtnl::tc::Action>& actions);

/// The next words as a verdict ("pass", "drop", "goto chain 5", "jump 2"...,
/// abbreviated as tc takes them: "d" is drop), if the next word is one.
std::optional<rtnl::tc::Control> take_control(Words& words);

/// `index N`, if it is next: the action of that index in its kind's table,
/// shared when it exists.
void take_index(Words& words, rtnl::tc::Action& action);

}  // namespace nlpp::cli
