// Reading pcap captures, and telling them from hex dumps.
//
// libpcap's classic file format: a 24-byte file header, then records of a
// 16-byte header (seconds, microseconds or nanoseconds, captured length,
// original length) and the captured bytes. The magic number says the byte
// order and the unit of the timestamps.
#include <nlpp/schema/capture.hpp>

#include "capture_fields.hpp"

#include <linux/if_arp.h>

namespace nlpp::schema {
namespace detail {

std::string at(std::string_view what, size_t offset) {
  return std::string(what) + " at offset " + std::to_string(offset);
}

Error cut_short(std::string_view what, size_t offset, std::string_view needed, size_t left) {
  return Error(errc::invalid_argument, at(what, offset) + ": " + std::string(needed) +
                                           " runs past the end of the input (" + std::to_string(left) + " bytes left)");
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

Result<std::vector<CapturedPacket>> read_classic(wire::Bytes input) {
  if (input.size() < file_header_size) return cut_short("pcap file header", 0, "its 24 bytes", input.size());
  const uint32_t magic = magic_of(input);
  const bool swapped = magic != magic_microseconds && magic != magic_nanoseconds;
  const bool nanoseconds = magic == magic_nanoseconds || magic == wire::byteswap(magic_nanoseconds);
  const detail::CaptureFields fields(input, swapped);
  // The upper bits of the field may carry FCS information; the type is the low 16.
  if (const uint32_t linktype = fields.u32(20) & 0xffff; linktype != detail::linktype_netlink)
    return Error(errc::invalid_argument, at("pcap file header", 20) + ": link type " + std::to_string(linktype) +
                                             ", not LINKTYPE_NETLINK (253): not a capture of an nlmon device");
  std::vector<CapturedPacket> packets;
  for (size_t offset = file_header_size; offset < input.size();) {
    const size_t left = input.size() - offset;
    if (left < record_header_size) return cut_short("pcap record", offset, "its 16-byte header", left);
    const uint32_t captured = fields.u32(offset + 8);
    const uint32_t original = fields.u32(offset + 12);
    if (captured > left - record_header_size)
      return cut_short("pcap record", offset, "length " + std::to_string(captured), left - record_header_size);
    if (captured < original)
      return Error(errc::invalid_argument, at("pcap record", offset) + ": only " + std::to_string(captured) +
                                               " of its " + std::to_string(original) +
                                               " bytes were captured (snapshot length)");
    const size_t data = offset + record_header_size;
    Result<CapturedPacket> packet =
        detail::netlink_packet(input.subspan(data, captured), data, at("pcap record", offset));
    if (!packet) return std::move(packet).error();
    const std::chrono::seconds seconds(fields.u32(offset));
    const uint32_t fraction = fields.u32(offset + 4);
    packet->record.timestamp =
        seconds + (nanoseconds ? std::chrono::nanoseconds(fraction) : std::chrono::microseconds(fraction));
    packets.push_back(std::move(*packet));
    offset = data + captured;
  }
  return packets;
}

}  // namespace

CaptureFormat detect_capture_format(wire::Bytes input) noexcept {
  const uint32_t magic = magic_of(input);
  return is_classic_magic(magic) || magic == magic_pcapng ? CaptureFormat::pcap : CaptureFormat::hex;
}

Result<std::vector<CapturedPacket>> read_pcap(wire::Bytes input) {
  if (magic_of(input) == magic_pcapng) return detail::read_pcapng(input);
  if (!is_classic_magic(magic_of(input)))
    return Error(errc::invalid_argument,
                 at("pcap file header", 0) + ": not a pcap or pcapng magic number (a1b2c3d4, a1b23c4d, 0a0d0d0a)");
  return read_classic(input);
}

Result<std::vector<CapturedPacket>> read_capture(wire::Bytes input, CaptureFormat format, int protocol) {
  if (format == CaptureFormat::pcap) return read_pcap(input);
  return read_hex_dump(std::string_view(reinterpret_cast<const char*>(input.data()), input.size()), protocol);
}

}  // namespace nlpp::schema
