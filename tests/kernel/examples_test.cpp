// The everyday-job examples (examples/*.cpp, beside their pyroute2 twins
// in docs/PYROUTE2.md) run as the user runs them, each in a fresh
// namespace of its own, and what they leave is read back through
// `ip -j -d` and `bridge -j`.
#ifdef NLPP_EXAMPLES_DIR
#include "support/iproute2.hpp"
#include "support/netns_fixture.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nlpp::test {
namespace {

class Examples : public NetnsTest {
 protected:
  // Runs examples/NAME.cpp's program inside the test namespace.
  void run(const std::string& name) {
    Result<CommandOutput> ran =
        run_command({"ip", "netns", "exec", ns_name(), std::string(NLPP_EXAMPLES_DIR) + "/example_" + name});
    ASSERT_TRUE(ran) << ran.error().describe();
    ASSERT_EQ(ran->exit_code, 0) << ran->err;
  }
  nlohmann::json link(std::string_view name) { return ip_json(ns_name(), "link show dev " + std::string(name))[0]; }
  nlohmann::json route(std::string_view dst) { return ip_json(ns_name(), "route show " + std::string(dst))[0]; }
};

TEST_F(Examples, bridge_with_ports) {
  run("bridge_with_ports");
  const nlohmann::json br0 = link("br0");
  EXPECT_EQ(br0["linkinfo"]["info_kind"], "bridge");
  EXPECT_EQ(br0["mtu"], 9000);
  EXPECT_EQ(br0["operstate"], "UP");
  for (const char* port : {"v0", "v1"}) {
    const nlohmann::json veth = link(port);
    EXPECT_EQ(veth["master"], "br0") << port;
    EXPECT_EQ(veth["linkinfo"]["info_kind"], "veth") << port;
    EXPECT_EQ(veth["operstate"], "UP") << port;  // its peer is up too
  }
  EXPECT_NE(link("v0p")["flags"].dump().find("\"UP\""), std::string::npos);
}

TEST_F(Examples, addresses_and_routes) {
  run("addresses_and_routes");
  const nlohmann::json addresses = ip_json(ns_name(), "-4 addr show dev v0")[0]["addr_info"];
  ASSERT_EQ(addresses.size(), 1u) << addresses;
  EXPECT_EQ(addresses[0]["local"], "10.0.0.1");
  EXPECT_EQ(addresses[0]["prefixlen"], 24);
  const nlohmann::json with_metrics = route("10.1.0.0/16");
  EXPECT_EQ(with_metrics["gateway"], "10.0.0.2");
  EXPECT_EQ(with_metrics["metrics"][0]["mtu"], 1400) << with_metrics;
  EXPECT_EQ(with_metrics["metrics"][0]["advmss"], 1360) << with_metrics;
  const nlohmann::json multipath = route("10.2.0.0/16")["nexthops"];
  ASSERT_EQ(multipath.size(), 2u) << multipath;
  EXPECT_EQ(multipath[0]["gateway"], "10.0.0.2");
  EXPECT_EQ(multipath[0]["weight"], 1);
  EXPECT_EQ(multipath[1]["gateway"], "10.0.0.3");
  EXPECT_EQ(multipath[1]["weight"], 3);
}

TEST_F(Examples, neighbour_and_fdb) {
  run("neighbour_and_fdb");
  const nlohmann::json neighbour = ip_json(ns_name(), "neigh show dev br0 10.0.0.9")[0];
  EXPECT_EQ(neighbour["lladdr"], "02:00:00:00:00:09");
  EXPECT_EQ(neighbour["state"], nlohmann::json::array({"PERMANENT"}));
  const std::string fdb = ip_netns("exec " + ns_name() + " bridge -j fdb show dev v0");
  bool found = false;
  for (const nlohmann::json& entry : nlohmann::json::parse(fdb))
    if (entry["mac"] == "02:00:00:00:00:0a" && !entry.contains("vlan")) {
      found = true;
      EXPECT_EQ(entry["master"], "br0");
      EXPECT_EQ(entry["state"], "static");
    }
  EXPECT_TRUE(found) << fdb;
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_EXAMPLES_DIR
