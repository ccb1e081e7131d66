// MPLS routes and MPLS encapsulation against the kernel, in a fresh
// namespace with a veth pair and net.mpls.platform_labels set. The build
// machines' kernel has no MPLS routing: these tests skip there, and only
// there, and run for real in the QEMU guest (tests/vm/must_run.txt), where
// mpls_router and mpls_iptunnel are loaded.
#include <nlpp/netns/netns.hpp>
#include <nlpp/rtnl/route.hpp>

#include "kernel/route_fixture.hpp"
#include "support/iproute2.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::kernel_error;
using test::prefix;

constexpr std::string_view platform_labels = "/proc/sys/net/mpls/platform_labels";

// Writes value to a sysctl file of the namespace: /proc/sys/net is the
// namespace of the thread that opens it, and run_in's thread has joined it.
Result<void> write_sysctl(const netns::Ref& ns, std::string_view path, std::string_view value) {
  Result<UniqueFd> written = netns::run_in(ns, [&]() -> Result<UniqueFd> {
    UniqueFd file(::open(std::string(path).c_str(), O_WRONLY | O_CLOEXEC));
    if (!file) return Error::from_errno(errno, "open " + std::string(path));
    if (::write(file.get(), value.data(), value.size()) != static_cast<ssize_t>(value.size()))
      return Error::from_errno(errno, "write " + std::string(path));
    return UniqueFd();
  });
  if (!written) return std::move(written).error();
  return {};
}

class RouteMpls : public test::RoutingTest {
 protected:
  void SetUp() override {
    RoutingTest::SetUp();
    if (HasFatalFailure()) return;
    // Labels below platform_labels are routable; the default, 0, allows none.
    Result<void> enabled = write_sysctl(ns_ref(), platform_labels, "1000");
    if (!enabled && enabled.error().code() == kernel_error(ENOENT))
      GTEST_SKIP() << "this kernel lacks MPLS routing (no mpls_router): " << enabled.error().describe();
    ASSERT_TRUE(enabled) << enabled.error().describe();
  }

  static Route mpls_route(uint32_t label) {
    Route route{.family = AF_MPLS};
    route.extras.edit().label = label;
    return route;
  }

  void add(const Route& route) {
    Result<io::Ack> added = ip_route().add(route);
    ASSERT_TRUE(added) << added.error().describe();
  }

  // The MPLS route of this incoming label, through nlpp.
  Route dumped(uint32_t label) {
    for (Route& route : ip_route().dump<Route>({.family = AF_MPLS}).value())
      if (route.extras->label == label) return std::move(route);
    ADD_FAILURE() << "no MPLS route for label " << label;
    return {};
  }

  // `ip -j -d -f mpls route show`: the route of this label.
  nlohmann::json shown(uint32_t label) {
    for (const nlohmann::json& route : test::ip_json(ns_name(), "-f mpls route show"))
      if (route["dst"] == std::to_string(label)) return route;
    ADD_FAILURE() << "ip shows no MPLS route for label " << label;
    return nullptr;
  }
};

TEST_F(RouteMpls, swaps_a_label_for_two_via_an_ipv4_next_hop) {
  Route route = mpls_route(100);
  route.gateway = ip("192.0.2.2");
  route.oif = veth0_;
  route.extras.edit().newdst = {200, 300};
  add(route);

  const Route read = dumped(100);
  EXPECT_EQ(read.family, AF_MPLS);
  EXPECT_EQ(read.extras->newdst, (std::vector<uint32_t>{200, 300}));
  EXPECT_EQ(read.gateway, ip("192.0.2.2"));
  EXPECT_EQ(read.oif, veth0_);
  EXPECT_EQ(ObjectTraits<Route>::key(read), ObjectTraits<Route>::key(route));

  const nlohmann::json shown_route = shown(100);
  EXPECT_EQ(shown_route["to"], "200/300");
  EXPECT_EQ(shown_route["via"]["family"], "inet");
  EXPECT_EQ(shown_route["via"]["host"], "192.0.2.2");
  EXPECT_EQ(shown_route["dev"], "veth0");

  ASSERT_TRUE(ip_route().del(mpls_route(100)));
  EXPECT_TRUE(test::ip_json(ns_name(), "-f mpls route show").empty());
}

