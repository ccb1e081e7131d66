// FdbEntry: parsing bridge and vxlan entries captured from the kernel (and
// emitting them back to the same bytes), requests, input checks, keys,
// filters, and append over a scripted kernel.
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/nltest/fake_kernel.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <sys/socket.h>

namespace nlpp::rtnl {
namespace {

using namespace test;  // golden files, ip(), mac(), attributes_of()

// The links of the captures' namespace.
constexpr uint32_t veth1 = 2;
constexpr uint32_t veth0 = 3;
constexpr uint32_t br0 = 4;
constexpr uint32_t vx0 = 5;

TEST(FdbGolden, static_entry_in_a_bridge_table) {
  const std::vector<std::byte> bytes = golden_bytes("fdb_bridge_static");
  const FdbEntry entry = parse_golden<FdbEntry>(bytes);
  EXPECT_EQ(entry.ifindex, veth1);
  EXPECT_EQ(entry.lladdr, mac("02:00:00:00:00:dd"));
  EXPECT_EQ(entry.state, fdb_static);
  EXPECT_TRUE(entry.flags.empty());
  EXPECT_FALSE(entry.is_self());
  EXPECT_EQ(entry.master, br0);
  EXPECT_EQ(entry.ext_flags, NeighbourExtFlags());
  EXPECT_EQ(entry.vlan, std::nullopt);
  EXPECT_TRUE(entry.cacheinfo);
  EXPECT_EQ(parse_and_emit<FdbEntry>(bytes), bytes);
}

TEST(FdbGolden, a_ports_own_address) {
  const std::vector<std::byte> bytes = golden_bytes("fdb_self");
  const FdbEntry entry = parse_golden<FdbEntry>(bytes);
  EXPECT_EQ(entry.ifindex, veth1);
  EXPECT_EQ(entry.lladdr, mac("33:33:00:00:00:01"));
  EXPECT_EQ(entry.state, fdb_permanent);
  EXPECT_TRUE(entry.is_self());
  EXPECT_EQ(entry.master, std::nullopt);
  EXPECT_EQ(parse_and_emit<FdbEntry>(bytes), bytes);
}

TEST(FdbGolden, vxlan_remote_with_port_vni_and_via) {
  const std::vector<std::byte> bytes = golden_bytes("fdb_vxlan");
  const FdbEntry entry = parse_golden<FdbEntry>(bytes);
  EXPECT_EQ(entry.ifindex, vx0);
  EXPECT_EQ(entry.lladdr, MacAddress());
  EXPECT_EQ(entry.state, (NeighbourStates{NeighbourState::noarp, NeighbourState::permanent}));
  EXPECT_EQ(entry.flags, NeighbourFlags{NeighbourFlag::self});
  EXPECT_EQ(entry.type, RTN_UNICAST);
  EXPECT_EQ(entry.dst, ip("198.51.100.7"));
  EXPECT_EQ(entry.port, 4790);
  EXPECT_EQ(entry.vni, 100u);
  EXPECT_EQ(entry.via_ifindex, veth0);
  EXPECT_EQ(entry.src_vni, std::nullopt);
  EXPECT_TRUE(entry.unknown.empty());
  EXPECT_EQ(parse_and_emit<FdbEntry>(bytes), bytes);
}

TEST(FdbParse, refuses_an_ip_neighbour) {
  Result<FdbEntry> entry = ObjectTraits<FdbEntry>::parse(wire::Message(golden_bytes("newneigh")));
  ASSERT_FALSE(entry);
  EXPECT_EQ(entry.error().code(), errc::protocol_error);
  EXPECT_EQ(entry.error().context(), "fdb entry: family 2 is not AF_BRIDGE");
}

FdbEntry vxlan_remote() {
  return FdbEntry{.ifindex = vx0,
                  .state = fdb_permanent,
                  .flags = {NeighbourFlag::self},
                  .dst = ip("2001:db8::7"),
                  .port = 4790,
                  .vni = 100};
}

TEST(FdbRequest, add_of_a_vxlan_remote_round_trips_through_parse) {
  wire::MessageBuilder builder;
  ObjectTraits<FdbEntry>::emit(vxlan_remote(), builder, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL);
  const ndmsg header = wire::Message(builder.bytes()).fixed_header<ndmsg>().value();
  EXPECT_EQ(header.ndm_family, AF_BRIDGE);
  EXPECT_EQ(header.ndm_flags, NTF_SELF);
  const auto attributes = attributes_of(builder, sizeof(ndmsg));
  EXPECT_EQ(wire::load<uint16_t>(attributes.at(NDA_PORT)), wire::host_to_network(uint16_t{4790}));
  EXPECT_EQ(attributes.at(NDA_DST).size(), 16u);
  EXPECT_EQ(ObjectTraits<FdbEntry>::parse(wire::Message(builder.bytes())).value(), vxlan_remote());
}

TEST(FdbRequest, get_carries_the_table_address_vlan_and_vni_only) {
  FdbEntry entry = vxlan_remote();
  entry.vlan = 10;
  entry.flags.insert(NeighbourFlag::sticky);
  wire::MessageBuilder builder;
  ObjectTraits<FdbEntry>::emit(entry, builder, RTM_GETNEIGH, 0);
  const ndmsg header = wire::Message(builder.bytes()).fixed_header<ndmsg>().value();
  EXPECT_EQ(header.ndm_flags, NTF_SELF);
  EXPECT_EQ(header.ndm_state, 0);
  const auto attributes = attributes_of(builder, sizeof(ndmsg));
  EXPECT_EQ(attributes.size(), 3u);
  EXPECT_EQ(attributes.count(NDA_LLADDR), 1u);
  EXPECT_EQ(wire::load<uint16_t>(attributes.at(NDA_VLAN)), 10);
  EXPECT_EQ(wire::load<uint32_t>(attributes.at(NDA_VNI)), 100u);
}

TEST(FdbRequest, dump_filters_port_and_bridge_in_the_kernel) {
  wire::MessageBuilder builder;
  ObjectTraits<FdbEntry>::emit_dump_request({.ifindex = veth1, .master = br0, .vlan = 10}, builder);
  const ndmsg header = wire::Message(builder.bytes()).fixed_header<ndmsg>().value();
  EXPECT_EQ(header.ndm_family, AF_BRIDGE);
  EXPECT_EQ(header.ndm_ifindex, static_cast<int>(veth1));
  const auto attributes = attributes_of(builder, sizeof(ndmsg));
  ASSERT_EQ(attributes.size(), 1u);
  EXPECT_EQ(wire::load<uint32_t>(attributes.at(NDA_MASTER)), br0);
}

TEST(FdbValidation, refuses_bad_input_naming_the_field) {
  const auto error_of = [](const FdbEntry& entry) {
    Result<void> valid = ObjectTraits<FdbEntry>::validate(entry);
    return valid ? std::string() : valid.error().context();
  };
  EXPECT_EQ(error_of(vxlan_remote()), "");
  const FdbEntry port_entry{.ifindex = veth1, .lladdr = mac("02:00:00:00:00:dd"), .state = fdb_static, .vlan = 4094};
  EXPECT_EQ(error_of(port_entry), "");

  FdbEntry entry = port_entry;
  entry.ifindex = 0;
  EXPECT_EQ(error_of(entry), "fdb entry ifindex: 0 names no link");
  entry = port_entry;
  entry.vlan = 0;
  EXPECT_EQ(error_of(entry), "fdb entry vlan: 0 is not from 1 to 4094");
  entry.vlan = 4095;
  EXPECT_EQ(error_of(entry), "fdb entry vlan: 4095 is not from 1 to 4094");
  entry = vxlan_remote();
  entry.vni = 1u << 24;
  EXPECT_EQ(error_of(entry), "fdb entry vni: 16777216 does not fit in 24 bits");
  entry = vxlan_remote();
  entry.src_vni = 0xffffffff;
  EXPECT_EQ(error_of(entry), "fdb entry src_vni: 4294967295 does not fit in 24 bits");
  entry = vxlan_remote();
  entry.flags = {NeighbourFlag::master};
  EXPECT_EQ(error_of(entry),
            "fdb entry flags: a remote (dst, port, vni, via_ifindex, src_vni, nh_id) needs flags self");
  entry = vxlan_remote();
  entry.nh_id = 7;
  EXPECT_EQ(error_of(entry), "fdb entry nh_id: a nexthop group excludes dst, port, vni and via_ifindex");
}

TEST(FdbKey, separates_a_bridge_table_from_the_devices_own_and_vxlan_remotes) {
  const FdbEntry remote = vxlan_remote();
  FdbEntry other_remote = remote;
  other_remote.dst = ip("2001:db8::8");
  EXPECT_NE(ObjectTraits<FdbEntry>::key(remote), ObjectTraits<FdbEntry>::key(other_remote));
  FdbEntry in_bridge = remote;
  in_bridge.flags = {NeighbourFlag::master};
  EXPECT_NE(ObjectTraits<FdbEntry>::key(remote), ObjectTraits<FdbEntry>::key(in_bridge));
  // Neither flag in a request is self, as bridge fdb assumes; a reported
  // entry with neither flag but a master is its bridge's.
  FdbEntry unflagged = remote;
  unflagged.flags = {};
  EXPECT_EQ(ObjectTraits<FdbEntry>::key(remote), ObjectTraits<FdbEntry>::key(unflagged));
  unflagged.master = 4;
  EXPECT_FALSE(unflagged.is_self());
  FdbEntry new_state = remote;
  new_state.state = fdb_dynamic;
  EXPECT_EQ(ObjectTraits<FdbEntry>::key(remote), ObjectTraits<FdbEntry>::key(new_state));
  EXPECT_EQ(ObjectTraits<FdbEntry>::diff(remote, new_state),
            (std::vector<FieldChange>{{"state", "permanent", "reachable"}}));
}

TEST(FdbFilter, matches_vlan_address_states_and_flags) {
  const FdbEntry entry{
      .ifindex = veth1, .lladdr = mac("02:00:00:00:00:dd"), .state = fdb_static, .vlan = 10, .master = br0};
  EXPECT_TRUE(ObjectTraits<FdbEntry>::matches({}, entry));
  EXPECT_TRUE(ObjectTraits<FdbEntry>::matches(
      {.ifindex = veth1, .vlan = 10, .lladdr = mac("02:00:00:00:00:dd"), .states = fdb_static}, entry));
  EXPECT_FALSE(ObjectTraits<FdbEntry>::matches({.vlan = 20}, entry));
  EXPECT_FALSE(ObjectTraits<FdbEntry>::matches({.lladdr = MacAddress()}, entry));
  EXPECT_FALSE(ObjectTraits<FdbEntry>::matches({.states = fdb_permanent}, entry));
  EXPECT_FALSE(ObjectTraits<FdbEntry>::matches({.flags = {NeighbourFlag::self}}, entry));
}

TEST(FdbAppend, sends_create_and_append) {
  const nltest::KernelReplies kernel(nltest::FakeKernel::default_port_id);
  auto fake = std::make_unique<nltest::FakeKernel>([&](const wire::MessageRange& sent) {
    return std::vector<nltest::FakeDatagram>{{kernel.error(sent.begin()->seq(), 0)}};
  });
  const nltest::FakeKernel& observed = *fake;
  IpRoute ip(io::RequestEngine(std::move(fake)));
  ASSERT_TRUE(ip.change(Verb::append, vxlan_remote()));
  ASSERT_EQ(observed.sent().size(), 1u);
  const wire::Message sent(observed.sent()[0]);
  EXPECT_EQ(sent.type(), RTM_NEWNEIGH);
  EXPECT_EQ(sent.flags() & (NLM_F_CREATE | NLM_F_APPEND | NLM_F_EXCL | NLM_F_REPLACE), NLM_F_CREATE | NLM_F_APPEND);

  FdbEntry bad = vxlan_remote();
  bad.vni = 1u << 24;
  Result<io::Ack> refused = ip.change(Verb::append, bad);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), errc::invalid_argument);
  EXPECT_EQ(observed.sent().size(), 1u) << "nothing is sent after a failed check";
}

}  // namespace
}  // namespace nlpp::rtnl
