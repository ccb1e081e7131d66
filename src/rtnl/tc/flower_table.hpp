// The flower filter's table, in the order tc sends the keys when they are
// written in this order (tc sends them as they are typed, then the
// classifier flags, the fragment flags and the ethertype).
#pragma once

#include <nlpp/rtnl/tc/flower.hpp>

#include "codec/reported.hpp"
#include "codec/uncompared.hpp"
#include "rtnl/tc/action_codec.hpp"
#include "rtnl/tc/flower_codecs.hpp"
#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_cls.h>

#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

/// Which of tcp, udp and sctp's attributes a port is in (-1: none).
int port_protocol_index(const Flower& flower);
/// Which of ICMPv4 and ICMPv6's attributes an ICMP key is in (-1: none).
int icmp_protocol_index(const Flower& flower);

template <>
struct KindTraits<Flower> {
  static constexpr std::string_view kinds[] = {"flower"};
  static constexpr auto port = [](uint16_t tcp, uint16_t tcp_mask, uint16_t udp, uint16_t udp_mask, uint16_t sctp,
                                  uint16_t sctp_mask) {
    return ChosenMaskedIn<3, true>{{{{tcp, tcp_mask, false}, {udp, udp_mask, false}, {sctp, sctp_mask, false}}},
                                   port_protocol_index};
  };
  static constexpr auto icmp = [](uint16_t v4, uint16_t v4_mask, uint16_t v6, uint16_t v6_mask) {
    return ChosenMaskedIn<2, false>{{{{v4, v4_mask}, {v6, v6_mask}}}, icmp_protocol_index};
  };
  static constexpr auto fields = std::tuple{
      field("classid", &Flower::classid, TCA_FLOWER_CLASSID),
      field("indev", &Flower::indev, TCA_FLOWER_INDEV),
      field("num_of_vlans", &Flower::num_of_vlans, TCA_FLOWER_KEY_NUM_OF_VLANS),
      field("vlan_id", &Flower::vlan_id, TCA_FLOWER_KEY_VLAN_ID),
      field("vlan_prio", &Flower::vlan_prio, TCA_FLOWER_KEY_VLAN_PRIO),
      field("vlan_ethtype", &Flower::vlan_ethtype, codec::BigEndian{TCA_FLOWER_KEY_VLAN_ETH_TYPE}),
      field("cvlan_id", &Flower::cvlan_id, TCA_FLOWER_KEY_CVLAN_ID),
      field("cvlan_prio", &Flower::cvlan_prio, TCA_FLOWER_KEY_CVLAN_PRIO),
      field("cvlan_ethtype", &Flower::cvlan_ethtype, codec::BigEndian{TCA_FLOWER_KEY_CVLAN_ETH_TYPE}),
      field("mpls_label", &Flower::mpls_label, TCA_FLOWER_KEY_MPLS_LABEL),
      field("mpls_tc", &Flower::mpls_tc, TCA_FLOWER_KEY_MPLS_TC),
      field("mpls_bos", &Flower::mpls_bos, TCA_FLOWER_KEY_MPLS_BOS),
      field("mpls_ttl", &Flower::mpls_ttl, TCA_FLOWER_KEY_MPLS_TTL),
      field("dst_mac", &Flower::dst_mac, MaskedIn<>{TCA_FLOWER_KEY_ETH_DST, TCA_FLOWER_KEY_ETH_DST_MASK}),
      field("src_mac", &Flower::src_mac, MaskedIn<>{TCA_FLOWER_KEY_ETH_SRC, TCA_FLOWER_KEY_ETH_SRC_MASK}),
      field("ip_proto", &Flower::ip_proto, TCA_FLOWER_KEY_IP_PROTO),
      field("ip_tos", &Flower::ip_tos, MaskedIn<>{TCA_FLOWER_KEY_IP_TOS, TCA_FLOWER_KEY_IP_TOS_MASK}),
      field("ip_ttl", &Flower::ip_ttl, MaskedIn<>{TCA_FLOWER_KEY_IP_TTL, TCA_FLOWER_KEY_IP_TTL_MASK}),
      field("dst_ip", &Flower::dst_ip,
            MaskedAddressIn{{TCA_FLOWER_KEY_IPV4_DST, TCA_FLOWER_KEY_IPV4_DST_MASK},
                            {TCA_FLOWER_KEY_IPV6_DST, TCA_FLOWER_KEY_IPV6_DST_MASK}}),
      field("src_ip", &Flower::src_ip,
            MaskedAddressIn{{TCA_FLOWER_KEY_IPV4_SRC, TCA_FLOWER_KEY_IPV4_SRC_MASK},
                            {TCA_FLOWER_KEY_IPV6_SRC, TCA_FLOWER_KEY_IPV6_SRC_MASK}}),
      field("dst_port", &Flower::dst_port,
            port(TCA_FLOWER_KEY_TCP_DST, TCA_FLOWER_KEY_TCP_DST_MASK, TCA_FLOWER_KEY_UDP_DST,
                 TCA_FLOWER_KEY_UDP_DST_MASK, TCA_FLOWER_KEY_SCTP_DST, TCA_FLOWER_KEY_SCTP_DST_MASK)),
      field("src_port", &Flower::src_port,
            port(TCA_FLOWER_KEY_TCP_SRC, TCA_FLOWER_KEY_TCP_SRC_MASK, TCA_FLOWER_KEY_UDP_SRC,
                 TCA_FLOWER_KEY_UDP_SRC_MASK, TCA_FLOWER_KEY_SCTP_SRC, TCA_FLOWER_KEY_SCTP_SRC_MASK)),
      field("dst_port_range", &Flower::dst_port_range,
            PortRangeIn{TCA_FLOWER_KEY_PORT_DST_MIN, TCA_FLOWER_KEY_PORT_DST_MAX}),
      field("src_port_range", &Flower::src_port_range,
            PortRangeIn{TCA_FLOWER_KEY_PORT_SRC_MIN, TCA_FLOWER_KEY_PORT_SRC_MAX}),
      field("tcp_flags", &Flower::tcp_flags,
            MaskedIn<true>{TCA_FLOWER_KEY_TCP_FLAGS, TCA_FLOWER_KEY_TCP_FLAGS_MASK, true, 0x0fff}),
      field("icmp_type", &Flower::icmp_type,
            icmp(TCA_FLOWER_KEY_ICMPV4_TYPE, TCA_FLOWER_KEY_ICMPV4_TYPE_MASK, TCA_FLOWER_KEY_ICMPV6_TYPE,
                 TCA_FLOWER_KEY_ICMPV6_TYPE_MASK)),
      field("icmp_code", &Flower::icmp_code,
            icmp(TCA_FLOWER_KEY_ICMPV4_CODE, TCA_FLOWER_KEY_ICMPV4_CODE_MASK, TCA_FLOWER_KEY_ICMPV6_CODE,
                 TCA_FLOWER_KEY_ICMPV6_CODE_MASK)),
      field("arp_tip", &Flower::arp_tip, MaskedIn<>{TCA_FLOWER_KEY_ARP_TIP, TCA_FLOWER_KEY_ARP_TIP_MASK}),
      field("arp_sip", &Flower::arp_sip, MaskedIn<>{TCA_FLOWER_KEY_ARP_SIP, TCA_FLOWER_KEY_ARP_SIP_MASK}),
      field("arp_op", &Flower::arp_op, MaskedIn<>{TCA_FLOWER_KEY_ARP_OP, TCA_FLOWER_KEY_ARP_OP_MASK}),
      field("arp_tha", &Flower::arp_tha, MaskedIn<>{TCA_FLOWER_KEY_ARP_THA, TCA_FLOWER_KEY_ARP_THA_MASK}),
      field("arp_sha", &Flower::arp_sha, MaskedIn<>{TCA_FLOWER_KEY_ARP_SHA, TCA_FLOWER_KEY_ARP_SHA_MASK}),
      field("enc_dst_ip", &Flower::enc_dst_ip,
            MaskedAddressIn{{TCA_FLOWER_KEY_ENC_IPV4_DST, TCA_FLOWER_KEY_ENC_IPV4_DST_MASK},
                            {TCA_FLOWER_KEY_ENC_IPV6_DST, TCA_FLOWER_KEY_ENC_IPV6_DST_MASK}}),
      field("enc_src_ip", &Flower::enc_src_ip,
            MaskedAddressIn{{TCA_FLOWER_KEY_ENC_IPV4_SRC, TCA_FLOWER_KEY_ENC_IPV4_SRC_MASK},
                            {TCA_FLOWER_KEY_ENC_IPV6_SRC, TCA_FLOWER_KEY_ENC_IPV6_SRC_MASK}}),
      field("enc_key_id", &Flower::enc_key_id, codec::BigEndian{TCA_FLOWER_KEY_ENC_KEY_ID}),
      field("enc_dst_port", &Flower::enc_dst_port,
            MaskedIn<true>{TCA_FLOWER_KEY_ENC_UDP_DST_PORT, TCA_FLOWER_KEY_ENC_UDP_DST_PORT_MASK, false}),
      field("enc_src_port", &Flower::enc_src_port,
            MaskedIn<true>{TCA_FLOWER_KEY_ENC_UDP_SRC_PORT, TCA_FLOWER_KEY_ENC_UDP_SRC_PORT_MASK, false}),
      field("enc_tos", &Flower::enc_tos, MaskedIn<>{TCA_FLOWER_KEY_ENC_IP_TOS, TCA_FLOWER_KEY_ENC_IP_TOS_MASK}),
      field("enc_ttl", &Flower::enc_ttl, MaskedIn<>{TCA_FLOWER_KEY_ENC_IP_TTL, TCA_FLOWER_KEY_ENC_IP_TTL_MASK}),
      field("ct_state", &Flower::ct_state, MaskedIn<>{TCA_FLOWER_KEY_CT_STATE, TCA_FLOWER_KEY_CT_STATE_MASK}),
      field("ct_zone", &Flower::ct_zone, MaskedIn<>{TCA_FLOWER_KEY_CT_ZONE, TCA_FLOWER_KEY_CT_ZONE_MASK}),
      field("ct_mark", &Flower::ct_mark, MaskedIn<>{TCA_FLOWER_KEY_CT_MARK, TCA_FLOWER_KEY_CT_MARK_MASK}),
      field("ct_label", &Flower::ct_label, MaskedIn<>{TCA_FLOWER_KEY_CT_LABELS, TCA_FLOWER_KEY_CT_LABELS_MASK}),
      field("hash", &Flower::hash, MaskedIn<>{TCA_FLOWER_KEY_HASH, TCA_FLOWER_KEY_HASH_MASK}),
      field("actions", &Flower::actions, ActionsIn{TCA_FLOWER_ACT}),
      field("flags", &Flower::flags, TCA_FLOWER_FLAGS),
      field("ip_flags", &Flower::ip_flags, MaskedIn<true>{TCA_FLOWER_KEY_FLAGS, TCA_FLOWER_KEY_FLAGS_MASK}),
      field("eth_type", &Flower::eth_type, codec::BigEndian{TCA_FLOWER_KEY_ETH_TYPE}),
      field("in_hw_count", &Flower::in_hw_count, codec::Uncompared<codec::Reported>{{TCA_FLOWER_IN_HW_COUNT}}),
  };
  static Result<void> validate(const Flower& flower, std::string_view);
  /// The kernel reports as eth_type the ethertype inside the vlan tags
  /// (Flower::network_protocol()), where a request gives the outer tag's;
  /// that one is the filter's protocol, put back so a dump equals the
  /// request that made it.
  static void as_requested(Flower& flower, uint16_t filter_protocol);
};

}  // namespace nlpp::rtnl::tc
