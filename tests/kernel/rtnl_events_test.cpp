// rtnl::EventStream against the real kernel, each test in a fresh namespace
// with a veth pair (RoutingTest): links, addresses, routes, neighbours,
// rules and nexthops created, changed and deleted through nlpp must arrive
// as the right typed events with the values that were set (and that `ip -j`
// reports); a receive buffer too small for a burst of route adds must give
// an Overrun event, after which the stream keeps delivering.
#include <nlpp/rtnl/events.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/link/veth.hpp>

#include "kernel/route_fixture.hpp"
#include "support/iproute2.hpp"

#include <gtest/gtest.h>

#include <linux/rtnetlink.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

namespace nlpp::rtnl {
namespace {

using namespace std::chrono_literals;
using test::ip;
using test::prefix;

class Events : public test::RoutingTest {
 protected:
  EventStream open(EventGroups groups, int receive_buffer = 0) {
    Result<EventStream> stream = EventStream::open(groups, {.netns = ns_ref(), .receive_buffer = receive_buffer});
    EXPECT_TRUE(stream) << stream.error().describe();
    return std::move(stream).value();
  }

  template <RtnlObject T>
  void add(const T& object) {
    Result<io::Ack> added = ip_route().add(object);
    ASSERT_TRUE(added) << added.error().describe();
  }
  template <RtnlObject T>
  void replace(const T& object) {
    Result<io::Ack> replaced = ip_route().replace(object);
    ASSERT_TRUE(replaced) << replaced.error().describe();
  }
  template <RtnlObject T>
  void del(const T& object) {
    Result<io::Ack> deleted = ip_route().del(object);
    ASSERT_TRUE(deleted) << deleted.error().describe();
  }
};

// The first event of type E that wanted accepts, skipping the others (a
// change also brings events about what it touched: local routes of an
// address, link state...). An empty E when none came within 5 s.
template <class E>
E expect_event(EventStream& stream, const std::function<bool(const E&)>& wanted) {
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (std::chrono::steady_clock::now() < deadline) {
    Result<std::optional<Event>> event = stream.wait(100ms);
    if (!event) {
      ADD_FAILURE() << event.error().describe();
      return E{};
    }
    if (!*event) continue;
    if (const E* typed = std::get_if<E>(&**event); typed && wanted(*typed)) return *typed;
  }
  ADD_FAILURE() << "no such event within 5 s";
  return E{};
}

TEST_F(Events, veth_created_changed_and_deleted_through_nlpp_arrive_as_link_events) {
  EventStream stream = open({EventGroup::links});
  add(Link{.name = "left", .info = LinkInfo{.kind = "veth", .data = link::Veth{.peer = Link{.name = "right"}}}});
  const NewLink created = expect_event<NewLink>(stream, [](const NewLink& e) { return e.object.name == "left"; });
  const uint32_t ifindex = ifindex_of("left");
  EXPECT_EQ(created.object.ifindex, ifindex);
  ASSERT_TRUE(created.object.info.has_value());
  EXPECT_EQ(created.object.info->kind, "veth");
  EXPECT_EQ(created.object.address,
            test::mac(test::ip_json(ns_name(), "link show dev left")[0]["address"].get<std::string>()));

  ASSERT_TRUE(ip_route().set(Link{.ifindex = ifindex, .mtu = 1400}));
  const NewLink changed = expect_event<NewLink>(
      stream, [&](const NewLink& e) { return e.object.ifindex == ifindex && e.object.mtu == 1400u; });
  EXPECT_EQ(changed.object.name, "left");

  del(Link{.ifindex = ifindex});
  const DelLink deleted = expect_event<DelLink>(stream, [&](const DelLink& e) { return e.object.ifindex == ifindex; });
  EXPECT_EQ(deleted.object.name, "left");
  EXPECT_EQ(stream.stats().overruns, 0u);
}

TEST_F(Events, ipv4_and_ipv6_addresses_added_and_deleted_arrive_as_address_events) {
  EventStream stream = open(address_events);
  const Address v4{.ifindex = veth0_, .local = ip("192.0.2.5"), .prefix_length = 24};
  const Address v6{.ifindex = veth0_, .local = ip("2001:db8::5"), .prefix_length = 64, .flags = {AddressFlag::nodad}};
  add(v4);
  add(v6);
  const NewAddress added4 =
      expect_event<NewAddress>(stream, [&](const NewAddress& e) { return e.object.local == v4.local; });
  EXPECT_EQ(added4.object.ifindex, veth0_);
  EXPECT_EQ(added4.object.prefix_length, 24);
  EXPECT_EQ(added4.object.label, "veth0");
  const NewAddress added6 =
      expect_event<NewAddress>(stream, [&](const NewAddress& e) { return e.object.local == v6.local; });
  EXPECT_EQ(added6.object.prefix_length, 64);
  EXPECT_TRUE(added6.object.flags.contains(AddressFlag::nodad));

  del(v4);
  const DelAddress deleted =
      expect_event<DelAddress>(stream, [&](const DelAddress& e) { return e.object.local == v4.local; });
  EXPECT_EQ(deleted.object.ifindex, veth0_);
  EXPECT_EQ(deleted.object.prefix_length, 24);
}

TEST_F(Events, route_add_replace_and_del_arrive_with_the_replace_flag_for_ipv4_and_ipv6) {
  EventStream stream = open(route_events);
  for (const auto& [dst, first, second] : {std::tuple{"198.51.100.0/24", "192.0.2.254", "192.0.2.253"},
                                           std::tuple{"2001:db8:1::/64", "2001:db8::2", "2001:db8::3"}}) {
    SCOPED_TRACE(dst);
    const auto is_ours = [&](const Route& route) { return route.dst == prefix(dst) && route.table == 100; };
    add(Route{.dst = prefix(dst), .gateway = ip(first), .table = 100, .oif = veth0_});
    const NewRoute added = expect_event<NewRoute>(stream, [&](const NewRoute& e) { return is_ours(e.object); });
    EXPECT_EQ(added.object.gateway, ip(first));
    EXPECT_EQ(added.object.oif, veth0_);
    EXPECT_FALSE(added.replaced());

    replace(Route{.dst = prefix(dst), .gateway = ip(second), .table = 100, .oif = veth0_});
    const NewRoute replaced = expect_event<NewRoute>(stream, [&](const NewRoute& e) { return is_ours(e.object); });
    EXPECT_EQ(replaced.object.gateway, ip(second));
    EXPECT_TRUE(replaced.replaced());

    del(Route{.dst = prefix(dst), .table = 100});
    const DelRoute deleted = expect_event<DelRoute>(stream, [&](const DelRoute& e) { return is_ours(e.object); });
    EXPECT_EQ(deleted.object.gateway, ip(second));
  }
  EXPECT_TRUE(test::ip_json(ns_name(), "route show table 100").empty());
}

TEST_F(Events, neighbour_added_and_deleted_arrive_as_neighbour_events) {
  EventStream stream = open({EventGroup::neighbours});
  const Neighbour neighbour{.ifindex = veth0_,
                            .dst = ip("192.0.2.2"),
                            .lladdr = test::mac("02:00:00:00:00:aa"),
                            .state = {NeighbourState::permanent}};
  add(neighbour);
  const NewNeighbour added =
      expect_event<NewNeighbour>(stream, [&](const NewNeighbour& e) { return e.object.dst == neighbour.dst; });
  EXPECT_EQ(added.object.ifindex, veth0_);
  EXPECT_EQ(added.object.lladdr, neighbour.lladdr);
  EXPECT_TRUE(added.object.state.contains(NeighbourState::permanent));
  del(neighbour);
  const DelNeighbour deleted =
      expect_event<DelNeighbour>(stream, [&](const DelNeighbour& e) { return e.object.dst == neighbour.dst; });
  EXPECT_EQ(deleted.object.ifindex, veth0_);
  // The kernel reports a deleted permanent entry without its lladdr.
  EXPECT_FALSE(deleted.object.lladdr.has_value());
}

TEST_F(Events, rule_added_and_deleted_arrive_as_rule_events) {
  EventStream stream = open(rule_events);
  const Rule rule{.table = 100, .priority = 100, .src = prefix("10.0.0.0/8")};
  add(rule);
  const NewRule added = expect_event<NewRule>(stream, [](const NewRule& e) { return e.object.priority == 100u; });
  EXPECT_EQ(added.object.family, AF_INET);
  EXPECT_EQ(added.object.table, 100u);
  EXPECT_EQ(added.object.src, prefix("10.0.0.0/8"));
  EXPECT_EQ(added.object.action, RuleAction::to_tbl);
  del(rule);
  const DelRule deleted = expect_event<DelRule>(stream, [](const DelRule& e) { return e.object.priority == 100u; });
  EXPECT_EQ(deleted.object.src, prefix("10.0.0.0/8"));
}

TEST_F(Events, nexthop_added_and_deleted_arrive_as_nexthop_events) {
  EventStream stream = open({EventGroup::nexthops});
  add(Nexthop{.id = 7, .oif = veth0_, .gateway = ip("192.0.2.2")});
  const NewNexthop added = expect_event<NewNexthop>(stream, [](const NewNexthop& e) { return e.object.id == 7u; });
  EXPECT_EQ(added.object.gateway, ip("192.0.2.2"));
  EXPECT_EQ(added.object.oif, veth0_);
  del(Nexthop{.id = 7});
  const DelNexthop deleted = expect_event<DelNexthop>(stream, [](const DelNexthop& e) { return e.object.id == 7u; });
  EXPECT_EQ(deleted.object.gateway, ip("192.0.2.2"));
}

TEST_F(Events, only_the_groups_joined_are_delivered) {
  EventStream stream = open({EventGroup::nexthops});
  ip_commands({"route add 198.51.100.0/24 via 192.0.2.254", "nexthop add id 3 blackhole"});
  const Event first = stream.wait(5s).value().value();
  ASSERT_TRUE(std::holds_alternative<NewNexthop>(first)) << "event " << first.index();
  EXPECT_EQ(std::get<NewNexthop>(first).object.id, 3u);
}

TEST_F(Events, fileno_polls_readable_after_a_change_and_drain_takes_what_is_ready) {
  EventStream stream = open({EventGroup::ipv4_routes});
  EXPECT_FALSE(stream.try_next().value().has_value());
  ip_commands({"route add 198.51.100.0/24 via 192.0.2.254 table 100", "route del 198.51.100.0/24 table 100"});
  pollfd descriptor{.fd = stream.fileno(), .events = POLLIN, .revents = 0};
  ASSERT_EQ(::poll(&descriptor, 1, 5000), 1);
  std::vector<Event> events;
  const Result<size_t> drained = stream.drain([&](Event&& event) { events.push_back(std::move(event)); });
  ASSERT_TRUE(drained) << drained.error().describe();
  ASSERT_EQ(*drained, 2u);
  EXPECT_TRUE(std::holds_alternative<NewRoute>(events[0]));
  EXPECT_TRUE(std::holds_alternative<DelRoute>(events[1]));
  EXPECT_FALSE(stream.try_next().value().has_value());
}

TEST_F(Events, a_stream_opened_with_no_receive_buffer_set_takes_32_mib) {
  const EventStream stream = open({EventGroup::ipv4_routes});
  int size = 0;
  socklen_t length = sizeof(size);
  ASSERT_EQ(getsockopt(stream.fileno(), SOL_SOCKET, SO_RCVBUF, &size, &length), 0);
  EXPECT_GE(size, 32 * 1024 * 1024);  // the kernel reports twice what was set (bookkeeping)
}

TEST_F(Events, burst_larger_than_the_receive_buffer_is_an_overrun_and_the_stream_goes_on) {
  // The smallest buffer the kernel grants (it doubles the request and
  // keeps at least SOCK_MIN_RCVBUF) holds a handful of notifications.
  EventStream stream = open({EventGroup::ipv4_routes}, 1024);
  wire::MessageBuilder burst;
  constexpr int burst_size = 2000;
  for (int i = 0; i < burst_size; ++i) {
    const std::string dst = "10." + std::to_string(i / 256) + "." + std::to_string(i % 256) + ".0/24";
    ObjectTraits<Route>::emit(Route{.dst = prefix(dst), .gateway = ip("192.0.2.254"), .table = 100, .oif = veth0_},
                              burst, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
  }
  const Result<io::BatchResult> sent = ip_route().engine().send_batch(burst);
  ASSERT_TRUE(sent) << sent.error().describe();
  ASSERT_TRUE(sent->all_succeeded());

  size_t routes_before = 0;
  bool overrun = false;
  while (!overrun) {
    const Result<std::optional<Event>> event = stream.wait(1s);
    ASSERT_TRUE(event) << event.error().describe();
    ASSERT_TRUE(event->has_value()) << "the burst ended without an overrun after " << routes_before << " routes";
    if (const Overrun* dropped = std::get_if<Overrun>(&**event)) {
      EXPECT_EQ(dropped->cause, std::error_code(ENOBUFS, std::system_category()));
      overrun = true;
    } else {
      ASSERT_TRUE(std::holds_alternative<NewRoute>(**event)) << "event " << event->value().index();
      ++routes_before;
    }
  }
  EXPECT_LT(routes_before, size_t{burst_size});

  // The kernel drops every notification for the socket until its queue is
  // empty again: take what is still queued, then make a new change.
  size_t routes_after = 0;
  const Result<size_t> drained = stream.drain([&](Event&& event) {
    EXPECT_TRUE(std::holds_alternative<NewRoute>(event)) << "event " << event.index();
    ++routes_after;
  });
  ASSERT_TRUE(drained) << drained.error().describe();
  EXPECT_LT(routes_before + routes_after, size_t{burst_size});
  EXPECT_EQ(stream.stats().overruns, 1u);
  add(Route{.dst = prefix("203.0.113.0/24"), .gateway = ip("192.0.2.254"), .oif = veth0_});
  const NewRoute after =
      expect_event<NewRoute>(stream, [](const NewRoute& e) { return e.object.dst == test::prefix("203.0.113.0/24"); });
  EXPECT_EQ(after.object.gateway, ip("192.0.2.254"));
  EXPECT_EQ(stream.stats().overruns, 1u);
  EXPECT_EQ(test::ip_json(ns_name(), "route show table 100").size(), size_t{burst_size});
}

}  // namespace
}  // namespace nlpp::rtnl
