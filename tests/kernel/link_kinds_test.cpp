// The link kinds the build machines' kernel has besides bridge and veth
// (vxlan, macvlan, macvtap, ifb, tun/tap), against the real kernel:
// created and changed through nlpp, read back through nlpp and through
// `ip -j -d link show`.
#include "kernel/link_fixture.hpp"

#include <nlpp/rtnl/link.hpp>

#include <string>

namespace nlpp::rtnl {
namespace {

using test::ip;

class LinkKinds : public test::LinkTest {
 protected:
  // A veth pair lower/lower-peer, for kinds that sit on another link.
  uint32_t add_lower() {
    add(Link{.name = "lower",
             .info = LinkInfo{.kind = "veth", .data = link::Veth{.peer = Link{.name = "lower-peer"}}}});
    return stopped() ? 0 : ifindex_of("lower");
  }
};

using LinkVxlan = LinkKinds;

TEST_F(LinkVxlan, creates_a_vxlan_on_a_multicast_group_with_its_ports_and_options) {
  const uint32_t lower = add_lower();
  if (stopped()) return;
  add(Link{.name = "vxlan0",
           .info = LinkInfo{.kind = "vxlan",
                            .data = link::Vxlan{.vni = 42,
                                                .group = ip("239.1.1.1"),
                                                .link = lower,
                                                .ttl = 10,
                                                .tos = 0x10,
                                                .learning = false,
                                                .ageing = 120,
                                                .port_range = link::PortRange{1000, 2000},
                                                .port = 4789,
                                                .udp_csum = false,
                                                .gbp = true}}});
  if (stopped()) return;
  const Link vxlan0 = get("vxlan0");
  const auto& vxlan = std::get<link::Vxlan>(vxlan0.info->data);
  EXPECT_EQ(vxlan.vni, 42u);
  EXPECT_EQ(vxlan.group, ip("239.1.1.1"));
  EXPECT_EQ(vxlan.link, lower);
  EXPECT_EQ(vxlan.port, 4789);
  EXPECT_EQ(vxlan.port_range, (link::PortRange{1000, 2000}));
  EXPECT_TRUE(vxlan.gbp);
  const nlohmann::json data = info_data("vxlan0");
  EXPECT_EQ(data["id"], 42);
  EXPECT_EQ(data["group"], "239.1.1.1");
  EXPECT_EQ(data["link"], "lower");
  EXPECT_EQ(data["ttl"], 10);
  EXPECT_EQ(data["tos"], "0x10");
  EXPECT_EQ(data["learning"], false);
  EXPECT_EQ(data["ageing"], 120);
  EXPECT_EQ(data["port_range"], nlohmann::json({{"low", 1000}, {"high", 2000}}));
  EXPECT_EQ(data["port"], 4789);
  EXPECT_EQ(data["udp_csum"], false);
  EXPECT_EQ(data["gbp"], true);
}

TEST_F(LinkVxlan, creates_a_vxlan_between_ipv6_endpoints) {
  add(Link{.name = "vxlan6",
           .info = LinkInfo{.kind = "vxlan",
                            .data = link::Vxlan{.vni = 43,
                                                .group = ip("2001:db8::2"),
                                                .local = ip("2001:db8::1"),
                                                .port = 4790,
                                                .udp_zero_csum6_tx = true}}});
  if (stopped()) return;
  const Link vxlan6 = get("vxlan6");
  const auto& vxlan = std::get<link::Vxlan>(vxlan6.info->data);
  EXPECT_EQ(vxlan.group, ip("2001:db8::2"));
  EXPECT_EQ(vxlan.local, ip("2001:db8::1"));
  const nlohmann::json data = info_data("vxlan6");
  EXPECT_EQ(data["remote6"], "2001:db8::2");
  EXPECT_EQ(data["local6"], "2001:db8::1");
  EXPECT_EQ(data["port"], 4790);
  EXPECT_EQ(data["udp_zero_csum6_tx"], true);
}

TEST_F(LinkVxlan, set_changes_the_ageing_of_an_existing_vxlan) {
  add(Link{.name = "vxlan0", .info = LinkInfo{.kind = "vxlan", .data = link::Vxlan{.vni = 1, .port = 4789}}});
  if (stopped()) return;
  ASSERT_TRUE(ipr().set(
      Link{.ifindex = ifindex_of("vxlan0"), .info = LinkInfo{.kind = "vxlan", .data = link::Vxlan{.ageing = 60}}}));
  EXPECT_EQ(std::get<link::Vxlan>(get("vxlan0").info->data).ageing, 60u);
  EXPECT_EQ(info_data("vxlan0")["ageing"], 60);
}

// The kernel takes IFLA_VXLAN_TTL_INHERIT as a flag and reports it as a u8,
// also when it is off.
TEST_F(LinkVxlan, ttl_inherit_reads_back_as_set_on_one_vxlan_and_only_that_one) {
  add(Link{.name = "inherits",
           .info = LinkInfo{.kind = "vxlan", .data = link::Vxlan{.vni = 1, .port = 4789, .ttl_inherit = true}}});
  add(Link{.name = "fixed", .info = LinkInfo{.kind = "vxlan", .data = link::Vxlan{.vni = 2, .ttl = 9, .port = 4790}}});
  if (stopped()) return;
  EXPECT_TRUE(std::get<link::Vxlan>(get("inherits").info->data).ttl_inherit);
  EXPECT_FALSE(std::get<link::Vxlan>(get("fixed").info->data).ttl_inherit);
  // iproute2 6.1 says so in its text only; its JSON has no "ttl" then.
  EXPECT_NE(test::ip_run(ns_name(), "-d link show dev inherits").find("ttl inherit"), std::string::npos);
  EXPECT_FALSE(info_data("inherits").contains("ttl"));
  EXPECT_EQ(info_data("fixed")["ttl"], 9);
}

TEST_F(LinkVxlan, a_vni_out_of_range_is_refused_before_anything_is_sent) {
  const Result<io::Ack> added =
      ipr().add(Link{.name = "vxlan0", .info = LinkInfo{.kind = "vxlan", .data = link::Vxlan{.vni = 1 << 24}}});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), errc::invalid_argument);
  EXPECT_EQ(added.error().context(), "vxlan vni: 16777216 is more than 16777215");
}

