// The flower filter: matches packets on the fields of their headers (the
// kernel's flow dissector), each key with a mask, and classifies them or
// runs actions on them; the usual filter of hardware offload.
//
//     rtnl::tc::Flower web{.eth_type = ETH_P_IP, .ip_proto = IPPROTO_TCP,
//                          .dst_ip = "10.0.0.0/24", .dst_port = 80,
//                          .actions = {{.control = rtnl::tc::Control::drop(), .options = rtnl::tc::Gact{}}}};
//     // tc ... protocol ip flower ip_proto tcp dst_ip 10.0.0.0/24 dst_port 80 action drop
//
// The kernel reads a key only when the keys before it say the packet has
// that header: ip_proto only under an IPv4 or IPv6 eth_type (or vlan
// ethertype), ports only under ip_proto tcp, udp or sctp, ICMP under icmp
// or icmpv6, ARP fields under arp or rarp. A key given without what it
// needs would be dropped silently; nlpp refuses it before sending.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/tc/action.hpp>
#include <nlpp/rtnl/tc/masked.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <linux/pkt_cls.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nlpp::rtnl::tc {

/// tc's names of the conntrack states (ct_state's TCA_FLOWER_KEY_CT_FLAGS_*),
/// in the order tc prints them.
inline constexpr std::array<std::pair<std::string_view, uint16_t>, 6> ct_state_names{{
    {"trk", TCA_FLOWER_KEY_CT_FLAGS_TRACKED},
    {"new", TCA_FLOWER_KEY_CT_FLAGS_NEW},
    {"est", TCA_FLOWER_KEY_CT_FLAGS_ESTABLISHED},
    {"rel", TCA_FLOWER_KEY_CT_FLAGS_RELATED},
    {"inv", TCA_FLOWER_KEY_CT_FLAGS_INVALID},
    {"rpl", TCA_FLOWER_KEY_CT_FLAGS_REPLY},
}};

/// A range of ports, both ends included (TCA_FLOWER_KEY_PORT_*_MIN/MAX).
struct PortRange {
  uint16_t min = 0;
  uint16_t max = 0;

  /// "MIN-MAX".
  std::string to_string() const { return std::to_string(min) + "-" + std::to_string(max); }
  friend bool operator==(const PortRange&, const PortRange&) = default;
};

/// A flower filter's options. Every key is optional: what is unset matches
/// anything. Ethertypes are in host order here (ETH_P_IP), big-endian on
/// the wire; vlan ids, priorities and MPLS fields are the header's bits.
struct Flower {
  std::optional<TcHandle> classid{};   ///< TCA_FLOWER_CLASSID: tc's "classid" / "flowid" (or "hw_tc N": :ffe0+N)
  std::optional<std::string> indev{};  ///< TCA_FLOWER_INDEV: only packets that came in on this link

  // Layer 2.
  /// TCA_FLOWER_KEY_ETH_TYPE: the outer ethertype (ETH_P_IP...). tc sends
  /// the filter's protocol here unless it is all; nlpp leaves that to the
  /// caller (the command line does as tc).
  std::optional<uint16_t> eth_type{};
  std::optional<uint8_t> num_of_vlans{};    ///< TCA_FLOWER_KEY_NUM_OF_VLANS
  std::optional<uint16_t> vlan_id{};        ///< TCA_FLOWER_KEY_VLAN_ID: 0-4095, under eth_type 802.1Q / 802.1ad
  std::optional<uint8_t> vlan_prio{};       ///< TCA_FLOWER_KEY_VLAN_PRIO: 0-7
  std::optional<uint16_t> vlan_ethtype{};   ///< TCA_FLOWER_KEY_VLAN_ETH_TYPE: the ethertype inside the tag
  std::optional<uint16_t> cvlan_id{};       ///< TCA_FLOWER_KEY_CVLAN_ID: the inner tag's, under a vlan_ethtype tag
  std::optional<uint8_t> cvlan_prio{};      ///< TCA_FLOWER_KEY_CVLAN_PRIO
  std::optional<uint16_t> cvlan_ethtype{};  ///< TCA_FLOWER_KEY_CVLAN_ETH_TYPE
  std::optional<uint32_t> mpls_label{};     ///< TCA_FLOWER_KEY_MPLS_LABEL: the top label (20 bits), under eth_type MPLS
  std::optional<uint8_t> mpls_tc{};         ///< TCA_FLOWER_KEY_MPLS_TC: 0-7
  std::optional<uint8_t> mpls_bos{};        ///< TCA_FLOWER_KEY_MPLS_BOS: 0-1
  std::optional<uint8_t> mpls_ttl{};        ///< TCA_FLOWER_KEY_MPLS_TTL
  std::optional<Masked<MacAddress>> dst_mac{};  ///< TCA_FLOWER_KEY_ETH_DST (+ _MASK)
  std::optional<Masked<MacAddress>> src_mac{};  ///< TCA_FLOWER_KEY_ETH_SRC (+ _MASK)

