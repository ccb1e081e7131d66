// rtnetlink's nexthop objects (RTM_*NEXTHOP, RTM_*NEXTHOPBUCKET): struct nhmsg
// and the NHA_* attributes of <linux/nexthop.h>, which no YNL spec describes.
// Names follow YNL's style (the C name in lower case with '-'), so the family
// reads like the generated ones. Attributes the kernel added after the UAPI
// headers this builds against (NHA_OP_FLAGS, NHA_GROUP_STATS...) are absent.
#include <nlpp/schema/handwritten.hpp>

#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>

#include <cstddef>

namespace nlpp::schema::family {
namespace {

using enum Type;

constinit const EnumEntry nh_flags_entries[]{
    {RTNH_F_DEAD, "dead"},       {RTNH_F_PERVASIVE, "pervasive"}, {RTNH_F_ONLINK, "onlink"},
    {RTNH_F_OFFLOAD, "offload"}, {RTNH_F_LINKDOWN, "linkdown"},   {RTNH_F_UNRESOLVED, "unresolved"},
    {RTNH_F_TRAP, "trap"},
};
constinit const Enum nh_flags{"nh-flags", true, nh_flags_entries};

constinit const EnumEntry group_type_entries[]{
    {NEXTHOP_GRP_TYPE_MPATH, "mpath"},
    {NEXTHOP_GRP_TYPE_RES, "res"},
};
constinit const Enum group_type{"nexthop-grp-type", false, group_type_entries};

constinit const StructMember nhmsg_members[]{
    {.name = "nh-family", .type = u8, .offset = offsetof(nhmsg, nh_family), .length = sizeof(nhmsg::nh_family)},
    {.name = "nh-scope", .type = u8, .offset = offsetof(nhmsg, nh_scope), .length = sizeof(nhmsg::nh_scope)},
    {.name = "nh-protocol", .type = u8, .offset = offsetof(nhmsg, nh_protocol), .length = sizeof(nhmsg::nh_protocol)},
    {.name = "resvd", .type = pad, .offset = offsetof(nhmsg, resvd), .length = sizeof(nhmsg::resvd)},
    {.name = "nh-flags",
     .type = u32,
     .offset = offsetof(nhmsg, nh_flags),
     .length = sizeof(nhmsg::nh_flags),
     .enumeration = &nh_flags},
};
constinit const Struct nhmsg_struct{"nhmsg", sizeof(nhmsg), nhmsg_members};

constinit const StructMember nexthop_grp_members[]{
    {.name = "id", .type = u32, .offset = offsetof(nexthop_grp, id), .length = sizeof(nexthop_grp::id)},
    {.name = "weight", .type = u8, .offset = offsetof(nexthop_grp, weight), .length = sizeof(nexthop_grp::weight)},
    // The byte after the weight: resvd1 in the UAPI headers before 6.12,
    // weight_high since (both are found on Debian 12), hence no member name.
    {.name = "resvd1", .type = pad, .offset = offsetof(nexthop_grp, weight) + 1, .length = 1},
    {.name = "resvd2", .type = pad, .offset = offsetof(nexthop_grp, resvd2), .length = sizeof(nexthop_grp::resvd2)},
};
constinit const Struct nexthop_grp_struct{"nexthop-grp", sizeof(nexthop_grp), nexthop_grp_members};

// The timers are clock_t: USER_HZ ticks (the kernel puts jiffies_to_clock_t()).
constinit const Attribute res_group_attributes[]{
    {.id = NHA_RES_GROUP_PAD, .name = "pad", .type = pad},
    {.id = NHA_RES_GROUP_BUCKETS, .name = "buckets", .type = u16},
    {.id = NHA_RES_GROUP_IDLE_TIMER, .name = "idle-timer", .type = u32},
    {.id = NHA_RES_GROUP_UNBALANCED_TIMER, .name = "unbalanced-timer", .type = u32},
    {.id = NHA_RES_GROUP_UNBALANCED_TIME, .name = "unbalanced-time", .type = u64},
};
constinit const AttributeSet res_group_attrs{"nexthop-res-group-attrs", res_group_attributes};

constinit const Attribute res_bucket_attributes[]{
    {.id = NHA_RES_BUCKET_PAD, .name = "pad", .type = pad},
    {.id = NHA_RES_BUCKET_INDEX, .name = "index", .type = u16},
    {.id = NHA_RES_BUCKET_IDLE_TIME, .name = "idle-time", .type = u64},
    {.id = NHA_RES_BUCKET_NH_ID, .name = "nh-id", .type = u32},
};
constinit const AttributeSet res_bucket_attrs{"nexthop-res-bucket-attrs", res_bucket_attributes};

constinit const Attribute nexthop_attributes[]{
    {.id = NHA_ID, .name = "id", .type = u32},
    // An array of struct nexthop_grp, one per member of the group.
    {.id = NHA_GROUP, .name = "group", .type = binary, .element = binary, .fixed_struct = &nexthop_grp_struct},
    {.id = NHA_GROUP_TYPE, .name = "group-type", .type = u16, .enumeration = &group_type},
    {.id = NHA_BLACKHOLE, .name = "blackhole", .type = flag},
    {.id = NHA_OIF, .name = "oif", .type = u32},
    // 4 or 16 bytes, by nh_family.
    {.id = NHA_GATEWAY, .name = "gateway", .type = binary, .display = Display::ip},
    {.id = NHA_ENCAP_TYPE, .name = "encap-type", .type = u16},
    {.id = NHA_ENCAP, .name = "encap", .type = binary},
    {.id = NHA_GROUPS, .name = "groups", .type = flag},
    {.id = NHA_MASTER, .name = "master", .type = u32},
    {.id = NHA_FDB, .name = "fdb", .type = flag},
    {.id = NHA_RES_GROUP, .name = "res-group", .type = nest, .nested = &res_group_attrs},
    {.id = NHA_RES_BUCKET, .name = "res-bucket", .type = nest, .nested = &res_bucket_attrs},
};
constinit const AttributeSet nexthop_attrs{"nexthop-attrs", nexthop_attributes};

constinit const MessageType requests[]{
    {.type = RTM_NEWNEXTHOP, .name = "newnexthop", .fixed_header = &nhmsg_struct, .attributes = &nexthop_attrs},
    {.type = RTM_DELNEXTHOP, .name = "delnexthop", .fixed_header = &nhmsg_struct, .attributes = &nexthop_attrs},
    {.type = RTM_GETNEXTHOP, .name = "getnexthop", .fixed_header = &nhmsg_struct, .attributes = &nexthop_attrs},
    {.type = RTM_GETNEXTHOPBUCKET,
     .name = "getnexthopbucket",
     .fixed_header = &nhmsg_struct,
     .attributes = &nexthop_attrs},
};

// Dumps, gets and notifications all answer with the NEW type; a deleted
// nexthop is announced with RTM_DELNEXTHOP.
constinit const MessageType replies[]{
    {.type = RTM_NEWNEXTHOP, .name = "getnexthop", .fixed_header = &nhmsg_struct, .attributes = &nexthop_attrs},
    {.type = RTM_DELNEXTHOP, .name = "delnexthop-ntf", .fixed_header = &nhmsg_struct, .attributes = &nexthop_attrs},
    {.type = RTM_NEWNEXTHOPBUCKET,
     .name = "getnexthopbucket",
     .fixed_header = &nhmsg_struct,
     .attributes = &nexthop_attrs},
};

}  // namespace

constinit const Family rt_nexthop{
    .name = "rt-nexthop",
    .kind = FamilyKind::netlink_raw,
    .protocol = NETLINK_ROUTE,
    .requests = requests,
    .replies = replies,
};

}  // namespace nlpp::schema::family
