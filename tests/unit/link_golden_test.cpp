// Links captured from the kernel (tests/data/golden/link_*.hex, made by
// capture_links.py): parsing gives the values the capture set up, and
// emitting the parsed link parses back to the same link. Requests captured
// from `ip` (link_*.request.hex) are what nlpp emits for the same link,
// byte for byte.
#include <nlpp/rtnl/link.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <linux/if_arp.h>
#include <linux/if_tun.h>
#include <sys/socket.h>

#include <ostream>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::mac;
using test::parsed_golden;

template <class Data>
const Data& data_of(const Link& link) {
  EXPECT_TRUE(link.info.has_value());
  return std::get<Data>(link.info->data);
}

// The ifindex a captured link has: capture_links.py creates them in a fresh
// namespace, in a fixed order.
uint32_t captured_ifindex(const std::string& name) { return parsed_golden<Link>(name).ifindex; }

TEST(LinkGolden, bridge_has_its_stp_settings_priority_and_vlan_protocol) {
  const Link br0 = parsed_golden<Link>("link_br0");
  EXPECT_EQ(br0.name, "br0");
  EXPECT_EQ(br0.type, ARPHRD_ETHER);
  EXPECT_EQ(br0.address, mac("02:00:00:00:00:b0"));
  EXPECT_EQ(br0.info->kind, "bridge");
  const auto& bridge = data_of<link::Bridge>(br0);
  EXPECT_EQ(bridge.stp_state, 1u);
  EXPECT_EQ(bridge.forward_delay, 400u);
  EXPECT_EQ(bridge.hello_time, 300u);
  EXPECT_EQ(bridge.max_age, 1000u);
  EXPECT_EQ(bridge.ageing_time, 20000u);
  EXPECT_EQ(bridge.priority, 4096);
  EXPECT_EQ(bridge.mcast_snooping, false);
  EXPECT_EQ(bridge.group_fwd_mask, 8);
  EXPECT_EQ(bridge.group_addr, mac("01:80:c2:00:00:00"));
  EXPECT_EQ(bridge.bridge_id, (link::BridgeId{0x1000, mac("02:00:00:00:00:b0")}));
  EXPECT_FALSE(bridge.fdb_flush);
  ASSERT_TRUE(br0.stats.has_value());
  EXPECT_EQ(br0.stats->rx_packets, 0u);
}

TEST(LinkGolden, bridge_port_has_its_generic_attributes_and_port_data) {
  const Link veth0 = parsed_golden<Link>("link_veth0");
  EXPECT_EQ(veth0.name, "veth0");
  EXPECT_EQ(veth0.mtu, 1400u);
  EXPECT_EQ(veth0.txqlen, 500u);
  EXPECT_EQ(veth0.group, 7u);
  EXPECT_EQ(veth0.alias, "uplink");
  EXPECT_EQ(veth0.altnames, std::vector<std::string>{"nlpp-veth-alternative"});
  EXPECT_EQ(veth0.master, captured_ifindex("link_br0"));
  EXPECT_EQ(veth0.link, captured_ifindex("link_veth1"));
  EXPECT_EQ(veth0.operstate, OperState::down);
  EXPECT_FALSE(veth0.is_up());
  EXPECT_EQ(veth0.info->kind, "veth");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(veth0.info->data));
  EXPECT_EQ(veth0.info->slave_kind, "bridge");
  const auto& port = std::get<link::BridgePort>(veth0.info->slave_data);
  EXPECT_EQ(port.cost, 7u);
  EXPECT_EQ(port.priority, 12);
  EXPECT_EQ(port.learning, false);
  EXPECT_EQ(port.unicast_flood, false);
  EXPECT_EQ(port.mcast_flood, false);
  EXPECT_EQ(port.bcast_flood, true);
  EXPECT_EQ(port.isolated, true);
  EXPECT_EQ(port.state, link::BridgePortState::disabled);
}

