// The flower filter as Linux 6.12 dumps it and tc 6.1 prints it
// (tests/data/golden/tc_filter_flower_*: see the README there): each dump
// reads into tc::Flower with the keys the tc command in its comment gave,
// is sent back as the same struct, and prints as tc printed it, its JSON
// compared whole (members in tc's order) and its words with tc's text
// lines. Then options only nlpp makes (masks tc cannot send, keys with no
// name in tc, keys tc does not print) in what flower_print_opt() prints of
// them.
#include <nlpp/format/json.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include "format/tc_filter_words.hpp"
#include "format/tc_flower.hpp"
#include "unit/golden.hpp"
#include "unit/golden_json.hpp"

#include <gtest/gtest.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace nlpp::rtnl {
namespace {

using namespace nlpp::literals;

// The guest's veth pair: the filters are on v0's ingress.
const std::vector<Link> veth_pair{{.ifindex = 2, .name = "v1"}, {.ifindex = 3, .name = "v0"}};
constexpr uint32_t v1_ifindex = 2;
constexpr uint32_t v0_ifindex = 3;

// A 16-byte conntrack label whose last byte is `last`, the others zero.
tc::CtLabel label_ending_in(uint8_t last) {
  tc::CtLabel label{};
  label.back() = last;
  return label;
}

// What the kernel adds to every filter it dumps: not in hardware (there is
// none), on no device.
tc::Flower as_dumped(tc::Flower flower, uint32_t flags = TCA_CLS_FLAGS_NOT_IN_HW) {
  flower.flags = flags;
  flower.in_hw_count = 0;
  return flower;
}

std::vector<std::byte> bytes(std::initializer_list<uint8_t> values) {
  std::vector<std::byte> out;
  for (uint8_t value : values) out.push_back(std::byte{value});
  return out;
}

struct FlowerGolden {
  std::string name;   // tests/data/golden/tc_filter_flower_<name>
  uint16_t protocol;  // the filter's, tc's "protocol"
  tc::Flower dumped;  // its options as the kernel dumped them, without the actions
  std::string words;  // tc's text lines of them, joined
};

// Each golden's tc command is in its comment. The kernel reports a vlan
// filter's eth_type as the ethertype inside its tags (vlan_ethtype, then
// cvlan_ethtype), and tc's JSON follows it; nlpp reads the filter's
// protocol back into eth_type, as the request had it. PPPoE's ethertype is
// ppp_proto's, as the kernel reports it (nlpp keeps the PPPoE keys raw).
std::vector<FlowerGolden> goldens() {
  return {
      {"ipv4_tcp", ETH_P_IP,
       as_dumped({.classid = TcHandle(1, 1),
                  .indev = "v0",
                  .eth_type = ETH_P_IP,
                  .ip_proto = IPPROTO_TCP,
                  .ip_tos = tc::Masked<uint8_t>{0x10, 0xfc},
                  .ip_ttl = tc::Masked<uint8_t>{64, 0xf0},
                  .dst_ip = "10.0.0.0/24",
                  .src_ip = "192.168.1.1",
                  .dst_port = 80,
                  .src_port_range = tc::PortRange{1024, 2048},
                  .tcp_flags = tc::Masked<uint16_t>{0x2, 0x12}}),
       "classid 1:1 indev v0 eth_type ipv4 ip_proto tcp ip_tos 16/0xfc ip_ttl 64/0xf0 dst_ip 10.0.0.0/24 "
       "src_ip 192.168.1.1 dst_port 80 src_port 1024-2048 tcp_flags 0x2/12 not_in_hw"},
      {"ipv6_udp", ETH_P_IPV6,
       as_dumped({.classid = TcHandle(0xffff, TC_H_MIN_PRIORITY + 2),  // hw_tc 2 under ingress (ffff:)
                  .eth_type = ETH_P_IPV6,
                  .ip_proto = IPPROTO_UDP,
                  .ip_ttl = tc::Masked<uint8_t>(255),
                  .dst_ip = "2001:db8::/32",
                  .src_ip = "2001:db8::1",
                  .dst_port = 53,
                  .src_port = tc::Masked<uint16_t>{0x400, 0xfc00}}),
       "hw_tc 2 eth_type ipv6 ip_proto udp ip_ttl 255 dst_ip 2001:db8::/32 src_ip 2001:db8::1 dst_port 53 "
       "src_port 1024/0xfc00 not_in_hw"},
      {"icmp", ETH_P_IP,
       as_dumped({.eth_type = ETH_P_IP,
                  .ip_proto = IPPROTO_ICMP,
                  .icmp_type = tc::Masked<uint8_t>(8),
                  .icmp_code = tc::Masked<uint8_t>(0)}),
       "eth_type ipv4 ip_proto icmp icmp_type 8 icmp_code 0 not_in_hw"},
      {"icmpv6", ETH_P_IPV6,
       as_dumped({.eth_type = ETH_P_IPV6, .ip_proto = IPPROTO_ICMPV6, .icmp_type = tc::Masked<uint8_t>{128, 254}}),
       "eth_type ipv6 ip_proto icmpv6 icmp_type 128/254 not_in_hw"},
      {"arp", ETH_P_ARP,
       as_dumped({.eth_type = ETH_P_ARP,
                  .arp_sip = "10.0.0.0/8",
                  .arp_tip = "10.0.0.1",
                  .arp_op = tc::Masked<uint8_t>(ARPOP_REQUEST),
                  .arp_sha = "02:00:00:00:00:01",
                  .arp_tha = tc::Masked<MacAddress>{"02:00:00:00:00:00"_mac, "ff:ff:ff:00:00:00"_mac}}),
       "eth_type arp arp_sip 10.0.0.0/8 arp_tip 10.0.0.1 arp_op request arp_sha 02:00:00:00:00:01 "
       "arp_tha 02:00:00:00:00:00/24 not_in_hw"},
      {"vlan", ETH_P_8021Q,
       as_dumped({.eth_type = ETH_P_8021Q,
                  .vlan_id = 100,
                  .vlan_prio = 3,
                  .vlan_ethtype = ETH_P_IP,
                  .ip_proto = IPPROTO_UDP,
                  .dst_ip = "10.1.0.0/16",
                  .dst_port = 4789}),
       "vlan_id 100 vlan_prio 3 vlan_ethtype ip eth_type ipv4 ip_proto udp dst_ip 10.1.0.0/16 dst_port 4789 "
       "not_in_hw"},
      {"qinq", ETH_P_8021AD,
       as_dumped({.eth_type = ETH_P_8021AD,
                  .vlan_id = 10,
                  .vlan_ethtype = ETH_P_8021Q,
                  .cvlan_id = 20,
                  .cvlan_prio = 5,
                  .cvlan_ethtype = ETH_P_IPV6}),
       "vlan_id 10 vlan_ethtype 802.1Q cvlan_id 20 cvlan_prio 5 cvlan_ethtype ipv6 eth_type ipv6 not_in_hw"},
      {"vlan_count", ETH_P_8021AD,
       as_dumped({.eth_type = ETH_P_8021AD, .num_of_vlans = 2, .vlan_id = 10, .cvlan_id = 20}),
       "num_of_vlans 2 vlan_id 10 cvlan_id 20 not_in_hw"},
      {"mpls", ETH_P_MPLS_UC,
       as_dumped({.eth_type = ETH_P_MPLS_UC, .mpls_label = 1000, .mpls_tc = 3, .mpls_bos = 1, .mpls_ttl = 64}),
       "eth_type 8847 mpls_label 1000 mpls_tc 3 mpls_bos 1 mpls_ttl 64 not_in_hw"},
      {"mac", ETH_P_ALL,
       as_dumped({.dst_mac = "02:00:00:00:00:01",
                  .src_mac = tc::Masked<MacAddress>{"02:00:00:00:00:00"_mac, "ff:00:ff:00:00:00"_mac}},
                 TCA_CLS_FLAGS_SKIP_HW | TCA_CLS_FLAGS_NOT_IN_HW),
       "dst_mac 02:00:00:00:00:01 src_mac 02:00:00:00:00:00/ff:00:ff:00:00:00 skip_hw not_in_hw"},
      {"enc", ETH_P_IP,
       as_dumped({.eth_type = ETH_P_IP,
                  .enc_dst_ip = "192.0.2.1",
                  .enc_src_ip = "192.0.2.0/24",
                  .enc_key_id = 42,
                  .enc_dst_port = 4789,
                  .enc_tos = tc::Masked<uint8_t>{0x28, 0xfc},
                  .enc_ttl = tc::Masked<uint8_t>(64)}),
       "eth_type ipv4 enc_dst_ip 192.0.2.1 enc_src_ip 192.0.2.0/24 enc_key_id 42 enc_dst_port 4789 "
       "enc_tos 40/0xfc enc_ttl 64 not_in_hw"},
      {"enc6", ETH_P_IPV6,
       as_dumped(
           {.eth_type = ETH_P_IPV6, .enc_dst_ip = "2001:db8::2", .enc_src_ip = "2001:db8:1::/48", .enc_key_id = 7}),
       "eth_type ipv6 enc_dst_ip 2001:db8::2 enc_src_ip 2001:db8:1::/48 enc_key_id 7 not_in_hw"},
      {"ct", ETH_P_IP,
       as_dumped(
           {.eth_type = ETH_P_IP,
            .ct_state = tc::Masked<uint16_t>{TCA_FLOWER_KEY_CT_FLAGS_TRACKED | TCA_FLOWER_KEY_CT_FLAGS_ESTABLISHED,
                                             TCA_FLOWER_KEY_CT_FLAGS_TRACKED | TCA_FLOWER_KEY_CT_FLAGS_ESTABLISHED |
                                                 TCA_FLOWER_KEY_CT_FLAGS_REPLY},
            .ct_zone = tc::Masked<uint16_t>(5),
            .ct_mark = tc::Masked<uint32_t>{0x10, 0xff},
            .ct_label = tc::Masked<tc::CtLabel>{label_ending_in(0x01), label_ending_in(0x0f)}}),
       "eth_type ipv4 ct_state +trk+est-rpl ct_zone 5 ct_mark 16/0xff ct_label "
       "00000000000000000000000000000001/0000000000000000000000000000000f not_in_hw"},
      {"ip_flags", ETH_P_IP,
       as_dumped(
           {.eth_type = ETH_P_IP,
            .ip_flags = tc::Masked<uint32_t>{TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT,
                                             TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT | TCA_FLOWER_KEY_FLAGS_FRAG_IS_FIRST}}),
       "eth_type ipv4 ip_flags frag/nofirstfrag not_in_hw"},
      {"sctp_range", ETH_P_IP,
       as_dumped({.eth_type = ETH_P_IP, .ip_proto = IPPROTO_SCTP, .dst_port_range = tc::PortRange{5000, 5100}}),
       "eth_type ipv4 ip_proto sctp dst_port 5000-5100 not_in_hw"},
      // PPPoE's keys stay raw (big-endian session 1234, PPP protocol 0x21: ip).
      {"pppoe", ETH_P_PPP_SES,
       as_dumped({.eth_type = ETH_P_IP,
                  .unknown = {{TCA_FLOWER_KEY_PPPOE_SID, bytes({0x04, 0xd2})},
                              {TCA_FLOWER_KEY_PPP_PROTO, bytes({0x00, 0x21})}}}),
       "eth_type ipv4 pppoe_sid 1234 ppp_proto ip not_in_hw"},
      {"bare", ETH_P_ALL, as_dumped({}), "not_in_hw"},
  };
}

TcFilter dumped_filter(const std::string& name) { return test::parsed_golden<TcFilter>("tc_filter_flower_" + name); }

// The filter the kernel dumped, without its actions (their counters and
// times are the kernel's).
TcFilter without_actions(TcFilter filter) {
  if (auto* flower = std::get_if<tc::Flower>(&filter.options)) flower->actions.clear();
  return filter;
}

// A filter's JSON without its actions' ages: tc printed them a second or so
// before the dump was captured (two runs of tc), in whole seconds.
nlohmann::ordered_json without_action_ages(nlohmann::ordered_json filter) {
  for (nlohmann::ordered_json& action : filter["options"]["actions"]) {
    action.erase("installed");
    action.erase("last_used");
  }
  return filter;
}

TEST(FormatTcFlower, each_dump_reads_into_the_keys_tc_was_given) {
  for (const FlowerGolden& golden : goldens()) {
    const TcFilter filter = dumped_filter(golden.name);
    const TcFilter expected{.ifindex = v0_ifindex,
                            .parent = TcHandle::clsact_ingress(),
                            .priority = 1,
                            .protocol = golden.protocol,
                            .handle = 1,
                            .kind = "flower",
                            .chain = 0,
                            .options = golden.dumped};
    EXPECT_EQ(without_actions(filter), expected)
        << golden.name << ": " << ::testing::PrintToString(test::differing_fields(expected, without_actions(filter)));
  }
}

TEST(FormatTcFlower, each_dump_holds_the_action_tc_was_given) {
  for (const FlowerGolden& golden : goldens()) {
    const TcFilter filter = dumped_filter(golden.name);
    const auto* flower = std::get_if<tc::Flower>(&filter.options);
    ASSERT_TRUE(flower) << golden.name;
    ASSERT_EQ(flower->actions.size(), 1u) << golden.name;
    const tc::Action& action = flower->actions.front();
    EXPECT_EQ(action.bindcnt, 1u) << golden.name;
    if (golden.name == "mac") {
      EXPECT_EQ(
          action.options,
          (tc::ActionOptions{tc::Mirred{.direction = tc::Mirred::Direction::egress_redirect, .ifindex = v1_ifindex}}));
      EXPECT_EQ(action.effective_control(), tc::Control::stolen());
    } else {
      EXPECT_TRUE(std::holds_alternative<tc::Gact>(action.options)) << golden.name;
      // "action pass" for the IPv6 filter, "action drop" for the others.
      EXPECT_EQ(action.effective_control(), golden.name == "ipv6_udp" ? tc::Control::pass() : tc::Control::drop())
          << golden.name;
    }
  }
}

// Emit then parse: the keys as the kernel reported them are sent as they
// are (what the kernel adds, the hardware count, is not sent).
TEST(FormatTcFlower, each_dump_is_sent_back_as_it_was_read) {
  for (const FlowerGolden& golden : goldens()) {
    TcFilter filter = without_actions(dumped_filter(golden.name));
    std::get<tc::Flower>(filter.options).in_hw_count.reset();
    const TcFilter back = test::reparsed(filter);
    EXPECT_EQ(back, filter) << golden.name << ": " << ::testing::PrintToString(test::differing_fields(filter, back));
  }
}

TEST(FormatTcFlower, each_dump_prints_as_tc_printed_it) {
  const format::LinkNames names(veth_pair);
  const format::TcView view{.one_device = true, .details = true, .stats = true, .parent = TcHandle::clsact_ingress()};
  for (const FlowerGolden& golden : goldens()) {
    const TcFilter filter = dumped_filter(golden.name);
    const nlohmann::ordered_json printed =
        nlohmann::ordered_json::parse(format::filters_json({&filter, 1}, names, view));
    ASSERT_EQ(printed.size(), 1u);
    EXPECT_EQ(without_action_ages(printed[0]),
              without_action_ages(test::golden_json("tc_filter_flower_" + golden.name)))
        << golden.name;
  }
}

TEST(FormatTcFlower, each_dump_reads_in_tcs_words) {
  for (const FlowerGolden& golden : goldens())
    EXPECT_EQ(format::detail::tc_options_text(dumped_filter(golden.name).options), golden.words) << golden.name;
}

// The members of an "options" object, written alone.
nlohmann::ordered_json options_json(const tc::Flower& flower, uint32_t handle) {
  JsonWriter json;
  json.begin_object();
  format::detail::write_flower_options(json, flower, handle, format::LinkNames(), {});
  json.end_object();
  return nlohmann::ordered_json::parse(std::move(json).take());
}

// tc sends address masks as prefixes only; the kernel keeps any mask, and
// tc prints one that is not a prefix whole. A mask of all ones is not
// printed, whoever wrote it, but for tcp_flags, whose mask the kernel always
// reports and tc always prints; a key with no mask compares every bit.
TEST(FormatTcFlower, masks_print_as_tc_prints_them_from_the_kernel) {
  const tc::Flower flower{
      .eth_type = ETH_P_IP,
      .ip_proto = IPPROTO_TCP,
      .ip_tos = tc::Masked<uint8_t>{0x10, 0xff},
      .dst_ip = tc::Masked<IpAddress>{"10.0.0.1"_ip, "255.0.0.255"_ip},
      .src_ip = tc::Masked<IpAddress>{"10.1.0.0"_ip, "255.255.0.0"_ip},
      .dst_port = tc::Masked<uint16_t>{80, 0xffff},
      .tcp_flags = tc::Masked<uint16_t>(0x2),
      .ct_state = tc::Masked<uint16_t>(TCA_FLOWER_KEY_CT_FLAGS_TRACKED | TCA_FLOWER_KEY_CT_FLAGS_ESTABLISHED),
      .ct_mark = tc::Masked<uint32_t>{1, 0xffffffff},
      .ct_label = tc::Masked<tc::CtLabel>(label_ending_in(0x01))};
  EXPECT_EQ(options_json(flower, 1), nlohmann::ordered_json::parse(R"({"handle":1,"keys":{
      "eth_type":"ipv4","ip_proto":"tcp","ip_tos":16,"dst_ip":"10.0.0.1/255.0.0.255","src_ip":"10.1.0.0/16",
      "dst_port":80,"tcp_flags":"0x2/ffff","ct_state":"+trk-new+est-rel-inv-rpl","ct_mark":1,
      "ct_label":"00000000000000000000000000000001"}})"));
  EXPECT_EQ(format::detail::flower_options_text(flower),
            "eth_type ipv4 ip_proto tcp ip_tos 16 dst_ip 10.0.0.1/255.0.0.255 src_ip 10.1.0.0/16 dst_port 80 "
            "tcp_flags 0x2/ffff ct_state +trk-new+est-rel-inv-rpl ct_mark 1 "
            "ct_label 00000000000000000000000000000001");

