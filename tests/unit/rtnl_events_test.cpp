// rtnl::EventStream against the fake kernel: notifications the real kernel
// multicast (tests/data/golden/event_*.hex, capture_events.py) decoded to
// typed events, overruns, messages nlpp does not parse, foreign and
// malformed datagrams.
#include <nlpp/nltest/fake_kernel.hpp>
#include <nlpp/rtnl/events.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>
#include <linux/rtnetlink.h>

#include <cerrno>
#include <memory>

namespace nlpp::test {
namespace {

using nltest::datagram;
using nltest::FakeDatagram;
using nltest::FakeKernel;
using rtnl::Event;
using rtnl::EventStream;

// A stream on a fake kernel that hands out these datagrams, in order. The
// fake queues what its script answers when something is sent, so one
// NLMSG_NOOP is sent to start it.
EventStream stream_of(std::vector<FakeDatagram> datagrams) {
  auto kernel = std::make_unique<FakeKernel>([datagrams](const wire::MessageRange&) { return datagrams; });
  wire::MessageBuilder start;
  start.begin_message(NLMSG_NOOP, 0);
  EXPECT_TRUE(kernel->send(start.bytes()).has_value());
  return EventStream(std::move(kernel));
}

Event next_of(EventStream& stream) { return stream.next().value(); }

// The one event a golden notification decodes to.
Event event_of(const std::string& golden) {
  EventStream stream = stream_of({golden_bytes(golden)});
  return next_of(stream);
}

template <class E>
E as(const Event& event) {
  const E* typed = std::get_if<E>(&event);
  if (!typed) throw std::runtime_error("event holds alternative " + std::to_string(event.index()));
  return *typed;
}

TEST(RtnlEvents, new_link_notification_is_a_new_link_with_the_links_values) {
  const auto event = as<rtnl::NewLink>(event_of("event_newlink_veth0"));
  EXPECT_EQ(event.object.name, "veth0");
  EXPECT_EQ(event.object.address, mac("02:00:00:00:00:01"));
  ASSERT_TRUE(event.object.info.has_value());
  EXPECT_EQ(event.object.info->kind, "veth");
  EXPECT_FALSE(event.replaced());
}

TEST(RtnlEvents, del_link_notification_is_a_del_link) {
  const auto event = as<rtnl::DelLink>(event_of("event_dellink_veth0"));
  EXPECT_EQ(event.object.name, "veth0");
  EXPECT_NE(event.object.ifindex, 0u);
}

TEST(RtnlEvents, address_notifications_are_new_and_del_address) {
  const auto added = as<rtnl::NewAddress>(event_of("event_newaddr_ipv4"));
  EXPECT_EQ(added.object.local, ip("192.0.2.1"));
  EXPECT_EQ(added.object.prefix_length, 24);
  const auto removed = as<rtnl::DelAddress>(event_of("event_deladdr_ipv4"));
  EXPECT_EQ(removed.object, added.object);
}

TEST(RtnlEvents, route_add_replace_and_del_keep_the_kernels_flags) {
  const auto added = as<rtnl::NewRoute>(event_of("event_newroute"));
  EXPECT_EQ(added.object.dst, prefix("198.51.100.0/24"));
  EXPECT_EQ(added.object.gateway, ip("192.0.2.254"));
  EXPECT_EQ(added.object.table, 100u);
  EXPECT_EQ(added.nlmsg_flags, NLM_F_CREATE | NLM_F_EXCL);
  EXPECT_FALSE(added.replaced());

  const auto replaced = as<rtnl::NewRoute>(event_of("event_newroute_replace"));
  EXPECT_EQ(replaced.object.gateway, ip("192.0.2.253"));
  EXPECT_TRUE(replaced.replaced());
  EXPECT_FALSE(replaced.appended());

  const auto removed = as<rtnl::DelRoute>(event_of("event_delroute"));
  EXPECT_EQ(removed.object.dst, added.object.dst);
  EXPECT_EQ(removed.object.gateway, ip("192.0.2.253"));
}

TEST(RtnlEvents, neighbour_notifications_are_neighbours_and_bridge_ones_fdb_entries) {
  const auto added = as<rtnl::NewNeighbour>(event_of("event_newneigh"));
  EXPECT_EQ(added.object.dst, ip("192.0.2.2"));
  EXPECT_EQ(added.object.lladdr, mac("02:00:00:00:00:aa"));
  EXPECT_TRUE(added.object.state.contains(rtnl::NeighbourState::permanent));
  const auto removed = as<rtnl::DelNeighbour>(event_of("event_delneigh"));
  EXPECT_EQ(removed.object.dst, ip("192.0.2.2"));

  const auto fdb = as<rtnl::NewFdbEntry>(event_of("event_newneigh_fdb"));
  EXPECT_EQ(fdb.object.lladdr, mac("02:00:00:00:00:dd"));
  EXPECT_EQ(fdb.object.state, rtnl::fdb_static);
}

TEST(RtnlEvents, rule_and_nexthop_notifications_are_typed) {
  const auto rule = as<rtnl::NewRule>(event_of("event_newrule"));
  EXPECT_EQ(rule.object.priority, 100u);
  EXPECT_EQ(rule.object.table, 100u);
  EXPECT_EQ(rule.object.src, prefix("10.0.0.0/8"));

  const auto nexthop = as<rtnl::NewNexthop>(event_of("event_newnexthop"));
  EXPECT_EQ(nexthop.object.id, 1u);
  EXPECT_EQ(nexthop.object.gateway, ip("192.0.2.2"));
  EXPECT_EQ(as<rtnl::DelNexthop>(event_of("event_delnexthop")).object.id, 1u);
}

TEST(RtnlEvents, bridge_port_link_notification_is_the_ports_vlans_and_not_a_link_event) {
  // veth1 (2) joined br0 (4) on a kernel without vlan filtering: no vids.
  const auto event = as<rtnl::NewBridgeVlan>(event_of("event_newlink_bridge_port"));
  EXPECT_EQ(uint32_t{event.object.ifindex}, 2u);
  EXPECT_EQ(event.object.master, 4u);
  EXPECT_TRUE(event.object.vlans.empty());
}

TEST(RtnlEvents, a_port_leaving_its_bridge_is_a_vlan_deletion_and_not_a_link_deletion) {
  // `ip link set veth1 nomaster`.
  EXPECT_EQ(uint32_t{as<rtnl::DelBridgeVlan>(event_of("event_dellink_bridge_port")).object.ifindex}, 2u);
}

TEST(RtnlEvents, message_that_fails_to_parse_is_unknown_with_the_error_and_the_stream_goes_on) {
  // An RTM_NEWADDR cut inside its struct ifaddrmsg.
  wire::MessageBuilder cut;
  cut.begin_message(RTM_NEWADDR, 0).append_header(uint32_t{AF_INET});
  EventStream stream = stream_of(
      {datagram({std::vector<std::byte>(cut.bytes().begin(), cut.bytes().end()), golden_bytes("event_newrule")})});
  const auto unknown = as<rtnl::UnknownEvent>(next_of(stream));
  EXPECT_EQ(unknown.nlmsg_type, RTM_NEWADDR);
  EXPECT_TRUE(unknown.error.code());
  EXPECT_EQ(as<rtnl::NewRule>(next_of(stream)).object.priority, 100u);
  EXPECT_EQ(stream.stats().unknown, 1u);
  EXPECT_EQ(stream.stats().events, 2u);
}

TEST(RtnlEvents, message_type_nlpp_does_not_model_is_unknown_without_error) {
  wire::MessageBuilder netconf;
  netconf.begin_message(RTM_NEWNETCONF, 0).append_header(uint32_t{AF_INET});
  EventStream stream = stream_of({std::vector<std::byte>(netconf.bytes().begin(), netconf.bytes().end())});
  const auto unknown = as<rtnl::UnknownEvent>(next_of(stream));
  EXPECT_EQ(unknown.nlmsg_type, RTM_NEWNETCONF);
  EXPECT_FALSE(unknown.error.code());
}

TEST(RtnlEvents, enobufs_is_an_overrun_event_and_the_stream_keeps_delivering) {
  EventStream stream = stream_of({FakeDatagram::failure(ENOBUFS), golden_bytes("event_newaddr_ipv4")});
  const auto overrun = as<rtnl::Overrun>(next_of(stream));
  EXPECT_EQ(overrun.cause, std::error_code(ENOBUFS, std::system_category()));
  EXPECT_EQ(as<rtnl::NewAddress>(next_of(stream)).object.local, ip("192.0.2.1"));
  EXPECT_EQ(stream.stats().overruns, 1u);
}

TEST(RtnlEvents, a_datagram_too_large_for_the_buffer_is_an_overrun) {
  EventStream stream = stream_of({std::vector<std::byte>(128 * 1024)});
  EXPECT_EQ(as<rtnl::Overrun>(next_of(stream)).cause, make_error_code(errc::truncated_message));
}

TEST(RtnlEvents, other_socket_errors_are_errors) {
  EventStream stream = stream_of({FakeDatagram::failure(EBADF)});
  const Result<Event> event = stream.next();
  ASSERT_FALSE(event.has_value());
  EXPECT_EQ(event.error().code(), std::error_code(EBADF, std::system_category()));
}

TEST(RtnlEvents, several_notifications_in_one_datagram_come_out_in_order_and_noop_is_skipped) {
  wire::MessageBuilder noop;
  noop.begin_message(NLMSG_NOOP, 0);
  EventStream stream = stream_of(
      {datagram({golden_bytes("event_newlink_veth0"), std::vector<std::byte>(noop.bytes().begin(), noop.bytes().end()),
                 golden_bytes("event_newroute"), golden_bytes("event_delnexthop")})});
  EXPECT_TRUE(std::holds_alternative<rtnl::NewLink>(next_of(stream)));
  // A moved stream keeps the rest of the datagram it was decoding.
  EventStream moved = std::move(stream);
  EXPECT_TRUE(std::holds_alternative<rtnl::NewRoute>(next_of(moved)));
  EXPECT_TRUE(std::holds_alternative<rtnl::DelNexthop>(next_of(moved)));
  EXPECT_EQ(moved.stats().datagrams, 1u);
  EXPECT_EQ(moved.stats().events, 3u);
}

TEST(RtnlEvents, datagrams_not_from_the_kernel_are_dropped_and_counted) {
  EventStream stream = stream_of({FakeDatagram(golden_bytes("event_newrule"), 777), golden_bytes("event_newnexthop")});
  EXPECT_TRUE(std::holds_alternative<rtnl::NewNexthop>(next_of(stream)));
  EXPECT_EQ(stream.stats().foreign_datagrams, 1u);
}

TEST(RtnlEvents, malformed_datagram_is_one_unknown_event_with_the_validation_error) {
  std::vector<std::byte> bytes = golden_bytes("event_newrule");
  bytes[0] = std::byte{0xff};  // nlmsg_len past the end of the datagram
  EventStream stream = stream_of({bytes, golden_bytes("event_newnexthop")});
  const auto unknown = as<rtnl::UnknownEvent>(next_of(stream));
  EXPECT_EQ(unknown.nlmsg_type, 0);
  EXPECT_EQ(unknown.message, bytes);
  EXPECT_TRUE(unknown.error.code());
  EXPECT_TRUE(std::holds_alternative<rtnl::NewNexthop>(next_of(stream)));
}

TEST(RtnlEvents, drain_hands_out_every_ready_event_and_stops_at_eagain) {
  EventStream stream = stream_of({datagram({golden_bytes("event_newroute"), golden_bytes("event_delroute")}),
                                  FakeDatagram::failure(ENOBUFS), FakeDatagram::failure(EAGAIN)});
  std::vector<size_t> kinds;
  const Result<size_t> drained = stream.drain([&](Event&& event) { kinds.push_back(event.index()); });
  ASSERT_TRUE(drained.has_value()) << drained.error().describe();
  EXPECT_EQ(*drained, 3u);
  const std::vector<size_t> expected{Event(rtnl::NewRoute{}).index(), Event(rtnl::DelRoute{}).index(),
                                     Event(rtnl::Overrun{}).index()};
  EXPECT_EQ(kinds, expected);
}

TEST(RtnlEvents, groups_map_to_their_rtnlgrp_numbers) {
  EXPECT_EQ(rtnl::multicast_groups({rtnl::EventGroup::links, rtnl::EventGroup::nexthops}),
            (std::vector<uint32_t>{RTNLGRP_LINK, RTNLGRP_NEXTHOP}));
  EXPECT_EQ(rtnl::multicast_groups(rtnl::route_events),
            (std::vector<uint32_t>{RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE, RTNLGRP_MPLS_ROUTE}));
  EXPECT_EQ(rtnl::multicast_groups({rtnl::EventGroup::tc}), (std::vector<uint32_t>{RTNLGRP_TC}));
  EXPECT_EQ(rtnl::multicast_groups(rtnl::all_events).size(), 11u);
  EXPECT_EQ(rtnl::rule_events.to_string(), "ipv4_rules ipv6_rules");
}

TEST(RtnlEvents, opening_with_no_groups_is_invalid_argument_naming_the_groups) {
  const Result<EventStream> stream = EventStream::open({});
  ASSERT_FALSE(stream.has_value());
  EXPECT_EQ(stream.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_NE(stream.error().context().find("event groups"), std::string::npos);
}

}  // namespace
}  // namespace nlpp::test