TEST(LinkGolden, vxlan_over_ipv4_has_its_group_ports_and_options) {
  const Link vxlan0 = parsed_golden<Link>("link_vxlan0");
  const auto& vxlan = data_of<link::Vxlan>(vxlan0);
  EXPECT_EQ(vxlan.vni, 42u);
  EXPECT_EQ(vxlan.group, ip("239.1.1.1"));
  EXPECT_EQ(vxlan.link, captured_ifindex("link_veth1"));
  EXPECT_EQ(vxlan.port, 4789);
  EXPECT_EQ(vxlan.port_range, (link::PortRange{1000, 2000}));
  EXPECT_EQ(vxlan.ttl, 10);
  EXPECT_EQ(vxlan.tos, 0x10);
  EXPECT_EQ(vxlan.learning, false);
  EXPECT_EQ(vxlan.ageing, 120u);
  EXPECT_EQ(vxlan.udp_csum, false);
  EXPECT_FALSE(vxlan.gbp);
  // The kernel reports IFLA_VXLAN_TTL_INHERIT as a u8 0, not as an absent flag.
  EXPECT_FALSE(vxlan.ttl_inherit);
}

TEST(LinkGolden, vxlan_over_ipv6_has_its_ipv6_remote_and_local) {
  const Link vxlan6 = parsed_golden<Link>("link_vxlan6");
  const auto& vxlan = data_of<link::Vxlan>(vxlan6);
  EXPECT_EQ(vxlan.vni, 43u);
  EXPECT_EQ(vxlan.group, ip("2001:db8::2"));
  EXPECT_EQ(vxlan.local, ip("2001:db8::1"));
  EXPECT_EQ(vxlan.port, 4790);
  EXPECT_EQ(vxlan.udp_zero_csum6_tx, true);
}

TEST(LinkGolden, macvlan_and_macvtap_share_their_data_and_keep_their_kind) {
  const Link macvlan0 = parsed_golden<Link>("link_macvlan0");
  EXPECT_EQ(macvlan0.info->kind, "macvlan");
  EXPECT_EQ(macvlan0.address, mac("02:00:00:00:00:0a"));
  EXPECT_EQ(macvlan0.link, captured_ifindex("link_veth1"));
  EXPECT_EQ(data_of<link::Macvlan>(macvlan0).mode, link::MacvlanMode::bridge);
  const Link macvtap0 = parsed_golden<Link>("link_macvtap0");
  EXPECT_EQ(macvtap0.info->kind, "macvtap");
  EXPECT_EQ(data_of<link::Macvlan>(macvtap0).mode, link::MacvlanMode::vepa);
}

TEST(LinkGolden, ifb_has_a_kind_and_no_data) {
  const Link ifb0 = parsed_golden<Link>("link_ifb0");
  EXPECT_EQ(ifb0.info->kind, "ifb");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(ifb0.info->data));
}

TEST(LinkGolden, tap_reports_its_type_owner_group_and_flags) {
  const Link tap0 = parsed_golden<Link>("link_tap0");
  const auto& tun = data_of<link::Tun>(tap0);
  EXPECT_EQ(tun.type, link::TunType::tap);
  EXPECT_EQ(tun.owner, 65534u);
  EXPECT_EQ(tun.group, 65534u);
  EXPECT_EQ(tun.vnet_hdr, true);
  EXPECT_EQ(tun.pi, false);
  EXPECT_EQ(tun.persist, true);
}

// Every capture, the host's and the guest's: its kind data parses as its
// struct, and what nlpp emits for the parsed link parses back to it, the
// attributes it does not type included.
class LinkGoldenRoundTrip : public testing::TestWithParam<std::string> {};

TEST_P(LinkGoldenRoundTrip, emitting_a_parsed_link_loses_nothing) {
  const Link parsed = parsed_golden<Link>(GetParam());
  EXPECT_FALSE(parsed.unknown.empty());  // IFLA_AF_SPEC, IFLA_MAP... are kept raw
  EXPECT_FALSE(std::holds_alternative<link::GenericData>(parsed.info->data));
  wire::MessageBuilder emitted;
  ObjectTraits<Link>::emit(parsed, emitted, RTM_NEWLINK, 0);
  EXPECT_EQ(ObjectTraits<Link>::parse(wire::Message(emitted.bytes())).value(), parsed);
}

