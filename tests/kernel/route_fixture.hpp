// What the kernel tests of routes, nexthops and rules share: a fresh
// namespace (IpRouteTest) with lo up and a veth pair whose veth0 holds
// 192.0.2.1/24 and 2001:db8::1/64 (or, QuietRoutingTest, no IPv6), and
// small helpers.
#pragma once

#include "support/ip_route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/rtnl_values.hpp"

#include <cstdint>
#include <system_error>

namespace nlpp::test {

/// An errno as the request engine reports the kernel's errors.
inline std::error_code kernel_error(int errno_value) { return {errno_value, std::system_category()}; }

class RoutingTest : public IpRouteTest {
 protected:
  void SetUp() override {
    IpRouteTest::SetUp();
    if (HasFatalFailure()) return;
    add_veth_pair("veth0", "veth1");
    // lo carries blackhole nexthops and local routes.
    ip_commands({"link set lo up", "addr add 192.0.2.1/24 dev veth0", "addr add 2001:db8::1/64 dev veth0 nodad"});
    veth0_ = ifindex_of("veth0");
  }

  uint32_t veth0_ = 0;  ///< veth0's ifindex
};

/// RoutingTest without IPv6 on the veth pair: nothing but what a test sends
/// leaves the links (no router solicitations, no DAD), so traffic control's
/// statistics count exactly the test's packets.
class QuietRoutingTest : public RoutingTest {
 protected:
  void SetUp() override {
    RoutingTest::SetUp();
    if (HasFatalFailure()) return;
    test::ip_netns("exec " + ns_name() +
                   " sysctl -qw net.ipv6.conf.veth0.disable_ipv6=1 net.ipv6.conf.veth1.disable_ipv6=1");
  }
};

}  // namespace nlpp::test
