// Route parsing and emitting beyond the captures: encapsulations the build
// machines cannot capture, unknown attributes, malformed messages, the
// memory an ordinary route costs, keys, diffs and dump filters.
#include <nlpp/rtnl/route.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <linux/lwtunnel.h>
#include <linux/seg6.h>
#include <linux/seg6_iptunnel.h>
#include <linux/seg6_local.h>

#include <initializer_list>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::prefix;
using test::reparsed;

// A route as the kernel dumps it: every default resolved.
Route dumped_route(const char* dst) {
  const IpPrefix destination = prefix(dst);
  return Route{.family = static_cast<uint8_t>(destination.address.family()),
               .type = RouteType::unicast,
               .protocol = RTPROT_BOOT,
               .scope = RT_SCOPE_UNIVERSE,
               .dst = destination,
               .table = RT_TABLE_MAIN,
               .oif = 3};
}

Route with_encap(Encap encap, const char* dst = "2001:db8:5::/64") {
  Route route = dumped_route(dst);
  route.extras.edit().encap = std::move(encap);
  return route;
}

// The payload of the attribute at path (types, outermost first) in a route message.
std::vector<std::byte> payload_at(wire::Bytes message, std::initializer_list<uint16_t> path) {
  wire::AttributeRange range = wire::Message(message).attributes(sizeof(rtmsg)).value();
  std::optional<wire::Attribute> found;
  for (const uint16_t type : path) {
    found = range.find(type);
    if (!found) return {};
    range = found->nested();
  }
  return {found->payload().begin(), found->payload().end()};
}

std::vector<std::byte> emitted(const Route& route) {
  wire::MessageBuilder builder;
  ObjectTraits<Route>::emit(route, builder, RTM_NEWROUTE, 0);
  return {builder.bytes().begin(), builder.bytes().end()};
}

TEST(RouteCodec, ordinary_route_from_a_kernel_dump_allocates_no_extras) {
  const Route route = test::parsed_golden<Route>("newroute_table100");
  EXPECT_EQ(route.dst, prefix("198.51.100.0/24"));
  EXPECT_EQ(route.gateway, ip("192.0.2.254"));
  EXPECT_EQ(route.table, 100u);
  EXPECT_FALSE(route.extras.allocated());
}

TEST(RouteCodec, seg6_inline_mode_reserves_the_first_segment_on_the_wire) {
  const Route route = with_encap(Seg6Encap{.mode = Seg6Mode::inline_, .srh = {.segments = {ip("2001:db8::10")}}});
  const std::vector<std::byte> srh = payload_at(emitted(route), {RTA_ENCAP, SEG6_IPTUNNEL_SRH});
  // The mode, then an SRH of two segments: a zero one, then ours.
  ASSERT_EQ(srh.size(), sizeof(int) + sizeof(ipv6_sr_hdr) + 2 * 16);
  EXPECT_EQ(std::to_integer<int>(srh[sizeof(int) + offsetof(ipv6_sr_hdr, first_segment)]), 1);
  EXPECT_EQ(srh[sizeof(int) + sizeof(ipv6_sr_hdr) + 15], std::byte{0});
  EXPECT_EQ(reparsed(route), route);
}

TEST(RouteCodec, seg6_with_an_hmac_tlv_keeps_its_flags_and_tag) {
  SegmentRoutingHeader srh{.segments = {ip("2001:db8::10"), ip("2001:db8::11")}, .flags = SR6_FLAG1_HMAC, .tag = 7};
  srh.tlvs.resize(40, std::byte{0x5});
  const Route route = with_encap(Seg6Encap{.mode = Seg6Mode::l2encap, .srh = srh});
  EXPECT_EQ(reparsed(route), route);
  EXPECT_EQ(to_string(*route.extras->encap), "seg6 mode l2encap segs 2001:db8::10,2001:db8::11 hmac");
}

