// Builds netlink messages into one growable buffer: a header, an optional
// fixed family header, and attributes, nested or not. Several messages can
// be built back to back, which is how batches are sent in one sendmsg.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/bytes.hpp>

#include <linux/netlink.h>

#include <cstdint>
#include <string_view>
#include <type_traits>
#include <vector>

namespace nlpp::wire {

/// Appends messages and attributes to an owned buffer. Lengths (nlmsg_len,
/// nla_len of open nests) are kept up to date on every append, so the bytes
/// are a valid message at any point between calls.
///
/// Appends never fail on the spot: an append that cannot be encoded (an
/// attribute, or an open nest, that would outgrow its 16-bit length; an
/// append before begin_message()) writes nothing and marks the builder
/// failed, as does a misplaced end_nested(). status() reports the first
/// such failure; senders check status() before sending.
class MessageBuilder {
 public:
  /// A nested attribute that is open; pass it back to end_nested().
  struct Nest {
    size_t offset;
  };

  MessageBuilder() = default;
  /// Pre-allocates bytes of buffer (for big batches).
  explicit MessageBuilder(size_t reserve_bytes) { buffer_.reserve(reserve_bytes); }

  /// Starts a new message after any previous one. nlmsg_seq and nlmsg_pid are
  /// left zero: the request engine stamps them when it sends.
  MessageBuilder& begin_message(uint16_t type, uint16_t flags);

  /// Appends a fixed family header (ifinfomsg, rtmsg, genlmsghdr...), padded to 4 bytes.
  template <class Header>
  MessageBuilder& append_header(const Header& header) {
    static_assert(std::is_trivially_copyable_v<Header>);
    return append_header_bytes(bytes_of(header));
  }
  MessageBuilder& append_header_bytes(Bytes header);

  /// Appends an attribute with a raw payload. type may carry NLA_F_* flags.
  MessageBuilder& add(uint16_t type, Bytes payload);
  MessageBuilder& add_flag(uint16_t type) { return add(type, {}); }
  MessageBuilder& add_u8(uint16_t type, uint8_t value) { return add(type, bytes_of(value)); }
  MessageBuilder& add_u16(uint16_t type, uint16_t value) { return add(type, bytes_of(value)); }
  MessageBuilder& add_u32(uint16_t type, uint32_t value) { return add(type, bytes_of(value)); }
  MessageBuilder& add_u64(uint16_t type, uint64_t value) { return add(type, bytes_of(value)); }
  MessageBuilder& add_s8(uint16_t type, int8_t value) { return add(type, bytes_of(value)); }
  MessageBuilder& add_s16(uint16_t type, int16_t value) { return add(type, bytes_of(value)); }
  MessageBuilder& add_s32(uint16_t type, int32_t value) { return add(type, bytes_of(value)); }
  MessageBuilder& add_s64(uint16_t type, int64_t value) { return add(type, bytes_of(value)); }
  /// Integers the kernel wants in network byte order; value is in host order.
  MessageBuilder& add_be16(uint16_t type, uint16_t value) { return add(type, bytes_of(host_to_network(value))); }
  MessageBuilder& add_be32(uint16_t type, uint32_t value) { return add(type, bytes_of(host_to_network(value))); }
  MessageBuilder& add_be64(uint16_t type, uint64_t value) { return add(type, bytes_of(host_to_network(value))); }
  /// A NUL-terminated string (NLA_NUL_STRING and NLA_STRING both accept it).
  MessageBuilder& add_string(uint16_t type, std::string_view text);
  /// A fixed structure as the payload.
  template <class T>
  MessageBuilder& add_struct(uint16_t type, const T& value) {
    return add(type, bytes_of(value));
  }

  /// Opens a nested attribute (with NLA_F_NESTED, as iproute2 sends them).
  Nest begin_nested(uint16_t type);
  /// Opens a nested attribute without NLA_F_NESTED, for the few kernel
  /// parsers that compare the raw type (some legacy tc and ipset paths).
  Nest begin_nested_without_flag(uint16_t type);
  /// Closes the innermost open nest, which must be nest.
  MessageBuilder& end_nested(Nest nest);

  /// OK, or why the bytes must not be sent.
  Result<void> status() const;

  /// Everything built so far.
  Bytes bytes() const noexcept { return buffer_; }
  /// The same bytes, writable: the request engine stamps seq and port id.
  std::span<std::byte> mutable_bytes() noexcept { return buffer_; }
  size_t message_count() const noexcept { return message_count_; }
  bool empty() const noexcept { return buffer_.empty(); }

  /// Forgets all messages, open nests and failures, keeping the allocation.
  void clear() noexcept;

 private:
  bool can_append(size_t length);
  bool append_attribute(uint16_t type, Bytes payload, Bytes terminator);
  void append(Bytes bytes);
  void pad();
  void update_lengths() noexcept;
  void fail(const char* why) noexcept;

  std::vector<std::byte> buffer_;
  size_t message_start_ = 0;
  size_t message_count_ = 0;
  std::vector<size_t> open_nests_;  ///< offsets of the open nests, outermost first
  const char* failure_ = nullptr;
};

}  // namespace nlpp::wire