  // A chain's template has no handle; an ARP operation with a mask is a number.
  const tc::Flower template_keys{
      .eth_type = ETH_P_RARP, .arp_op = tc::Masked<uint8_t>{ARPOP_REPLY, 0x3}, .arp_tha = "02:00:00:00:00:02"};
  EXPECT_EQ(options_json(template_keys, 0), nlohmann::ordered_json::parse(R"({"keys":{
      "eth_type":"rarp","arp_op":"2/3","arp_tha":"02:00:00:00:00:02"}})"));
}

// flower_print_opt() reads dst_ip, src_ip and the ICMP keys under the
// ethertype the kernel reports (the one inside the tags), and has no words
// for hash, enc_src_port or fragment flags other than frag and firstfrag.
TEST(FormatTcFlower, keys_tc_does_not_print_are_left_out) {
  const tc::Flower tagged{.eth_type = ETH_P_8021Q,
                          .vlan_id = 5,
                          .vlan_ethtype = ETH_P_IP,
                          .ip_proto = IPPROTO_ICMP,
                          .dst_ip = "10.0.0.1",
                          .icmp_type = tc::Masked<uint8_t>(8),
                          .enc_src_port = 4789,
                          .ip_flags = tc::Masked<uint32_t>{0, 0x4},
                          .hash = tc::Masked<uint32_t>{1, 0xff}};
  EXPECT_EQ(options_json(tagged, 1), nlohmann::ordered_json::parse(R"({"handle":1,"keys":{
      "vlan_id":5,"vlan_ethtype":"ip","eth_type":"ipv4","ip_proto":"icmp","dst_ip":"10.0.0.1","icmp_type":"8"}})"));
  EXPECT_EQ(format::detail::flower_options_text(tagged),
            "vlan_id 5 vlan_ethtype ip eth_type ipv4 ip_proto icmp dst_ip 10.0.0.1 icmp_type 8");
  // Under a vlan tag with no ethertype inside it, nothing says the packet
  // is IP: the address and the ICMP type are not printed.
  tc::Flower untyped = tagged;
  untyped.vlan_ethtype.reset();
  EXPECT_EQ(format::detail::flower_options_text(untyped), "vlan_id 5 ip_proto icmp");
}

