// Zero-copy views of netlink attributes (struct nlattr) inside a buffer that
// the caller owns. Every access is bounds-checked; a malformed attribute ends
// iteration and is reported by validate(), never read past.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/bytes.hpp>
#include <nlpp/wire/detail/tlv_iterator.hpp>

#include <linux/netlink.h>

#include <optional>
#include <string_view>

namespace nlpp::wire {

class AttributeRange;

/// One attribute: its 4-byte header and payload, viewed in place.
class Attribute {
 public:
  static constexpr size_t header_size = NLA_HDRLEN;

  /// An empty view: a zeroed header and no payload.
  Attribute() noexcept = default;
  /// Views the attribute whose header starts at bytes[0]. The view is exactly
  /// bytes (the nla_len field is not trusted); fewer bytes than a header give
  /// the empty view, so no getter can read outside what was passed.
  explicit Attribute(Bytes bytes) noexcept : bytes_(bytes.size() >= header_size ? bytes : Bytes(zero_header)) {}

  /// The attribute type without the NLA_F_NESTED / NLA_F_NET_BYTEORDER flags.
  uint16_t type() const noexcept { return raw_type() & NLA_TYPE_MASK; }
  /// The attribute type as sent, flags included.
  uint16_t raw_type() const noexcept { return load<uint16_t>(bytes_.subspan(2)); }
  bool has_nested_flag() const noexcept { return raw_type() & NLA_F_NESTED; }
  bool has_net_byteorder_flag() const noexcept { return raw_type() & NLA_F_NET_BYTEORDER; }

  /// The payload (nla_len minus the header; padding excluded).
  Bytes payload() const noexcept { return bytes_.subspan(header_size); }
  /// Header and payload (padding excluded).
  Bytes bytes() const noexcept { return bytes_; }

  Result<uint8_t> u8() const noexcept { return exact<uint8_t>(); }
  Result<uint16_t> u16() const noexcept { return exact<uint16_t>(); }
  Result<uint32_t> u32() const noexcept { return exact<uint32_t>(); }
  Result<uint64_t> u64() const noexcept { return exact<uint64_t>(); }
  Result<int8_t> s8() const noexcept { return exact<int8_t>(); }
  Result<int16_t> s16() const noexcept { return exact<int16_t>(); }
  Result<int32_t> s32() const noexcept { return exact<int32_t>(); }
  Result<int64_t> s64() const noexcept { return exact<int64_t>(); }
  /// Big-endian (network order) integers, returned in host order.
  Result<uint16_t> be16() const noexcept { return swapped<uint16_t>(); }
  Result<uint32_t> be32() const noexcept { return swapped<uint32_t>(); }
  Result<uint64_t> be64() const noexcept { return swapped<uint64_t>(); }
  /// A variable-width unsigned integer (YNL "uint": 4 or 8 bytes).
  Result<uint64_t> uint() const noexcept;
  /// A string; the NUL terminator the kernel sends is not part of the view.
  /// Text after an embedded NUL is not part of it either.
  std::string_view string() const noexcept;
  /// A fixed structure; payloads longer than T are accepted (kernel structs
  /// grow at the end), shorter ones are malformed.
  template <class T>
  Result<T> as() const noexcept {
    if (payload().size() < sizeof(T)) return malformed(sizeof(T));
    return load<T>(payload());
  }
  /// The attributes nested in the payload.
  AttributeRange nested() const noexcept;

 private:
  template <class T>
  Result<T> exact() const noexcept {
    if (payload().size() != sizeof(T)) return malformed(sizeof(T));
    return load<T>(payload());
  }
  template <class T>
  Result<T> swapped() const noexcept {
    if (payload().size() != sizeof(T)) return malformed(sizeof(T));
    return network_to_host(load<T>(payload()));
  }
  Error malformed(size_t expected_size) const noexcept;

  static constexpr std::byte zero_header[header_size] = {};
  Bytes bytes_ = zero_header;
};

/// The attributes laid out back to back in a byte span (a message's
/// attribute area, or a nested attribute's payload).
class AttributeRange {
 public:
  /// Iterates attributes; stops at the end or before the first malformed one.
  using iterator = detail::TlvIterator<Attribute, uint16_t>;

  AttributeRange() noexcept = default;
  explicit AttributeRange(Bytes bytes) noexcept : bytes_(bytes) {}

  iterator begin() const noexcept { return iterator(bytes_); }
  iterator end() const noexcept { return iterator(bytes_.last(0)); }
  bool empty() const noexcept { return begin() == end(); }
  Bytes bytes() const noexcept { return bytes_; }

  /// Checks that the attributes tile the span exactly: the last one's
  /// padding may be cut short or missing, but any byte after it is an error,
  /// as in the kernel's strict validation ("bytes leftover after parsing
  /// attributes"). The error names the offset of the first bad one.
  Result<void> validate() const noexcept;

  /// The first attribute of the given type (flags ignored), if any.
  std::optional<Attribute> find(uint16_t type) const noexcept {
    for (const Attribute& attribute : *this)
      if (attribute.type() == type) return attribute;
    return std::nullopt;
  }

 private:
  Bytes bytes_;
};

inline AttributeRange Attribute::nested() const noexcept { return AttributeRange(payload()); }

}  // namespace nlpp::wire
