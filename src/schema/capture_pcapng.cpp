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

class PcapngReader {
 public:
  explicit PcapngReader(wire::Bytes input) : input_(input) {}

  Result<std::vector<CapturedPacket>> read() {
    for (size_t offset = 0; offset < input_.size();) {
      const size_t left = input_.size() - offset;
      if (left < block_overhead) return cut_short("pcapng block", offset, "its 12-byte frame", left);
      if (wire::load<uint32_t>(input_.subspan(offset)) == section_header_block) {
        if (auto section = begin_section(offset); !section) return std::move(section).error();
      }
      const uint32_t length = fields_.u32(offset + 4);
      if (length < block_overhead || length % 4 != 0)
        return Error(errc::invalid_argument, at("pcapng block", offset) + ": length " + std::to_string(length) +
                                                 " is not a multiple of 4 of at least 12");
      if (length > left) return cut_short("pcapng block", offset, "length " + std::to_string(length), left);
      if (auto block = read_block(offset, length); !block) return std::move(block).error();
      offset += length;
    }
    if (!saw_netlink_) return Error(errc::invalid_argument, "pcapng: no interface of link type LINKTYPE_NETLINK (253)");
    return std::move(packets_);
  }

 private:
  // A new section: its byte order, and no interfaces yet.
  Result<void> begin_section(size_t offset) {
    if (input_.size() - offset < block_overhead + 4)
      return cut_short("pcapng section header", offset, "its byte-order magic", input_.size() - offset);
    const uint32_t magic = wire::load<uint32_t>(input_.subspan(offset + 8));
    if (magic != byte_order_magic && magic != wire::byteswap(byte_order_magic))
      return Error(errc::invalid_argument,
                   at("pcapng section header", offset + 8) + ": byte-order magic is not 1a2b3c4d");
    fields_ = CaptureFields(input_, magic != byte_order_magic);
    interfaces_.clear();
    return {};
  }

  Result<void> read_block(size_t offset, uint32_t length) {
    const size_t body = offset + 8;
    const size_t body_length = length - block_overhead;
    switch (fields_.u32(offset)) {
      case interface_block:
        if (body_length < 8) return cut_short("pcapng interface block", offset, "its 8-byte body", body_length);
        interfaces_.push_back({fields_.u16(body), ticks_per_second(fields_, input_, body + 8, body + body_length)});
        saw_netlink_ = saw_netlink_ || interfaces_.back().linktype == linktype_netlink;
        return {};
      case enhanced_packet_block: {
        if (body_length < 20) return cut_short("pcapng packet block", offset, "its 20-byte header", body_length);
        const uint32_t captured = fields_.u32(body + 12);
        if (captured > body_length - 20)
          return cut_short("pcapng packet block", offset, "captured length " + std::to_string(captured),
                           body_length - 20);
        const uint64_t ticks = uint64_t{fields_.u32(body + 4)} << 32 | fields_.u32(body + 8);
        return add_packet(offset, fields_.u32(body), body + 20, captured, fields_.u32(body + 16), ticks);
      }
      case simple_packet_block: {
        if (body_length < 4) return cut_short("pcapng packet block", offset, "its 4-byte header", body_length);
        const uint32_t original = fields_.u32(body);
        const size_t captured = std::min<size_t>(original, body_length - 4);
        return add_packet(offset, 0, body + 4, captured, original, std::nullopt);
      }
      default:
        return {};
    }
  }

  Result<void> add_packet(size_t block, uint32_t interface, size_t data, size_t captured, uint32_t original,
                          std::optional<uint64_t> ticks) {
    if (interface >= interfaces_.size())
      return Error(errc::invalid_argument, at("pcapng packet block", block) + ": interface " +
                                               std::to_string(interface) + " was not described before it");
    const Interface& described = interfaces_[interface];
    if (described.linktype != linktype_netlink) return {};
    if (captured < original)
      return Error(errc::invalid_argument, at("pcapng packet block", block) + ": only " + std::to_string(captured) +
                                               " of its " + std::to_string(original) +
                                               " bytes were captured (snapshot length)");
    Result<CapturedPacket> packet =
        netlink_packet(input_.subspan(data, captured), data, at("pcapng packet block", block));
    if (!packet) return std::move(packet).error();
    if (ticks)
      packet->record.timestamp = std::chrono::nanoseconds(
          static_cast<int64_t>(static_cast<long double>(*ticks) * 1e9L / described.ticks_per_second));
    packets_.push_back(std::move(*packet));
    return {};
  }

  wire::Bytes input_;
  CaptureFields fields_{input_, false};
  std::vector<Interface> interfaces_;
  std::vector<CapturedPacket> packets_;
  bool saw_netlink_ = false;
};

}  // namespace

Result<std::vector<CapturedPacket>> read_pcapng(wire::Bytes input) { return PcapngReader(input).read(); }

}  // namespace nlpp::schema::detail
