// Links of the kinds only the QEMU guest's kernel has, captured there by
// `capture_links.py --guest` (tests/data/golden/link_*.hex, Linux 6.12):
// parsing gives the values the capture set up. link_golden_test.cpp checks
// that each emits and parses back to itself.
#include <nlpp/rtnl/link.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <linux/if_tunnel.h>
#include <netinet/in.h>

#include <algorithm>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::mac;
using test::parsed_golden;

// The kind data of a captured link, which is kept with it.
template <class Data>
struct Captured {
  explicit Captured(const std::string& name) : link(parsed_golden<Link>(name)), data(std::get<Data>(link.info->data)) {}
  Link link;
  const Data& data;
};

TEST(LinkGoldenGuest, dummy_has_its_kind_and_address_and_no_data) {
  const Link dummy0 = parsed_golden<Link>("link_dummy0");
  EXPECT_EQ(dummy0.info->kind, "dummy");
  EXPECT_EQ(dummy0.address, mac("02:00:00:00:00:d0"));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(dummy0.info->data));
}

TEST(LinkGoldenGuest, lacp_bond_has_its_mode_timers_and_hash_policy) {
  const Captured<link::Bond> bond0("link_bond0");
  EXPECT_EQ(bond0.data.mode, link::BondMode::ieee802_3ad);
  EXPECT_EQ(bond0.data.miimon, 100u);
  EXPECT_EQ(bond0.data.updelay, 200u);
  EXPECT_EQ(bond0.data.downdelay, 300u);
  EXPECT_EQ(bond0.data.ad_lacp_rate, link::BondLacpRate::fast);
  EXPECT_EQ(bond0.data.xmit_hash_policy, link::BondXmitHashPolicy::layer3_4);
  EXPECT_EQ(bond0.data.min_links, 1u);
  EXPECT_EQ(bond0.data.ad_actor_sys_prio, 100);
}

TEST(LinkGoldenGuest, active_backup_bond_has_its_arp_targets) {
  const Captured<link::Bond> bond1("link_bond1");
  EXPECT_EQ(bond1.data.mode, link::BondMode::active_backup);
  EXPECT_EQ(bond1.data.arp_interval, 500u);
  EXPECT_EQ(bond1.data.arp_ip_target, (std::vector<IpAddress>{ip("192.0.2.1"), ip("192.0.2.2")}));
}

TEST(LinkGoldenGuest, bond_port_has_its_bond_slave_data) {
  const Link dummy1 = parsed_golden<Link>("link_dummy1");
  EXPECT_EQ(dummy1.master, parsed_golden<Link>("link_bond1").ifindex);
  EXPECT_EQ(dummy1.info->slave_kind, "bond");
  const auto& port = std::get<link::BondPort>(dummy1.info->slave_data);
  EXPECT_TRUE(port.perm_hwaddr.has_value());
  EXPECT_EQ(port.queue_id, 0);
  EXPECT_TRUE(port.state.has_value());
}

TEST(LinkGoldenGuest, qinq_vlan_has_its_id_protocol_flags_and_qos_maps) {
  const Captured<link::Vlan> vlan0("link_vlan0");
  EXPECT_EQ(vlan0.link.link, parsed_golden<Link>("link_dummy0").ifindex);
  EXPECT_EQ(vlan0.data.id, 100);
  EXPECT_EQ(vlan0.data.protocol, link::VlanProtocol::ieee802_1ad);
  // reorder_hdr off clears the only flag set by default; with none set the kernel reports none.
  EXPECT_FALSE(vlan0.data.flags.has_value());
  EXPECT_EQ(vlan0.data.ingress_qos, (std::vector<link::VlanQosMapping>{{1, 2}}));
  std::vector<link::VlanQosMapping> egress = vlan0.data.egress_qos;
  std::ranges::sort(egress, {}, &link::VlanQosMapping::from);
  EXPECT_EQ(egress, (std::vector<link::VlanQosMapping>{{3, 4}, {5, 6}}));
}

TEST(LinkGoldenGuest, vrf_has_its_table) { EXPECT_EQ(Captured<link::Vrf>("link_vrf0").data.table, 100u); }

