// The link kinds the build machines' kernel lacks (dummy, bond, vlan, vrf,
// the GRE and IP tunnels, vti, geneve, xfrm, ipvlan, wireguard, nlmon):
// created and changed through nlpp, read back through nlpp and through
// `ip -j -d link show`. They run for real in the QEMU guest (tests/vm),
// where they are on must_run.txt; elsewhere they skip, and only when the
// kernel answers "Unknown device type".
#include "kernel/link_fixture.hpp"

#include <nlpp/rtnl/link/schema_data.hpp>

#include <linux/if_vlan.h>
#include <netinet/in.h>

#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::mac;

Link kind(std::string name, std::string kind_name, LinkData data = {}) {
  return Link{.name = std::move(name), .info = LinkInfo{.kind = std::move(kind_name), .data = std::move(data)}};
}

class LinkGuestKinds : public test::LinkTest {
 protected:
  // A dummy link "lower" for the kinds that sit on another link.
  uint32_t add_lower() {
    add(kind("lower", "dummy"));
    return stopped() ? 0 : ifindex_of("lower");
  }

  // Makes member a port of master.
  void enslave(std::string_view member, std::string_view master) {
    const Result<io::Ack> set = ipr().set(Link{.ifindex = ifindex_of(member), .master = ifindex_of(master)});
    ASSERT_TRUE(set) << set.error().describe();
  }
};

using LinkDummy = LinkGuestKinds;

TEST_F(LinkDummy, creates_a_dummy_with_its_address) {
  add(Link{.name = "dummy0", .address = mac("02:00:00:00:00:d0"), .info = LinkInfo{.kind = "dummy"}});
  if (stopped()) return;
  EXPECT_EQ(get("dummy0").info->kind, "dummy");
  EXPECT_EQ(show("dummy0")["address"], "02:00:00:00:00:d0");
  EXPECT_EQ(show("dummy0")["linkinfo"]["info_kind"], "dummy");
}

using LinkBond = LinkGuestKinds;

TEST_F(LinkBond, creates_an_lacp_bond_with_its_timers_and_hash_policy) {
  add(kind("bond0", "bond",
           link::Bond{.mode = link::BondMode::ieee802_3ad,
                      .miimon = 100,
                      .updelay = 200,
                      .downdelay = 300,
                      .xmit_hash_policy = link::BondXmitHashPolicy::layer3_4,
                      .min_links = 1,
                      .ad_lacp_rate = link::BondLacpRate::fast,
                      .ad_actor_sys_prio = 100}));
  if (stopped()) return;
  const Link bond0 = get("bond0");
  const auto& bond = std::get<link::Bond>(bond0.info->data);
  EXPECT_EQ(bond.mode, link::BondMode::ieee802_3ad);
  EXPECT_EQ(bond.miimon, 100u);
  EXPECT_EQ(bond.ad_lacp_rate, link::BondLacpRate::fast);
  const nlohmann::json data = info_data("bond0");
  EXPECT_EQ(data["mode"], "802.3ad");
  EXPECT_EQ(data["miimon"], 100);
  EXPECT_EQ(data["updelay"], 200);
  EXPECT_EQ(data["downdelay"], 300);
  EXPECT_EQ(data["xmit_hash_policy"], "layer3+4");
  EXPECT_EQ(data["min_links"], 1);
  EXPECT_EQ(data["ad_lacp_rate"], "fast");
  EXPECT_EQ(data["ad_actor_sys_prio"], 100);
}

TEST_F(LinkBond, an_active_backup_bond_takes_arp_targets) {
  add(kind("bond1", "bond",
           link::Bond{.mode = link::BondMode::active_backup,
                      .arp_interval = 500,
                      .arp_ip_target = {ip("192.0.2.1"), ip("192.0.2.2")}}));
  if (stopped()) return;
  const Link bond1 = get("bond1");
  EXPECT_EQ(std::get<link::Bond>(bond1.info->data).arp_ip_target,
            (std::vector<IpAddress>{ip("192.0.2.1"), ip("192.0.2.2")}));
  const nlohmann::json data = info_data("bond1");
  EXPECT_EQ(data["mode"], "active-backup");
  EXPECT_EQ(data["arp_interval"], 500);
  EXPECT_EQ(data["arp_ip_target"], nlohmann::json({"192.0.2.1", "192.0.2.2"}));
}

