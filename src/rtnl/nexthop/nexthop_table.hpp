// How a Nexthop maps onto struct nhmsg and NHA_* attributes: one line per
// member, the attribute lines in the order `ip nexthop add` sends them for
// arguments in this order: id dev via encap blackhole fdb group type.
#pragma once

#include <nlpp/rtnl/nexthop.hpp>

#include "codec/field.hpp"
#include "codec/field_table.hpp"
#include "codec/header_codecs.hpp"
#include "rtnl/nexthop/group_codec.hpp"
#include "rtnl/route/encap_codec.hpp"
#include "rtnl/shared/family_address.hpp"

#include <array>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl {

/// NHA_GROUP, written from the members; read after the other attributes
/// (nexthop_codec.cpp), because NHA_OP_FLAGS, which comes after it, says how.
struct GroupMembers {
  constexpr std::array<uint16_t, 0> types() const noexcept { return {}; }
  Result<void> parse(const wire::Attribute&, std::vector<NexthopGroupMember>&) const { return {}; }
  void emit(const std::vector<NexthopGroupMember>& members, wire::MessageBuilder& out) const {
    if (!members.empty()) emit_group(out, members);
  }
  void diff(std::string_view name, const std::vector<NexthopGroupMember>& before,
            const std::vector<NexthopGroupMember>& after, FieldDiff& diff) const {
    diff.field(name, describe_group(before), describe_group(after));
  }
};

/// NHA_RES_GROUP: a resilient group's buckets and timers.
struct ResilientNest {
  static constexpr bool own_errors = true;
  constexpr std::array<uint16_t, 1> types() const noexcept { return {NHA_RES_GROUP}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<ResilientGroup>& group) const {
    return parse_resilient_group(attribute, group.emplace());
  }
  void emit(const std::optional<ResilientGroup>& group, wire::MessageBuilder& out) const {
    if (group) emit_resilient_group(out, *group);
  }
  void diff(std::string_view name, const std::optional<ResilientGroup>& before,
            const std::optional<ResilientGroup>& after, FieldDiff& diff) const;
};

inline constexpr auto nexthop_fields = std::tuple{
    codec::field("family", &Nexthop::family, codec::in_header(&nhmsg::nh_family)),
    codec::field("protocol", &Nexthop::protocol, codec::in_header(&nhmsg::nh_protocol)),
    codec::field("flags", &Nexthop::flags, codec::in_header(&nhmsg::nh_flags)),
    codec::field("id", &Nexthop::id, codec::NonDefault{NHA_ID}),
    codec::field("oif", &Nexthop::oif, codec::NonDefault{NHA_OIF}),
    codec::field("gateway", &Nexthop::gateway, FamilyAddress{NHA_GATEWAY}),
    codec::field("encap", &Nexthop::encap, EncapPair{NHA_ENCAP, NHA_ENCAP_TYPE}),
    codec::field("blackhole", &Nexthop::blackhole, NHA_BLACKHOLE),
    codec::field("fdb", &Nexthop::fdb, NHA_FDB),
    codec::field("group", &Nexthop::group, GroupMembers{}),
    codec::field("resilient", &Nexthop::resilient, ResilientNest{}),
    codec::field("group_type", &Nexthop::group_type, NHA_GROUP_TYPE),
    codec::field("unknown", &Nexthop::unknown, codec::Compared{}),
};

}  // namespace nlpp::rtnl
