// Input checks of links, before anything is sent: each refusal is
// errc::invalid_argument with a context that names the field.
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/link_name.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nlpp::rtnl {
namespace {

using test::ip;

// The context of the refusal, or "accepted".
std::string refusal(const Link& link) {
  const Result<void> valid = ObjectTraits<Link>::validate(link);
  if (valid) return "accepted";
  EXPECT_EQ(valid.error().code(), errc::invalid_argument);
  return valid.error().context();
}

Link with(std::string kind, LinkData data) {
  return Link{.name = "x0", .info = LinkInfo{.kind = std::move(kind), .data = std::move(data)}};
}

TEST(LinkValidate, names_follow_the_kernels_rules) {
  for (const char* name : {"eth0", "a", "br-lan.10", "name_with_15chr", "dummy%d"})
    EXPECT_TRUE(validate_link_name(name)) << name;
  EXPECT_EQ(refusal(Link{.name = ""}), "link name '': empty");
  EXPECT_EQ(refusal(Link{.name = "sixteen-bytes-xx"}), "link name 'sixteen-bytes-xx': longer than 15 bytes");
  EXPECT_EQ(refusal(Link{.name = "."}), "link name '.': not a valid name");
  EXPECT_EQ(refusal(Link{.name = ".."}), "link name '..': not a valid name");
  for (const char* name : {"a/b", "a b", "a\tb", "eth0:1", "a\nb"})
    EXPECT_EQ(refusal(Link{.name = name}),
              "link name '" + std::string(name) + "': contains '/', ':', whitespace or NUL");
  EXPECT_EQ(refusal(Link{.name = std::string("a\0b", 3)}).substr(0, 12), "link name 'a");
}

TEST(LinkValidate, altnames_may_be_longer_but_follow_the_same_rules) {
  EXPECT_EQ(refusal(Link{.altnames = {std::string(127, 'a')}}), "accepted");
  EXPECT_EQ(refusal(Link{.altnames = {std::string(128, 'a')}}),
            "link altname '" + std::string(128, 'a') + "': longer than 127 bytes");
  EXPECT_EQ(refusal(Link{.altnames = {"ok", "not ok"}}), "link altname 'not ok': contains '/', ':', whitespace or NUL");
}

TEST(LinkValidate, alias_and_namespace_are_checked) {
  EXPECT_EQ(refusal(Link{.alias = std::string(255, 'a')}), "accepted");
  EXPECT_EQ(refusal(Link{.alias = std::string(256, 'a')}), "link alias: 256 bytes, at most 255");
  EXPECT_EQ(refusal(Link{.net_ns = LinkNetns::pid(0)}), "link net_ns: pid 0 is not a process or a descriptor");
  EXPECT_EQ(refusal(Link{.net_ns = LinkNetns::fd(-1)}), "link net_ns: fd -1 is not a process or a descriptor");
}

TEST(LinkValidate, kind_data_must_serve_the_kind) {
  EXPECT_EQ(refusal(with("bridge", link::Vxlan{.vni = 1})), "link kind 'bridge': the data is for vxlan");
  EXPECT_EQ(refusal(with("", link::Vrf{.table = 1})), "link kind: empty, but data is set");
  EXPECT_EQ(refusal(with("gretap", link::Gre{})), "accepted");
  EXPECT_EQ(refusal(with("anything", link::GenericData{})), "accepted");
  EXPECT_EQ(refusal(Link{.info = LinkInfo{.slave_kind = "bond", .slave_data = link::BridgePort{.cost = 1}}}),
            "link slave_kind 'bond': the data is for bridge");
}

TEST(LinkValidate, vlan_ids_protocols_and_priorities_are_in_range) {
  EXPECT_EQ(refusal(with("vlan", link::Vlan{.id = 4094})), "accepted");
  EXPECT_EQ(refusal(with("vlan", link::Vlan{.id = 4095})), "vlan id: 4095 is more than 4094");
  EXPECT_EQ(refusal(with("vlan", link::Vlan{.protocol = link::VlanProtocol{0x0800}})),
            "vlan protocol: 0x800 is neither 802.1Q nor 802.1ad");
  EXPECT_EQ(refusal(with("vlan", link::Vlan{.ingress_qos = {{8, 1}}})),
            "vlan ingress_qos: tag priority 8 is more than 7");
  EXPECT_EQ(refusal(with("vlan", link::Vlan{.egress_qos = {{8, 1}}})), "accepted");
  EXPECT_EQ(refusal(with("bridge", link::Bridge{.vlan_default_pvid = 4095})),
            "bridge vlan_default_pvid: 4095 is more than 4094");
}

TEST(LinkValidate, vni_and_flow_labels_fit_their_bits) {
  EXPECT_EQ(refusal(with("vxlan", link::Vxlan{.vni = 0xffffff})), "accepted");
  EXPECT_EQ(refusal(with("vxlan", link::Vxlan{.vni = 0x1000000})), "vxlan vni: 16777216 is more than 16777215");
  EXPECT_EQ(refusal(with("vxlan", link::Vxlan{.label = 0x100000})), "vxlan label: 1048576 is more than 1048575");
  EXPECT_EQ(refusal(with("geneve", link::Geneve{.vni = 0x1000000})), "geneve vni: 16777216 is more than 16777215");
}

TEST(LinkValidate, tunnel_endpoints_are_of_the_kinds_family) {
  EXPECT_EQ(refusal(with("vxlan", link::Vxlan{.group = ip("239.1.1.1"), .local = ip("2001:db8::1")})),
            "vxlan local: not of the family of group 239.1.1.1");
  EXPECT_EQ(refusal(with("gre", link::Gre{.remote = ip("2001:db8::1")})),
            "gre remote: 2001:db8::1 is not an IPv4 address");
  EXPECT_EQ(refusal(with("ip6gre", link::Gre{.local = ip("192.0.2.1")})),
            "ip6gre local: 192.0.2.1 is not an IPv6 address");
  EXPECT_EQ(refusal(with("vti6", link::Vti{.local = ip("2001:db8::1")})), "accepted");
  EXPECT_EQ(refusal(with("sit", link::IpTunnel{.ip6rd_prefix = ip("192.0.2.0")})),
            "sit ip6rd_prefix: 192.0.2.0 is not an IPv6 address");
  EXPECT_EQ(refusal(with("ip6tnl", link::Ip6Tunnel{.remote = ip("192.0.2.1")})),
            "ip6tnl remote: 192.0.2.1 is not an IPv6 address");
  EXPECT_EQ(refusal(with("vxlan", link::Vxlan{.port_range = link::PortRange{2000, 1000}})),
            "vxlan port_range: 2000-1000 ends before it starts");
}

TEST(LinkValidate, a_gre_key_needs_its_flag) {
  EXPECT_EQ(refusal(with("gre", link::Gre{.ikey = 5})),
            "gre ikey: a key is used only with Gre::key (GRE_KEY) set in the flags of its direction");
  EXPECT_EQ(refusal(with("gre", link::Gre{.iflags = link::Gre::key, .ikey = 5})), "accepted");
  EXPECT_EQ(refusal(with("gre", link::Gre{.iflags = link::Gre::key, .ikey = 5, .okey = 6})),
            "gre okey: a key is used only with Gre::key (GRE_KEY) set in the flags of its direction");
}

TEST(LinkValidate, bond_targets_are_of_their_family_and_at_most_sixteen) {
  EXPECT_EQ(refusal(with("bond", link::Bond{.arp_ip_target = {ip("2001:db8::1")}})),
            "bond arp_ip_target: 2001:db8::1 is not an IPv4 address");
  EXPECT_EQ(refusal(with("bond", link::Bond{.arp_ip_target = std::vector<IpAddress>(17, ip("192.0.2.1"))})),
            "bond arp_ip_target: 17 targets, at most 16 are allowed");
  EXPECT_EQ(refusal(with("bond", link::Bond{.ns_ip6_target = {ip("192.0.2.1")}})),
            "bond ns_ip6_target: 192.0.2.1 is not an IPv6 address");
}

TEST(LinkValidate, a_veth_peer_is_checked_as_a_link) {
  EXPECT_EQ(refusal(with("veth", link::Veth{.peer = Link{.name = "peer/0"}})),
            "veth peer: link name 'peer/0': contains '/', ':', whitespace or NUL");
}

}  // namespace
}  // namespace nlpp::rtnl