INSTANTIATE_TEST_SUITE_P(Captures, LinkGoldenRoundTrip,
                         testing::Values("link_br0", "link_veth0", "link_veth1", "link_vxlan0", "link_vxlan6",
                                         "link_macvlan0", "link_macvtap0", "link_ifb0", "link_tap0", "link_dummy0",
                                         "link_dummy1", "link_bond0", "link_bond1", "link_vlan0", "link_vrf0",
                                         "link_gre0x", "link_gretap0", "link_ip6gre0", "link_ipip0", "link_sit0x",
                                         "link_ip6tnl0", "link_vti0x", "link_vti60", "link_geneve0", "link_xfrm0",
                                         "link_ipvlan0", "link_wg0"));

// A captured request and the link nlpp emits for it.
struct Request {
  std::string name;
  uint16_t type;
  Link link;
};

Link set_up(Link link) {
  link.set_up(true);
  return link;
}

// The ifindexes capture_links.py gave its links: veth10 is 100, veth11 101;
// the kernel numbered br9 11 and the veth9 pair 12 (veth9p) and 13.
const Request requests[] = {
    {"link_bridge", RTM_NEWLINK,
     Link{.name = "br9",
          .address = mac("02:00:00:00:00:b9"),
          .mtu = 1400,
          .info = LinkInfo{.kind = "bridge",
                           .data = link::Bridge{.forward_delay = 400,
                                                .stp_state = 1,
                                                .priority = 4096,
                                                .vlan_protocol = link::VlanProtocol::ieee802_1ad,
                                                .group_fwd_mask = 8,
                                                .mcast_snooping = false}}}},
    {"link_veth", RTM_NEWLINK,
     Link{.name = "veth9",
          .info = LinkInfo{.kind = "veth",
                           .data =
                               link::Veth{
                                   .peer = Link{.name = "veth9p", .address = mac("02:00:00:00:00:99"), .mtu = 1300}}}}},
    {"link_macvlan", RTM_NEWLINK,
     Link{.name = "mv9",
          .link = 101,
          .info = LinkInfo{.kind = "macvlan", .data = link::Macvlan{.mode = link::MacvlanMode::private_}}}},
    {"link_set_up", RTM_NEWLINK, set_up(Link{.ifindex = 100, .mtu = 1300})},
    {"link_set_master", RTM_NEWLINK, Link{.ifindex = 100, .master = 11}},
    {"link_rename", RTM_NEWLINK, Link{.ifindex = 100, .name = "veth7", .alias = "uplink", .group = 5}},
    {"link_del", RTM_DELLINK, Link{.ifindex = 13}},
};

void PrintTo(const Request& request, std::ostream* out) { *out << request.name; }

// Bytes as hex text, 16 a line, so a mismatch shows where it is.
std::string hex_lines(wire::Bytes bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string text;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto byte = std::to_integer<unsigned>(bytes[i]);
    text += digits[byte >> 4];
    text += digits[byte & 0xf];
    text += i % 16 == 15 ? '\n' : ' ';
  }
  return text;
}

class LinkGoldenRequest : public testing::TestWithParam<Request> {};

TEST_P(LinkGoldenRequest, nlpp_emits_the_bytes_ip_sends_and_parses_them_back) {
  const std::vector<std::byte> captured = test::golden_bytes(GetParam().name + ".request");
  const wire::Message message(captured);
  ASSERT_EQ(message.type(), GetParam().type);
  wire::MessageBuilder emitted;
  ObjectTraits<Link>::emit(GetParam().link, emitted, message.type(), message.flags());
  ASSERT_TRUE(emitted.status());
  EXPECT_EQ(hex_lines(emitted.bytes()), hex_lines(captured));
  EXPECT_EQ(ObjectTraits<Link>::parse(message).value(), GetParam().link);
}

INSTANTIATE_TEST_SUITE_P(Requests, LinkGoldenRequest, testing::ValuesIn(requests),
                         [](const testing::TestParamInfo<Request>& request) { return request.param.name; });

}  // namespace
}  // namespace nlpp::rtnl
