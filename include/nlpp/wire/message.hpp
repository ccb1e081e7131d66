// Zero-copy views of netlink messages (struct nlmsghdr + payload) in a
// receive buffer. Bounds are checked; a malformed message ends iteration and
// is reported by validate().
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/bytes.hpp>
#include <nlpp/wire/detail/tlv_iterator.hpp>

#include <linux/netlink.h>

#include <algorithm>

namespace nlpp::wire {

/// One netlink message viewed in place.
class Message {
 public:
  static constexpr size_t header_size = NLMSG_HDRLEN;

  /// An empty view: a zeroed header and no payload.
  Message() noexcept = default;
  /// Views the message whose header starts at bytes[0]. The view is exactly
  /// bytes (the nlmsg_len field is not trusted); fewer bytes than a header give
  /// the empty view, so no getter can read outside what was passed.
  explicit Message(Bytes bytes) noexcept : bytes_(bytes.size() >= header_size ? bytes : Bytes(zero_header)) {}

  uint32_t length() const noexcept { return load<uint32_t>(bytes_); }
  uint16_t type() const noexcept { return load<uint16_t>(bytes_.subspan(4)); }
  uint16_t flags() const noexcept { return load<uint16_t>(bytes_.subspan(6)); }
  uint32_t seq() const noexcept { return load<uint32_t>(bytes_.subspan(8)); }
  uint32_t port_id() const noexcept { return load<uint32_t>(bytes_.subspan(12)); }

  /// Header and payload.
  Bytes bytes() const noexcept { return bytes_; }
  /// Everything after the netlink header.
  Bytes payload() const noexcept { return bytes_.subspan(header_size); }

  /// Copies the fixed family header (ifinfomsg, rtmsg, genlmsghdr...) that
  /// starts the payload.
  template <class Header>
  Result<Header> fixed_header() const noexcept {
    if (payload().size() < sizeof(Header)) return truncated(sizeof(Header));
    return load<Header>(payload());
  }

  /// The attributes that follow a fixed header of fixed_header_size bytes
  /// and its padding to 4 bytes.
  Result<AttributeRange> attributes(size_t fixed_header_size) const noexcept {
    if (payload().size() < fixed_header_size) return truncated(fixed_header_size);
    // Like the kernel's nlmsg_parse(), accept a message that ends inside the
    // header's padding (NLMSG_LENGTH(sizeof(struct rtgenmsg)) is 17): it has
    // no attributes.
    return AttributeRange(payload().subspan(std::min(align4(fixed_header_size), payload().size())));
  }

 private:
  Error truncated(size_t needed) const noexcept;

  static constexpr std::byte zero_header[header_size] = {};
  Bytes bytes_ = zero_header;
};

/// The messages laid out back to back in one datagram (or a batch).
class MessageRange {
 public:
  /// Iterates messages; stops at the end or before the first malformed one.
  using iterator = detail::TlvIterator<Message, uint32_t>;

  MessageRange() noexcept = default;
  explicit MessageRange(Bytes bytes) noexcept : bytes_(bytes) {}

  iterator begin() const noexcept { return iterator(bytes_); }
  iterator end() const noexcept { return iterator(bytes_.last(0)); }
  Bytes bytes() const noexcept { return bytes_; }

  /// Checks that the messages tile the span exactly; the error names the
  /// offset of the first bad header.
  Result<void> validate() const noexcept;

 private:
  Bytes bytes_;
};

}  // namespace nlpp::wire
