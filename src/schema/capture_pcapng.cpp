// pcapng: a sequence of blocks (type, total length, body, total length
// again). A section header block starts each section and gives its byte
// order; interface description blocks give each interface's link type and
// timestamp resolution; enhanced and simple packet blocks carry the packets.
// Other blocks (statistics, name resolution...) are skipped, and so are the
// packets of interfaces of another link type than LINKTYPE_NETLINK.
#include <nlpp/schema/capture.hpp>

#include "capture_fields.hpp"

namespace nlpp::schema::detail {
namespace {

constexpr uint32_t section_header_block = 0x0a0d0d0a;
constexpr uint32_t interface_block = 1;
constexpr uint32_t simple_packet_block = 3;
constexpr uint32_t enhanced_packet_block = 6;
constexpr uint32_t byte_order_magic = 0x1a2b3c4d;
constexpr uint16_t option_end = 0;
constexpr uint16_t option_timestamp_resolution = 9;  // if_tsresol
constexpr size_t block_overhead = 12;                // type, length, trailing length

struct Interface {
  uint16_t linktype = 0;
  long double ticks_per_second = 1e6L;  // microseconds unless if_tsresol says otherwise
};

// if_tsresol among the options in [begin, end): a power of ten, or of two
// when its top bit is set. Options are code, length, value padded to 4.
long double ticks_per_second(const CaptureFields& fields, wire::Bytes input, size_t begin, size_t end) {
  for (size_t offset = begin; offset + 4 <= end;) {
    const uint16_t code = fields.u16(offset);
    const uint16_t length = fields.u16(offset + 2);
    if (code == option_end || offset + 4 + length > end) break;
    if (code == option_timestamp_resolution && length >= 1) {
      const auto exponent = std::to_integer<uint8_t>(input[offset + 4]);
      const long double base = exponent & 0x80 ? 2.0L : 10.0L;
      long double ticks = 1;
      for (int i = 0; i < (exponent & 0x7f); ++i) ticks *= base;
      return ticks;
    }
    offset += 4 + wire::align4(length);
  }
  return 1e6L;
}

// The longest block read, libpcap's (MAX_BLOCKSIZE_FOR_SNAPLEN): an
// enhanced packet block of the longest snapshot length and 128 KiB of options.
constexpr size_t max_block_length = block_overhead + 20 + max_captured_length + 131072;

class PcapngReader {
 public:
  explicit PcapngReader(CaptureInput& input) : input_(input) {}

  Result<std::vector<CapturedPacket>> read() {
    for (std::vector<std::byte> block;; block.clear()) {
      const size_t offset = input_.offset();
      // Type, length, and 4 bytes more: a section header's byte-order magic.
      const Result<size_t> frame = input_.read(block, block_overhead);
      if (!frame) return frame.error();
      if (*frame == 0) break;
      if (*frame < block_overhead) return cut_short("pcapng block", offset, "its 12-byte frame", *frame);
      if (wire::load<uint32_t>(block) == section_header_block) {
        if (auto section = begin_section(block, offset); !section) return std::move(section).error();
      }
      const uint32_t length = CaptureFields(block, swapped_).u32(4);
      if (length < block_overhead || length % 4 != 0)
        return Error(errc::invalid_argument, at("pcapng block", offset) + ": length " + std::to_string(length) +
                                                 " is not a multiple of 4 of at least 12");
      if (auto taken = take_block(block, offset, length); !taken) return std::move(taken).error();
    }
    if (!saw_netlink_) return Error(errc::invalid_argument, "pcapng: no interface of link type LINKTYPE_NETLINK (253)");
    return std::move(packets_);
  }

 private:
  // A new section: its byte order, and no interfaces yet.
  Result<void> begin_section(wire::Bytes frame, size_t offset) {
    const uint32_t magic = wire::load<uint32_t>(frame.subspan(8));
    if (magic != byte_order_magic && magic != wire::byteswap(byte_order_magic))
      return Error(errc::invalid_argument,
                   at("pcapng section header", offset + 8) + ": byte-order magic is not 1a2b3c4d");
    swapped_ = magic != byte_order_magic;
    interfaces_.clear();
    return {};
  }