TEST_F(LinkBond, set_changes_a_bonds_link_monitoring) {
  add(kind("bond0", "bond", link::Bond{.mode = link::BondMode::balance_xor}));
  if (stopped()) return;
  ASSERT_TRUE(ipr().set(
      Link{.ifindex = ifindex_of("bond0"), .info = LinkInfo{.kind = "bond", .data = link::Bond{.miimon = 250}}}));
  EXPECT_EQ(std::get<link::Bond>(get("bond0").info->data).miimon, 250u);
  EXPECT_EQ(info_data("bond0")["miimon"], 250);
}

TEST_F(LinkBond, a_port_joins_a_bond_and_takes_its_queue_id) {
  add(kind("bond1", "bond", link::Bond{.mode = link::BondMode::active_backup}));
  add(kind("port0", "dummy"));
  if (stopped()) return;
  enslave("port0", "bond1");
  if (stopped()) return;
  ASSERT_TRUE(ipr().set(Link{.ifindex = ifindex_of("port0"),
                             .info = LinkInfo{.slave_kind = "bond", .slave_data = link::BondPort{.queue_id = 3}}}));
  const Link port0 = get("port0");
  EXPECT_EQ(port0.master, ifindex_of("bond1"));
  const auto& port = std::get<link::BondPort>(port0.info->slave_data);
  EXPECT_EQ(port.queue_id, 3);
  EXPECT_TRUE(port.perm_hwaddr.has_value());
  const nlohmann::json shown = show("port0")["linkinfo"];
  EXPECT_EQ(shown["info_slave_kind"], "bond");
  EXPECT_EQ(shown["info_slave_data"]["queue_id"], 3);
  EXPECT_EQ(shown["info_slave_data"]["perm_hwaddr"], port.perm_hwaddr->to_string());
}

TEST_F(LinkBond, a_bond_built_by_the_attribute_names_of_the_kernels_spec_reads_back_typed) {
  link::GenericData data;
  ASSERT_TRUE(link::add_attribute(data, "bond", "mode", uint64_t{2}));  // balance-xor
  ASSERT_TRUE(link::add_attribute(data, "bond", "miimon", uint64_t{150}));
  add(kind("bond2", "bond", data));
  if (stopped()) return;
  const Link bond2 = get("bond2");
  EXPECT_EQ(std::get<link::Bond>(bond2.info->data).mode, link::BondMode::balance_xor);
  EXPECT_EQ(info_data("bond2")["mode"], "balance-xor");
  EXPECT_EQ(info_data("bond2")["miimon"], 150);
}

using LinkVlan = LinkGuestKinds;

TEST_F(LinkVlan, creates_an_802_1ad_vlan_with_its_flags_and_priority_maps) {
  const uint32_t lower = add_lower();
  if (stopped()) return;
  add(Link{.name = "vlan0",
           .link = lower,
           .info = LinkInfo{
               .kind = "vlan",
               .data = link::Vlan{.id = 100,
                                  .flags = link::VlanFlags{VLAN_FLAG_GVRP, VLAN_FLAG_GVRP | VLAN_FLAG_REORDER_HDR},
                                  .egress_qos = {{3, 4}, {5, 6}},
                                  .ingress_qos = {{1, 2}},
                                  .protocol = link::VlanProtocol::ieee802_1ad}}});
  if (stopped()) return;
  const Link vlan0 = get("vlan0");
  const auto& vlan = std::get<link::Vlan>(vlan0.info->data);
  EXPECT_EQ(vlan0.link, lower);
  EXPECT_EQ(vlan.id, 100);
  EXPECT_EQ(vlan.protocol, link::VlanProtocol::ieee802_1ad);
  EXPECT_EQ(vlan.flags->flags, uint32_t{VLAN_FLAG_GVRP});
  EXPECT_EQ(vlan.ingress_qos, (std::vector<link::VlanQosMapping>{{1, 2}}));
  const nlohmann::json data = info_data("vlan0");
  EXPECT_EQ(data["protocol"], "802.1ad");
  EXPECT_EQ(data["id"], 100);
  EXPECT_EQ(data["flags"], nlohmann::json({"GVRP"}));
  EXPECT_EQ(data["ingress_qos"], nlohmann::json::parse(R"([{"from": 1, "to": 2}])"));
  EXPECT_EQ(data["egress_qos"], nlohmann::json::parse(R"([{"from": 3, "to": 4}, {"from": 5, "to": 6}])"));
  EXPECT_EQ(show("vlan0")["link"], "lower");
}

TEST_F(LinkVlan, an_id_above_4094_is_refused_before_anything_is_sent) {
  const Result<io::Ack> added = ipr().add(kind("vlan0", "vlan", link::Vlan{.id = 4095}));
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().context(), "vlan id: 4095 is more than 4094");
}

using LinkVrf = LinkGuestKinds;