TEST_F(RouteMpls, pops_a_label_towards_an_ipv6_next_hop) {
  Route route = mpls_route(101);
  route.gateway = ip("2001:db8::2");
  route.oif = veth0_;
  add(route);
  const Route read = dumped(101);
  EXPECT_TRUE(read.extras->newdst.empty());
  EXPECT_EQ(read.gateway, ip("2001:db8::2"));
  EXPECT_EQ(shown(101)["via"]["family"], "inet6");
}

TEST_F(RouteMpls, multipath_with_a_label_per_path) {
  Route route = mpls_route(102);
  route.extras.edit().multipath = {{.gateway = ip("192.0.2.2"), .ifindex = veth0_, .newdst = {201}},
                                   {.gateway = ip("2001:db8::2"), .ifindex = veth0_, .newdst = {202}}};
  add(route);
  const Route read = dumped(102);
  ASSERT_EQ(read.extras->multipath.size(), 2u);
  EXPECT_EQ(read.extras->multipath[0].newdst, std::vector<uint32_t>{201});
  EXPECT_EQ(read.extras->multipath[1].gateway, ip("2001:db8::2"));
  const nlohmann::json nexthops = shown(102)["nexthops"];
  ASSERT_EQ(nexthops.size(), 2u);
  EXPECT_EQ(nexthops[0]["to"], "201");
  EXPECT_EQ(nexthops[1]["to"], "202");
  EXPECT_EQ(nexthops[1]["via"]["host"], "2001:db8::2");
}

TEST_F(RouteMpls, ttl_propagation_is_read_back) {
  Route route = mpls_route(103);
  route.gateway = ip("192.0.2.2");
  route.oif = veth0_;
  route.extras.edit().ttl_propagate = false;
  add(route);
  EXPECT_EQ(dumped(103).extras->ttl_propagate, false);
  EXPECT_EQ(shown(103)["ttl-propogate"], false);  // iproute2's spelling
}

TEST_F(RouteMpls, label_beyond_platform_labels_is_refused_with_an_extended_ack) {
  Route route = mpls_route(2000);
  route.gateway = ip("192.0.2.2");
  route.oif = veth0_;
  Result<io::Ack> added = ip_route().add(route);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), kernel_error(EINVAL));
  EXPECT_EQ(added.error().ext_ack().message, "Label >= configured maximum in platform_labels");
}

TEST_F(RouteMpls, ipv4_route_pushes_an_mpls_label_stack) {
  Route route{.dst = IpPrefix::parse("10.30.0.0/24").value(), .gateway = ip("192.0.2.2"), .oif = veth0_};
  route.extras.edit().encap = MplsEncap{.labels = {100, 200}, .ttl = 10};
  Result<io::Ack> added = ip_route().add(route);
  if (!added && added.error().code() == kernel_error(EOPNOTSUPP))
    GTEST_SKIP() << "this kernel lacks MPLS encapsulation (no mpls_iptunnel): " << added.error().describe();
  ASSERT_TRUE(added) << added.error().describe();

  const std::vector<Route> routes = ip_route().dump<Route>({.family = AF_INET, .dst = route.dst}).value();
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0].extras->encap, route.extras->encap);
  const std::string text = test::ip_run(ns_name(), "route show 10.30.0.0/24");
  EXPECT_NE(text.find("encap mpls  100/200 ttl 10"), std::string::npos) << text;
  const nlohmann::json shown_route = test::ip_json(ns_name(), "route show 10.30.0.0/24");
  ASSERT_EQ(shown_route.size(), 1u);
  EXPECT_EQ(shown_route[0]["encap"], "mpls");
  EXPECT_EQ(shown_route[0]["ttl"], 10);
}

}  // namespace
}  // namespace nlpp::rtnl
