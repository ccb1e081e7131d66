// What the decoder, JSON, attribute-path and golden tests share: small
// descriptor tables with one of every shape the schema has (scalars of each
// kind and byte order, display hints, enums and flags, nests, indexed
// arrays, nest-type-value, sub-messages with and without a fixed header, a
// selector two levels up, a recursive set), independent of the generated
// tables; builders of messages for them; lookups in decoded trees.
#pragma once

#include <nlpp/schema/decoded_message.hpp>
#include <nlpp/schema/schema.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <linux/netlink.h>

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::test::tables {

using schema::Attribute;
using schema::AttributeSet;
using schema::ByteOrder;
using schema::Display;
using schema::Enum;
using schema::EnumEntry;
using schema::Struct;
using schema::StructMember;
using schema::SubMessage;
using schema::SubMessageFormat;
using schema::Type;

// Attribute ids of link-attrs.
enum : uint16_t {
  address = 1,
  ifname = 3,
  mtu,
  operstate,
  flags,
  linkinfo,
  targets,
  groups,
  typed,
  carrier,
  stats,
  big,
  offset,
  gateway,
  address6,
  change,
  ports,
  id,
  weight,
  kind,
  xstats,
  recursive,
};
// Ids of linkinfo-attrs, vlan-attrs, netem-attrs, group-attrs...
enum : uint16_t { info_kind = 1, info_data };
enum : uint16_t { vlan_id = 1, vlan_protocol };
enum : uint16_t { netem_loss = 1 };
enum : uint16_t { group_name = 1, group_level };
enum : uint16_t { xstats_app = 1 };
enum : uint16_t { app_count = 1 };
enum : uint16_t { recursive_inner = 1 };

inline constexpr EnumEntry link_flag_entries[] = {{1, "up"}, {2, "broadcast"}, {8, "loopback"}};
inline constexpr Enum link_flags{"link-flags", true, link_flag_entries};
inline constexpr EnumEntry oper_state_entries[] = {{0, "unknown"}, {2, "down"}, {6, "up"}};
inline constexpr Enum oper_states{"oper-state", false, oper_state_entries};

// struct test_hdr { u8 family; u8 pad[3]; s32 index; u32 flags; }
inline constexpr StructMember header_members[] = {
    {.name = "family", .type = Type::u8, .offset = 0, .length = 1},
    {.name = "pad", .type = Type::pad, .offset = 1, .length = 3},
    {.name = "index", .type = Type::s32, .offset = 4, .length = 4},
    {.name = "flags", .type = Type::u32, .offset = 8, .length = 4, .enumeration = &link_flags},
};
inline constexpr Struct header{"test-hdr", 12, header_members};

inline constexpr StructMember stats_members[] = {
    {.name = "rx", .type = Type::u64, .offset = 0, .length = 8},
    {.name = "tx", .type = Type::u64, .offset = 8, .length = 8},
};
inline constexpr Struct stats_struct{"test-stats", 16, stats_members};

inline constexpr StructMember qopt_members[] = {
    {.name = "latency", .type = Type::u32, .offset = 0, .length = 4},
    {.name = "limit", .type = Type::u32, .offset = 4, .length = 4},
};
inline constexpr Struct qopt{"netem-qopt", 8, qopt_members};

inline constexpr Attribute vlan_attributes[] = {
    {.id = vlan_id, .name = "id", .type = Type::u16},
    {.id = vlan_protocol,
     .name = "protocol",
     .type = Type::u16,
     .byte_order = ByteOrder::big_endian,
     .display = Display::hex},
};
inline constexpr AttributeSet vlan_set{"vlan-attrs", vlan_attributes};

inline constexpr Attribute netem_attributes[] = {{.id = netem_loss, .name = "loss", .type = Type::u32}};
inline constexpr AttributeSet netem_set{"netem-attrs", netem_attributes};

inline constexpr SubMessageFormat data_formats[] = {
    {.value = "vlan", .attributes = &vlan_set},
    {.value = "netem", .attributes = &netem_set, .fixed_header = &qopt},
    {.value = "dummy"},
};
inline constexpr SubMessage data_message{"linkinfo-data", data_formats};

inline constexpr Attribute linkinfo_attributes[] = {
    {.id = info_kind, .name = "kind", .type = Type::string},
    {.id = info_data, .name = "data", .type = Type::sub_message, .sub_message = &data_message, .selector = "kind"},
};
inline constexpr AttributeSet linkinfo_set{"linkinfo-attrs", linkinfo_attributes};

inline constexpr Attribute group_attributes[] = {
    {.id = group_name, .name = "name", .type = Type::string},
    {.id = group_level, .name = "level", .type = Type::u32},
};
inline constexpr AttributeSet group_set{"group-attrs", group_attributes};

// The app stats are picked by link-attrs' "kind", two levels up.
inline constexpr Attribute app_attributes[] = {{.id = app_count, .name = "count", .type = Type::u32}};
inline constexpr AttributeSet app_set{"app-attrs", app_attributes};
inline constexpr SubMessageFormat app_formats[] = {{.value = "vlan", .attributes = &app_set}};
inline constexpr SubMessage app_message{"app-msg", app_formats};
inline constexpr Attribute xstats_attributes[] = {
    {.id = xstats_app, .name = "app", .type = Type::sub_message, .sub_message = &app_message, .selector = "kind"},
};
inline constexpr AttributeSet xstats_set{"xstats-attrs", xstats_attributes};

// A set that nests into itself, as nftables expressions and ovs actions do.
extern const AttributeSet recursive_set;
inline constexpr Attribute recursive_attributes[] = {
    {.id = recursive_inner, .name = "inner", .type = Type::nest, .nested = &recursive_set},
};
inline constexpr AttributeSet recursive_set{"recursive-attrs", recursive_attributes};

inline constexpr Attribute link_attributes[] = {
    {.id = address, .name = "address", .type = Type::binary, .display = Display::mac},
    {.id = ifname, .name = "ifname", .type = Type::string},
    {.id = mtu, .name = "mtu", .type = Type::u32},
    {.id = operstate, .name = "operstate", .type = Type::u8, .enumeration = &oper_states},
    {.id = flags, .name = "flags", .type = Type::u32, .enumeration = &link_flags},
    {.id = linkinfo, .name = "linkinfo", .type = Type::nest, .nested = &linkinfo_set},
    {.id = targets,
     .name = "targets",
     .type = Type::indexed_array,
     .byte_order = ByteOrder::big_endian,
     .display = Display::ipv4,
     .element = Type::u32},
    {.id = groups, .name = "groups", .type = Type::indexed_array, .nested = &group_set, .element = Type::nest},
    {.id = typed, .name = "typed", .type = Type::nest_type_value, .nested = &group_set},
    {.id = carrier, .name = "carrier", .type = Type::flag},
    {.id = stats, .name = "stats", .type = Type::binary, .fixed_struct = &stats_struct},
    {.id = big, .name = "big", .type = Type::uint},
    {.id = offset, .name = "offset", .type = Type::sint},
    {.id = gateway,
     .name = "gateway",
     .type = Type::u32,
     .byte_order = ByteOrder::big_endian,
     .display = Display::ipv4},
    {.id = address6, .name = "address6", .type = Type::binary, .display = Display::ipv6},
    {.id = change, .name = "change", .type = Type::bitfield32, .enumeration = &link_flags},
    {.id = ports, .name = "ports", .type = Type::binary, .element = Type::u16},
    {.id = id, .name = "id", .type = Type::u64, .display = Display::hex},
    {.id = weight, .name = "weight", .type = Type::s16},
    {.id = kind, .name = "kind", .type = Type::string},
    {.id = xstats, .name = "xstats", .type = Type::nest, .nested = &xstats_set},
    {.id = recursive, .name = "recursive", .type = Type::nest, .nested = &recursive_set},
};
inline constexpr AttributeSet link_set{"link-attrs", link_attributes};

inline constexpr uint16_t newlink = 16;
inline constexpr schema::MessageType link_messages[] = {
    {.type = newlink, .name = "newlink", .fixed_header = &header, .attributes = &link_set},
};
inline constexpr schema::Family link_family{"test-link", schema::FamilyKind::netlink_raw, NETLINK_ROUTE, link_messages,
                                            link_messages};

// A generic netlink family with a user header after genlmsghdr (like ovs).
inline constexpr StructMember user_header_members[] = {
    {.name = "ifindex", .type = Type::u32, .offset = 0, .length = 4}};
inline constexpr Struct user_header{"user-hdr", 4, user_header_members};
inline constexpr Attribute genl_attributes[] = {{.id = 1, .name = "name", .type = Type::string}};
inline constexpr AttributeSet genl_set{"genl-attrs", genl_attributes};
inline constexpr uint8_t genl_get = 3;
inline constexpr schema::MessageType genl_messages[] = {
    {.type = genl_get, .name = "get", .fixed_header = &user_header, .attributes = &genl_set},
};
inline constexpr schema::Family genl_family{"test-genl", schema::FamilyKind::genetlink, NETLINK_GENERIC, genl_messages,
                                            genl_messages};

/// The C layout of test-hdr.
struct TestHeader {
  uint8_t family = 0;
  uint8_t pad[3] = {};
  int32_t index = 0;
  uint32_t flags = 0;
};

/// A newlink message with its test-hdr, ready for attributes.
inline wire::MessageBuilder link_message(TestHeader fixed = {.family = 2, .pad = {}, .index = 7, .flags = 9}) {
  wire::MessageBuilder message;
  message.begin_message(newlink, NLM_F_MULTI);
  message.append_header(fixed);
  return message;
}

/// Views the one message a builder holds.
inline wire::Message only_message(const wire::MessageBuilder& builder) { return wire::Message(builder.bytes()); }

/// Adds linkinfo { kind, data { what fill(builder) adds } }; no kind when
/// kind is empty.
template <class Fill>
void add_linkinfo(wire::MessageBuilder& builder, std::string_view kind, Fill fill) {
  auto info = builder.begin_nested(linkinfo);
  if (!kind.empty()) builder.add_string(info_kind, kind);
  auto data = builder.begin_nested(info_data);
  fill(builder);
  builder.end_nested(data).end_nested(info);
}

/// Adds targets { 0: 10.0.0.1, 1: 10.0.0.2 }, an indexed array of big-endian u32.
inline void add_targets(wire::MessageBuilder& builder) {
  auto targets_nest = builder.begin_nested(targets);
  builder.add_be32(0, 0x0a000001).add_be32(1, 0x0a000002);
  builder.end_nested(targets_nest);
}

}  // namespace nlpp::test::tables

namespace nlpp::test {

/// The value of type T at a dotted path of a decoded message; throws (and
/// so fails the test) when it is absent or holds another type.
template <class T>
const T& value_of(const schema::DecodedMessage& message, std::string_view path) {
  const schema::DecodedAttribute* attribute = message.find(path);
  if (attribute == nullptr) throw std::runtime_error("no attribute " + std::string(path));
  const T* value = attribute->get<T>();
  if (value == nullptr) throw std::runtime_error(std::string(path) + " holds another type");
  return *value;
}

/// Bytes from small numbers.
inline std::vector<std::byte> bytes(std::initializer_list<uint8_t> values) {
  std::vector<std::byte> out;
  for (uint8_t value : values) out.push_back(std::byte{value});
  return out;
}

}  // namespace nlpp::test
