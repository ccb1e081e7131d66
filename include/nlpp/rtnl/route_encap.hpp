// Lightweight tunnel encapsulations: what RTA_ENCAP_TYPE + RTA_ENCAP carry
// on a route or a multipath hop, and NHA_ENCAP_TYPE + NHA_ENCAP on a nexthop
// object. The encap type selects how the nest is read, so the value is a
// std::variant with one type per kind nlpp models and RawEncap for the rest
// (ila, rpl, ioam6, xfrm...), kept as bytes so nothing is lost.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/enum_text.hpp>

#include <linux/lwtunnel.h>
#include <sys/socket.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace nlpp::rtnl {

/// The largest MPLS label: a label stack entry has 20 bits for it.
inline constexpr uint32_t max_mpls_label = (1u << 20) - 1;

/// LWTUNNEL_ENCAP_MPLS: push a label stack (the mpls_iptunnel module).
struct MplsEncap {
  static constexpr uint16_t encap_type = LWTUNNEL_ENCAP_MPLS;

  std::vector<uint32_t> labels{};       ///< MPLS_IPTUNNEL_DST, outermost first; 20 bits each
  std::optional<uint8_t> ttl{};         ///< MPLS_IPTUNNEL_TTL; absent: copied from the IP header
  std::vector<RawAttribute> unknown{};  ///< attributes nlpp does not model

  friend bool operator==(const MplsEncap&, const MplsEncap&) = default;
};

/// An IPv6 segment routing header (struct ipv6_sr_hdr) as seg6 and seg6local
/// carry it. Segments are listed in the order packets visit them; on the
/// wire they are reversed (segments[0] is the last), which nlpp does for you.
struct SegmentRoutingHeader {
  std::vector<IpAddress> segments{};  ///< IPv6 addresses, first visited first
  uint8_t flags = 0;                  ///< SR6_FLAG1_* (SR6_FLAG1_HMAC with an HMAC TLV)
  uint16_t tag = 0;
  std::vector<std::byte> tlvs{};  ///< TLVs after the segments (HMAC...), as sent; a multiple of 8 bytes

  friend bool operator==(const SegmentRoutingHeader&, const SegmentRoutingHeader&) = default;
};

/// How seg6 applies its header (SEG6_IPTUN_MODE_*).
enum class Seg6Mode : uint32_t {
  inline_ = 0,      ///< insert the SRH into the packet (IPv6 only)
  encap = 1,        ///< encapsulate in an outer IPv6 header with the SRH
  l2encap = 2,      ///< encapsulate the whole L2 frame
  encap_red = 3,    ///< encap, reduced: the first segment is not in the SRH
  l2encap_red = 4,  ///< l2encap, reduced
};

/// "inline", "encap", "l2encap", "encap.red", "l2encap.red" (iproute2's
/// words), or the number.
std::string to_string(Seg6Mode mode);

/// LWTUNNEL_ENCAP_SEG6: steer packets through a list of IPv6 segments.
struct Seg6Encap {
  static constexpr uint16_t encap_type = LWTUNNEL_ENCAP_SEG6;

  Seg6Mode mode = Seg6Mode::encap;      ///< seg6_iptunnel_encap.mode
  SegmentRoutingHeader srh{};           ///< SEG6_IPTUNNEL_SRH
  std::vector<RawAttribute> unknown{};  ///< attributes nlpp does not model (SEG6_IPTUNNEL_SRC on newer kernels)

  friend bool operator==(const Seg6Encap&, const Seg6Encap&) = default;
};

/// A BPF program attached by fd (to attach) and reported by name (what the
/// kernel sends back: it never reports the fd).
struct BpfProgram {
  int fd = -1;         ///< *_PROG_FD: an open program fd, sent when >= 0
  std::string name{};  ///< *_PROG_NAME: required by the kernel when attaching

  friend bool operator==(const BpfProgram&, const BpfProgram&) = default;
};

/// SRv6 behaviours (SEG6_LOCAL_ACTION_*), named as iproute2 prints them
/// (End, End.X, End.DT4...).
enum class Seg6LocalAction : uint32_t {
  unspec = 0,
  end = 1,
  end_x = 2,
  end_t = 3,
  end_dx2 = 4,
  end_dx6 = 5,
  end_dx4 = 6,
  end_dt6 = 7,
  end_dt4 = 8,
  end_b6 = 9,
  end_b6_encap = 10,
  end_bm = 11,
  end_s = 12,
  end_as = 13,
  end_am = 14,
  end_bpf = 15,
  end_dt46 = 16,
};

/// "End", "End.X", "End.DT4"... as iproute2 prints them ("unspec" for 0),
/// or the number.
std::string to_string(Seg6LocalAction action);

/// SEG6_LOCAL_COUNTERS: present to enable per-behaviour counters; the kernel
/// reports their values (send zeros to enable them, as iproute2 does).
struct Seg6LocalCounters {
  uint64_t packets = 0;
  uint64_t bytes = 0;
  uint64_t errors = 0;

  friend bool operator==(const Seg6LocalCounters&, const Seg6LocalCounters&) = default;
};