  // The rest of the block after its frame: read whole, its length bounded,
  // when it describes an interface or holds a packet; else passed over unread.
  Result<void> take_block(std::vector<std::byte>& block, size_t offset, uint32_t length) {
    const uint32_t type = CaptureFields(block, swapped_).u32(0);
    const size_t rest = length - block_overhead;
    if (type != interface_block && type != enhanced_packet_block && type != simple_packet_block) {
      const Result<size_t> skipped = input_.skip(rest);
      if (!skipped) return skipped.error();
      if (*skipped < rest)
        return cut_short("pcapng block", offset, "length " + std::to_string(length), block_overhead + *skipped);
      return {};
    }
    if (length > max_block_length)
      return too_long("pcapng block", offset, length, max_block_length, "the longest libpcap reads");
    const Result<size_t> read = input_.read(block, rest);
    if (!read) return read.error();
    if (*read < rest)
      return cut_short("pcapng block", offset, "length " + std::to_string(length), block_overhead + *read);
    return read_block(block, offset);
  }

  // `block` is whole; the offsets in it are from its start, `offset` in the input.
  Result<void> read_block(wire::Bytes block, size_t offset) {
    const CaptureFields fields(block, swapped_);
    constexpr size_t body = 8;
    const size_t body_length = block.size() - block_overhead;
    switch (fields.u32(0)) {
      case interface_block:
        if (body_length < 8) return cut_short("pcapng interface block", offset, "its 8-byte body", body_length);
        interfaces_.push_back({fields.u16(body), ticks_per_second(fields, block, body + 8, body + body_length)});
        saw_netlink_ = saw_netlink_ || interfaces_.back().linktype == linktype_netlink;
        return {};
      case enhanced_packet_block: {
        if (body_length < 20) return cut_short("pcapng packet block", offset, "its 20-byte header", body_length);
        const uint32_t captured = fields.u32(body + 12);
        if (captured > body_length - 20)
          return cut_short("pcapng packet block", offset, "captured length " + std::to_string(captured),
                           body_length - 20);
        const uint64_t ticks = uint64_t{fields.u32(body + 4)} << 32 | fields.u32(body + 8);
        const Packet packet{fields.u32(body), block.subspan(body + 20, captured), offset + body + 20,
                            fields.u32(body + 16), ticks};
        return add_packet(offset, packet);
      }
      case simple_packet_block: {
        if (body_length < 4) return cut_short("pcapng packet block", offset, "its 4-byte header", body_length);
        const uint32_t original = fields.u32(body);
        const size_t captured = std::min<size_t>(original, body_length - 4);
        return add_packet(offset, {0, block.subspan(body + 4, captured), offset + body + 4, original, std::nullopt});
      }
      default:
        return {};
    }
  }

  // A packet block's packet: its interface, its bytes and where they are in the input.
  struct Packet {
    uint32_t interface = 0;
    wire::Bytes frame;
    size_t offset = 0;
    uint32_t original = 0;
    std::optional<uint64_t> ticks;
  };

  Result<void> add_packet(size_t block, const Packet& captured) {
    if (captured.interface >= interfaces_.size())
      return Error(errc::invalid_argument, at("pcapng packet block", block) + ": interface " +
                                               std::to_string(captured.interface) + " was not described before it");
    const Interface& described = interfaces_[captured.interface];
    if (described.linktype != linktype_netlink) return {};
    if (captured.frame.size() < captured.original)
      return Error(errc::invalid_argument,
                   at("pcapng packet block", block) + ": only " + std::to_string(captured.frame.size()) + " of its " +
                       std::to_string(captured.original) + " bytes were captured (snapshot length)");
    Result<CapturedPacket> packet = netlink_packet(captured.frame, captured.offset, at("pcapng packet block", block));
    if (!packet) return std::move(packet).error();
    if (captured.ticks)
      packet->record.timestamp = std::chrono::nanoseconds(
          static_cast<int64_t>(static_cast<long double>(*captured.ticks) * 1e9L / described.ticks_per_second));
    packets_.push_back(std::move(*packet));
    return {};
  }

  CaptureInput& input_;
  bool swapped_ = false;
  std::vector<Interface> interfaces_;
  std::vector<CapturedPacket> packets_;
  bool saw_netlink_ = false;
};

}  // namespace

Result<std::vector<CapturedPacket>> read_pcapng(CaptureInput& input) { return PcapngReader(input).read(); }

}  // namespace nlpp::schema::detail
