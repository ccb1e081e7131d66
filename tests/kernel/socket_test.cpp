#include <nlpp/io/socket.hpp>

#include <gtest/gtest.h>

#include <linux/netlink.h>

namespace nlpp::io {
namespace {

TEST(Socket, opens_with_extended_ack_capped_ack_and_strict_checking) {
  auto socket = Socket::open(NETLINK_ROUTE);
  ASSERT_TRUE(socket) << socket.error().describe();
  EXPECT_GE(socket->fileno(), 0);
  EXPECT_NE(socket->port_id(), 0u);
  EXPECT_TRUE(socket->features().extended_ack);
  EXPECT_TRUE(socket->features().capped_ack);
  EXPECT_TRUE(socket->features().strict_checking);
}

}  // namespace
}  // namespace nlpp::io