/// LWTUNNEL_ENCAP_SEG6_LOCAL: an SRv6 behaviour bound to a local segment.
/// Which attributes an action needs is the kernel's to check (End.X needs
/// nh6, End.DT4 a vrftable...); it names the missing one in its extended ACK.
struct Seg6LocalEncap {
  static constexpr uint16_t encap_type = LWTUNNEL_ENCAP_SEG6_LOCAL;

  Seg6LocalAction action = Seg6LocalAction::end;  ///< SEG6_LOCAL_ACTION
  std::optional<SegmentRoutingHeader> srh{};      ///< SEG6_LOCAL_SRH (End.B6, End.B6.Encaps)
  std::optional<uint32_t> table{};                ///< SEG6_LOCAL_TABLE (End.T, End.DT6)
  std::optional<uint32_t> vrftable{};             ///< SEG6_LOCAL_VRFTABLE (End.DT4, End.DT6, End.DT46)
  IpAddress nh4{};                                ///< SEG6_LOCAL_NH4 (End.DX4)
  IpAddress nh6{};                                ///< SEG6_LOCAL_NH6 (End.X, End.DX6)
  uint32_t iif = 0;                               ///< SEG6_LOCAL_IIF; 0: not sent
  uint32_t oif = 0;                               ///< SEG6_LOCAL_OIF (End.DX2); 0: not sent
  std::optional<BpfProgram> bpf{};                ///< SEG6_LOCAL_BPF (End.BPF)
  std::optional<Seg6LocalCounters> counters{};    ///< SEG6_LOCAL_COUNTERS
  std::vector<RawAttribute> unknown{};            ///< attributes nlpp does not model (flavors...)

  friend bool operator==(const Seg6LocalEncap&, const Seg6LocalEncap&) = default;
};

/// LWTUNNEL_ENCAP_IP (Family AF_INET) and LWTUNNEL_ENCAP_IP6 (AF_INET6):
/// tunnel metadata for a collect_md (external) tunnel device such as
/// vxlan, geneve or gre. Both kinds number their attributes alike; for IPv6
/// ttl is the hop limit and tos the traffic class.
template <int Family>
struct IpTunnelEncap {
  static_assert(Family == AF_INET || Family == AF_INET6);
  static constexpr uint16_t encap_type = Family == AF_INET ? LWTUNNEL_ENCAP_IP : LWTUNNEL_ENCAP_IP6;

  std::optional<uint64_t> id{};         ///< LWTUNNEL_IP_ID: the tunnel key (vni...), host order
  IpAddress dst{};                      ///< LWTUNNEL_IP_DST
  IpAddress src{};                      ///< LWTUNNEL_IP_SRC
  std::optional<uint8_t> ttl{};         ///< LWTUNNEL_IP_TTL / LWTUNNEL_IP6_HOPLIMIT
  std::optional<uint8_t> tos{};         ///< LWTUNNEL_IP_TOS / LWTUNNEL_IP6_TC
  std::optional<uint16_t> flags{};      ///< LWTUNNEL_IP_FLAGS: TUNNEL_* bits, big-endian as the kernel has them
  std::vector<RawAttribute> unknown{};  ///< attributes nlpp does not model (LWTUNNEL_IP_OPTS...)

  friend bool operator==(const IpTunnelEncap&, const IpTunnelEncap&) = default;
};
using IpEncap = IpTunnelEncap<AF_INET>;
using Ip6Encap = IpTunnelEncap<AF_INET6>;

/// LWTUNNEL_ENCAP_BPF: BPF programs run on the route's packets.
struct BpfEncap {
  static constexpr uint16_t encap_type = LWTUNNEL_ENCAP_BPF;

  std::optional<BpfProgram> in{};       ///< LWT_BPF_IN
  std::optional<BpfProgram> out{};      ///< LWT_BPF_OUT
  std::optional<BpfProgram> xmit{};     ///< LWT_BPF_XMIT
  std::optional<uint32_t> headroom{};   ///< LWT_BPF_XMIT_HEADROOM
  std::vector<RawAttribute> unknown{};  ///< attributes nlpp does not model

  friend bool operator==(const BpfEncap&, const BpfEncap&) = default;
};

/// An encapsulation of a kind nlpp does not model, kept as the encap type
/// and the nest's payload, and sent back as it came.
struct RawEncap {
  uint16_t type = LWTUNNEL_ENCAP_NONE;  ///< LWTUNNEL_ENCAP_*
  std::vector<std::byte> payload{};     ///< the attributes inside RTA_ENCAP

  friend bool operator==(const RawEncap&, const RawEncap&) = default;
};

/// One lightweight tunnel encapsulation.
using Encap = std::variant<MplsEncap, IpEncap, Ip6Encap, Seg6Encap, Seg6LocalEncap, BpfEncap, RawEncap>;

/// The LWTUNNEL_ENCAP_* type an encapsulation is sent with.
uint16_t encap_type(const Encap& encap) noexcept;

/// One line in iproute2's words, for diffs and messages:
/// "mpls 100/200 ttl 64", "seg6 mode encap segs 2001:db8::2".
std::string to_string(const Encap& encap);

/// Checks an encapsulation before it is sent (labels of 20 bits, IPv6
/// segments, addresses of the right family...); the error names the field,
/// prefixed with `field` ("route encap: ...").
Result<void> validate(const Encap& encap, std::string_view field);

}  // namespace nlpp::rtnl
