// NHA_GROUP (an array of struct nexthop_grp) and NHA_RES_GROUP.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <string>
#include <vector>

namespace nlpp::rtnl {

/// NHA_OP_FLAGS and its NHA_OP_FLAG_RESP_GRP_RESVD_0 bit (Linux 6.12,
/// newer than Debian 12's headers): a dump that carries it has zeroed the
/// reserved bytes of nexthop_grp, so the high byte of the weight is real.
inline constexpr uint16_t nha_op_flags = NHA_FDB + 3;
inline constexpr uint32_t op_flag_resp_grp_resvd_0 = 1u << 31;

/// The members of NHA_GROUP; weights above 256 only when high_weights
/// (older kernels may leave garbage where the high byte now is).
bool read_group(const wire::Attribute& attribute, bool high_weights, std::vector<NexthopGroupMember>& out);
void emit_group(wire::MessageBuilder& builder, const std::vector<NexthopGroupMember>& members);

Result<void> parse_resilient_group(const wire::Attribute& nest, ResilientGroup& out);
/// Appends NHA_RES_GROUP, flagged nested as iproute2 sends it.
void emit_resilient_group(wire::MessageBuilder& builder, const ResilientGroup& group);

/// "1,1/2,3", as `ip nexthop` writes a group, for diffs.
std::string describe_group(const std::vector<NexthopGroupMember>& members);

}  // namespace nlpp::rtnl