using LinkMacvlan = LinkKinds;

TEST_F(LinkMacvlan, creates_a_macvlan_in_its_mode_on_its_lower_link) {
  const uint32_t lower = add_lower();
  if (stopped()) return;
  add(Link{.name = "macvlan0",
           .link = lower,
           .info = LinkInfo{.kind = "macvlan", .data = link::Macvlan{.mode = link::MacvlanMode::private_}}});
  if (stopped()) return;
  const Link macvlan0 = get("macvlan0");
  EXPECT_EQ(std::get<link::Macvlan>(macvlan0.info->data).mode, link::MacvlanMode::private_);
  EXPECT_EQ(macvlan0.link, lower);
  EXPECT_EQ(info_data("macvlan0")["mode"], "private");
  EXPECT_EQ(show("macvlan0")["link"], "lower");
}

TEST_F(LinkMacvlan, creates_a_macvtap_with_the_macvlan_data) {
  const uint32_t lower = add_lower();
  if (stopped()) return;
  add(Link{.name = "macvtap0",
           .link = lower,
           .info = LinkInfo{.kind = "macvtap", .data = link::Macvlan{.mode = link::MacvlanMode::bridge}}});
  if (stopped()) return;
  const Link macvtap0 = get("macvtap0");
  EXPECT_EQ(macvtap0.info->kind, "macvtap");
  EXPECT_EQ(std::get<link::Macvlan>(macvtap0.info->data).mode, link::MacvlanMode::bridge);
  EXPECT_EQ(info_data("macvtap0")["mode"], "bridge");
}

TEST_F(LinkMacvlan, set_changes_the_mode) {
  const uint32_t lower = add_lower();
  if (stopped()) return;
  add(Link{.name = "macvlan0",
           .link = lower,
           .info = LinkInfo{.kind = "macvlan", .data = link::Macvlan{.mode = link::MacvlanMode::vepa}}});
  if (stopped()) return;
  ASSERT_TRUE(
      ipr().set(Link{.ifindex = ifindex_of("macvlan0"),
                     .info = LinkInfo{.kind = "macvlan", .data = link::Macvlan{.mode = link::MacvlanMode::bridge}}}));
  EXPECT_EQ(info_data("macvlan0")["mode"], "bridge");
}

