// Internal: the members of the action kinds beyond gact, mirred and police
// as tc 6.1 prints them with -j (m_skbedit.c, m_vlan.c, m_csum.c, m_nat.c,
// m_pedit.c, m_connmark.c, m_ct.c, m_tunnel_key.c, m_sample.c, m_bpf.c
// print_*()), for write_tc_action(), and what those writers share with it.
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/tc/action.hpp>

#include <string_view>

namespace nlpp::format::detail {

/// print_action_control(): "control_action":{"type":"pass"}, with a goto's
/// chain or a jump's count.
void write_tc_control(JsonWriter& json, rtnl::tc::Control control);
/// What most kinds print after their own members, tc_gen's: "index",
/// "ref", "bind", and with view.stats the action's ages.
void write_tc_action_parms(JsonWriter& json, const rtnl::tc::Action& action, const TcView& view);
/// The key tc names an action's kind with: "kind", but "type" for nat.
std::string_view tc_action_kind_key(const rtnl::tc::ActionOptions& options);

/// Each kind's members, from its first after "kind" to its parms.
void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::Skbedit& skbedit, const LinkNames&,
                const TcView& view);
void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::Vlan& vlan, const LinkNames&,
                const TcView& view);
void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::Csum& csum, const LinkNames&,
                const TcView& view);
void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::Nat& nat, const LinkNames&,
                const TcView& view);
void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::Pedit& pedit, const LinkNames&,
                const TcView& view);
void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::Connmark& connmark, const LinkNames&,
                const TcView& view);
void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::Ct& ct, const LinkNames&,
                const TcView& view);
void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::TunnelKey& key, const LinkNames&,
                const TcView& view);
void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::Sample& sample, const LinkNames&,
                const TcView& view);
void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::BpfAction& bpf, const LinkNames&,
                const TcView& view);

}  // namespace nlpp::format::detail
