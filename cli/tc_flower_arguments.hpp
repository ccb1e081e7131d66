// The words after a filter's `flower` (tc/f_flower.c): match keys on the
// headers of a packet (`dst_mac`, `vlan_id`, `ip_proto tcp`, `dst_ip
// 10.0.0.0/24`, `dst_port 80`, `ct_state +trk+est`...), `classid` or
// `hw_tc`, `skip_hw|skip_sw`, `action ...`. As in tc, a key is read under
// the ethertype the words before it give (the filter's protocol, then
// `vlan_ethtype`'s and `cvlan_ethtype`'s), ports and ICMP fields under the
// `ip_proto` before them; the filter's protocol is sent as the key
// `eth_type` unless it is all.
#pragma once

#include "session.hpp"
#include "tc_filter_words.hpp"
#include "words.hpp"

#include <nlpp/rtnl/tc_filter_options.hpp>

namespace nlpp::cli {

/// The options (a tc::Flower); handle.protocol and handle.parent say what
/// the keys are read under and which qdisc `hw_tc` names a class of.
/// Words tc refuses are a UsageError with tc's reason; tunnel options
/// (`geneve_opts`...), MPLS label stack entries (`mpls lse ...`) and PPPoE
/// keys are refused as not supported yet.
rtnl::FilterOptions parse_flower(Session& session, Words& words, FilterHandle& handle);

}  // namespace nlpp::cli