TEST_F(LinkVrf, creates_a_vrf_on_a_table_above_255_and_keeps_its_ports_data_raw) {
  add(kind("vrf0", "vrf", link::Vrf{.table = 1000}));
  add(kind("port0", "dummy"));
  if (stopped()) return;
  enslave("port0", "vrf0");
  if (stopped()) return;
  EXPECT_EQ(std::get<link::Vrf>(get("vrf0").info->data).table, 1000u);
  EXPECT_EQ(info_data("vrf0")["table"], 1000);
  // nlpp has no struct for a vrf port's data (IFLA_VRF_PORT_TABLE): it stays raw.
  const Link port0 = get("port0");
  EXPECT_EQ(port0.info->slave_kind, "vrf");
  EXPECT_FALSE(std::get<link::GenericData>(port0.info->slave_data).attributes.empty());
  EXPECT_EQ(show("port0")["linkinfo"]["info_slave_kind"], "vrf");
}

using LinkGre = LinkGuestKinds;

TEST_F(LinkGre, creates_a_keyed_gre_tunnel_between_its_endpoints) {
  add(kind("gre1", "gre",
           link::Gre{.iflags = link::Gre::key,
                     .oflags = link::Gre::key,
                     .ikey = 7,
                     .okey = 8,
                     .local = ip("192.0.2.1"),
                     .remote = ip("198.51.100.1"),
                     .ttl = 64}));
  if (stopped()) return;
  const Link gre1 = get("gre1");
  const auto& gre = std::get<link::Gre>(gre1.info->data);
  EXPECT_EQ(gre.ikey, 7u);
  EXPECT_EQ(gre.okey, 8u);
  EXPECT_EQ(gre.remote, ip("198.51.100.1"));
  const nlohmann::json data = info_data("gre1");
  EXPECT_EQ(data["local"], "192.0.2.1");
  EXPECT_EQ(data["remote"], "198.51.100.1");
  EXPECT_EQ(data["ttl"], 64);
  EXPECT_EQ(data["ikey"], "0.0.0.7");
  EXPECT_EQ(data["okey"], "0.0.0.8");
}

TEST_F(LinkGre, creates_a_gretap_without_path_mtu_discovery) {
  add(kind("gretap1", "gretap",
           link::Gre{.local = ip("192.0.2.1"), .remote = ip("198.51.100.2"), .ttl = 0, .pmtudisc = false}));
  if (stopped()) return;
  EXPECT_EQ(std::get<link::Gre>(get("gretap1").info->data).pmtudisc, false);
  EXPECT_EQ(info_data("gretap1")["pmtudisc"], false);
  EXPECT_EQ(show("gretap1")["linkinfo"]["info_kind"], "gretap");
}

TEST_F(LinkGre, creates_ip6gre_and_ip6gretap_tunnels_between_ipv6_endpoints) {
  add(kind("ip6gre1", "ip6gre", link::Gre{.local = ip("2001:db8::1"), .remote = ip("2001:db8::2"), .ttl = 30}));
  add(kind("ip6gretap1", "ip6gretap",
           link::Gre{.iflags = link::Gre::key,
                     .oflags = link::Gre::key,
                     .ikey = 3,
                     .okey = 3,
                     .local = ip("2001:db8::1"),
                     .remote = ip("2001:db8::5"),
                     .encap_limit = 2}));
  if (stopped()) return;
  EXPECT_EQ(std::get<link::Gre>(get("ip6gre1").info->data).remote, ip("2001:db8::2"));
  EXPECT_EQ(info_data("ip6gre1")["remote"], "2001:db8::2");
  EXPECT_EQ(info_data("ip6gre1")["ttl"], 30);
  EXPECT_EQ(info_data("ip6gretap1")["ikey"], "0.0.0.3");
  EXPECT_EQ(info_data("ip6gretap1")["encap_limit"], 2);
}

using LinkIpTunnel = LinkGuestKinds;

TEST_F(LinkIpTunnel, creates_ipip_and_sit_tunnels) {
  add(kind("ipip1", "ipip", link::IpTunnel{.local = ip("192.0.2.1"), .remote = ip("198.51.100.3"), .ttl = 32}));
  add(kind("sit1", "sit", link::IpTunnel{.local = ip("192.0.2.1"), .remote = ip("198.51.100.4")}));
  if (stopped()) return;
  EXPECT_EQ(std::get<link::IpTunnel>(get("ipip1").info->data).ttl, 32);
  EXPECT_EQ(info_data("ipip1")["remote"], "198.51.100.3");
  EXPECT_EQ(info_data("ipip1")["ttl"], 32);
  EXPECT_EQ(info_data("sit1")["remote"], "198.51.100.4");
}

