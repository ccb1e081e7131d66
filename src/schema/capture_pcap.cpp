// Reading pcap captures, and telling them from hex dumps.
//
// libpcap's classic file format: a 24-byte file header, then records of a
// 16-byte header (seconds, microseconds or nanoseconds, captured length,
// original length) and the captured bytes. The magic number says the byte
// order and the unit of the timestamps.
#include <nlpp/schema/capture.hpp>

#include "capture_fields.hpp"

#include <linux/if_arp.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace nlpp::schema {
namespace detail {
namespace {

// What is left to read of a file (0 for a pipe, which cannot seek): text
// read from a file is then allocated once, not grown by doubling.
size_t left_in_file(std::streambuf& buffer) {
  const std::streamoff here = buffer.pubseekoff(0, std::ios::cur, std::ios::in);
  if (here < 0) return 0;
  const std::streamoff end = buffer.pubseekoff(0, std::ios::end, std::ios::in);
  buffer.pubseekpos(here, std::ios::in);
  return end > here ? static_cast<size_t>(end - here) : 0;
}

}  // namespace

Result<wire::Bytes> CaptureInput::peek(size_t size) {
  if (stream_ == nullptr) return bytes_.first(std::min(size, bytes_.size()));
  if (peeked_.size() < size) {
    const size_t wanted = size - peeked_.size();
    peeked_.resize(size);
    errno = 0;
    stream_->read(reinterpret_cast<char*>(peeked_.data() + size - wanted), static_cast<std::streamsize>(wanted));
    if (stream_->bad()) return failed();
    peeked_.resize(size - wanted + static_cast<size_t>(stream_->gcount()));
  }
  return wire::Bytes(peeked_).first(std::min(size, peeked_.size()));
}

Result<size_t> CaptureInput::read(std::vector<std::byte>& into, size_t size) {
  const size_t start = into.size();
  if (stream_ == nullptr) {
    const wire::Bytes taken = bytes_.first(std::min(size, bytes_.size()));
    into.insert(into.end(), taken.begin(), taken.end());
    bytes_ = bytes_.subspan(taken.size());
  } else {
    const size_t from_peeked = std::min(size, peeked_.size());
    into.insert(into.end(), peeked_.begin(), peeked_.begin() + static_cast<std::ptrdiff_t>(from_peeked));
    peeked_.erase(peeked_.begin(), peeked_.begin() + static_cast<std::ptrdiff_t>(from_peeked));
    into.resize(start + size);
    errno = 0;
    stream_->read(reinterpret_cast<char*>(into.data() + start + from_peeked),
                  static_cast<std::streamsize>(size - from_peeked));
    if (stream_->bad()) return failed();
    into.resize(start + from_peeked + static_cast<size_t>(stream_->gcount()));
  }
  offset_ += into.size() - start;
  return into.size() - start;
}

Result<size_t> CaptureInput::skip(size_t size) {
  size_t skipped = std::min(size, stream_ == nullptr ? bytes_.size() : peeked_.size());
  if (stream_ == nullptr) {
    bytes_ = bytes_.subspan(skipped);
  } else {
    peeked_.erase(peeked_.begin(), peeked_.begin() + static_cast<std::ptrdiff_t>(skipped));
    errno = 0;
    stream_->ignore(static_cast<std::streamsize>(size - skipped));
    if (stream_->bad()) return failed();
    skipped += static_cast<size_t>(stream_->gcount());
  }
  offset_ += skipped;
  return skipped;
}

Result<std::string> CaptureInput::rest_as_text() {
  std::string text;
  if (stream_ == nullptr) {
    text.assign(reinterpret_cast<const char*>(bytes_.data()), bytes_.size());
    offset_ += bytes_.size();
    bytes_ = {};
    return text;
  }
  text.reserve(peeked_.size() + left_in_file(*stream_->rdbuf()));
  text.assign(reinterpret_cast<const char*>(peeked_.data()), peeked_.size());
  peeked_.clear();
  char chunk[1 << 16];
  errno = 0;
  while (stream_->read(chunk, sizeof chunk) || stream_->gcount() > 0)
    text.append(chunk, static_cast<size_t>(stream_->gcount()));
  offset_ += text.size();
  if (stream_->bad()) return failed();
  return text;
}

Error CaptureInput::failed() const {
  // std::filebuf throws when read(2) fails, and istream keeps that to itself
  // (badbit); errno still says why, if the stream's buffer set it: each read
  // of the stream clears it first.
  const std::error_code code =
      errno != 0 ? std::error_code(errno, std::system_category()) : std::make_error_code(std::errc::io_error);
  return Error(code, "reading the input at offset " + std::to_string(offset_));
}

std::string at(std::string_view what, size_t offset) {
  return std::string(what) + " at offset " + std::to_string(offset);
}

Error cut_short(std::string_view what, size_t offset, std::string_view needed, size_t left) {
  return Error(errc::invalid_argument, at(what, offset) + ": " + std::string(needed) +
                                           " runs past the end of the input (" + std::to_string(left) + " bytes left)");
}

Error too_long(std::string_view what, size_t offset, size_t length, size_t most, std::string_view whose_most) {
  return Error(errc::invalid_argument, at(what, offset) + ": length " + std::to_string(length) + " is more than " +
                                           std::to_string(most) + ", " + std::string(whose_most));
}

Result<CapturedPacket> netlink_packet(wire::Bytes frame, size_t offset, const std::string& record) {
  // The Linux cooked (SLL) header, in network byte order whatever the file's:
  // packet type, ARPHRD_ type, address length, 8 address bytes, protocol.
  constexpr size_t cooked_header_size = 16;
  if (frame.size() < cooked_header_size)
    return Error(errc::invalid_argument, record + ": " + std::to_string(frame.size()) +
                                             " bytes, less than the 16-byte cooked header of LINKTYPE_NETLINK");
  const CaptureFields big_endian(frame, std::endian::native == std::endian::little);
  if (const uint16_t hatype = big_endian.u16(2); hatype != ARPHRD_NETLINK)
    return Error(errc::invalid_argument, record + ": hardware type " + std::to_string(hatype) +
                                             " in its cooked header, not ARPHRD_NETLINK (824)");
  CapturedPacket packet;
  packet.record.protocol = big_endian.u16(14);
  packet.offset = offset + cooked_header_size;
  packet.bytes.assign(frame.begin() + cooked_header_size, frame.end());
  return packet;
}

}  // namespace detail

