// Reading netlink traffic that was recorded elsewhere: a pcap capture of an
// nlmon device (what `tcpdump -i nlmon0 -w FILE` or Wireshark write), or a
// hex dump of messages. Both give packets, each the netlink messages of one
// datagram with what the capture says about it; decoded_capture.hpp decodes
// them. Nothing here trusts the input: a length that runs past the end, a
// wrong magic or a byte that is not hex is an Error (errc::invalid_argument:
// bad input, caught before anything used it) whose context says where (the
// offset in the input) and what was expected. Nor does it let the input say
// how much memory to take: what one input may expand to is bounded
// (max_hex_dump_bytes, max_captured_length), and a capture read from a
// stream is read a record at a time, each length checked before its bytes.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/bytes.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string_view>
#include <vector>

namespace nlpp::schema {

/// What a capture says about one datagram.
struct CaptureRecord {
  int protocol = 0;  ///< the netlink protocol (NETLINK_ROUTE...)
  /// When it was captured, since the Unix epoch; pcap only.
  std::optional<std::chrono::nanoseconds> timestamp{};
  // No direction: nlmon transmits every message it sees, so the cooked
  // header's packet type is PACKET_OUTGOING whoever sent it. Messages to the
  // kernel carry NLM_F_REQUEST instead (decoded_capture.hpp).
};

/// One datagram of a capture: its netlink messages, back to back.
struct CapturedPacket {
  CaptureRecord record;
  size_t offset = 0;  ///< where the messages start in the input (bytes)
  std::vector<std::byte> bytes;
};

/// The formats read_capture() reads.
enum class CaptureFormat : uint8_t {
  pcap,  ///< libpcap's classic format or pcapng, link type LINKTYPE_NETLINK
  hex,   ///< a hex dump of netlink messages (read_hex_dump)
};

/// The most bytes one hex dump decodes to, its '*' repeats included. A
/// netlink datagram is at most 64 KiB in practice, so hundreds fit; an
/// offset after a '*' may claim gigabytes in a few bytes of text, and is
/// refused rather than allocated.
inline constexpr size_t max_hex_dump_bytes = size_t{16} << 20;

/// The most bytes of one packet a capture may hold: libpcap's largest
/// snapshot length (MAXIMUM_SNAPLEN), past which it refuses to read too.
inline constexpr size_t max_captured_length = 262144;

/// pcap when the input starts with a pcap or pcapng magic number; hex otherwise.
CaptureFormat detect_capture_format(wire::Bytes input) noexcept;

/// The packets of a pcap capture of an nlmon device: the classic format in
/// either byte order with microsecond or nanosecond timestamps, or pcapng
/// (its enhanced and simple packet blocks; other blocks are skipped), link
/// type LINKTYPE_NETLINK (253). Each packet starts with a 16-byte Linux
/// cooked header (packet type, ARPHRD_NETLINK, address length, address,
/// then the netlink protocol, big endian at offset 14), which is taken off. A packet cut
/// short by the snapshot length is an error, as its messages are, and so is
/// a record longer than max_captured_length, or a pcapng block that nlpp
/// reads longer than that and libpcap's 128 KiB of options (the blocks it
/// skips are skipped unread, whatever their length).
Result<std::vector<CapturedPacket>> read_pcap(wire::Bytes input);

/// The bytes of a hex dump as one packet of `protocol`. Accepted: hex byte
/// pairs separated by white space or commas, or run together ("2c000000"),
/// each token optionally prefixed with 0x; '#' starts a comment. Lines as
/// `xxd`, `hexdump -C`, `od -A x -t x1` and Wireshark's "copy as hex dump"
/// print them: when the first line starts with an offset (a token ending in
/// ':', or one longer than the token after it), every line does; the
/// offsets are checked against the bytes before them, a '*' line repeats
/// the line before it up to the next offset, and the bytes of a line end
/// where its text column starts (a token of another width than the first
/// byte group, or a gap of two spaces after `OFFSET:`, of three otherwise).
/// Errors name the line, the column and the offset in the text; bytes past
/// max_hex_dump_bytes are one.
Result<std::vector<CapturedPacket>> read_hex_dump(std::string_view text, int protocol);

/// read_pcap() or read_hex_dump(); `protocol` is for a hex dump only.
Result<std::vector<CapturedPacket>> read_capture(wire::Bytes input, CaptureFormat format, int protocol);

/// read_capture() of an input read once from `in` (a file, standard input),
/// in the format given or else told by its first 4 bytes: a pcap record by
/// record, its magic number checked before anything else is read; a hex dump
/// as its text. `in` failing (badbit) is an error naming the offset, whose
/// code is the errno the failed read left (std::filebuf's read(2)), else
/// std::errc::io_error.
Result<std::vector<CapturedPacket>> read_capture(std::istream& in, std::optional<CaptureFormat> format, int protocol);

}  // namespace nlpp::schema