TEST_F(LinkIpTunnel, creates_an_ip6tnl_carrying_ipv4) {
  add(kind("ip6tnl1", "ip6tnl",
           link::Ip6Tunnel{
               .local = ip("2001:db8::1"), .remote = ip("2001:db8::3"), .encap_limit = 5, .proto = IPPROTO_IPIP}));
  if (stopped()) return;
  const Link ip6tnl1 = get("ip6tnl1");
  EXPECT_EQ(std::get<link::Ip6Tunnel>(ip6tnl1.info->data).proto, IPPROTO_IPIP);
  const nlohmann::json data = info_data("ip6tnl1");
  EXPECT_EQ(data["proto"], "ipip6");
  EXPECT_EQ(data["remote"], "2001:db8::3");
  EXPECT_EQ(data["encap_limit"], 5);
}

using LinkVti = LinkGuestKinds;

TEST_F(LinkVti, creates_vti_and_vti6_with_their_keys) {
  add(kind("vti1", "vti", link::Vti{.ikey = 10, .okey = 11, .local = ip("192.0.2.1"), .remote = ip("198.51.100.5")}));
  add(kind("vti61", "vti6", link::Vti{.local = ip("2001:db8::1"), .remote = ip("2001:db8::4")}));
  if (stopped()) return;
  EXPECT_EQ(std::get<link::Vti>(get("vti1").info->data).okey, 11u);
  EXPECT_EQ(info_data("vti1")["ikey"], "0.0.0.10");
  EXPECT_EQ(info_data("vti1")["okey"], "0.0.0.11");
  EXPECT_EQ(info_data("vti61")["remote"], "2001:db8::4");
}

using LinkGeneve = LinkGuestKinds;

TEST_F(LinkGeneve, creates_a_geneve_tunnel_with_its_vni_remote_and_port) {
  add(kind("geneve0", "geneve", link::Geneve{.vni = 77, .remote = ip("198.51.100.6"), .ttl = 20, .port = 6082}));
  if (stopped()) return;
  EXPECT_EQ(std::get<link::Geneve>(get("geneve0").info->data).vni, 77u);
  const nlohmann::json data = info_data("geneve0");
  EXPECT_EQ(data["id"], 77);
  EXPECT_EQ(data["remote"], "198.51.100.6");
  EXPECT_EQ(data["ttl"], 20);
  EXPECT_EQ(data["port"], 6082);
}

using LinkXfrm = LinkGuestKinds;

TEST_F(LinkXfrm, creates_an_xfrm_interface_on_a_device_with_its_if_id) {
  const uint32_t lower = add_lower();
  if (stopped()) return;
  add(kind("xfrm0", "xfrm", link::Xfrm{.link = lower, .if_id = 5}));
  if (stopped()) return;
  const Link xfrm0 = get("xfrm0");
  EXPECT_EQ(std::get<link::Xfrm>(xfrm0.info->data).if_id, 5u);
  EXPECT_EQ(info_data("xfrm0")["if_id"], "0x5");
}

using LinkIpvlan = LinkGuestKinds;

TEST_F(LinkIpvlan, creates_a_private_l3_ipvlan) {
  const uint32_t lower = add_lower();
  if (stopped()) return;
  add(Link{.name = "ipvlan0",
           .link = lower,
           .info = LinkInfo{.kind = "ipvlan", .data = link::Ipvlan{.mode = link::IpvlanMode::l3, .flags = 1}}});
  if (stopped()) return;
  EXPECT_EQ(std::get<link::Ipvlan>(get("ipvlan0").info->data).mode, link::IpvlanMode::l3);
  const nlohmann::json data = info_data("ipvlan0");
  EXPECT_EQ(data["mode"], "l3");
  EXPECT_EQ(data["private"], true);
}

using LinkWireguard = LinkGuestKinds;

TEST_F(LinkWireguard, creates_a_wireguard_link) {
  add(kind("wg0", "wireguard"));
  if (stopped()) return;
  EXPECT_EQ(get("wg0").info->kind, "wireguard");
  EXPECT_EQ(show("wg0")["linkinfo"]["info_kind"], "wireguard");
}

using LinkNlmon = LinkGuestKinds;

TEST_F(LinkNlmon, creates_a_netlink_monitor) {
  add(kind("nlmon0", "nlmon"));
  if (stopped()) return;
  EXPECT_EQ(get("nlmon0").info->kind, "nlmon");
  EXPECT_EQ(show("nlmon0")["linkinfo"]["info_kind"], "nlmon");
}

}  // namespace
}  // namespace nlpp::rtnl
