// The wire form of an IPv6 segment routing header (struct ipv6_sr_hdr), as
// seg6 (inside seg6_iptunnel_encap) and seg6local (SEG6_LOCAL_SRH) carry it.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/route_encap.hpp>
#include <nlpp/wire/bytes.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// The header's bytes as iproute2 builds them: segments in reverse order,
/// segments_left = first_segment = their count - 1, type 4 (SRH), nexthdr 0
/// (the kernel fills it per packet). reserve_first adds the zero segment
/// seg6's inline mode needs at segments[0], where the kernel puts the
/// packet's original destination.
std::vector<std::byte> encode_srh(const SegmentRoutingHeader& srh, bool reserve_first);

/// Reads what encode_srh() writes (dropping the reserved segment when
/// reserve_first); false when the lengths do not add up.
bool decode_srh(wire::Bytes bytes, bool reserve_first, SegmentRoutingHeader& out);

/// At least one segment, all IPv6, TLVs a multiple of 8 bytes.
Result<void> validate_srh(std::string_view field, const SegmentRoutingHeader& srh);

/// "segs 2001:db8::1,2001:db8::2" (and " hmac" when flagged).
std::string srh_to_string(const SegmentRoutingHeader& srh);

}  // namespace nlpp::rtnl