  // Layer 3 and 4.
  std::optional<uint8_t> ip_proto{};          ///< TCA_FLOWER_KEY_IP_PROTO: IPPROTO_TCP...; needs an IP ethertype
  std::optional<Masked<uint8_t>> ip_tos{};    ///< TCA_FLOWER_KEY_IP_TOS (+ _MASK)
  std::optional<Masked<uint8_t>> ip_ttl{};    ///< TCA_FLOWER_KEY_IP_TTL (+ _MASK)
  std::optional<Masked<IpAddress>> dst_ip{};  ///< TCA_FLOWER_KEY_IPV4_DST or _IPV6_DST (+ _MASK), by its family
  std::optional<Masked<IpAddress>> src_ip{};  ///< TCA_FLOWER_KEY_IPV4_SRC or _IPV6_SRC (+ _MASK)
  /// TCA_FLOWER_KEY_TCP_DST, _UDP_DST or _SCTP_DST (+ _MASK), as ip_proto says.
  std::optional<Masked<uint16_t>> dst_port{};
  std::optional<Masked<uint16_t>> src_port{};   ///< TCA_FLOWER_KEY_TCP_SRC, _UDP_SRC or _SCTP_SRC (+ _MASK)
  std::optional<PortRange> dst_port_range{};    ///< TCA_FLOWER_KEY_PORT_DST_MIN / _MAX (tc's "dst_port 1000-2000")
  std::optional<PortRange> src_port_range{};    ///< TCA_FLOWER_KEY_PORT_SRC_MIN / _MAX
  std::optional<Masked<uint16_t>> tcp_flags{};  ///< TCA_FLOWER_KEY_TCP_FLAGS (+ _MASK): TCP's 12 flag bits
  /// TCA_FLOWER_KEY_ICMPV4_TYPE or _ICMPV6_TYPE (+ _MASK), as ip_proto
  /// icmp or icmpv6 says.
  std::optional<Masked<uint8_t>> icmp_type{};
  std::optional<Masked<uint8_t>> icmp_code{};   ///< TCA_FLOWER_KEY_ICMPV4_CODE or _ICMPV6_CODE (+ _MASK)
  std::optional<Masked<IpAddress>> arp_sip{};   ///< TCA_FLOWER_KEY_ARP_SIP (+ _MASK): IPv4, under eth_type arp / rarp
  std::optional<Masked<IpAddress>> arp_tip{};   ///< TCA_FLOWER_KEY_ARP_TIP (+ _MASK)
  std::optional<Masked<uint8_t>> arp_op{};      ///< TCA_FLOWER_KEY_ARP_OP (+ _MASK): 1 request, 2 reply
  std::optional<Masked<MacAddress>> arp_sha{};  ///< TCA_FLOWER_KEY_ARP_SHA (+ _MASK)
  std::optional<Masked<MacAddress>> arp_tha{};  ///< TCA_FLOWER_KEY_ARP_THA (+ _MASK)

