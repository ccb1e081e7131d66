// BridgeVlan: the AF_BRIDGE link messages that carry vlan filters (ranges
// compressed as RANGE_BEGIN / RANGE_END pairs), input checks, filters.
// The host kernel has no vlan filtering, so the kernel's own messages are
// checked by the kernel tests in the guest (BridgeVlan.*).
#include <nlpp/rtnl/bridge_vlan.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <linux/if_link.h>
#include <sys/socket.h>

#include <vector>

namespace nlpp::rtnl {
namespace {

constexpr uint32_t port = 3;
constexpr uint32_t bridge = 4;

ifinfomsg bridge_link(uint32_t ifindex) {
  ifinfomsg header{};
  header.ifi_family = AF_BRIDGE;
  header.ifi_index = static_cast<int>(ifindex);
  return header;
}

// A dump reply as br_fill_ifinfo() builds it: link attributes, then the
// vlans in IFLA_AF_SPEC, compressed.
std::vector<std::byte> dump_reply(const std::vector<bridge_vlan_info>& infos) {
  wire::MessageBuilder builder;
  builder.begin_message(RTM_NEWLINK, NLM_F_MULTI).append_header(bridge_link(port));
  builder.add_string(IFLA_IFNAME, "veth0").add_u32(IFLA_MASTER, bridge).add_u32(IFLA_MTU, 1500);
  const auto af_spec = builder.begin_nested(IFLA_AF_SPEC);
  for (const bridge_vlan_info& info : infos) builder.add_struct(IFLA_BRIDGE_VLAN_INFO, info);
  builder.end_nested(af_spec);
  return {builder.bytes().begin(), builder.bytes().end()};
}

constexpr uint16_t pvid_untagged = BRIDGE_VLAN_INFO_PVID | BRIDGE_VLAN_INFO_UNTAGGED;

TEST(BridgeVlanParse, reads_single_vids_and_compressed_ranges) {
  const BridgeVlan vlans = test::parse_golden<BridgeVlan>(dump_reply({
      {.flags = pvid_untagged, .vid = 1},
      {.flags = BRIDGE_VLAN_INFO_RANGE_BEGIN, .vid = 20},
      {.flags = BRIDGE_VLAN_INFO_RANGE_END, .vid = 30},
      {.flags = BRIDGE_VLAN_INFO_UNTAGGED, .vid = 40},
  }));
  EXPECT_EQ(vlans.ifindex, port);
  EXPECT_EQ(vlans.master, bridge);
  EXPECT_EQ(vlans.vlans,
            (std::vector<BridgeVlanRange>{{.vid = 1, .flags = {BridgeVlanFlag::pvid, BridgeVlanFlag::untagged}},
                                          {.vid = 20, .vid_end = 30},
                                          {.vid = 40, .flags = {BridgeVlanFlag::untagged}}}));
  EXPECT_EQ(vlans.vlans[0].to_string(), "1 pvid untagged");
  EXPECT_EQ(vlans.vlans[1].to_string(), "20-30");
}

TEST(BridgeVlanParse, refuses_a_range_that_does_not_begin_or_end) {
  Result<BridgeVlan> unbegun =
      ObjectTraits<BridgeVlan>::parse(wire::Message(dump_reply({{.flags = BRIDGE_VLAN_INFO_RANGE_END, .vid = 30}})));
  ASSERT_FALSE(unbegun);
  EXPECT_EQ(unbegun.error().context(), "bridge vlan: vid 30 ends a range never begun");
  Result<BridgeVlan> unended =
      ObjectTraits<BridgeVlan>::parse(wire::Message(dump_reply({{.flags = BRIDGE_VLAN_INFO_RANGE_BEGIN, .vid = 20}})));
  ASSERT_FALSE(unended);
  EXPECT_EQ(unended.error().context(), "bridge vlan: the range from vid 20 never ends");
}

TEST(BridgeVlanParse, refuses_a_link_message_of_another_family) {
  Result<BridgeVlan> vlans = ObjectTraits<BridgeVlan>::parse(wire::Message(test::golden_bytes("newlink_lo")));
  ASSERT_FALSE(vlans);
  EXPECT_EQ(vlans.error().code(), errc::protocol_error);
  EXPECT_EQ(vlans.error().context(), "bridge vlan: a link message of family 0, not AF_BRIDGE");
}

BridgeVlan request() {
  return BridgeVlan{.ifindex = port,
                    .vlans = {{.vid = 10, .flags = {BridgeVlanFlag::pvid, BridgeVlanFlag::untagged}},
                              {.vid = 20, .vid_end = 30, .flags = {BridgeVlanFlag::untagged}}},
                    .bridge_flags = {BridgeFlag::master}};
}

TEST(BridgeVlanRequest, add_is_a_setlink_with_a_range_as_two_entries) {
  wire::MessageBuilder builder;
  ObjectTraits<BridgeVlan>::emit(request(), builder, ObjectTraits<BridgeVlan>::new_type, NLM_F_CREATE | NLM_F_EXCL);
  const wire::Message message(builder.bytes());
  EXPECT_EQ(message.type(), RTM_SETLINK);
  EXPECT_EQ(message.fixed_header<ifinfomsg>().value().ifi_family, AF_BRIDGE);
  EXPECT_EQ(message.fixed_header<ifinfomsg>().value().ifi_index, static_cast<int>(port));
  const wire::Attribute af_spec = *message.attributes(sizeof(ifinfomsg)).value().find(IFLA_AF_SPEC);
  EXPECT_TRUE(af_spec.has_nested_flag());
  std::vector<std::pair<uint16_t, uint16_t>> infos;  // (flags, vid)
  uint16_t bridge_flags = 0;
  for (const wire::Attribute& attribute : af_spec.nested()) {
    if (attribute.type() == IFLA_BRIDGE_FLAGS) bridge_flags = attribute.u16().value();
    if (attribute.type() != IFLA_BRIDGE_VLAN_INFO) continue;
    const bridge_vlan_info info = attribute.as<bridge_vlan_info>().value();
    infos.emplace_back(info.flags, info.vid);
  }
  EXPECT_EQ(bridge_flags, BRIDGE_FLAGS_MASTER);
  EXPECT_EQ(infos,
            (std::vector<std::pair<uint16_t, uint16_t>>{{pvid_untagged, 10},
                                                        {BRIDGE_VLAN_INFO_UNTAGGED | BRIDGE_VLAN_INFO_RANGE_BEGIN, 20},
                                                        {BRIDGE_VLAN_INFO_UNTAGGED | BRIDGE_VLAN_INFO_RANGE_END, 30}}));
}

TEST(BridgeVlanRequest, delete_is_a_dellink_of_the_same_entries) {
  wire::MessageBuilder builder;
  ObjectTraits<BridgeVlan>::emit(request(), builder, RTM_DELLINK, 0);
  EXPECT_EQ(wire::Message(builder.bytes()).type(), RTM_DELLINK);
}

TEST(BridgeVlanRequest, dump_asks_for_compressed_vlans_of_every_bridge_port) {
  wire::MessageBuilder builder;
  ObjectTraits<BridgeVlan>::emit_dump_request({.ifindex = port}, builder);
  const wire::Message message(builder.bytes());
  EXPECT_EQ(message.type(), RTM_GETLINK);
  const ifinfomsg header = message.fixed_header<ifinfomsg>().value();
  EXPECT_EQ(header.ifi_family, AF_BRIDGE);
  EXPECT_EQ(header.ifi_index, 0) << "strict checking refuses an ifindex in this dump";
  EXPECT_EQ(message.attributes(sizeof(ifinfomsg)).value().find(IFLA_EXT_MASK)->u32().value(),
            uint32_t{RTEXT_FILTER_BRVLAN_COMPRESSED});
}

TEST(BridgeVlanValidation, refuses_bad_vids_and_ranges_naming_them) {
  const auto error_of = [](const BridgeVlan& vlans) {
    Result<void> valid = ObjectTraits<BridgeVlan>::validate(vlans);
    return valid ? std::string() : valid.error().context();
  };
  EXPECT_EQ(error_of(request()), "");
  EXPECT_EQ(error_of(BridgeVlan{.ifindex = port, .vlans = {{.vid = 4094}}}), "");
  EXPECT_EQ(error_of(BridgeVlan{.vlans = {{.vid = 10}}}), "bridge vlan ifindex: 0 names no link");
  EXPECT_EQ(error_of(BridgeVlan{.ifindex = port}), "bridge vlan vlans: no vid to add or delete");
  EXPECT_EQ(error_of(BridgeVlan{.ifindex = port, .vlans = {{.vid = 0}}}), "bridge vlan 0: vids go from 1 to 4094");
  EXPECT_EQ(error_of(BridgeVlan{.ifindex = port, .vlans = {{.vid = 4095}}}),
            "bridge vlan 4095: vids go from 1 to 4094");
  EXPECT_EQ(error_of(BridgeVlan{.ifindex = port, .vlans = {{.vid = 20, .vid_end = 20}}}),
            "bridge vlan 20-20: a range ends after its first vid and at 4094 at most");
  EXPECT_EQ(error_of(BridgeVlan{.ifindex = port, .vlans = {{.vid = 20, .vid_end = 4095}}}),
            "bridge vlan 20-4095: a range ends after its first vid and at 4094 at most");
  EXPECT_EQ(
      error_of(BridgeVlan{.ifindex = port, .vlans = {{.vid = 20, .vid_end = 30, .flags = {BridgeVlanFlag::pvid}}}}),
      "bridge vlan 20-30 pvid: a range cannot be the pvid");
  EXPECT_EQ(error_of(BridgeVlan{.ifindex = port,
                                .vlans = {{.vid = 20, .flags = BridgeVlanFlags(BRIDGE_VLAN_INFO_RANGE_BEGIN)}}}),
            "bridge vlan 20 0x8: range markers are set from vid_end, not in flags");
  EXPECT_EQ(error_of(BridgeVlan{
                .ifindex = port,
                .vlans = {{.vid = 1, .flags = {BridgeVlanFlag::pvid}}, {.vid = 2, .flags = {BridgeVlanFlag::pvid}}}}),
            "bridge vlan vlans: a port has one pvid, several are marked");
}

TEST(BridgeVlanFilter, selects_a_port_or_a_bridge_with_its_ports) {
  const BridgeVlan on_port{.ifindex = port, .vlans = {{.vid = 1}}, .master = bridge};
  const BridgeVlan on_bridge{.ifindex = bridge, .vlans = {{.vid = 1}}};
  EXPECT_TRUE(ObjectTraits<BridgeVlan>::matches({}, on_port));
  EXPECT_TRUE(ObjectTraits<BridgeVlan>::matches({.ifindex = port}, on_port));
  EXPECT_FALSE(ObjectTraits<BridgeVlan>::matches({.ifindex = port}, on_bridge));
  EXPECT_TRUE(ObjectTraits<BridgeVlan>::matches({.master = bridge}, on_port));
  EXPECT_TRUE(ObjectTraits<BridgeVlan>::matches({.master = bridge}, on_bridge));
  EXPECT_FALSE(ObjectTraits<BridgeVlan>::matches({.master = 9}, on_port));
}

TEST(BridgeVlanDiff, shows_the_vlan_lists_as_text) {
  BridgeVlan after = request();
  after.vlans.pop_back();
  EXPECT_EQ(ObjectTraits<BridgeVlan>::diff(request(), after),
            (std::vector<FieldChange>{{"vlans", "10 pvid untagged, 20-30 untagged", "10 pvid untagged"}}));
}

}  // namespace
}  // namespace nlpp::rtnl
