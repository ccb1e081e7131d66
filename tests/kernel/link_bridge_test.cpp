// Bridges and their ports against the real kernel: created and changed
// through nlpp, read back through nlpp and `ip -j -d link show`. Vlan
// filtering needs a kernel built with it (the QEMU guest's): on one without
// it the kernel answers EOPNOTSUPP, and only then does that test skip.
#include "kernel/link_fixture.hpp"

#include <string>

namespace nlpp::rtnl {
namespace {

class LinkBridge : public test::LinkTest {
 protected:
  // A bridge br0 and a veth pair left/right, left a port of br0, all up.
  void add_bridge_with_a_port() {
    add(Link{.name = "br0", .info = LinkInfo{.kind = "bridge"}});
    add(Link{.name = "left", .info = LinkInfo{.kind = "veth", .data = link::Veth{.peer = Link{.name = "right"}}}});
    if (stopped()) return;
    for (const char* name : {"br0", "left", "right"}) {
      Link up{.ifindex = ifindex_of(name)};
      up.set_up(true);
      ASSERT_TRUE(ipr().set(up));
    }
    ASSERT_TRUE(ipr().set(Link{.ifindex = ifindex_of("left"), .master = ifindex_of("br0")}));
  }

  // Changes left's port settings.
  Result<io::Ack> set_port(const link::BridgePort& port) {
    return ipr().set(Link{.ifindex = ifindex_of("left"), .info = LinkInfo{.slave_kind = "bridge", .slave_data = port}});
  }
};

TEST_F(LinkBridge, creates_a_bridge_with_its_stp_timers_priority_and_multicast_options) {
  add(Link{.name = "br0",
           .info = LinkInfo{.kind = "bridge",
                            .data = link::Bridge{.forward_delay = 400,
                                                 .hello_time = 300,
                                                 .max_age = 1000,
                                                 .ageing_time = 20000,
                                                 .stp_state = 1,
                                                 .priority = 4096,
                                                 .group_fwd_mask = 8,
                                                 .mcast_snooping = false,
                                                 .mcast_querier = true,
                                                 .mcast_last_member_cnt = 3,
                                                 .mcast_query_intvl = 5000,
                                                 .mcast_igmp_version = 3,
                                                 .mcast_mld_version = 2}}});
  if (stopped()) return;
  const Link br0 = get("br0");
  const auto& bridge = std::get<link::Bridge>(br0.info->data);
  EXPECT_EQ(bridge.forward_delay, 400u);
  EXPECT_EQ(bridge.hello_time, 300u);
  EXPECT_EQ(bridge.max_age, 1000u);
  EXPECT_EQ(bridge.ageing_time, 20000u);
  EXPECT_EQ(bridge.stp_state, 1u);
  EXPECT_EQ(bridge.priority, 4096);
  EXPECT_EQ(bridge.group_fwd_mask, 8);
  EXPECT_EQ(bridge.mcast_snooping, false);
  EXPECT_EQ(bridge.mcast_querier, true);
  EXPECT_EQ(bridge.mcast_last_member_cnt, 3u);
  EXPECT_EQ(bridge.mcast_query_intvl, 5000u);
  EXPECT_EQ(bridge.mcast_igmp_version, 3);
  EXPECT_EQ(bridge.mcast_mld_version, 2);
  EXPECT_EQ(bridge.bridge_id->priority, 4096);
  const nlohmann::json data = info_data("br0");
  EXPECT_EQ(data["forward_delay"], 400);
  EXPECT_EQ(data["hello_time"], 300);
  EXPECT_EQ(data["max_age"], 1000);
  EXPECT_EQ(data["ageing_time"], 20000);
  EXPECT_EQ(data["stp_state"], 1);
  EXPECT_EQ(data["priority"], 4096);
  EXPECT_EQ(data["mcast_snooping"], 0);
  EXPECT_EQ(data["mcast_querier"], 1);
  EXPECT_EQ(data["mcast_last_member_cnt"], 3);
  EXPECT_EQ(data["mcast_query_intvl"], 5000);
  EXPECT_EQ(data["mcast_igmp_version"], 3);
  EXPECT_EQ(data["mcast_mld_version"], 2);
}

TEST_F(LinkBridge, set_changes_a_bridges_options_in_place) {
  add(Link{.name = "br0", .info = LinkInfo{.kind = "bridge"}});
  if (stopped()) return;
  const uint32_t ifindex = ifindex_of("br0");
  ASSERT_TRUE(
      ipr().set(Link{.ifindex = ifindex,
                     .info = LinkInfo{.kind = "bridge", .data = link::Bridge{.ageing_time = 6000, .priority = 100}}}));
  const Link br0 = get("br0");
  EXPECT_EQ(br0.ifindex, ifindex);
  EXPECT_EQ(std::get<link::Bridge>(br0.info->data).ageing_time, 6000u);
  EXPECT_EQ(info_data("br0")["priority"], 100);
}

TEST_F(LinkBridge, a_port_takes_its_cost_priority_learning_flooding_and_isolation) {
  add_bridge_with_a_port();
  if (stopped()) return;
  const Result<io::Ack> changed = set_port(link::BridgePort{.priority = 12,
                                                            .cost = 7,
                                                            .hairpin = true,
                                                            .guard = true,
                                                            .root_block = true,
                                                            .fast_leave = true,
                                                            .learning = false,
                                                            .unicast_flood = false,
                                                            .mcast_flood = false,
                                                            .bcast_flood = false,
                                                            .neigh_suppress = true,
                                                            .isolated = true});
  ASSERT_TRUE(changed) << changed.error().describe();
  const Link left = get("left");
  EXPECT_EQ(left.info->slave_kind, "bridge");
  const auto& port = std::get<link::BridgePort>(left.info->slave_data);
  EXPECT_EQ(port.priority, 12);
  EXPECT_EQ(port.cost, 7u);
  EXPECT_EQ(port.hairpin, true);
  EXPECT_EQ(port.guard, true);
  EXPECT_EQ(port.root_block, true);
  EXPECT_EQ(port.fast_leave, true);
  EXPECT_EQ(port.learning, false);
  EXPECT_EQ(port.unicast_flood, false);
  EXPECT_EQ(port.mcast_flood, false);
  EXPECT_EQ(port.bcast_flood, false);
  EXPECT_EQ(port.neigh_suppress, true);
  EXPECT_EQ(port.isolated, true);
  const nlohmann::json shown = show("left")["linkinfo"]["info_slave_data"];
  EXPECT_EQ(shown["priority"], 12);
  EXPECT_EQ(shown["cost"], 7);
  EXPECT_EQ(shown["hairpin"], true);
  EXPECT_EQ(shown["guard"], true);
  EXPECT_EQ(shown["root_block"], true);
  EXPECT_EQ(shown["fastleave"], true);
  EXPECT_EQ(shown["learning"], false);
  EXPECT_EQ(shown["flood"], false);
  EXPECT_EQ(shown["mcast_flood"], false);
  EXPECT_EQ(shown["bcast_flood"], false);
  EXPECT_EQ(shown["neigh_suppress"], true);
  EXPECT_EQ(shown["isolated"], true);
}

TEST_F(LinkBridge, a_port_takes_a_spanning_tree_state_when_stp_is_off) {
  add_bridge_with_a_port();
  if (stopped()) return;
  // Not blocking: without STP the bridge moves a blocking port on to forwarding.
  ASSERT_TRUE(set_port(link::BridgePort{.state = link::BridgePortState::learning}));
  EXPECT_EQ(std::get<link::BridgePort>(get("left").info->slave_data).state, link::BridgePortState::learning);
  EXPECT_EQ(show("left")["linkinfo"]["info_slave_data"]["state"], "learning");
}

TEST_F(LinkBridge, port_data_for_a_link_without_a_master_is_refused_by_the_kernel) {
  add(Link{.name = "left", .info = LinkInfo{.kind = "veth", .data = link::Veth{.peer = Link{.name = "right"}}}});
  if (stopped()) return;
  const Result<io::Ack> changed = set_port(link::BridgePort{.cost = 7});
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code(), std::error_code(EOPNOTSUPP, std::system_category()));
}

TEST_F(LinkBridge, vlan_filtering_takes_its_protocol_and_default_pvid) {
  const Result<io::Ack> added =
      ipr().add(Link{.name = "br0",
                     .info = LinkInfo{.kind = "bridge",
                                      .data = link::Bridge{.vlan_filtering = true,
                                                           .vlan_protocol = link::VlanProtocol::ieee802_1ad,
                                                           .vlan_default_pvid = 10}}});
  // A bridge built without CONFIG_BRIDGE_VLAN_FILTERING refuses to filter.
  if (!added && added.error().code() == std::error_code(EOPNOTSUPP, std::system_category()))
    GTEST_SKIP() << "this kernel's bridge has no vlan filtering: " << added.error().describe();
  ASSERT_TRUE(added) << added.error().describe();
  const Link br0 = get("br0");
  const auto& bridge = std::get<link::Bridge>(br0.info->data);
  EXPECT_EQ(bridge.vlan_filtering, true);
  EXPECT_EQ(bridge.vlan_protocol, link::VlanProtocol::ieee802_1ad);
  EXPECT_EQ(bridge.vlan_default_pvid, 10);
  const nlohmann::json data = info_data("br0");
  EXPECT_EQ(data["vlan_filtering"], 1);
  EXPECT_EQ(data["vlan_protocol"], "802.1ad");
  EXPECT_EQ(data["vlan_default_pvid"], 10);
}

}  // namespace
}  // namespace nlpp::rtnl