TEST(LinkGoldenGuest, gre_has_its_endpoints_ttl_and_key_flags) {
  const Captured<link::Gre> gre("link_gre0x");
  EXPECT_EQ(gre.link.info->kind, "gre");
  EXPECT_EQ(gre.data.local, ip("192.0.2.1"));
  EXPECT_EQ(gre.data.remote, ip("198.51.100.1"));
  EXPECT_EQ(gre.data.ttl, 64);
  EXPECT_EQ(gre.data.ikey, 7u);
  EXPECT_EQ(gre.data.okey, 7u);
  EXPECT_EQ(gre.data.iflags, link::Gre::key);
  EXPECT_EQ(gre.data.oflags, link::Gre::key);
}

TEST(LinkGoldenGuest, gretap_has_its_own_keys_and_no_pmtu_discovery) {
  const Captured<link::Gre> gretap("link_gretap0");
  EXPECT_EQ(gretap.link.info->kind, "gretap");
  EXPECT_EQ(gretap.data.remote, ip("198.51.100.2"));
  EXPECT_EQ(gretap.data.ikey, 8u);
  EXPECT_EQ(gretap.data.okey, 9u);
  EXPECT_EQ(gretap.data.pmtudisc, false);
}

TEST(LinkGoldenGuest, ip6gre_has_ipv6_endpoints_and_its_hop_limit) {
  const Captured<link::Gre> ip6gre("link_ip6gre0");
  EXPECT_EQ(ip6gre.link.info->kind, "ip6gre");
  EXPECT_EQ(ip6gre.data.local, ip("2001:db8::1"));
  EXPECT_EQ(ip6gre.data.remote, ip("2001:db8::2"));
  EXPECT_EQ(ip6gre.data.ttl, 30);
}

TEST(LinkGoldenGuest, ipip_and_sit_have_ipv4_endpoints) {
  const Captured<link::IpTunnel> ipip("link_ipip0");
  EXPECT_EQ(ipip.data.local, ip("192.0.2.1"));
  EXPECT_EQ(ipip.data.remote, ip("198.51.100.3"));
  EXPECT_EQ(ipip.data.ttl, 32);
  const Captured<link::IpTunnel> sit("link_sit0x");
  EXPECT_EQ(sit.link.info->kind, "sit");
  EXPECT_EQ(sit.data.remote, ip("198.51.100.4"));
}

TEST(LinkGoldenGuest, ip6tnl_has_its_mode_and_encapsulation_limit) {
  const Captured<link::Ip6Tunnel> ip6tnl("link_ip6tnl0");
  EXPECT_EQ(ip6tnl.data.remote, ip("2001:db8::3"));
  EXPECT_EQ(ip6tnl.data.proto, IPPROTO_IPIP);
  EXPECT_EQ(ip6tnl.data.encap_limit, 5);
}

TEST(LinkGoldenGuest, vti_and_vti6_have_their_keys_and_endpoints) {
  const Captured<link::Vti> vti("link_vti0x");
  EXPECT_EQ(vti.data.remote, ip("198.51.100.5"));
  EXPECT_EQ(vti.data.ikey, 10u);
  EXPECT_EQ(vti.data.okey, 11u);
  const Captured<link::Vti> vti6("link_vti60");
  EXPECT_EQ(vti6.link.info->kind, "vti6");
  EXPECT_EQ(vti6.data.remote, ip("2001:db8::4"));
}

TEST(LinkGoldenGuest, geneve_has_its_vni_remote_and_port) {
  const Captured<link::Geneve> geneve("link_geneve0");
  EXPECT_EQ(geneve.data.vni, 77u);
  EXPECT_EQ(geneve.data.remote, ip("198.51.100.6"));
  EXPECT_EQ(geneve.data.port, 6082);
  EXPECT_EQ(geneve.data.ttl, 20);
}

TEST(LinkGoldenGuest, xfrm_has_its_device_and_if_id) {
  const Captured<link::Xfrm> xfrm("link_xfrm0");
  EXPECT_EQ(xfrm.data.link, parsed_golden<Link>("link_dummy0").ifindex);
  EXPECT_EQ(xfrm.data.if_id, 5u);
}

TEST(LinkGoldenGuest, ipvlan_has_its_mode_and_flags) {
  const Captured<link::Ipvlan> ipvlan("link_ipvlan0");
  EXPECT_EQ(ipvlan.data.mode, link::IpvlanMode::l3);
  EXPECT_EQ(ipvlan.data.flags, 1);  // IPVLAN_F_PRIVATE
}

TEST(LinkGoldenGuest, wireguard_is_a_kind_without_data) {
  const Link wg0 = parsed_golden<Link>("link_wg0");
  EXPECT_EQ(wg0.info->kind, "wireguard");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(wg0.info->data));
}

}  // namespace
}  // namespace nlpp::rtnl
