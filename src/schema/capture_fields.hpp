// Internal: what the pcap and pcapng readers share: the input they read a
// record at a time, integers in the file's byte order, errors that say
// where, and the cooked header that starts every packet of LINKTYPE_NETLINK.
#pragma once

#include <nlpp/schema/capture.hpp>

#include <istream>
#include <string>

namespace nlpp::schema::detail {

/// LINKTYPE_NETLINK: packets of an nlmon device, each after a cooked header.
inline constexpr uint32_t linktype_netlink = 253;

/// The bytes of a capture, in order, from memory or from a stream. Readers
/// take a header, check the length it gives, then take that many bytes: a
/// stream is never read further than the record being checked.
class CaptureInput {
 public:
  explicit CaptureInput(wire::Bytes bytes) noexcept : bytes_(bytes) {}
  explicit CaptureInput(std::istream& stream) noexcept : stream_(&stream) {}

  /// Where the next byte is in the input.
  size_t offset() const noexcept { return offset_; }
  /// The next `size` bytes (fewer at the end of the input), left to be read.
  Result<wire::Bytes> peek(size_t size);
  /// Appends the next `size` bytes (fewer at the end of the input) to
  /// `into`; returns how many it appended.
  Result<size_t> read(std::vector<std::byte>& into, size_t size);
  /// Passes over the next `size` bytes, unread (fewer at the end of the
  /// input); returns how many.
  Result<size_t> skip(size_t size);
  /// The rest of the input, as text.
  Result<std::string> rest_as_text();

 private:
  Error failed() const;

  wire::Bytes bytes_;               // what is left of an input in memory
  std::istream* stream_ = nullptr;  // or the stream it comes from
  std::vector<std::byte> peeked_;   // taken from the stream by peek(), not yet read
  size_t offset_ = 0;
};

/// Integers of a capture file, in the byte order its magic number gave.
/// Callers check the bounds first.
class CaptureFields {
 public:
  CaptureFields(wire::Bytes input, bool swapped) noexcept : input_(input), swapped_(swapped) {}

  uint16_t u16(size_t offset) const noexcept { return order(wire::load<uint16_t>(input_.subspan(offset))); }
  uint32_t u32(size_t offset) const noexcept { return order(wire::load<uint32_t>(input_.subspan(offset))); }

 private:
  template <class T>
  T order(T value) const noexcept {
    return swapped_ ? wire::byteswap(value) : value;
  }
  wire::Bytes input_;
  bool swapped_;
};

/// "<what> at offset <offset>", how every error of a capture starts.
std::string at(std::string_view what, size_t offset);

/// The input ended inside something: `what` at `offset` needed `needed`
/// bytes and `left` remain.
Error cut_short(std::string_view what, size_t offset, std::string_view needed, size_t left);

/// `what` at `offset` claims a length past the most the format allows
/// (`whose_most` says whose limit that is): refused before it is read.
Error too_long(std::string_view what, size_t offset, size_t length, size_t most, std::string_view whose_most);

/// A captured packet of LINKTYPE_NETLINK (`frame`, starting at `offset` in
/// the input) without its 16-byte cooked header, which gives its protocol;
/// errors start with `record` (at(), naming the record that holds it).
Result<CapturedPacket> netlink_packet(wire::Bytes frame, size_t offset, const std::string& record);

/// read_pcap() of a pcapng file (capture_pcapng.cpp).
Result<std::vector<CapturedPacket>> read_pcapng(CaptureInput& input);

}  // namespace nlpp::schema::detail