namespace {

using detail::at;
using detail::cut_short;
using detail::too_long;

constexpr uint32_t magic_microseconds = 0xa1b2c3d4;
constexpr uint32_t magic_nanoseconds = 0xa1b23c4d;
constexpr uint32_t magic_pcapng = 0x0a0d0d0a;  // a section header block's type
constexpr size_t file_header_size = 24;
constexpr size_t record_header_size = 16;

uint32_t magic_of(wire::Bytes input) noexcept { return input.size() < 4 ? 0 : wire::load<uint32_t>(input); }

bool is_classic_magic(uint32_t magic) noexcept {
  for (const uint32_t known : {magic_microseconds, magic_nanoseconds})
    if (magic == known || magic == wire::byteswap(known)) return true;
  return false;
}

Result<std::vector<CapturedPacket>> read_classic(detail::CaptureInput& input) {
  std::vector<std::byte> header;
  if (auto read = input.read(header, file_header_size); !read) return std::move(read).error();
  if (header.size() < file_header_size) return cut_short("pcap file header", 0, "its 24 bytes", header.size());
  const uint32_t magic = magic_of(header);
  const bool swapped = magic != magic_microseconds && magic != magic_nanoseconds;
  const bool nanoseconds = magic == magic_nanoseconds || magic == wire::byteswap(magic_nanoseconds);
  // The upper bits of the field may carry FCS information; the type is the low 16.
  if (const uint32_t linktype = detail::CaptureFields(header, swapped).u32(20) & 0xffff;
      linktype != detail::linktype_netlink)
    return Error(errc::invalid_argument, at("pcap file header", 20) + ": link type " + std::to_string(linktype) +
                                             ", not LINKTYPE_NETLINK (253): not a capture of an nlmon device");
  std::vector<CapturedPacket> packets;
  for (std::vector<std::byte> record;; record.clear()) {
    const size_t offset = input.offset();
    const Result<size_t> header_read = input.read(record, record_header_size);
    if (!header_read) return header_read.error();
    if (*header_read == 0) return packets;
    if (*header_read < record_header_size) return cut_short("pcap record", offset, "its 16-byte header", *header_read);
    const detail::CaptureFields fields(record, swapped);
    const uint32_t captured = fields.u32(8);
    const uint32_t original = fields.u32(12);
    const std::chrono::seconds seconds(fields.u32(0));
    const uint32_t fraction = fields.u32(4);
    // The header's snapshot length is no bound: libpcap reads records longer than it.
    if (captured > max_captured_length)
      return too_long("pcap record", offset, captured, max_captured_length, "the longest packet libpcap captures");
    const Result<size_t> data_read = input.read(record, captured);
    if (!data_read) return data_read.error();
    if (*data_read < captured)
      return cut_short("pcap record", offset, "length " + std::to_string(captured), *data_read);
    if (captured < original)
      return Error(errc::invalid_argument, at("pcap record", offset) + ": only " + std::to_string(captured) +
                                               " of its " + std::to_string(original) +
                                               " bytes were captured (snapshot length)");
    Result<CapturedPacket> packet = detail::netlink_packet(wire::Bytes(record).subspan(record_header_size),
                                                           offset + record_header_size, at("pcap record", offset));
    if (!packet) return std::move(packet).error();
    packet->record.timestamp =
        seconds + (nanoseconds ? std::chrono::nanoseconds(fraction) : std::chrono::microseconds(fraction));
    packets.push_back(std::move(*packet));
  }
}

// read_pcap() of an input in memory or in a stream.
Result<std::vector<CapturedPacket>> read_pcap_input(detail::CaptureInput& input) {
  const Result<wire::Bytes> magic = input.peek(4);
  if (!magic) return magic.error();
  if (magic_of(*magic) == magic_pcapng) return detail::read_pcapng(input);
  if (!is_classic_magic(magic_of(*magic)))
    return Error(errc::invalid_argument,
                 at("pcap file header", 0) + ": not a pcap or pcapng magic number (a1b2c3d4, a1b23c4d, 0a0d0d0a)");
  return read_classic(input);
}

}  // namespace

