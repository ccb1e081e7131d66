#include "srh_codec.hpp"

#include "codec/attributes.hpp"
#include "codec/checks.hpp"

#include <linux/seg6.h>

#include <algorithm>
#include <cstring>

namespace nlpp::rtnl {
namespace {

constexpr size_t fixed_size = sizeof(ipv6_sr_hdr);  // 8 bytes before the segments
constexpr size_t segment_size = 16;
constexpr uint8_t srh_type = 4;  // IPV6_SRCRT_TYPE_4, the routing header type of an SRH

}  // namespace

std::vector<std::byte> encode_srh(const SegmentRoutingHeader& srh, bool reserve_first) {
  const size_t count = srh.segments.size() + (reserve_first ? 1 : 0);
  const size_t length = fixed_size + count * segment_size + srh.tlvs.size();
  std::vector<std::byte> bytes(length);
  const ipv6_sr_hdr header{.nexthdr = 0,
                           .hdrlen = static_cast<uint8_t>(length / 8 - 1),
                           .type = srh_type,
                           .segments_left = static_cast<uint8_t>(count - 1),
                           .first_segment = static_cast<uint8_t>(count - 1),
                           .flags = srh.flags,
                           .tag = wire::host_to_network(srh.tag)};
  std::memcpy(bytes.data(), &header, fixed_size);
  // segments[count - 1] is the first visited: the order is reversed on the wire.
  for (size_t i = 0; i < srh.segments.size(); ++i)
    std::memcpy(bytes.data() + fixed_size + (count - 1 - i) * segment_size, srh.segments[i].bytes().data(),
                segment_size);
  std::ranges::copy(srh.tlvs, bytes.begin() + static_cast<std::ptrdiff_t>(fixed_size + count * segment_size));
  return bytes;
}

bool decode_srh(wire::Bytes bytes, bool reserve_first, SegmentRoutingHeader& out) {
  if (bytes.size() < fixed_size) return false;
  const auto header = wire::load<ipv6_sr_hdr>(bytes);
  const size_t length = (size_t{header.hdrlen} + 1) * 8;
  const size_t count = size_t{header.first_segment} + 1;
  const size_t tlvs_offset = fixed_size + count * segment_size;
  if (length > bytes.size() || tlvs_offset > length || (reserve_first && count < 2)) return false;
  out.flags = header.flags;
  out.tag = wire::network_to_host(header.tag);
  out.segments.clear();
  // Back to front: the last segment on the wire is the first visited.
  const size_t reserved = reserve_first ? 1 : 0;
  for (size_t i = count; i-- > reserved;) {
    // 16 bytes always make an IPv6 address.
    out.segments.push_back(
        *IpAddress::from_bytes(AF_INET6, bytes.subspan(fixed_size + i * segment_size, segment_size)));
  }
  const wire::Bytes tlvs = bytes.subspan(tlvs_offset, length - tlvs_offset);
  out.tlvs.assign(tlvs.begin(), tlvs.end());
  return true;
}

Result<void> validate_srh(std::string_view field, const SegmentRoutingHeader& srh) {
  if (srh.segments.empty()) return codec::invalid(field, "a segment routing header needs at least one segment");
  for (const IpAddress& segment : srh.segments)
    if (!segment.is_v6()) return codec::invalid(field, "segment '" + segment.to_string() + "' is not an IPv6 address");
  if (srh.tlvs.size() % 8 != 0) return codec::invalid(field, "TLVs must fill a multiple of 8 bytes");
  // hdrlen (8-byte units, minus one) and first_segment are single bytes.
  if (fixed_size + (srh.segments.size() + 1) * segment_size + srh.tlvs.size() > 256 * 8 || srh.segments.size() > 254)
    return codec::invalid(field, "too many segments or TLVs for one header");
  return {};
}

std::string srh_to_string(const SegmentRoutingHeader& srh) {
  std::string text = "segs ";
  for (size_t i = 0; i < srh.segments.size(); ++i) text += (i ? "," : "") + srh.segments[i].to_string();
  if (srh.flags & SR6_FLAG1_HMAC) text += " hmac";
  return text;
}

}  // namespace nlpp::rtnl
