// How a Rule maps onto struct fib_rule_hdr and FRA_* attributes: one line
// per member. The attribute lines are in the order `ip rule` sends them for
// arguments in this order: not from to pref tos fwmark/mask realms table
// suppress_prefixlength suppress_ifgroup iif oif l3mdev uidrange ipproto
// sport dport tun_id protocol goto (the action), so that nlpp's requests
// are ip's, byte for byte.
#pragma once

#include <nlpp/rtnl/rule.hpp>

#include "codec/field.hpp"
#include "codec/field_table.hpp"
#include "codec/header_codecs.hpp"
#include "rtnl/shared/table_id.hpp"

#include <tuple>

namespace nlpp::rtnl {

static_assert(sizeof(UidRange) == sizeof(fib_rule_uid_range) && sizeof(PortRange) == sizeof(fib_rule_port_range),
              "UidRange and PortRange are carried as the kernel's structs");

// The kernel reports "no suppress_prefixlen" (and ifgroup) as -1.
inline constexpr uint32_t rule_unset = UINT32_MAX;

inline constexpr auto rule_fields = std::tuple{
    codec::field("family", &Rule::family, codec::in_header(&fib_rule_hdr::family)),
    codec::field("action", &Rule::action, codec::in_header(&fib_rule_hdr::action)),
    codec::field("flags", &Rule::flags, codec::in_header(&fib_rule_hdr::flags)),
    codec::field("tos", &Rule::tos, codec::in_header(&fib_rule_hdr::tos)),
    codec::field("src", &Rule::src, codec::prefix_in(&fib_rule_hdr::src_len, FRA_SRC)),
    codec::field("dst", &Rule::dst, codec::prefix_in(&fib_rule_hdr::dst_len, FRA_DST)),
    codec::field("priority", &Rule::priority, FRA_PRIORITY),
    codec::field("fwmark", &Rule::fwmark, FRA_FWMARK),
    codec::field("fwmask", &Rule::fwmask, FRA_FWMASK),
    codec::field("flow", &Rule::flow, codec::NonDefault{FRA_FLOW}),
    codec::field("table", &Rule::table, table_id(&fib_rule_hdr::table, FRA_TABLE)),
    codec::field("suppress_prefixlen", &Rule::suppress_prefixlen, codec::AbsentAs{FRA_SUPPRESS_PREFIXLEN, rule_unset}),
    codec::field("suppress_ifgroup", &Rule::suppress_ifgroup, codec::AbsentAs{FRA_SUPPRESS_IFGROUP, rule_unset}),
    codec::field("iifname", &Rule::iifname, codec::NonDefault{FRA_IIFNAME}),
    codec::field("oifname", &Rule::oifname, codec::NonDefault{FRA_OIFNAME}),
    codec::field("l3mdev", &Rule::l3mdev, codec::NonDefault{FRA_L3MDEV}),
    codec::field("uid_range", &Rule::uid_range, FRA_UID_RANGE),
    codec::field("ip_proto", &Rule::ip_proto, codec::NonDefault{FRA_IP_PROTO}),
    codec::field("sport", &Rule::sport, FRA_SPORT_RANGE),
    codec::field("dport", &Rule::dport, FRA_DPORT_RANGE),
    codec::field("tun_id", &Rule::tun_id, codec::BigEndian{FRA_TUN_ID}),
    codec::field("protocol", &Rule::protocol, codec::NonDefault{FRA_PROTOCOL}),
    codec::field("goto_target", &Rule::goto_target, FRA_GOTO),
    codec::padding<Rule>(FRA_PAD),
    codec::field("unknown", &Rule::unknown, codec::Compared{}),
};

}  // namespace nlpp::rtnl