TEST(RouteCodec, seg6local_behaviours_round_trip_with_their_attributes) {
  for (const Seg6LocalEncap& encap :
       {Seg6LocalEncap{.action = Seg6LocalAction::end_dt4, .vrftable = 100},
        Seg6LocalEncap{.action = Seg6LocalAction::end_x, .nh6 = ip("2001:db8::2"), .counters = Seg6LocalCounters{}},
        Seg6LocalEncap{.action = Seg6LocalAction::end_dx4, .nh4 = ip("192.0.2.2"), .oif = 3},
        Seg6LocalEncap{.action = Seg6LocalAction::end_b6_encap,
        .srh = SegmentRoutingHeader{.segments = {ip("2001:db8::9")}}},
        Seg6LocalEncap{.action = Seg6LocalAction::end_b6, .srh = SegmentRoutingHeader{.segments = {ip("2001:db8::9")}}},
        Seg6LocalEncap{.action = Seg6LocalAction::end_bpf, .bpf = BpfProgram{.fd = 7, .name = "prog"}}}) {
    const Route route = with_encap(encap);
    EXPECT_EQ(reparsed(route), route) << to_string(Encap(encap));
  }
}

TEST(RouteCodec, seg6local_srh_of_end_b6_carries_a_reserved_segment_and_end_b6_encaps_not) {
  const SegmentRoutingHeader srh{.segments = {ip("2001:db8::9")}};
  const auto srh_size = [&](Seg6LocalAction action) {
    return payload_at(emitted(with_encap(Seg6LocalEncap{.action = action, .srh = srh})), {RTA_ENCAP, SEG6_LOCAL_SRH})
        .size();
  };
  EXPECT_EQ(srh_size(Seg6LocalAction::end_b6), sizeof(ipv6_sr_hdr) + 2 * 16);
  EXPECT_EQ(srh_size(Seg6LocalAction::end_b6_encap), sizeof(ipv6_sr_hdr) + 16);
}

TEST(RouteCodec, bpf_encap_sends_fd_and_name_and_reads_the_name_back) {
  const Route route = with_encap(BpfEncap{.in = BpfProgram{.fd = 5, .name = "in_prog"},
                                          .xmit = BpfProgram{.fd = 6, .name = "xmit_prog"},
                                          .headroom = 14},
                                 "10.5.0.0/16");
  EXPECT_EQ(reparsed(route), route);
  EXPECT_EQ(to_string(*route.extras->encap), "bpf in in_prog xmit xmit_prog headroom 14");
}

TEST(RouteCodec, encap_of_a_kind_nlpp_does_not_model_is_kept_as_bytes) {
  // An ILA nest: one 8-byte locator attribute.
  const std::vector<std::byte> payload = {std::byte{12}, std::byte{0}, std::byte{1}, std::byte{0},
                                          std::byte{1},  std::byte{2}, std::byte{3}, std::byte{4},
                                          std::byte{5},  std::byte{6}, std::byte{7}, std::byte{8}};
  const Route route = with_encap(RawEncap{.type = LWTUNNEL_ENCAP_ILA, .payload = payload});
  EXPECT_EQ(reparsed(route), route);
  EXPECT_EQ(encap_type(*route.extras->encap), LWTUNNEL_ENCAP_ILA);
}

TEST(RouteCodec, unknown_attributes_are_kept_and_sent_back) {
  Route route = dumped_route("10.6.0.0/16");
  route.extras.edit().unknown = {
      {.type = RTA_UID, .payload = {std::byte{1}, std::byte{0}, std::byte{0}, std::byte{0}}}};
  const Route again = reparsed(route);
  EXPECT_EQ(again, route);
  EXPECT_EQ(payload_at(emitted(again), {RTA_UID}).size(), 4u);
}

TEST(RouteCodec, multipath_hops_keep_realms_flags_and_encap) {
  Route route = dumped_route("10.7.0.0/16");
  route.extras.edit().multipath = {
      {.gateway = ip("192.0.2.2"), .ifindex = 3, .flags = RTNH_F_ONLINK, .weight = 256, .flow = 0x10002},
      {.gateway = ip("2001:db8::2"), .ifindex = 4, .encap = MplsEncap{.labels = {16, 17}}}};
  EXPECT_EQ(reparsed(route), route);
}

