// Hand-written (no YNL spec describes them): the netlink control messages
// from <linux/netlink.h>, with the names YNL gives their attributes, and the
// generic netlink header from <linux/genetlink.h>.
#include <nlpp/schema/netlink_protocol.hpp>

#include <linux/genetlink.h>
#include <linux/netlink.h>

namespace nlpp::schema {
namespace {

// enum netlink_attribute_type, as nlctrl's "attr-type".
constexpr EnumEntry attribute_type_entries[] = {
    {NL_ATTR_TYPE_INVALID, "invalid"},
    {NL_ATTR_TYPE_FLAG, "flag"},
    {NL_ATTR_TYPE_U8, "u8"},
    {NL_ATTR_TYPE_U16, "u16"},
    {NL_ATTR_TYPE_U32, "u32"},
    {NL_ATTR_TYPE_U64, "u64"},
    {NL_ATTR_TYPE_S8, "s8"},
    {NL_ATTR_TYPE_S16, "s16"},
    {NL_ATTR_TYPE_S32, "s32"},
    {NL_ATTR_TYPE_S64, "s64"},
    {NL_ATTR_TYPE_BINARY, "binary"},
    {NL_ATTR_TYPE_STRING, "string"},
    {NL_ATTR_TYPE_NUL_STRING, "nul-string"},
    {NL_ATTR_TYPE_NESTED, "nested"},
    {NL_ATTR_TYPE_NESTED_ARRAY, "nested-array"},
    {NL_ATTR_TYPE_BITFIELD32, "bitfield32"},
    // Linux 6.8 added these; Debian 12's uapi headers predate them.
    {NL_ATTR_TYPE_BITFIELD32 + 1, "sint"},
    {NL_ATTR_TYPE_BITFIELD32 + 2, "uint"},
};
constexpr Enum attribute_type{.name = "attr-type", .is_flags = false, .entries = attribute_type_entries};

// NL_POLICY_TYPE_ATTR_*: the policy of the attribute an error points at.
constexpr Attribute policy_attributes[] = {
    {.id = NL_POLICY_TYPE_ATTR_TYPE, .name = "type", .type = Type::u32, .enumeration = &attribute_type},
    {.id = NL_POLICY_TYPE_ATTR_MIN_VALUE_S, .name = "min-value-s", .type = Type::s64},
    {.id = NL_POLICY_TYPE_ATTR_MAX_VALUE_S, .name = "max-value-s", .type = Type::s64},
    {.id = NL_POLICY_TYPE_ATTR_MIN_VALUE_U, .name = "min-value-u", .type = Type::u64},
    {.id = NL_POLICY_TYPE_ATTR_MAX_VALUE_U, .name = "max-value-u", .type = Type::u64},
    {.id = NL_POLICY_TYPE_ATTR_MIN_LENGTH, .name = "min-length", .type = Type::u32},
    {.id = NL_POLICY_TYPE_ATTR_MAX_LENGTH, .name = "max-length", .type = Type::u32},
    {.id = NL_POLICY_TYPE_ATTR_POLICY_IDX, .name = "policy-idx", .type = Type::u32},
    {.id = NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE, .name = "policy-maxtype", .type = Type::u32},
    {.id = NL_POLICY_TYPE_ATTR_BITFIELD32_MASK, .name = "bitfield32-mask", .type = Type::u32, .display = Display::hex},
    {.id = NL_POLICY_TYPE_ATTR_PAD, .name = "pad", .type = Type::pad},
    {.id = NL_POLICY_TYPE_ATTR_MASK, .name = "mask", .type = Type::u64, .display = Display::hex},
};
constexpr AttributeSet policy_attribute_set{.name = "policy-attrs", .attributes = policy_attributes};

// NLMSGERR_ATTR_*: the extended ACK.
constexpr Attribute extack_attributes[] = {
    {.id = NLMSGERR_ATTR_MSG, .name = "msg", .type = Type::string},
    {.id = NLMSGERR_ATTR_OFFS, .name = "offs", .type = Type::u32},
    {.id = NLMSGERR_ATTR_COOKIE, .name = "cookie", .type = Type::binary},
    {.id = NLMSGERR_ATTR_POLICY, .name = "policy", .type = Type::nest, .nested = &policy_attribute_set},
    {.id = NLMSGERR_ATTR_MISS_TYPE, .name = "miss-type", .type = Type::u32},
    {.id = NLMSGERR_ATTR_MISS_NEST, .name = "miss-nest", .type = Type::u32},
};
constexpr AttributeSet extack_attribute_set{.name = "extack-attrs", .attributes = extack_attributes};

// struct nlmsgerr: the error, then the request's header (and, unless the
// kernel set NLM_F_CAPPED, the rest of the request, kept in the raw bytes).
constexpr StructMember nlmsgerr_members[] = {
    {.name = "error", .type = Type::s32, .offset = 0, .length = 4},
    {.name = "msg-len", .type = Type::u32, .offset = 4, .length = 4},
    {.name = "msg-type", .type = Type::u16, .offset = 8, .length = 2},
    {.name = "msg-flags", .type = Type::u16, .offset = 10, .length = 2, .display = Display::hex},
    {.name = "msg-seq", .type = Type::u32, .offset = 12, .length = 4},
    {.name = "msg-pid", .type = Type::u32, .offset = 16, .length = 4},
};
constexpr Struct nlmsgerr_struct{.name = "nlmsgerr", .size = sizeof(nlmsgerr), .members = nlmsgerr_members};

// NLMSG_DONE carries the dump's int error (netlink_dump_done()).
constexpr StructMember done_members[] = {
    {.name = "error", .type = Type::s32, .offset = 0, .length = 4},
};
constexpr Struct done_struct{.name = "done", .size = sizeof(int), .members = done_members};

constexpr MessageType control_replies[] = {
    {.type = NLMSG_ERROR, .name = "error", .fixed_header = &nlmsgerr_struct, .attributes = &extack_attribute_set},
    {.type = NLMSG_DONE, .name = "done", .fixed_header = &done_struct, .attributes = &extack_attribute_set},
};

constexpr StructMember genlmsghdr_members[] = {
    {.name = "cmd", .type = Type::u8, .offset = 0, .length = 1},
    {.name = "version", .type = Type::u8, .offset = 1, .length = 1},
    {.name = "reserved", .type = Type::u16, .offset = 2, .length = 2},
};

}  // namespace

const Family netlink_control{
    .name = "netlink", .kind = FamilyKind::netlink_raw, .protocol = -1, .requests = {}, .replies = control_replies};

const Struct genl_header{.name = "genlmsghdr", .size = GENL_HDRLEN, .members = genlmsghdr_members};

}  // namespace nlpp::schema
