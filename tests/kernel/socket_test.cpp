#include <nlpp/io/socket.hpp>
#include <nlpp/io/subscription.hpp>

#include "support/iproute2.hpp"
#include "support/netns_fixture.hpp"

#include <gtest/gtest.h>

#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <fcntl.h>

#include <cerrno>

namespace nlpp::io {
namespace {

using SocketTest = test::NetnsTest;

TEST_F(SocketTest, opens_with_extended_ack_capped_ack_and_strict_checking) {
  Result<Socket> socket = Socket::open(NETLINK_ROUTE, {.netns = ns_ref()});
  ASSERT_TRUE(socket) << socket.error().describe();
  EXPECT_GE(socket->fileno(), 0);
  EXPECT_NE(socket->port_id(), 0u);
  EXPECT_EQ(socket->protocol(), NETLINK_ROUTE);
  EXPECT_TRUE(socket->features().extended_ack);
  EXPECT_TRUE(socket->features().capped_ack);
  EXPECT_TRUE(socket->features().strict_checking);
}

TEST_F(SocketTest, options_that_are_turned_off_stay_off) {
  Result<Socket> socket =
      Socket::open(NETLINK_ROUTE, {.netns = ns_ref(), .extended_ack = false, .capped_ack = false, .strict_checking = false});
  ASSERT_TRUE(socket);
  EXPECT_FALSE(socket->features().extended_ack);
  EXPECT_FALSE(socket->features().capped_ack);
  EXPECT_FALSE(socket->features().strict_checking);
}

TEST_F(SocketTest, is_close_on_exec) {
  Result<Socket> socket = Socket::open(NETLINK_ROUTE, {.netns = ns_ref()});
  ASSERT_TRUE(socket);
  EXPECT_TRUE(::fcntl(socket->fileno(), F_GETFD) & FD_CLOEXEC);
}

TEST_F(SocketTest, an_out_of_range_protocol_is_refused_before_any_syscall) {
  Result<Socket> socket = Socket::open(32, {.netns = ns_ref()});
  ASSERT_FALSE(socket);
  EXPECT_EQ(socket.error().code(), errc::invalid_argument);
}

TEST_F(SocketTest, a_protocol_the_kernel_lacks_fails_with_its_errno) {
  Result<Socket> socket = Socket::open(NETLINK_UNUSED, {.netns = ns_ref()});
  ASSERT_FALSE(socket);
  EXPECT_EQ(socket.error().code().category(), std::system_category());
}

TEST_F(SocketTest, receive_buffer_is_forced_beyond_rmem_max) {
  Result<Socket> socket = Socket::open(NETLINK_ROUTE, {.netns = ns_ref(), .receive_buffer = 8 << 20});
  ASSERT_TRUE(socket);
  Result<int> size = socket->set_receive_buffer(16 << 20);
  ASSERT_TRUE(size);
  EXPECT_EQ(*size, 32 << 20) << "the kernel doubles the value for its bookkeeping";
}

TEST_F(SocketTest, a_non_blocking_socket_reports_eagain_when_nothing_is_pending) {
  Result<Socket> socket = Socket::open(NETLINK_ROUTE, {.netns = ns_ref(), .nonblocking = true});
  ASSERT_TRUE(socket);
  std::vector<std::byte> buffer(4096);
  Result<Datagram> datagram = socket->receive(buffer);
  ASSERT_FALSE(datagram);
  EXPECT_EQ(datagram.error().code(), std::error_code(EAGAIN, std::system_category()));
}

TEST_F(SocketTest, joins_a_multicast_group_above_31_through_membership) {
  const uint32_t groups[] = {RTNLGRP_NEXTHOP};
  static_assert(RTNLGRP_NEXTHOP > 31);
  Result<Subscription> events = Subscription::open(NETLINK_ROUTE, groups, {.netns = ns_ref()});
  ASSERT_TRUE(events) << events.error().describe();
  test::ip_run(ns_name(), "link set lo up");
  test::ip_run(ns_name(), "nexthop add id 7 blackhole");
  int nexthop_events = 0;
  for (;;) {
    Result<Received> received = events->next(std::chrono::milliseconds(0));
    ASSERT_TRUE(received) << received.error().describe();
    const auto* message = std::get_if<wire::Message>(&*received);
    if (message == nullptr) break;
    nexthop_events += message->type() == RTM_NEWNEXTHOP;
  }
  EXPECT_EQ(nexthop_events, 1);
}

TEST_F(SocketTest, leaving_a_group_stops_its_notifications) {
  Result<Socket> socket = Socket::open(NETLINK_ROUTE, {.netns = ns_ref(), .nonblocking = true});
  ASSERT_TRUE(socket);
  ASSERT_TRUE(socket->join_group(RTNLGRP_LINK));
  ASSERT_TRUE(socket->leave_group(RTNLGRP_LINK));
  Subscription events(std::make_unique<Socket>(std::move(*socket)));
  test::ip_run(ns_name(), "link set lo up");
  Result<Received> received = events.next(std::chrono::milliseconds(0));
  ASSERT_TRUE(received) << received.error().describe();
  EXPECT_TRUE(std::holds_alternative<std::monostate>(*received));
}

}  // namespace
}  // namespace nlpp::io
