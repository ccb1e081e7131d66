// What dumping a big table into Route objects costs next to a bare recv
// loop that only counts messages, into a new vector (dump) and into one a
// previous dump left its capacity (dump_into), for people tuning the
// parser: disabled,
// since a test suite asserts no timings. Run it with
//   nlpp_kernel_tests --gtest_also_run_disabled_tests --gtest_filter='RouteDumpCost.*'
#include <nlpp/netns/netns.hpp>
#include <nlpp/rtnl/route.hpp>

#include "support/ip_route_fixture.hpp"

#include <gtest/gtest.h>

#include <linux/netlink.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdio>

namespace nlpp::rtnl {
namespace {

constexpr uint32_t route_count = 100'000;
constexpr int rounds = 7;

// CPU seconds (user and system) this thread has used: the kernel builds a
// dump in the recv() calls of its reader, so this counts the kernel's work
// and nlpp's, and not the time other processes of a busy machine take.
double cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_THREAD, &usage);
  const auto seconds = [](const timeval& time) { return static_cast<double>(time.tv_sec) + time.tv_usec * 1e-6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

class RouteDumpCost : public test::IpRouteTest {
 protected:
  void SetUp() override {
    IpRouteTest::SetUp();
    if (HasFatalFailure()) return;
    add_veth_pair("veth0", "veth1");
    ip_commands({"addr add 192.0.2.1/24 dev veth0"});
    // /32 routes from 10.0.0.0 on, a gateway each, added in one batch.
    wire::MessageBuilder batch(route_count * 64);
    for (uint32_t i = 0; i < route_count; ++i) {
      const Route route{.dst = IpPrefix{IpAddress::v4(0x0a000000 + i), 32},
                        .gateway = IpAddress::parse("192.0.2.254").value()};
      ObjectTraits<Route>::emit(route, batch, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
    }
    Result<io::BatchResult> added = ip_route().engine().send_batch(batch);
    ASSERT_TRUE(added) << added.error().describe();
    ASSERT_TRUE(added->all_succeeded()) << added->refusals().front().second.describe();
  }

  // CPU seconds for a dump of the IPv4 routes read by a plain recv loop
  // that counts RTM_NEWROUTE messages; count gets their number.
  double bare_dump(size_t& count) {
    UniqueFd socket = netns::open_socket(ns_ref(), AF_NETLINK, SOCK_RAW, NETLINK_ROUTE).value();
    rtmsg header{};
    header.rtm_family = AF_INET;
    wire::MessageBuilder request;
    request.begin_message(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP).append_header(header);
    std::vector<std::byte> buffer(1 << 16);
    const double start = cpu_seconds();
    EXPECT_EQ(::send(socket.get(), request.bytes().data(), request.bytes().size(), 0),
              static_cast<ssize_t>(request.bytes().size()));
    count = 0;
    for (bool done = false; !done;) {
      const ssize_t length = ::recv(socket.get(), buffer.data(), buffer.size(), 0);
      if (length <= 0) break;
      for (const wire::Message& message : wire::MessageRange(wire::Bytes(buffer.data(), static_cast<size_t>(length)))) {
        if (message.type() == NLMSG_DONE || message.type() == NLMSG_ERROR) done = true;
        if (message.type() == RTM_NEWROUTE) ++count;
      }
    }
    return cpu_seconds() - start;
  }

  // CPU seconds for IpRoute::dump<Route> of the IPv4 routes; count gets their number.
  double typed_dump(size_t& count) {
    const double start = cpu_seconds();
    std::vector<Route> routes = ip_route().dump<Route>({.family = AF_INET}).value();
    const double seconds = cpu_seconds() - start;
    count = routes.size();
    return seconds;
  }

  // CPU seconds for IpRoute::dump_into() a vector that a previous dump
  // left with its capacity (cleared first); count gets their number.
  double reused_dump(std::vector<Route>& routes, size_t& count) {
    routes.clear();
    const double start = cpu_seconds();
    EXPECT_TRUE(ip_route().dump_into(routes, {.family = AF_INET}));
    const double seconds = cpu_seconds() - start;
    count = routes.size();
    return seconds;
  }
};

TEST_F(RouteDumpCost, DISABLED_typed_dump_of_100k_ipv4_routes_next_to_a_bare_recv_loop) {
  double bare = 1e9, typed = 1e9, reused = 1e9;
  size_t bare_count = 0, typed_count = 0, reused_count = 0;
  std::vector<Route> kept;
  for (int round = 0; round < rounds; ++round) {
    bare = std::min(bare, bare_dump(bare_count));
    typed = std::min(typed, typed_dump(typed_count));
    reused = std::min(reused, reused_dump(kept, reused_count));
  }
  EXPECT_EQ(bare_count, typed_count);
  EXPECT_EQ(bare_count, reused_count);
  const auto per_route = [](double seconds, size_t count) { return seconds * 1e9 / static_cast<double>(count); };
  std::printf(
      "%zu routes, CPU time: bare recv loop %.1f ms (%.0f ns/route), dump<Route> %.1f ms (%.0f ns/route): %.2fx, "
      "dump_into a reused vector %.1f ms (%.0f ns/route): %.2fx\n",
      typed_count, bare * 1e3, per_route(bare, bare_count), typed * 1e3, per_route(typed, typed_count), typed / bare,
      reused * 1e3, per_route(reused, reused_count), reused / bare);
}

}  // namespace
}  // namespace nlpp::rtnl
