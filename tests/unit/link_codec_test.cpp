// Links to messages and back: every kind's data survives emit -> parse; the
// generic decoder (schema tables generated from the kernel's YNL spec, a
// reader independent of nlpp's link code) reads nlpp's requests as meant;
// gets and deletes carry only the link's identity; dump requests carry what
// the kernel filters on; kinds nlpp has no struct for stay raw.
#include <nlpp/rtnl/link.hpp>
#include <nlpp/schema/decoder.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <linux/if_link.h>
#include <linux/if_tunnel.h>
#include <netinet/in.h>

#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::mac;

std::vector<std::byte> emitted(const Link& link, uint16_t type = RTM_NEWLINK, uint16_t flags = 0) {
  wire::MessageBuilder builder;
  ObjectTraits<Link>::emit(link, builder, type, flags);
  EXPECT_TRUE(builder.status());
  return {builder.bytes().begin(), builder.bytes().end()};
}

Link round_trip(const Link& link) {
  const std::vector<std::byte> bytes = emitted(link);
  return ObjectTraits<Link>::parse(wire::Message(bytes)).value();
}

// The attributes a request for link of type carries, by type.
std::map<uint16_t, std::vector<std::byte>> attributes_sent(const Link& link, uint16_t type) {
  wire::MessageBuilder builder;
  ObjectTraits<Link>::emit(link, builder, type, 0);
  return test::attributes_of(builder, sizeof(ifinfomsg));
}

Link with(std::string kind, LinkData data) {
  return Link{.name = "x0", .info = LinkInfo{.kind = std::move(kind), .data = std::move(data)}};
}

