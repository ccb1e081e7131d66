// Descriptor tables: what the kernel's attribute sets, fixed headers and
// message types look like. One table per attribute set is the single source
// of truth for generic decoding, printing, validation and for naming the
// attribute an extended ACK points at.
//
// Most tables are generated from the kernel's YNL specs (src/schema/generated,
// by tools/ynl_gen.py); families without a spec are written by hand in the
// same form (src/schema/handwritten).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace nlpp::schema {

/// How an attribute's payload is laid out (the YNL attribute types).
enum class Type : uint8_t {
  unused,         ///< a placeholder id (YNL "unused")
  pad,            ///< alignment padding (YNL "pad")
  flag,           ///< presence only, empty payload
  u8, u16, u32, u64,
  s8, s16, s32, s64,
  uint,           ///< unsigned, 4 or 8 bytes
  sint,           ///< signed, 4 or 8 bytes
  string,         ///< NUL-terminated text
  binary,         ///< opaque bytes, or a fixed struct when Attribute::fixed_struct is set
  nest,           ///< attributes of Attribute::nested
  indexed_array,  ///< nests whose types are indices; each holds Attribute::nested (or a scalar of Attribute::element)
  nest_type_value,///< nests whose types are values; each holds Attribute::nested
  sub_message,    ///< attributes chosen by the value of a sibling (Attribute::selector)
  bitfield32,     ///< struct nla_bitfield32
};

/// Byte order of an integer payload.
enum class ByteOrder : uint8_t { host, big_endian };

/// How to show a binary or integer value to people (YNL display-hint).
enum class Display : uint8_t { none, hex, mac, ipv4, ipv6, ip, uuid };

struct AttributeSet;
struct SubMessage;
struct Struct;
struct Enum;

/// One named value of an Enum (or one bit of a flags Enum).
struct EnumEntry {
  uint64_t value;
  std::string_view name;
};

/// A kernel enumeration or flag set, for printing values by name.
struct Enum {
  std::string_view name;
  bool is_flags;  ///< values are bit masks
  std::span<const EnumEntry> entries;

  /// The entry with this value; nullptr if none.
  const EnumEntry* find(uint64_t value) const noexcept;
};

/// One attribute of an attribute set.
struct Attribute {
  uint16_t id;
  std::string_view name;
  Type type;
  ByteOrder byte_order = ByteOrder::host;
  Display display = Display::none;
  const AttributeSet* nested = nullptr;        ///< nest, indexed_array, nest_type_value
  Type element = Type::unused;                 ///< YNL sub-type: the elements of an indexed_array or of a binary
                                               ///< array (scalars, or binary: fixed_struct records)
  const SubMessage* sub_message = nullptr;     ///< sub_message
  std::string_view selector = {};              ///< sub_message: the attribute whose value picks the format, in
                                               ///< this set or an enclosing one (TCA_STATS_APP: TCA_KIND)
  const Struct* fixed_struct = nullptr;        ///< binary payload that is a known struct
  const Enum* enumeration = nullptr;           ///< integer values with names
};

/// An attribute set: the attributes that may appear at one nesting level.
struct AttributeSet {
  std::string_view name;
  std::span<const Attribute> attributes;  ///< sorted by id

  /// The attribute with this id (flags already masked off); nullptr if unknown.
  const Attribute* find(uint16_t id) const noexcept;
  /// The attribute with this name; nullptr if unknown.
  const Attribute* find(std::string_view name) const noexcept;
};

/// One member of a fixed header or binary struct.
struct StructMember {
  std::string_view name;
  Type type;  ///< an integer type, pad, or binary (with length)
  uint16_t offset;
  uint16_t length;
  ByteOrder byte_order = ByteOrder::host;
  Display display = Display::none;
  const Enum* enumeration = nullptr;
  const Struct* fixed_struct = nullptr;  ///< binary member that is a known struct (tc_ratespec in tc_htb_opt)
};

/// A fixed C structure: a family header (ifinfomsg, rtmsg...) or a binary
/// attribute payload (rtnl_link_stats64, ifa_cacheinfo...).
struct Struct {
  std::string_view name;
  uint16_t size;
  std::span<const StructMember> members;
};

/// One format of a sub-message: the selector's value and what follows.
struct SubMessageFormat {
  std::string_view value;
  const AttributeSet* attributes = nullptr;  ///< nullptr: no attributes
  const Struct* fixed_header = nullptr;      ///< a struct before the attributes, if any
};

/// Attributes whose layout depends on a sibling's value (IFLA_INFO_KIND ->
/// IFLA_INFO_DATA, TCA_KIND -> TCA_OPTIONS, RTA_ENCAP_TYPE -> RTA_ENCAP).
struct SubMessage {
  std::string_view name;
  std::span<const SubMessageFormat> formats;

  /// The format for a selector value; nullptr if unknown.
  const SubMessageFormat* find(std::string_view value) const noexcept;
};

/// One message type of a family: what follows the netlink header.
struct MessageType {
  uint16_t type;              ///< nlmsg_type (netlink-raw) or genl command (genetlink)
  std::string_view name;      ///< YNL operation name, "newlink"
  const Struct* fixed_header = nullptr;
  const AttributeSet* attributes = nullptr;
};

/// How a family's messages are carried.
enum class FamilyKind : uint8_t {
  netlink_raw,  ///< message types are nlmsg_type values (rtnetlink, ...)
  genetlink,    ///< nlmsg_type is a dynamic family id; genlmsghdr.cmd picks the message
  nfnetlink,    ///< nlmsg_type = subsystem << 8 | message; nfgenmsg header
};

/// A netlink family: one protocol (netlink-raw) or one generic netlink family.
struct Family {
  std::string_view name;       ///< "rt-link", "nlctrl", "ethtool"...
  FamilyKind kind;
  int protocol;                ///< NETLINK_ROUTE, NETLINK_GENERIC, ...
  std::span<const MessageType> requests;  ///< messages sent to the kernel
  std::span<const MessageType> replies;   ///< messages sent by the kernel (and notifications)

  /// The request/reply description of a message type; nullptr if unknown.
  const MessageType* find_request(uint16_t type) const noexcept;
  const MessageType* find_reply(uint16_t type) const noexcept;
};

}  // namespace nlpp::schema