TEST(RouteCodec, kernel_state_flags_are_not_sent_back) {
  Route route = dumped_route("10.8.0.0/16");
  route.flags = RTNH_F_LINKDOWN | RTNH_F_ONLINK;
  route.extras.edit().multipath = {{.gateway = ip("192.0.2.2"), .ifindex = 3, .flags = RTNH_F_DEAD | RTNH_F_ONLINK}};
  const Route sent = reparsed(route);
  EXPECT_EQ(sent.flags, uint32_t{RTNH_F_ONLINK});
  EXPECT_EQ(sent.extras->multipath[0].flags, RTNH_F_ONLINK);
}

TEST(RouteCodec, a_route_of_no_family_and_no_gateway_sends_no_gateway) {
  // An empty gateway's family (AF_UNSPEC) is the route's: an empty
  // RTA_GATEWAY was sent, which nlpp itself refused to read back.
  const Route route{.table = RT_TABLE_MAIN};
  EXPECT_FALSE(wire::Message(emitted(route)).attributes(sizeof(rtmsg)).value().find(RTA_GATEWAY));
  EXPECT_TRUE(reparsed(route).gateway.empty());
}

TEST(RouteCodec, an_mpls_encap_read_without_labels_sends_none_and_reads_back_the_same) {
  const Route route = with_encap(MplsEncap{.ttl = 3}, "10.30.0.0/16");
  EXPECT_EQ(reparsed(route), route);
}

TEST(RouteCodec, a_seg6_encap_read_without_its_srh_sends_none_and_reads_back_the_same) {
  const Route route = with_encap(Seg6Encap{.unknown = {{.type = 9, .payload = {std::byte{1}, {}, {}, {}}}}});
  EXPECT_EQ(reparsed(route), route);
}

TEST(RouteCodec, malformed_attribute_is_an_error_naming_the_route) {
  std::vector<std::byte> bytes = test::golden_bytes("newroute_table100");
  // Shrink the last attribute (RTA_OIF) to 2 bytes: a u32 that is not one.
  bytes.resize(bytes.size() - 2);
  bytes[bytes.size() - 6] = std::byte{6};
  const uint32_t length = static_cast<uint32_t>(bytes.size());
  std::memcpy(bytes.data(), &length, sizeof length);
  const Result<Route> route = ObjectTraits<Route>::parse(wire::Message(bytes));
  ASSERT_FALSE(route);
  EXPECT_EQ(route.error().code(), make_error_code(errc::malformed_attribute));
  EXPECT_EQ(route.error().context(), "route: attribute type 4 with a payload of 2 bytes");
}

TEST(RouteCodec, bytes_that_are_not_a_whole_attribute_are_an_error) {
  std::vector<std::byte> bytes = test::golden_bytes("newroute_table100");
  bytes.insert(bytes.end(), {std::byte{40}, std::byte{0}, std::byte{1}, std::byte{0}});  // claims 40 bytes
  const uint32_t length = static_cast<uint32_t>(bytes.size());
  std::memcpy(bytes.data(), &length, sizeof length);
  const Result<Route> route = ObjectTraits<Route>::parse(wire::Message(bytes));
  ASSERT_FALSE(route);
  EXPECT_EQ(route.error().code(), make_error_code(errc::malformed_attribute));
}

TEST(RouteCodec, multicast_routing_routes_have_ip_addresses) {
  Route route = dumped_route("239.1.0.0/16");
  route.family = RTNL_FAMILY_IPMR;
  route.extras.edit().iif = 3;
  EXPECT_EQ(reparsed(route), route);
}

TEST(RouteKey, resolves_defaults_as_the_kernel_does) {
  const Route by_hand{.dst = prefix("2001:db8::/64"), .oif = 3};
  const Route from_kernel{.family = AF_INET6, .dst = prefix("2001:db8::/64"), .table = RT_TABLE_MAIN, .priority = 1024};
  EXPECT_EQ(ObjectTraits<Route>::key(by_hand), ObjectTraits<Route>::key(from_kernel));
  const Route local{.type = RouteType::local, .dst = prefix("192.0.2.1/32")};
  EXPECT_EQ(ObjectTraits<Route>::key(local).table, uint32_t{RT_TABLE_LOCAL});
}

TEST(RouteKey, a_zero_length_prefix_is_the_default_route_whatever_its_address) {
  const Route spelled_out{.dst = prefix("0.0.0.0/0"), .gateway = ip("192.0.2.1")};
  const Route left_out{.family = AF_INET, .gateway = ip("192.0.2.1")};
  EXPECT_EQ(ObjectTraits<Route>::key(spelled_out), ObjectTraits<Route>::key(left_out));
}