// The request as the schema's generic decoder reads it.
schema::DecodedMessage decoded_request(const Link& link) {
  const std::vector<std::byte> bytes = emitted(link, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
  return schema::decode(NETLINK_ROUTE, wire::Message(bytes), schema::Direction::request).value();
}

uint64_t unsigned_at(const schema::DecodedMessage& message, std::string_view path) {
  const schema::DecodedAttribute* attribute = message.find(path);
  if (attribute == nullptr || attribute->get<schema::Unsigned>() == nullptr)
    throw std::runtime_error("no unsigned at " + std::string(path));
  return attribute->get<schema::Unsigned>()->value;
}

TEST(LinkCodec, every_kind_keeps_its_data_through_emit_and_parse) {
  const std::vector<Link> links = {
      with("bridge", link::Bridge{.forward_delay = 400,
                                  .stp_state = 1,
                                  .vlan_filtering = true,
                                  .vlan_protocol = link::VlanProtocol::ieee802_1ad,
                                  .group_addr = mac("01:80:c2:00:00:03"),
                                  .fdb_flush = true,
                                  .mcast_query_intvl = 12500,
                                  .vlan_default_pvid = 10,
                                  .multi_boolopt = link::BridgeBoolOptions{1, 1}}),
      with("veth", link::Veth{.peer = Link{.name = "x1", .address = mac("02:00:00:00:00:01"), .mtu = 9000}}),
      with("vxlan", link::Vxlan{.vni = 42,
                                .group = ip("ff05::1"),
                                .local = ip("2001:db8::1"),
                                .port_range = link::PortRange{1000, 2000},
                                .port = 4789,
                                .gbp = true,
                                .label = 0x12345}),
      with("macvtap", link::Macvlan{.mode = link::MacvlanMode::source,
                                    .macaddr_data = {mac("02:00:00:00:00:01"), mac("02:00:00:00:00:02")}}),
      with("bond", link::Bond{.mode = link::BondMode::balance_xor,
                              .arp_ip_target = {ip("192.0.2.1"), ip("192.0.2.2")},
                              .xmit_hash_policy = link::BondXmitHashPolicy::encap3_4,
                              .ad_actor_system = mac("02:00:00:00:00:aa"),
                              .ns_ip6_target = {ip("2001:db8::1")}}),
      with("vlan", link::Vlan{.id = 4094,
                              .flags = link::VlanFlags{1, 1},
                              .egress_qos = {{1, 2}, {3, 4}},
                              .ingress_qos = {{5, 6}},
                              .protocol = link::VlanProtocol::ieee802_1q}),
      with("vrf", link::Vrf{.table = 1000}),
      with("ip6gretap", link::Gre{.iflags = link::Gre::key,
                                  .ikey = 0xdeadbeef,
                                  .local = ip("2001:db8::1"),
                                  .flowinfo = 0xabcde,
                                  .encap = link::TunnelEncap{2, 1, 5555, 6666},
                                  .collect_metadata = true}),
      with("sit", link::IpTunnel{.remote = ip("198.51.100.1"),
                                 .proto = IPPROTO_IPV6,
                                 .ip6rd_prefix = ip("2001:db8::"),
                                 .ip6rd_relay_prefix = ip("192.0.2.0"),
                                 .ip6rd_prefixlen = 32}),
      with("ip6tnl", link::Ip6Tunnel{.local = ip("2001:db8::1"), .flags = 0x10000, .proto = IPPROTO_IPIP}),
      with("vti", link::Vti{.ikey = 1, .okey = 2, .remote = ip("198.51.100.2"), .fwmark = 7}),
      with("geneve", link::Geneve{.vni = 7, .remote = ip("2001:db8::7"), .port = 6081, .collect_metadata = true}),
      with("xfrm", link::Xfrm{.link = 3, .if_id = 9}),
      with("ipvtap", link::Ipvlan{.mode = link::IpvlanMode::l3s, .flags = 2}),
      with("tun", link::Tun{.owner = 1000, .type = link::TunType::tun, .multi_queue = true}),
      with("hsr", link::GenericData{.attributes = {{1, {std::byte{3}, std::byte{0}, std::byte{0}, std::byte{0}}}}}),
  };
  for (const Link& link : links) EXPECT_EQ(round_trip(link), link) << link.info->kind;
}

TEST(LinkCodec, ports_keep_their_bridge_or_bond_data) {
  for (const SlaveData& port : {SlaveData(link::BridgePort{.state = link::BridgePortState::forwarding,
                               .cost = 100,
                               .learning = false,
                               .flush = true,
                               .neigh_suppress = true,
                               .backup_port = 4}),
                                SlaveData(link::BondPort{.queue_id = 3, .prio = -5})}) {
    const Link link{.ifindex = 2,
                    .info = LinkInfo{.slave_kind = std::holds_alternative<link::BondPort>(port) ? "bond" : "bridge",
                                     .slave_data = port}};
    EXPECT_EQ(round_trip(link), link);
  }
}

TEST(LinkCodec, generic_attributes_keep_their_values_through_emit_and_parse) {
  Link link{.ifindex = 7,
            .name = "eth7",
            .address = mac("02:00:00:00:00:07"),
            .broadcast = mac("ff:ff:ff:ff:ff:ff"),
            .mtu = 9000,
            .txqlen = 100,
            .master = 0,
            .link = 3,
            .link_netnsid = -1,
            .net_ns = LinkNetns::pid(1234),
            .alias = "uplink",
            .altnames = {"a-much-longer-alternative-name"},
            .group = 5,
            .operstate = OperState::up,
            .carrier = true,
            .num_tx_queues = 4,
            .stats = LinkStats{.rx_packets = 10, .tx_bytes = 20, .rx_otherhost_dropped = 30},
            .unknown = {{IFLA_QDISC, {std::byte{'n'}, std::byte{'o'}, std::byte{0}}}}};
  link.set_flag(IFF_PROMISC, true);
  EXPECT_EQ(round_trip(link), link);
}

TEST(LinkCodec, a_bond_request_reads_the_same_through_the_generic_decoder) {
  const schema::DecodedMessage message =
      decoded_request(with("bond", link::Bond{.mode = link::BondMode::active_backup, .miimon = 100, .min_links = 2}));
  EXPECT_EQ(message.find("linkinfo.kind")->get<schema::String>()->text, "bond");
  EXPECT_EQ(unsigned_at(message, "linkinfo.data.mode"), 1u);
  EXPECT_EQ(unsigned_at(message, "linkinfo.data.miimon"), 100u);
  EXPECT_EQ(unsigned_at(message, "linkinfo.data.min-links"), 2u);
}

TEST(LinkCodec, a_vlan_request_reads_the_same_through_the_generic_decoder) {
  const schema::DecodedMessage message =
      decoded_request(with("vlan", link::Vlan{.id = 100, .protocol = link::VlanProtocol::ieee802_1ad}));
  EXPECT_EQ(unsigned_at(message, "linkinfo.data.id"), 100u);
  EXPECT_EQ(unsigned_at(message, "linkinfo.data.protocol"), 0x88a8u);
}

TEST(LinkCodec, a_gre_request_reads_the_same_through_the_generic_decoder) {
  const schema::DecodedMessage message = decoded_request(with(
      "gre",
      link::Gre{.iflags = link::Gre::key, .ikey = 0x01020304, .ttl = 64, .encap = link::TunnelEncap{1, 0, 0, 5555}}));
  EXPECT_EQ(unsigned_at(message, "linkinfo.data.iflags"), link::Gre::key);
  EXPECT_EQ(unsigned_at(message, "linkinfo.data.ikey"), 0x01020304u);
  EXPECT_EQ(unsigned_at(message, "linkinfo.data.ttl"), 64u);
  EXPECT_EQ(unsigned_at(message, "linkinfo.data.encap-type"), 1u);
  EXPECT_EQ(unsigned_at(message, "linkinfo.data.encap-dport"), 5555u);
}

TEST(LinkCodec, a_bridge_port_request_reads_the_same_through_the_generic_decoder) {
  const schema::DecodedMessage message = decoded_request(
      Link{.ifindex = 3, .info = LinkInfo{.slave_kind = "bridge", .slave_data = link::BridgePort{.cost = 7}}});
  EXPECT_EQ(unsigned_at(message, "linkinfo.slave-data.cost"), 7u);
}

TEST(LinkCodec, get_carries_only_the_identity_and_prefers_the_ifindex) {
  EXPECT_TRUE(attributes_sent(Link{.ifindex = 4, .name = "eth0", .mtu = 1500}, RTM_GETLINK).empty());
  const auto by_name = attributes_sent(Link{.name = "eth0", .mtu = 1500}, RTM_GETLINK);
  EXPECT_EQ(by_name.size(), 1u);
  EXPECT_TRUE(by_name.contains(IFLA_IFNAME));
  const auto by_altname = attributes_sent(Link{.altnames = {"long-alternative"}}, RTM_DELLINK);
  EXPECT_EQ(by_altname.size(), 1u);
  EXPECT_TRUE(by_altname.contains(IFLA_ALT_IFNAME));
}

TEST(LinkCodec, dump_request_carries_the_kind_and_a_non_zero_master_for_the_kernel_to_filter) {
  wire::MessageBuilder request;
  ObjectTraits<Link>::emit_dump_request(LinkFilter{.kind = "bridge", .master = 3}, request);
  const auto attributes = test::attributes_of(request, sizeof(ifinfomsg));
  EXPECT_EQ(attributes.size(), 2u);
  EXPECT_TRUE(attributes.contains(IFLA_MASTER));
  EXPECT_TRUE(attributes.contains(IFLA_LINKINFO));
  wire::MessageBuilder without_master;
  ObjectTraits<Link>::emit_dump_request(LinkFilter{.master = 0}, without_master);
  EXPECT_TRUE(test::attributes_of(without_master, sizeof(ifinfomsg)).empty());
}

TEST(LinkCodec, filters_match_name_or_altname_kind_master_and_group) {
  const Link port{.name = "eth0", .master = 3, .altnames = {"uplink"}, .group = 2, .info = LinkInfo{.kind = "veth"}};
  EXPECT_TRUE(ObjectTraits<Link>::matches({}, port));
  EXPECT_TRUE(ObjectTraits<Link>::matches({.name = "uplink"}, port));
  EXPECT_FALSE(ObjectTraits<Link>::matches({.name = "eth1"}, port));
  EXPECT_TRUE(ObjectTraits<Link>::matches({.kind = "veth", .master = 3, .group = 2}, port));
  EXPECT_FALSE(ObjectTraits<Link>::matches({.kind = "bridge"}, port));
  EXPECT_FALSE(ObjectTraits<Link>::matches({.master = 0}, port));
  EXPECT_TRUE(ObjectTraits<Link>::matches({.master = 0}, Link{.name = "lo"}));
  EXPECT_FALSE(ObjectTraits<Link>::matches({.group = 1}, port));
}

// A message carrying attrs after an empty ifinfomsg.
std::vector<std::byte> message_with(const std::function<void(wire::MessageBuilder&)>& attributes) {
  wire::MessageBuilder builder;
  builder.begin_message(RTM_NEWLINK, 0).append_header(ifinfomsg{});
  attributes(builder);
  return {builder.bytes().begin(), builder.bytes().end()};
}

TEST(LinkCodec, a_kind_without_a_struct_keeps_its_data_raw) {
  const std::vector<std::byte> bytes = message_with([](wire::MessageBuilder& out) {
    const auto info = out.begin_nested(IFLA_LINKINFO);
    out.add_string(IFLA_INFO_KIND, "macsec");
    const auto data = out.begin_nested(IFLA_INFO_DATA);
    out.add_u64(1, 0x1122334455667788);
    out.end_nested(data);
    out.end_nested(info);
  });
  const Link link = ObjectTraits<Link>::parse(wire::Message(bytes)).value();
  EXPECT_EQ(link.info->kind, "macsec");
  const auto& data = std::get<link::GenericData>(link.info->data);
  ASSERT_EQ(data.attributes.size(), 1u);
  EXPECT_EQ(data.attributes[0].type, 1);
  EXPECT_EQ(data.attributes[0].payload.size(), 8u);
}

TEST(LinkCodec, kind_data_that_does_not_fit_its_struct_is_kept_raw) {
  const std::vector<std::byte> bytes = message_with([](wire::MessageBuilder& out) {
    const auto info = out.begin_nested(IFLA_LINKINFO);
    out.add_string(IFLA_INFO_KIND, "vrf");
    const auto data = out.begin_nested(IFLA_INFO_DATA);
    out.add_u16(IFLA_VRF_TABLE, 100);  // a u32 in the kernel
    out.end_nested(data);
    out.end_nested(info);
  });
  const Link link = ObjectTraits<Link>::parse(wire::Message(bytes)).value();
  EXPECT_EQ(std::get<link::GenericData>(link.info->data).attributes.size(), 1u);
}

TEST(LinkCodec, kind_data_whose_attributes_overrun_their_nest_is_an_error) {
  // Kept raw, the overrunning tail would be lost: the link would read
  // differently after one trip through emit (found by fuzz_rtnl_parse).
  const std::vector<std::byte> bytes = message_with([](wire::MessageBuilder& out) {
    const auto info = out.begin_nested(IFLA_LINKINFO);
    out.add_string(IFLA_INFO_KIND, "bridge");
    const std::array<std::byte, 12> data{
        std::byte{8}, {}, std::byte{IFLA_BR_FORWARD_DELAY}, {}, std::byte{100}, {}, {}, {},  // forward_delay 100
        std::byte{64}, {}, std::byte{IFLA_BR_HELLO_TIME}, {}};  // claims 64 bytes, has 4
    out.add(IFLA_INFO_DATA, data);
    out.end_nested(info);
  });
  EXPECT_FALSE(ObjectTraits<Link>::parse(wire::Message(bytes)));
}

TEST(LinkCodec, an_address_that_is_not_a_mac_stays_raw) {
  const std::vector<std::byte> bytes = message_with([](wire::MessageBuilder& out) {
    out.add(IFLA_ADDRESS, ip("192.0.2.1").bytes());  // an ipip tunnel's local address
  });
  const Link link = ObjectTraits<Link>::parse(wire::Message(bytes)).value();
  EXPECT_FALSE(link.address.has_value());
  ASSERT_EQ(link.unknown.size(), 1u);
  EXPECT_EQ(link.unknown[0].type, IFLA_ADDRESS);
}

TEST(LinkCodec, an_older_kernels_shorter_stats_leave_the_newer_counters_zero) {
  const std::vector<std::byte> bytes = message_with([](wire::MessageBuilder& out) {
    std::vector<uint64_t> counters(23, 7);  // rtnl_link_stats64 before rx_nohandler (Linux 4.6)
    out.add(IFLA_STATS64, {reinterpret_cast<const std::byte*>(counters.data()), counters.size() * 8});
  });
  const Link link = ObjectTraits<Link>::parse(wire::Message(bytes)).value();
  EXPECT_EQ(link.stats->rx_packets, 7u);
  EXPECT_EQ(link.stats->tx_compressed, 7u);
  EXPECT_EQ(link.stats->rx_nohandler, 0u);
}

TEST(LinkCodec, a_malformed_generic_attribute_is_an_error_naming_it) {
  const std::vector<std::byte> bytes = message_with([](wire::MessageBuilder& out) { out.add_u16(IFLA_MTU, 1500); });
  const Result<Link> link = ObjectTraits<Link>::parse(wire::Message(bytes));
  ASSERT_FALSE(link);
  EXPECT_EQ(link.error().code(), errc::malformed_attribute);
  EXPECT_EQ(link.error().context(), "link mtu: 2 bytes where 4 were expected");
}

}  // namespace
}  // namespace nlpp::rtnl