CaptureFormat detect_capture_format(wire::Bytes input) noexcept {
  const uint32_t magic = magic_of(input);
  return is_classic_magic(magic) || magic == magic_pcapng ? CaptureFormat::pcap : CaptureFormat::hex;
}

Result<std::vector<CapturedPacket>> read_pcap(wire::Bytes input) {
  detail::CaptureInput bytes(input);
  return read_pcap_input(bytes);
}

Result<std::vector<CapturedPacket>> read_capture(wire::Bytes input, CaptureFormat format, int protocol) {
  if (format == CaptureFormat::pcap) return read_pcap(input);
  return read_hex_dump(std::string_view(reinterpret_cast<const char*>(input.data()), input.size()), protocol);
}

Result<std::vector<CapturedPacket>> read_capture(std::istream& in, std::optional<CaptureFormat> format, int protocol) {
  detail::CaptureInput input(in);
  if (!format) {
    const Result<wire::Bytes> magic = input.peek(4);
    if (!magic) return magic.error();
    format = detect_capture_format(*magic);
  }
  if (*format == CaptureFormat::pcap) return read_pcap_input(input);
  const Result<std::string> text = input.rest_as_text();
  if (!text) return text.error();
  return read_hex_dump(*text, protocol);
}

}  // namespace nlpp::schema
