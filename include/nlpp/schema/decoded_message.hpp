// A netlink message decoded through the descriptor tables into a tree of
// owned values: what the generic printer (to_json) shows and what encode()
// turns back into the same bytes. Everything the tables do not describe, or
// whose payload does not fit its descriptor, is kept as Raw bytes, so no
// message loses anything on a decode -> encode round trip.
#pragma once

#include <nlpp/schema/schema.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace nlpp::schema {

struct DecodedAttribute;

/// A flag attribute: present, with an empty payload.
struct Flag {
  friend bool operator==(const Flag&, const Flag&) = default;
};

/// An unsigned integer and how it was laid out on the wire.
struct Unsigned {
  uint64_t value = 0;
  uint8_t size = 0;  ///< bytes on the wire: 1, 2, 4 or 8 (a YNL "uint" keeps its 4 or 8)
  ByteOrder byte_order = ByteOrder::host;
  friend bool operator==(const Unsigned&, const Unsigned&) = default;
};

/// A signed integer and how it was laid out on the wire.
struct Signed {
  int64_t value = 0;
  uint8_t size = 0;  ///< bytes on the wire: 1, 2, 4 or 8
  ByteOrder byte_order = ByteOrder::host;
  friend bool operator==(const Signed&, const Signed&) = default;
};

/// Text. The kernel NUL-terminates the strings it sends; user space may not.
struct String {
  std::string text;  ///< contains no NUL
  bool nul_terminated = true;
  friend bool operator==(const String&, const String&) = default;
};

/// The payload of a binary attribute (display hints apply when printed).
struct Binary {
  std::vector<std::byte> bytes;
  friend bool operator==(const Binary&, const Binary&) = default;
};

/// struct nla_bitfield32: the bits to set and which bits to look at.
struct Bitfield32 {
  uint32_t value = 0;
  uint32_t selector = 0;
  friend bool operator==(const Bitfield32&, const Bitfield32&) = default;
};

/// Bytes the tables do not describe, or that do not fit their descriptor
/// (wrong size, a nest whose attributes do not tile it, an unknown
/// sub-message format).
struct Raw {
  std::vector<std::byte> bytes;
  friend bool operator==(const Raw&, const Raw&) = default;
};

/// A fixed C structure: a family header or a struct-typed binary attribute.
/// The bytes are the truth (encode() writes them back as they are); members
/// are read from them through the descriptor.
struct DecodedStruct {
  const Struct* descriptor = nullptr;
  /// As received: at least descriptor->size bytes (kernel structs grow at
  /// the end), plus the padding to 4 bytes when it is a message header.
  std::vector<std::byte> bytes;

  /// A member's value (Unsigned, Signed or Binary); nullopt for padding, an
  /// unknown name, or a member past the end of bytes.
  std::optional<std::variant<Unsigned, Signed, Binary>> member(std::string_view name) const;
  std::optional<std::variant<Unsigned, Signed, Binary>> member(const StructMember& member) const;

  friend bool operator==(const DecodedStruct&, const DecodedStruct&) = default;
};

/// The attributes of a nest, an indexed array or a nest-type-value. The
/// children of an indexed array are its elements (their types are indices);
/// those of a nest-type-value are nests whose types are values.
struct Nested {
  std::vector<DecodedAttribute> attributes;
  friend bool operator==(const Nested&, const Nested&) = default;
};

/// A sub-message: the format its selector picked, an optional fixed header,
/// and the attributes of the format's set.
struct SubMessageValue {
  const SubMessageFormat* format = nullptr;
  std::optional<DecodedStruct> fixed_header;
  std::vector<DecodedAttribute> attributes;
  friend bool operator==(const SubMessageValue&, const SubMessageValue&) = default;
};

/// What an attribute holds.
using Value =
    std::variant<Flag, Unsigned, Signed, String, Binary, DecodedStruct, Bitfield32, Nested, SubMessageValue, Raw>;

/// One attribute of the tree.
struct DecodedAttribute {
  uint16_t raw_type = 0;                  ///< nla_type as sent, NLA_F_NESTED / NLA_F_NET_BYTEORDER kept
  const Attribute* descriptor = nullptr;  ///< nullptr: unknown, or an element of an indexed array / nest-type-value
  Value value;

  /// The type without the flag bits.
  uint16_t type() const noexcept;
  /// The descriptor's name, or the type number for an attribute without one:
  /// one component of an attribute path.
  std::string name() const;
  /// The value as T, or nullptr when it holds something else.
  template <class T>
  const T* get() const noexcept {
    return std::get_if<T>(&value);
  }
  /// The children of a Nested or SubMessageValue; empty for anything else.
  const std::vector<DecodedAttribute>& children() const noexcept;

  friend bool operator==(const DecodedAttribute&, const DecodedAttribute&) = default;
};

/// Finds an attribute by a dotted path of names ("linkinfo.data.id"), each
/// component a descriptor name or a type number; nullptr if absent.
const DecodedAttribute* find_attribute(const std::vector<DecodedAttribute>& attributes, std::string_view path);

/// One decoded netlink message.
struct DecodedMessage {
  uint16_t nlmsg_type = 0;
  uint16_t nlmsg_flags = 0;
  uint32_t nlmsg_seq = 0;
  uint32_t nlmsg_pid = 0;
  /// The description the message was decoded with; nullptr when no table
  /// describes it (then everything after the netlink header, or after the
  /// genetlink header, is unparsed).
  const MessageType* message_type = nullptr;
  /// struct genlmsghdr, for a generic netlink message.
  std::optional<DecodedStruct> genl_header;
  /// The family's fixed header (ifinfomsg, rtmsg, nlmsgerr, ovs_header...);
  /// absent when there is none or the payload is too short for it.
  std::optional<DecodedStruct> fixed_header;
  std::vector<DecodedAttribute> attributes;
  /// Bytes after the last whole attribute, kept for a lossless encode.
  std::vector<std::byte> unparsed;

  /// find_attribute() over the top-level attributes.
  const DecodedAttribute* find(std::string_view path) const { return find_attribute(attributes, path); }

  friend bool operator==(const DecodedMessage&, const DecodedMessage&) = default;
};

}  // namespace nlpp::schema