  // The tunnel a packet came out of (metadata a tunnel device set).
  std::optional<Masked<IpAddress>> enc_dst_ip{};   ///< TCA_FLOWER_KEY_ENC_IPV4_DST or _IPV6_DST (+ _MASK)
  std::optional<Masked<IpAddress>> enc_src_ip{};   ///< TCA_FLOWER_KEY_ENC_IPV4_SRC or _IPV6_SRC (+ _MASK)
  std::optional<uint32_t> enc_key_id{};            ///< TCA_FLOWER_KEY_ENC_KEY_ID: the VNI or key
  std::optional<Masked<uint16_t>> enc_dst_port{};  ///< TCA_FLOWER_KEY_ENC_UDP_DST_PORT (+ _MASK)
  std::optional<Masked<uint16_t>> enc_src_port{};  ///< TCA_FLOWER_KEY_ENC_UDP_SRC_PORT (+ _MASK)
  std::optional<Masked<uint8_t>> enc_tos{};        ///< TCA_FLOWER_KEY_ENC_IP_TOS (+ _MASK)
  std::optional<Masked<uint8_t>> enc_ttl{};        ///< TCA_FLOWER_KEY_ENC_IP_TTL (+ _MASK)

  /// TCA_FLOWER_KEY_FLAGS (+ _MASK): TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT,
  /// TCA_FLOWER_KEY_FLAGS_FRAG_IS_FIRST (tc's "ip_flags frag/nofirstfrag").
  std::optional<Masked<uint32_t>> ip_flags{};
  /// TCA_FLOWER_KEY_CT_STATE (+ _MASK): TCA_FLOWER_KEY_CT_FLAGS_NEW,
  /// _ESTABLISHED, _RELATED, _TRACKED, _INVALID, _REPLY (tc's "+trk+est").
  std::optional<Masked<uint16_t>> ct_state{};
  std::optional<Masked<uint16_t>> ct_zone{};  ///< TCA_FLOWER_KEY_CT_ZONE (+ _MASK)
  std::optional<Masked<uint32_t>> ct_mark{};  ///< TCA_FLOWER_KEY_CT_MARK (+ _MASK)
  std::optional<Masked<CtLabel>> ct_label{};  ///< TCA_FLOWER_KEY_CT_LABELS (+ _MASK)
  std::optional<Masked<uint32_t>> hash{};     ///< TCA_FLOWER_KEY_HASH (+ _MASK): the packet's hash

  std::vector<Action> actions{};  ///< TCA_FLOWER_ACT, in order
  /// TCA_FLOWER_FLAGS: TCA_CLS_FLAGS_SKIP_HW, TCA_CLS_FLAGS_SKIP_SW; the
  /// kernel adds TCA_CLS_FLAGS_IN_HW / NOT_IN_HW. tc always sends it (0).
  std::optional<uint32_t> flags{};
  std::optional<uint32_t> in_hw_count{};  ///< TCA_FLOWER_IN_HW_COUNT (reported): offloaded to so many devices
  /// What nlpp keeps raw: tunnel options (TCA_FLOWER_KEY_ENC_OPTS and its
  /// mask), MPLS label stack entries (TCA_FLOWER_KEY_MPLS_OPTS), PPPoE and
  /// L2TPv3 keys.
  std::vector<RawAttribute> unknown{};

  /// The ethertype after the vlan tags, which the layer 3 keys read:
  /// eth_type when it is no tag's (802.1Q, 802.1ad); under one tag
  /// vlan_ethtype, under two cvlan_ethtype; none when not given. The
  /// kernel reports it as eth_type (and tc prints it so); a dumped filter
  /// has its protocol, the outer tag's, put back in eth_type.
  std::optional<uint16_t> network_protocol() const noexcept;
  /// Whether the kernel reads the port keys: under ip_proto tcp, udp or sctp.
  bool has_ports() const noexcept;
  /// Whether the kernel reads the ICMP keys: under ip_proto icmp with IPv4,
  /// or icmpv6 with IPv6.
  bool has_icmp() const noexcept;

  friend bool operator==(const Flower&, const Flower&) = default;
};

}  // namespace nlpp::rtnl::tc
