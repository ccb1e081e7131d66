// The flower filter without a kernel: what tc 6.1 sent for flower's words
// (tests/data/golden/tc_filter_add_flower_<name>.request.hex, strace of tc;
// the command is in each file, its words in the order of flower's table)
// sent by nlpp byte for byte from the typed struct and read back into it;
// round trips of every key; the attributes ip_proto and the family pick;
// masks (all ones reads as exact, a prefix as its mask); and each check
// that refuses, before sending, what the kernel would silently ignore.
#include <nlpp/rtnl/tc_filter.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>

#include <array>
#include <cstddef>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace nlpp::rtnl {
namespace {

using namespace nlpp::literals;
using tc::CtLabel;
using tc::Flower;
using tc::Masked;
using test::expect_request;
using test::reparsed;

// tc filter add dev v0 ingress protocol P pref 1 flower ... (v0 is ifindex 3).
TcFilter ingress_flower(uint16_t protocol, Flower flower) {
  return TcFilter{.ifindex = 3,
                  .parent = TcHandle::clsact_ingress(),
                  .priority = 1,
                  .protocol = protocol,
                  .kind = "flower",
                  .options = std::move(flower)};
}

// tc's "action drop", "action pass": gact, as the request names it.
tc::Action gact(tc::Control control) { return tc::Action{.kind = "gact", .control = control, .options = tc::Gact{}}; }

constexpr uint16_t tracked_established = TCA_FLOWER_KEY_CT_FLAGS_TRACKED | TCA_FLOWER_KEY_CT_FLAGS_ESTABLISHED;
constexpr uint32_t fragment_flags = TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT | TCA_FLOWER_KEY_FLAGS_FRAG_IS_FIRST;

TEST(TcFlowerCodec, nlpp_sends_tc_s_requests_byte_for_byte_and_reads_them_back) {
  const auto expect = [](const std::string& name, const TcFilter& sent) {
    SCOPED_TRACE(name);
    // Exact keys are sent with tc's all-ones masks, which read back as exact.
    expect_request("tc_filter_add_flower_" + name, sent, sent);
  };
  // ... protocol ip flower classid 1:10 indev v1 dst_mac 02:00:00:00:00:01 src_mac 02:00:00:00:00:00/24
  // ip_proto tcp ip_tos 0x10/0xfc ip_ttl 64 dst_ip 10.0.0.0/24 src_ip 192.168.1.1/255.255.255.0 dst_port 80
  // src_port 1024/0xfc00 tcp_flags 0x2/0x12 skip_hw ip_flags nofrag
  expect("tcp", ingress_flower(ETH_P_IP, Flower{.classid = TcHandle(1, 0x10),
                                                .indev = "v1",
                                                .eth_type = ETH_P_IP,
                                                .dst_mac = "02:00:00:00:00:01"_mac,
                                                .src_mac = Masked("02:00:00:00:00:00"_mac, "ff:ff:ff:00:00:00"_mac),
                                                .ip_proto = IPPROTO_TCP,
                                                .ip_tos = Masked<uint8_t>(0x10, 0xfc),
                                                .ip_ttl = 64,
                                                .dst_ip = "10.0.0.0/24",
                                                .src_ip = Masked("192.168.1.1"_ip, "255.255.255.0"_ip),
                                                .dst_port = 80,
                                                .src_port = Masked<uint16_t>(1024, 0xfc00),
                                                .tcp_flags = Masked<uint16_t>(0x2, 0x12),
                                                .ip_flags = Masked<uint32_t>(0, TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT),
                                                .flags = TCA_CLS_FLAGS_SKIP_HW}));
  // ... protocol ip flower ip_proto udp dst_ip 10.1.0.1 src_port 53 dst_port 1000-2000 ct_state +trk+est
  // ct_zone 5 ct_mark 0x10/0xff ct_label 0102030405060708090a0b0c0d0e0f10/ffff0000000000000000000000000000
  // action drop
  expect(
      "udp_ct",
      ingress_flower(ETH_P_IP, Flower{.eth_type = ETH_P_IP,
                                      .ip_proto = IPPROTO_UDP,
                                      .dst_ip = "10.1.0.1",
                                      .src_port = 53,
                                      .dst_port_range = tc::PortRange{.min = 1000, .max = 2000},
                                      .ct_state = Masked<uint16_t>(tracked_established, tracked_established),
                                      .ct_zone = 5,
                                      .ct_mark = Masked<uint32_t>(0x10, 0xff),
                                      .ct_label = Masked(CtLabel{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
                                                         CtLabel{0xff, 0xff}),
                                      .actions = {gact(tc::Control::drop())},
                                      .flags = 0}));
  // ... protocol ipv6 flower ip_proto icmpv6 dst_ip 2001:db8::/64 src_ip 2001:db8:1::1 type 128 code 0 action pass
  expect("icmpv6", ingress_flower(ETH_P_IPV6, Flower{.eth_type = ETH_P_IPV6,
                                                     .ip_proto = IPPROTO_ICMPV6,
                                                     .dst_ip = "2001:db8::/64",
                                                     .src_ip = "2001:db8:1::1",
                                                     .icmp_type = 128,
                                                     .icmp_code = Masked<uint8_t>(0),
                                                     .actions = {gact(tc::Control::pass())},
                                                     .flags = 0}));
  // ... protocol 802.1ad flower num_of_vlans 2 vlan_id 100 vlan_prio 3 vlan_ethtype 802.1Q cvlan_id 200
  // cvlan_prio 5 cvlan_ethtype ipv4 ip_proto icmp type 8 code 0
  expect("qinq", ingress_flower(ETH_P_8021AD, Flower{.eth_type = ETH_P_8021AD,
                                                     .num_of_vlans = 2,
                                                     .vlan_id = 100,
                                                     .vlan_prio = 3,
                                                     .vlan_ethtype = ETH_P_8021Q,
                                                     .cvlan_id = 200,
                                                     .cvlan_prio = 5,
                                                     .cvlan_ethtype = ETH_P_IP,
                                                     .ip_proto = IPPROTO_ICMP,
                                                     .icmp_type = 8,
                                                     .icmp_code = Masked<uint8_t>(0),
                                                     .flags = 0}));
  // ... protocol arp flower arp_tip 10.0.0.1 arp_sip 10.0.0.0/8 arp_op request arp_tha 02:00:00:00:00:02/40
  // arp_sha 02:00:00:00:00:01 action drop
  expect("arp", ingress_flower(ETH_P_ARP, Flower{.eth_type = ETH_P_ARP,
                                                 .arp_sip = "10.0.0.0/8",
                                                 .arp_tip = "10.0.0.1",
                                                 .arp_op = 1,  // request
                                                 .arp_sha = "02:00:00:00:00:01"_mac,
                                                 .arp_tha = Masked("02:00:00:00:00:02"_mac, "ff:ff:ff:ff:ff:00"_mac),
                                                 .actions = {gact(tc::Control::drop())},
                                                 .flags = 0}));
  // ... protocol ip flower dst_mac 02:00:00:00:00:01 ip_proto udp dst_port 53 enc_dst_ip 10.0.0.2
  // enc_src_ip 10.0.0.0/16 enc_key_id 42 enc_dst_port 4789 enc_tos 0x10/0xfc enc_ttl 64 verbose
  // ip_flags frag/firstfrag action pass
  expect("tunnel", ingress_flower(ETH_P_IP, Flower{.eth_type = ETH_P_IP,
                                                   .dst_mac = "02:00:00:00:00:01"_mac,
                                                   .ip_proto = IPPROTO_UDP,
                                                   .dst_port = 53,
                                                   .enc_dst_ip = "10.0.0.2",
                                                   .enc_src_ip = "10.0.0.0/16",
                                                   .enc_key_id = 42,
                                                   .enc_dst_port = 4789,  // sent without a mask, as tc sends it
                                                   .enc_tos = Masked<uint8_t>(0x10, 0xfc),
                                                   .enc_ttl = 64,
                                                   .ip_flags = Masked<uint32_t>(fragment_flags, fragment_flags),
                                                   .actions = {gact(tc::Control::pass())},
                                                   .flags = TCA_CLS_FLAGS_VERBOSE}));
  // ... protocol mpls_uc flower mpls_label 1000 mpls_tc 3 mpls_bos 1 mpls_ttl 64 action drop
  expect("mpls", ingress_flower(ETH_P_MPLS_UC, Flower{.eth_type = ETH_P_MPLS_UC,
                                                      .mpls_label = 1000,
                                                      .mpls_tc = 3,
                                                      .mpls_bos = 1,
                                                      .mpls_ttl = 64,
                                                      .actions = {gact(tc::Control::drop())},
                                                      .flags = 0}));
  // ... protocol all flower hw_tc 2 dst_mac 01:00:5e:00:00:00/24 skip_sw: hw_tc 2 is the class ffe2 of the
  // parent's qdisc (ffff:); no ethertype under protocol all.
  expect("hw_tc", ingress_flower(ETH_P_ALL, Flower{.classid = TcHandle(0xffff, TC_H_MIN_PRIORITY + 2),
                                                   .dst_mac = Masked("01:00:5e:00:00:00"_mac, "ff:ff:ff:00:00:00"_mac),
                                                   .flags = TCA_CLS_FLAGS_SKIP_SW}));
}

TEST(TcFlowerCodec, every_key_round_trips) {
  const Flower ipv4{
      .classid = TcHandle(1, 0x20),
      .indev = "veth0",
      .eth_type = ETH_P_8021Q,
      .vlan_id = 7,
      .vlan_prio = 1,
      .vlan_ethtype = ETH_P_IP,
      .dst_mac = Masked("02:00:00:00:00:01"_mac, "ff:ff:ff:ff:00:00"_mac),
      .src_mac = "02:00:00:00:00:02"_mac,
      .ip_proto = IPPROTO_SCTP,
      .ip_tos = 0x20,
      .ip_ttl = Masked<uint8_t>(1, 0xf0),
      .dst_ip = "10.0.0.0/8",
      .src_ip = "10.9.0.1",
      .dst_port = Masked<uint16_t>(0x100, 0xff00),
      .src_port_range = tc::PortRange{.min = 1, .max = 1023},
      .tcp_flags = Masked<uint16_t>(0x10, 0x10),
      .enc_dst_ip = "2001:db8::1",
      .enc_src_ip = "2001:db8::/32",
      .enc_key_id = 0xffffff,
      .enc_dst_port = Masked<uint16_t>(6081, 0xff00),
      .enc_src_port = 4000,
      .enc_tos = 0x28,
      .enc_ttl = Masked<uint8_t>(1, 0x0f),
      .ip_flags = Masked<uint32_t>(TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT, fragment_flags),
      .ct_state = Masked<uint16_t>(TCA_FLOWER_KEY_CT_FLAGS_TRACKED,
                                   TCA_FLOWER_KEY_CT_FLAGS_TRACKED | TCA_FLOWER_KEY_CT_FLAGS_NEW),
      .ct_zone = Masked<uint16_t>(3, 0xff),
      .ct_mark = 0x42,
      .ct_label = CtLabel{0xab},
      .hash = Masked<uint32_t>(0x10, 0xf0),
      .actions = {gact(tc::Control::drop())},
      .flags = TCA_CLS_FLAGS_SKIP_HW,
      .unknown = {RawAttribute{.type = TCA_FLOWER_KEY_PPPOE_SID, .payload = {std::byte{0}, std::byte{7}}}}};
  const TcFilter filter = ingress_flower(ETH_P_8021Q, ipv4);
  EXPECT_EQ(reparsed(filter), filter);

  const TcFilter ipv6 = ingress_flower(ETH_P_IPV6, Flower{.eth_type = ETH_P_IPV6,
                                                          .ip_proto = IPPROTO_UDP,
                                                          .dst_ip = "2001:db8::/48",
                                                          .src_ip = Masked("2001:db8::1"_ip, "ffff::ffff"_ip),
                                                          .src_port = 53,
                                                          .dst_port_range = tc::PortRange{.min = 5000, .max = 5100},
                                                          .flags = 0});
  EXPECT_EQ(reparsed(ipv6), ipv6);

  const TcFilter arp = ingress_flower(ETH_P_RARP, Flower{.eth_type = ETH_P_RARP,
                                                         .arp_sip = Masked("10.0.0.1"_ip, "255.0.255.0"_ip),
                                                         .arp_op = Masked<uint8_t>(2, 0x0f),
                                                         .arp_tha = "02:00:00:00:00:03"_mac});
  EXPECT_EQ(reparsed(arp), arp);
}

// The attributes of the TCA_OPTIONS of filter's request, by type.
std::map<uint16_t, std::vector<std::byte>> options_sent(const TcFilter& filter) {
  wire::MessageBuilder builder;
  ObjectTraits<TcFilter>::emit(filter, builder, RTM_NEWTFILTER, 0);
  std::map<uint16_t, std::vector<std::byte>> sent;
  for (const wire::Attribute& attribute : wire::Message(builder.bytes()).attributes(sizeof(tcmsg)).value())
    if (attribute.type() == TCA_OPTIONS)
      for (const wire::Attribute& option : attribute.nested())
        sent[option.type()].assign(option.payload().begin(), option.payload().end());
  return sent;
}

std::vector<std::byte> bytes(std::initializer_list<int> values) {
  std::vector<std::byte> out;
  for (const int value : values) out.push_back(static_cast<std::byte>(value));
  return out;
}

TEST(TcFlowerCodec, ip_proto_and_the_ethertype_pick_the_attributes_of_ports_and_icmp_fields) {
  const auto ports = [](uint8_t protocol) {
    return options_sent(
        ingress_flower(ETH_P_IP, Flower{.eth_type = ETH_P_IP, .ip_proto = protocol, .dst_port = 80, .src_port = 53}));
  };
  // Exact ports go without a mask, as tc sends them; big-endian.
  const std::map<uint16_t, std::vector<std::byte>> udp = ports(IPPROTO_UDP);
  EXPECT_EQ(udp.at(TCA_FLOWER_KEY_UDP_DST), bytes({0x00, 0x50}));
  EXPECT_EQ(udp.at(TCA_FLOWER_KEY_UDP_SRC), bytes({0x00, 0x35}));
  EXPECT_FALSE(udp.contains(TCA_FLOWER_KEY_UDP_DST_MASK));
  EXPECT_FALSE(udp.contains(TCA_FLOWER_KEY_TCP_DST));
  const std::map<uint16_t, std::vector<std::byte>> sctp = ports(IPPROTO_SCTP);
  EXPECT_EQ(sctp.at(TCA_FLOWER_KEY_SCTP_DST), bytes({0x00, 0x50}));
  EXPECT_FALSE(sctp.contains(TCA_FLOWER_KEY_UDP_DST));

  // The ICMPv6 attributes under IPv6, with the all-ones mask of an exact key.
  const std::map<uint16_t, std::vector<std::byte>> echo = options_sent(ingress_flower(
      ETH_P_IPV6,
      Flower{.eth_type = ETH_P_IPV6, .ip_proto = IPPROTO_ICMPV6, .icmp_type = 128, .icmp_code = Masked<uint8_t>(0)}));
  EXPECT_EQ(echo.at(TCA_FLOWER_KEY_ICMPV6_TYPE), bytes({128}));
  EXPECT_EQ(echo.at(TCA_FLOWER_KEY_ICMPV6_TYPE_MASK), bytes({0xff}));
  EXPECT_EQ(echo.at(TCA_FLOWER_KEY_ICMPV6_CODE), bytes({0}));
  EXPECT_FALSE(echo.contains(TCA_FLOWER_KEY_ICMPV4_TYPE));

  // An address's family picks its pair.
  const std::map<uint16_t, std::vector<std::byte>> v6 = options_sent(
      ingress_flower(ETH_P_IPV6, Flower{.eth_type = ETH_P_IPV6, .dst_ip = "2001:db8::/16", .enc_src_ip = "10.0.0.1"}));
  EXPECT_EQ(v6.at(TCA_FLOWER_KEY_IPV6_DST_MASK), bytes({0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_FALSE(v6.contains(TCA_FLOWER_KEY_IPV4_DST));
  EXPECT_EQ(v6.at(TCA_FLOWER_KEY_ENC_IPV4_SRC), bytes({10, 0, 0, 1}));
  EXPECT_EQ(v6.at(TCA_FLOWER_KEY_ENC_IPV4_SRC_MASK), bytes({0xff, 0xff, 0xff, 0xff}));
  EXPECT_EQ(v6.at(TCA_FLOWER_KEY_ETH_TYPE), bytes({0x86, 0xdd}));
}

TEST(TcFlowerCodec, an_all_ones_mask_reads_as_exact_and_a_prefix_as_its_mask) {
  EXPECT_EQ(tc::prefix_mask("10.0.0.0/24"_prefix), "255.255.255.0"_ip);
  EXPECT_EQ(tc::prefix_mask("10.0.0.0/0"_prefix), "0.0.0.0"_ip);
  EXPECT_FALSE(tc::prefix_mask("10.0.0.1/32"_prefix));  // every bit: exact
  EXPECT_EQ(tc::prefix_mask("2001:db8::/33"_prefix), "ffff:ffff:8000::"_ip);
  EXPECT_FALSE(tc::prefix_mask("2001:db8::1/128"_prefix));
  EXPECT_TRUE(Masked<IpAddress>("10.0.0.1").exact());
  EXPECT_EQ(Masked<IpAddress>("10.0.0.0/8").mask, "255.0.0.0"_ip);
  EXPECT_EQ(Masked<uint16_t>(0x10, 0xff).to_string(), "0x10/0xff");
  EXPECT_EQ(Masked<IpAddress>("10.0.0.0/8").to_string(), "10.0.0.0/255.0.0.0");

  // What the kernel reports of exact keys: each with a mask of all ones,
  // which reads as none; a mask of other bits is kept.
  wire::MessageBuilder builder;
  tcmsg header{};
  header.tcm_ifindex = 3;
  builder.begin_message(RTM_NEWTFILTER, 0).append_header(header);
  builder.add_string(TCA_KIND, "flower");
  const auto options = builder.begin_nested(TCA_OPTIONS);
  builder.add(TCA_FLOWER_KEY_ETH_TYPE, wire::bytes_of(wire::host_to_network(uint16_t{ETH_P_IP})));
  builder.add(TCA_FLOWER_KEY_IP_PROTO, wire::bytes_of(uint8_t{IPPROTO_UDP}));
  builder.add(TCA_FLOWER_KEY_UDP_DST, wire::bytes_of(wire::host_to_network(uint16_t{53})));
  builder.add(TCA_FLOWER_KEY_UDP_DST_MASK, wire::bytes_of(uint16_t{0xffff}));
  builder.add(TCA_FLOWER_KEY_IPV4_DST, wire::bytes_of(std::array<uint8_t, 4>{10, 0, 0, 1}));
  builder.add(TCA_FLOWER_KEY_IPV4_DST_MASK, wire::bytes_of(std::array<uint8_t, 4>{0xff, 0xff, 0xff, 0xff}));
  builder.add(TCA_FLOWER_KEY_IPV4_SRC, wire::bytes_of(std::array<uint8_t, 4>{10, 0, 0, 0}));
  builder.add(TCA_FLOWER_KEY_IPV4_SRC_MASK, wire::bytes_of(std::array<uint8_t, 4>{0xff, 0xff, 0, 0}));
  builder.add(TCA_FLOWER_KEY_CT_LABELS, wire::bytes_of(CtLabel{1}));
  CtLabel all_ones{};
  all_ones.fill(0xff);
  builder.add(TCA_FLOWER_KEY_CT_LABELS_MASK, wire::bytes_of(all_ones));
  builder.add_u32(TCA_FLOWER_FLAGS, TCA_CLS_FLAGS_NOT_IN_HW);
  builder.end_nested(options);
  const std::vector<std::byte> dumped(builder.bytes().begin(), builder.bytes().end());
  const TcFilter filter = test::parse_golden<TcFilter>(dumped, "a dumped flower");
  const auto* flower = std::get_if<Flower>(&filter.options);
  ASSERT_NE(flower, nullptr);
  EXPECT_EQ(flower->dst_port, Masked<uint16_t>(53));
  EXPECT_TRUE(flower->dst_port->exact());
  EXPECT_EQ(flower->dst_ip, Masked<IpAddress>("10.0.0.1"));
  EXPECT_EQ(flower->src_ip, Masked<IpAddress>("10.0.0.0/16"));
  EXPECT_EQ(flower->ct_label, Masked<CtLabel>(CtLabel{1}));
  EXPECT_EQ(flower->flags, uint32_t{TCA_CLS_FLAGS_NOT_IN_HW});
  EXPECT_EQ(flower->network_protocol(), ETH_P_IP);
}

// Why validate() refuses the filter holding flower; "" when it does not.
std::string refusal(Flower flower, uint16_t protocol = ETH_P_ALL) {
  const Result<void> valid = ObjectTraits<TcFilter>::validate(ingress_flower(protocol, std::move(flower)));
  return valid ? "" : valid.error().context();
}

TEST(TcFlowerCodec, keys_the_kernel_would_ignore_are_refused_before_sending) {
  // Tags.
  EXPECT_EQ(refusal({.eth_type = ETH_P_IP, .vlan_id = 5}),
            "flower: vlan_id, vlan_prio and vlan_ethtype need eth_type 802.1Q or 802.1ad, or num_of_vlans");
  EXPECT_EQ(refusal({.num_of_vlans = 1, .vlan_id = 5}), "");
  EXPECT_EQ(refusal({.eth_type = ETH_P_8021Q, .vlan_ethtype = ETH_P_IP, .cvlan_id = 5}),
            "flower: cvlan_id, cvlan_prio and cvlan_ethtype need vlan_ethtype 802.1Q or 802.1ad, or num_of_vlans 2");
  EXPECT_EQ(refusal({.eth_type = ETH_P_8021Q, .vlan_id = 4096}), "flower: a vlan id is 0-4095");
  EXPECT_EQ(refusal({.eth_type = ETH_P_8021Q, .vlan_prio = 8}), "flower: a vlan priority is 0-7");
  EXPECT_EQ(refusal({.eth_type = ETH_P_MPLS_UC, .mpls_label = 0x100000}), "flower: an mpls label is 0-1048575");
  EXPECT_EQ(refusal({.eth_type = ETH_P_MPLS_UC, .mpls_tc = 8}), "flower: mpls_tc is 0-7");
  EXPECT_EQ(refusal({.eth_type = ETH_P_MPLS_UC, .mpls_bos = 2}), "flower: mpls_bos is 0 or 1");

  // The network header the keys read.
  const std::string needs_ip =
      "flower: ip_proto, ip_tos, ip_ttl, dst_ip and src_ip need an IPv4 or IPv6 ethertype (eth_type, or "
      "vlan_ethtype under a vlan), or the kernel ignores them";
  EXPECT_EQ(refusal({.ip_proto = IPPROTO_TCP}), needs_ip);
  EXPECT_EQ(refusal({.eth_type = ETH_P_ARP, .dst_ip = "10.0.0.1"}), needs_ip);
  EXPECT_EQ(refusal({.eth_type = ETH_P_8021Q, .vlan_ethtype = ETH_P_IP, .ip_tos = 4}), "");
  EXPECT_EQ(refusal({.eth_type = ETH_P_IP, .dst_ip = "2001:db8::1"}),
            "flower: the address 2001:db8::1 is not of the ethertype's family");
  EXPECT_EQ(refusal({.eth_type = ETH_P_IP, .mpls_ttl = 3}), "flower: the mpls keys need an MPLS ethertype");
  EXPECT_EQ(refusal({.eth_type = ETH_P_IP, .arp_op = 1}), "flower: the arp keys need ethertype arp or rarp");

  // Ports and ICMP.
  EXPECT_EQ(refusal({.eth_type = ETH_P_IP, .ip_proto = IPPROTO_ICMP, .dst_port = 80}),
            "flower: ports need ip_proto tcp, udp or sctp, or the kernel ignores them");
  EXPECT_EQ(refusal({.eth_type = ETH_P_IP,
                     .ip_proto = IPPROTO_TCP,
                     .dst_port = 80,
                     .dst_port_range = tc::PortRange{.min = 1, .max = 2}}),
            "flower: a port and a port range of the same end cannot both be given");
  EXPECT_EQ(refusal({.eth_type = ETH_P_IP, .ip_proto = IPPROTO_UDP, .src_port_range = tc::PortRange{2000, 1000}}),
            "flower: the port range 2000-1000 must go from a smaller port to a larger one");
  EXPECT_EQ(refusal({.eth_type = ETH_P_IPV6, .ip_proto = IPPROTO_ICMP, .icmp_type = 8}),
            "flower: icmp_type and icmp_code need ip_proto icmp under IPv4 or icmpv6 under IPv6");

  // Addresses and their masks.
  EXPECT_EQ(refusal({.enc_dst_ip = Masked<IpAddress>(IpAddress())}), "flower: an address key needs an address");
  EXPECT_EQ(refusal({.enc_src_ip = Masked("10.0.0.1"_ip, "ffff::"_ip)}),
            "flower: the mask ffff:: is not of the family of 10.0.0.1");
  EXPECT_EQ(refusal({.eth_type = ETH_P_ARP, .arp_sip = "2001:db8::1"}),
            "flower: arp_sip and arp_tip are IPv4 addresses");

  // The actions', named as the filter's.
  EXPECT_EQ(refusal({.actions = {tc::Action{.options = tc::Mirred{}}}}),
            "flower action 1 (mirred): the target link is required");
}

}  // namespace
}  // namespace nlpp::rtnl
