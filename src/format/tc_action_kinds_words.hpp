// Internal: the action kinds beyond gact, mirred and police in tc's words:
// the names tc prints for their fields (which the JSON shares), and each
// action as tc takes it on its command line, for the text tables
// (tc_action_text()).
#pragma once

#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/tc/action.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::format::detail {

/// skbedit's packet types: "host", "otherhost", "broadcast", "multicast"; none for another.
std::optional<std::string_view> skbedit_ptype_name(uint16_t ptype);
/// vlan's operations: "pop", "push", "modify", "pop_eth", "push_eth"; "unknown" for another.
std::string_view vlan_operation_name(rtnl::tc::Vlan::Operation operation);
/// csum's headers, in tc's order: "iph", "icmp", "igmp", "tcp", "udp", "udplite", "sctp".
std::vector<std::string_view> csum_update_names(uint32_t update_flags);
/// pedit's headers: "network", "eth", "ipv4", "ipv6", "tcp", "udp", "unknown(N)".
std::string pedit_header_name(rtnl::tc::PeditHeader header);
/// print_nat()'s old prefix: the address and a length tc derives from the
/// mask's bytes in network order as a host integer (33 minus its first set
/// bit: "10.0.0.0/32" for 10.0.0.0/8 on a little-endian host).
std::string nat_old_text(const rtnl::tc::Nat& nat);
/// ct_print_nat()'s text: "src addr 10.0.0.1-10.0.0.10 port 1000-2000", "" for ct's plain nat.
std::string ct_nat_text(const rtnl::tc::Ct& ct);
/// ct_print_labels(): the labels in hex, and "/MASK" unless the mask keeps every bit.
std::string ct_labels_text(const rtnl::tc::Ct& ct);
/// ct's commit, force and clear: "commit", "commit force", "clear", or "".
std::string_view ct_action_name(uint16_t ct_action);

/// Each kind in the words tc takes for it, without the kind's name:
/// "mark 16/0xff pipe", "push id 100 protocol 802.1ad priority 3 pipe"...
std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::Skbedit& skbedit, const LinkNames&);
std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::Vlan& vlan, const LinkNames&);
std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::Csum& csum, const LinkNames&);
std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::Nat& nat, const LinkNames&);
std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::Pedit& pedit, const LinkNames&);
std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::Connmark& connmark, const LinkNames&);
std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::Ct& ct, const LinkNames&);
std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::TunnelKey& key, const LinkNames&);
std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::Sample& sample, const LinkNames&);
std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::BpfAction& bpf, const LinkNames&);

}  // namespace nlpp::format::detail
