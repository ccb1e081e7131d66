// rtnl::ChangeBatch against the kernel, in a fresh namespace with a veth
// pair: 3,000 routes (three sendmsg chunks) with one the kernel refuses in
// the middle; the refusal comes back by its index with errno and extended
// ACK, every other route is there, read back through nlpp and `ip -j`.
#include <nlpp/rtnl/change_batch.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/route.hpp>

#include "kernel/route_fixture.hpp"
#include "support/iproute2.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <string>

namespace nlpp::rtnl {
namespace {

using test::ip;

class ChangeBatchKernel : public test::RoutingTest {};

// 10.2.0.0/32 + index, through 192.0.2.2 on veth0.
Route route_number(uint32_t index) {
  return Route{.dst = {IpAddress::v4(0x0a020000 + index), 32}, .gateway = ip("192.0.2.2")};
}

TEST_F(ChangeBatchKernel, sends_3000_routes_and_reports_the_one_refused_in_the_middle_by_index) {
  constexpr uint32_t count = 3000, refused = 1500;
  ChangeBatch batch;
  for (uint32_t index = 0; index < count; ++index) {
    Route route = route_number(index);
    if (index == refused) route.gateway = ip("198.51.100.1");  // no link reaches it
    ASSERT_EQ(batch.add(route).value(), index);
  }
  ASSERT_EQ(batch.del(route_number(count - 1)).value(), count);

  const Result<io::BatchResult> sent = ip_route().send(batch);
  ASSERT_TRUE(sent) << sent.error().describe();
  EXPECT_TRUE(batch.empty());
  ASSERT_EQ(sent->size(), count + 1);
  ASSERT_EQ(sent->failed(), 1u);
  EXPECT_EQ(sent->refusals()[0].first, refused);
  const Error& error = sent->refusals()[0].second;
  EXPECT_EQ(error.code(), test::kernel_error(ENETUNREACH));
  EXPECT_NE(error.ext_ack().message, "") << "the kernel says why: " << error.describe();

  // The 2,998 others: all but the refused one and the deleted last one.
  size_t found = 0;
  for (const Route& route : ip_route().dump<Route>(RouteFilter{.family = AF_INET}).value()) {
    if (route.dst.length != 32 || route.gateway.empty()) continue;
    ++found;
    EXPECT_NE(route.dst.address, route_number(refused).dst.address);
    EXPECT_NE(route.dst.address, route_number(count - 1).dst.address);
  }
  EXPECT_EQ(found, count - 2);
  const nlohmann::json shown = test::ip_json(ns_name(), "-4 route show via 192.0.2.2");
  EXPECT_EQ(shown.size(), count - 2);
  EXPECT_EQ(test::ip_json(ns_name(), "-4 route show 10.2.5.220/32").size(), 0u) << "10.2.0.0 + 1500";
  EXPECT_EQ(test::ip_json(ns_name(), "-4 route show 10.2.5.219/32").size(), 1u);
}

// A link whose add is one request (a plan of one step) goes in a batch; one
// that needs more (altnames: RTM_NEWLINKPROP after it exists) is refused
// when queued, before anything is sent.
TEST_F(ChangeBatchKernel, carries_a_link_add_of_one_request_and_refuses_one_of_more) {
  ChangeBatch batch;
  ASSERT_EQ(batch.add(Link{.name = "batched0", .info = LinkInfo{.kind = "veth"}}).value(), 0u);
  const Result<size_t> with_altnames =
      batch.add(Link{.name = "batched1", .altnames = {"batched-alternative"}, .info = LinkInfo{.kind = "veth"}});
  ASSERT_FALSE(with_altnames);
  EXPECT_EQ(with_altnames.error().code(), make_error_code(errc::invalid_argument));

  const Result<io::BatchResult> sent = ip_route().send(batch);
  ASSERT_TRUE(sent) << sent.error().describe();
  ASSERT_EQ(sent->size(), 1u);
  EXPECT_EQ(sent->failed(), 0u);
  const Result<Link> made = ip_route().get(Link{.name = "batched0"});
  ASSERT_TRUE(made) << made.error().describe();
  EXPECT_EQ(made->info->kind, "veth");
  EXPECT_EQ(test::ip_json(ns_name(), "-d link show batched0")[0]["linkinfo"]["info_kind"], "veth");
  EXPECT_FALSE(ip_route().get(Link{.name = "batched1"}));
}

}  // namespace
}  // namespace nlpp::rtnl