TEST(RouteKey, tells_apart_tos_priority_table_and_mpls_labels) {
  const Route base{.dst = prefix("10.0.0.0/8")};
  for (Route other : {Route{.tos = 4, .dst = prefix("10.0.0.0/8")}, Route{.dst = prefix("10.0.0.0/8"), .priority = 5},
                      Route{.dst = prefix("10.0.0.0/8"), .table = 100}})
    EXPECT_NE(ObjectTraits<Route>::key(base), ObjectTraits<Route>::key(other));
  Route mpls{.family = AF_MPLS};
  mpls.extras.edit().label = 100;
  Route other_label = mpls;
  other_label.extras.edit().label = 101;
  EXPECT_NE(ObjectTraits<Route>::key(mpls), ObjectTraits<Route>::key(other_label));
}

TEST(RouteDiff, names_each_field_that_differs_with_both_values) {
  Route before = dumped_route("10.9.0.0/16");
  Route after = before;
  after.gateway = ip("192.0.2.9");
  after.extras.edit().metrics.mtu = 1400;
  const std::vector<FieldChange> changes = ObjectTraits<Route>::diff(before, after);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0], (FieldChange{"gateway", "", "192.0.2.9"}));
  EXPECT_EQ(changes[1], (FieldChange{"metrics.mtu", "", "1400"}));
}

TEST(RouteFilter, ipv4_dump_asks_the_kernel_for_table_type_protocol_and_oif) {
  wire::MessageBuilder builder;
  ObjectTraits<Route>::emit_dump_request(
      {.family = AF_INET, .table = 1000, .protocol = RTPROT_STATIC, .type = RouteType::blackhole, .oif = 3}, builder);
  const wire::Message request(builder.bytes());
  const rtmsg header = request.fixed_header<rtmsg>().value();
  EXPECT_EQ(header.rtm_family, AF_INET);
  EXPECT_EQ(header.rtm_protocol, RTPROT_STATIC);
  EXPECT_EQ(header.rtm_type, RTN_BLACKHOLE);
  EXPECT_EQ(header.rtm_table, 0);  // RTA_TABLE carries it
  EXPECT_EQ(payload_at(builder.bytes(), {RTA_TABLE}).size(), 4u);
  EXPECT_EQ(payload_at(builder.bytes(), {RTA_OIF}).size(), 4u);
}

TEST(RouteFilter, all_family_dump_leaves_table_and_type_to_nlpp) {
  wire::MessageBuilder builder;
  ObjectTraits<Route>::emit_dump_request({.table = 1000, .type = RouteType::blackhole}, builder);
  EXPECT_EQ(wire::Message(builder.bytes()).fixed_header<rtmsg>().value().rtm_type, 0);
  EXPECT_TRUE(payload_at(builder.bytes(), {RTA_TABLE}).empty());
  Route route = dumped_route("10.10.0.0/16");
  EXPECT_FALSE(ObjectTraits<Route>::matches({.table = 1000}, route));
  route.table = 1000;
  EXPECT_TRUE(ObjectTraits<Route>::matches({.table = 1000}, route));
  EXPECT_FALSE(ObjectTraits<Route>::matches({.table = 1000, .type = RouteType::blackhole}, route));
}

TEST(RouteFilter, oif_and_gateway_match_any_path_of_a_multipath_route) {
  Route route = dumped_route("10.11.0.0/16");
  route.oif = 0;
  route.extras.edit().multipath = {{.gateway = ip("192.0.2.2"), .ifindex = 3},
                                   {.gateway = ip("192.0.2.3"), .ifindex = 4}};
  EXPECT_TRUE(ObjectTraits<Route>::matches({.oif = 4}, route));
  EXPECT_FALSE(ObjectTraits<Route>::matches({.oif = 5}, route));
  EXPECT_TRUE(ObjectTraits<Route>::matches({.gateway = ip("192.0.2.3")}, route));
  EXPECT_FALSE(ObjectTraits<Route>::matches({.cloned = true}, route));
}

}  // namespace
}  // namespace nlpp::rtnl
