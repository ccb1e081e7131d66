// The words of the action kinds beyond gact, mirred and police, as tc's
// m_skbedit.c, m_vlan.c, m_csum.c, m_nat.c, m_connmark.c, m_ct.c,
// m_tunnel_key.c, m_sample.c, m_bpf.c and m_pedit.c (tc_pedit_arguments.hpp)
// read them: "skbedit mark 5/0xff", "vlan push id 100 protocol 802.1ad",
// "ct commit zone 3 nat src addr 10.0.0.1-10.0.0.9", each with its
// verdict and index.
#pragma once

#include "words.hpp"

#include <nlpp/rtnl/tc/action.hpp>

#include <optional>
#include <string_view>

namespace nlpp::cli {

/// The kinds read here, for messages: "skbedit, vlan, csum, ...".
extern const std::string_view action_kind_names;

/// Reads the action that starts at the next word when that word is one of
/// these kinds (consumed with the kind's own words, its verdict and its
/// index); nothing, and no word read, otherwise. A kind's words alone with
/// an index (`skbedit index 5`) name the existing action, without options.
std::optional<rtnl::tc::Action> take_kind_action(Words& words);

/// What a kind whose words may set nothing reads after them, as tc's
/// parse_action_control_dflt() and the kinds' `index`: a verdict, then
/// `index N`. An action that set nothing (`options` unset) must have an
/// index, the existing action it names; `missing` says what was expected.
void finish_action(Words& words, rtnl::tc::Action& action, std::string_view missing);

}  // namespace nlpp::cli
