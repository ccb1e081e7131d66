// The fixture of the link kernel tests: a fresh namespace with an RTNL
// engine and an IpRoute there (test::IpRouteTest), and iproute2's view of
// the links there as the independent oracle.
#pragma once

#include <nlpp/rtnl/link.hpp>

#include "support/ip_route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/rtnl_values.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <string>
#include <string_view>

namespace nlpp::test {

class LinkTest : public IpRouteTest {
 protected:
  rtnl::IpRoute& ipr() { return ip_route(); }

  /// The kernel's answer to a link of a kind it has no driver (module) for:
  /// the one reason a link test may skip.
  static bool is_unknown_link_kind(const Error& error) {
    return error.code() == std::error_code(EOPNOTSUPP, std::system_category()) &&
           error.ext_ack().message == "Unknown device type";
  }

  /// Adds link through nlpp; skips the test when the kernel lacks its kind.
  /// Callers check stopped() after it.
  void add(const rtnl::Link& link) {
    const Result<io::Ack> added = ipr().add(link);
    if (!added && is_unknown_link_kind(added.error()))
      GTEST_SKIP() << "no such link kind here: " << added.error().describe();
    ASSERT_TRUE(added) << added.error().describe();
  }

  /// After add() or an ASSERT in a helper: the test cannot go on.
  bool stopped() const { return IsSkipped() || HasFatalFailure(); }

  /// The link named name, read back through nlpp (a get by name).
  rtnl::Link get(std::string_view name) {
    Result<rtnl::Link> link = ipr().get(rtnl::Link{.name = std::string(name)});
    EXPECT_TRUE(link) << link.error().describe();
    return link ? std::move(*link) : rtnl::Link{};
  }

  /// The link's ifindex, through nlpp (hides IpRouteTest's, through ip).
  uint32_t ifindex_of(std::string_view name) { return get(name).ifindex; }

  /// `ip -n NS -j -d link show dev NAME` (this test's namespace by default):
  /// the one link's object.
  nlohmann::json show(std::string_view name, std::string_view ns = {}) {
    const nlohmann::json links =
        ip_json(ns.empty() ? std::string_view(ns_name()) : ns, "link show dev " + std::string(name));
    EXPECT_EQ(links.size(), 1u) << links;
    return links.empty() ? nlohmann::json() : links[0];
  }

  /// What iproute2 shows of the link's kind data (linkinfo.info_data).
  nlohmann::json info_data(std::string_view name) { return show(name)["linkinfo"]["info_data"]; }
};

}  // namespace nlpp::test