using LinkIfb = LinkKinds;

TEST_F(LinkIfb, creates_an_ifb) {
  add(Link{.name = "ifb0", .txqlen = 100, .info = LinkInfo{.kind = "ifb"}});
  if (stopped()) return;
  EXPECT_EQ(get("ifb0").info->kind, "ifb");
  EXPECT_EQ(get("ifb0").txqlen, 100u);
  EXPECT_EQ(show("ifb0")["linkinfo"]["info_kind"], "ifb");
  EXPECT_EQ(show("ifb0")["txqlen"], 100);
}

using LinkTun = LinkKinds;

// Whether adding a tun/tap failed because this kernel has no tun driver
// (no /dev/net/tun to open): the one reason these tests may skip.
bool lacks_tun_driver(const Result<io::Ack>& added) {
  return !added && added.error().context() == "tun link: open /dev/net/tun";
}

TEST_F(LinkTun, creates_a_persistent_tap_with_its_owner_group_and_flags) {
  const Result<io::Ack> added = ipr().add(Link{
      .name = "tap0",
      .info = LinkInfo{
          .kind = "tun",
          .data = link::Tun{
              .owner = 65534, .group = 65534, .type = link::TunType::tap, .vnet_hdr = true, .multi_queue = true}}});
  if (lacks_tun_driver(added)) GTEST_SKIP() << added.error().describe();
  ASSERT_TRUE(added) << added.error().describe();
  const Link tap0 = get("tap0");
  const auto& tun = std::get<link::Tun>(tap0.info->data);
  EXPECT_EQ(tun.type, link::TunType::tap);
  EXPECT_EQ(tun.owner, 65534u);
  EXPECT_EQ(tun.group, 65534u);
  EXPECT_EQ(tun.persist, true);
  EXPECT_EQ(tun.multi_queue, true);
  const nlohmann::json data = info_data("tap0");
  EXPECT_EQ(data["type"], "tap");
  EXPECT_EQ(data["persist"], true);
  EXPECT_EQ(data["vnet_hdr"], true);
  EXPECT_EQ(data["multi_queue"], true);
  EXPECT_EQ(data["pi"], false);
  EXPECT_TRUE(data.contains("user"));
  EXPECT_TRUE(data.contains("group"));
}

TEST_F(LinkTun, creates_a_tun_in_this_namespace_with_its_other_fields_set) {
  Link tun0{.name = "tun0",
            .mtu = 1280,
            .info = LinkInfo{.kind = "tun", .data = link::Tun{.type = link::TunType::tun, .pi = true}}};
  tun0.set_up(true);
  const Result<io::Ack> added = ipr().add(tun0);
  if (lacks_tun_driver(added)) GTEST_SKIP() << added.error().describe();
  ASSERT_TRUE(added) << added.error().describe();
  const Link made = get("tun0");
  EXPECT_EQ(made.mtu, 1280u);
  EXPECT_EQ(std::get<link::Tun>(made.info->data).pi, true);
  const nlohmann::json shown = show("tun0");
  EXPECT_EQ(shown["mtu"], 1280);
  EXPECT_EQ(shown["linkinfo"]["info_data"]["type"], "tun");
  EXPECT_EQ(shown["linkinfo"]["info_data"]["pi"], true);
}

TEST_F(LinkTun, a_tun_without_its_type_is_refused_before_anything_is_made) {
  const Result<io::Ack> added = ipr().add(Link{.name = "tun0", .info = LinkInfo{.kind = "tun", .data = link::Tun{}}});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), errc::invalid_argument);
  EXPECT_FALSE(ipr().get(Link{.name = "tun0"}));
}

TEST_F(LinkTun, a_failing_second_step_removes_the_new_device) {
  const Result<io::Ack> added = ipr().add(
      Link{.name = "tap0", .mtu = 20, .info = LinkInfo{.kind = "tun", .data = link::Tun{.type = link::TunType::tap}}});
  if (lacks_tun_driver(added)) GTEST_SKIP() << added.error().describe();
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), std::error_code(EINVAL, std::system_category()));
  EXPECT_FALSE(ipr().get(Link{.name = "tap0"}));
}

}  // namespace
}  // namespace nlpp::rtnl