// A classid in TC_H_MIN_PRIORITY's 16 is a traffic class (hw_tc); in
// hardware, tc prints how many devices hold the filter.
TEST(FormatTcFlower, traffic_classes_and_hardware_print_as_tc_prints_them) {
  const tc::Flower offloaded{.classid = TcHandle(1, TC_H_MIN_PRIORITY + 15),
                             .indev = "eth0",
                             .eth_type = ETH_P_IPV6,
                             .ip_proto = IPPROTO_GRE,
                             .flags = TCA_CLS_FLAGS_SKIP_SW | TCA_CLS_FLAGS_IN_HW,
                             .in_hw_count = 2};
  EXPECT_EQ(options_json(offloaded, 0x10), nlohmann::ordered_json::parse(R"({"handle":16,"hw_tc":15,
      "indev":"eth0","keys":{"eth_type":"ipv6","ip_proto":"2f"},"skip_sw":true,"in_hw":true,"in_hw_count":2})"));
  EXPECT_EQ(format::detail::flower_options_text(offloaded),
            "hw_tc 15 indev eth0 eth_type ipv6 ip_proto 2f skip_sw in_hw in_hw_count 2");
  EXPECT_EQ(format::detail::flower_options_text({.classid = TcHandle(1, TC_H_MIN_PRIORITY + 16)}), "classid 1:fff0");
}

}  // namespace
}  // namespace nlpp::rtnl
