// `nlpp -batch FILE -atomic`, each test in a fresh namespace: every line
// takes effect, or the namespace is left as it was and the error names the
// line; -atomic with -force is a usage error.
#include "support/cli_batch_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/subprocess.hpp"

#ifdef NLPP_CLI_PATH

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace nlpp::test {
namespace {

class CliBatchAtomic : public CliBatch {
 protected:
  // Links, addresses and routes as `ip -j` prints them: what "as it was" compares.
  nlohmann::json state() {
    return nlohmann::json{ip_json(ns_name(), "link show"), ip_json(ns_name(), "address show"),
                          ip_json(ns_name(), "route show table all"), ip_json(ns_name(), "neigh show nud permanent")};
  }
};

TEST_F(CliBatchAtomic, applies_every_line_when_all_succeed) {
  std::string text(kLinkWithAddress);
  for (int i = 0; i < 100; ++i) text += "route add 10.1.0." + std::to_string(i) + "/32 via 192.0.2.2 dev d0\n";
  text += "neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev d0 nud permanent\n";
  const CommandOutput output = batch(text, {"-atomic"});
  ASSERT_EQ(output.exit_code, 0) << output.err;
  EXPECT_EQ(output.err, "");
  EXPECT_EQ(ip_json(ns_name(), "route show dev d0 proto boot").size(), 100u);
  EXPECT_EQ(ip_json(ns_name(), "link show d1").at(0)["flags"].dump().find("\"UP\"") != std::string::npos, true);
  EXPECT_EQ(ip_json(ns_name(), "address show dev d0").at(0)["addr_info"][0]["local"], "192.0.2.1");
  EXPECT_EQ(ip_json(ns_name(), "neigh show 192.0.2.2 dev d0").at(0)["lladdr"], "02:00:00:00:00:02");
}

TEST_F(CliBatchAtomic, a_refused_line_leaves_the_namespace_as_it_was_and_is_named) {
  const nlohmann::json before = state();
  const std::string text = std::string(kLinkWithAddress) +
                           "route add 10.0.0.1/32 via 192.0.2.2\n"
                           "route add 10.0.0.2/32 via 198.51.100.9\n"  // line 7: no route to the gateway
                           "route add 10.0.0.3/32 via 192.0.2.2\n";
  const CommandOutput output = batch(text, {"-atomic"});
  EXPECT_EQ(output.exit_code, 1);
  EXPECT_NE(output.err.find("nlpp: line 7: add route 10.0.0.2/32"), std::string::npos) << output.err;
  EXPECT_NE(output.err.find("nothing was applied (-atomic)"), std::string::npos) << output.err;
  EXPECT_EQ(state(), before);
}

TEST_F(CliBatchAtomic, a_usage_error_on_any_line_sends_nothing) {
  const nlohmann::json before = state();
  const CommandOutput output =
      batch(std::string(kLinkWithAddress) + "route add 10.0.0.1/33 via 192.0.2.2\n", {"-atomic"});
  EXPECT_EQ(output.exit_code, 2);
  EXPECT_NE(output.err.find("nlpp: line 6:"), std::string::npos) << output.err;
  EXPECT_EQ(state(), before);
}

TEST_F(CliBatchAtomic, reads_stdin_too) {
  write(std::string(kLinkWithAddress) + "route add 10.0.0.1/32 via 192.0.2.2\n");
  Result<CommandOutput> ran =
      run_command({"sh", "-c", std::string(NLPP_CLI_PATH) + " -n " + ns_name() + " -atomic -batch - < " + path_});
  ASSERT_TRUE(ran);
  EXPECT_EQ(ran->exit_code, 0) << ran->err;
  EXPECT_TRUE(has_route("10.0.0.1"));
}

// Bridge vlan lines, on a bridge and a port earlier lines make (vlan
// filtering: the guest tier, tests/vm/must_run.txt): in the transaction
// like any other, undone with it when a later line is refused.
TEST_F(CliBatchAtomic, bridge_vlan_lines_are_in_the_transaction) {
  Result<CommandOutput> probe =
      run_command({"ip", "-n", ns_name(), "link", "add", "probe0", "type", "bridge", "vlan_filtering", "1"});
  if (!probe || probe->exit_code != 0)
    GTEST_SKIP() << "this kernel's bridge has no vlan filtering (the guest tier runs this)";
  ip_run(ns_name(), "link del probe0");
  const std::string vlans = std::string(kLinkWithAddress) +
                            "link add br0 type bridge vlan_filtering 1\n"
                            "link set d1 master br0\n"
                            "vlan add dev d1 vid 10 pvid untagged\n"
                            "vlan add dev d1 vid 20-30\n"
                            "vlan del dev d1 vid 1\n";
  const nlohmann::json before = {state(), bridge_json(ns_name(), "vlan show")};
  const CommandOutput refused = batch(vlans + "route add 10.0.0.2/32 via 198.51.100.9\n", {"-atomic"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("nlpp: line 11: add route 10.0.0.2/32"), std::string::npos) << refused.err;
  EXPECT_EQ((nlohmann::json{state(), bridge_json(ns_name(), "vlan show")}), before);

  const CommandOutput output = batch(vlans, {"-atomic"});
  ASSERT_EQ(output.exit_code, 0) << output.err;
  const nlohmann::json port = bridge_json(ns_name(), "vlan show dev d1");
  ASSERT_EQ(port.size(), 1u) << port;
  const nlohmann::json& shown = port[0]["vlans"];
  ASSERT_GE(shown.size(), 2u) << shown;
  EXPECT_EQ(shown[0]["vlan"], 10);
  EXPECT_EQ(shown[0]["flags"], nlohmann::json::array({"PVID", "Egress Untagged"}));
  EXPECT_EQ(shown[1]["vlan"], 20);
  EXPECT_EQ(shown.back().value("vlanEnd", shown.back()["vlan"].get<int>()), 30);
}

TEST_F(CliBatchAtomic, with_force_is_a_usage_error_and_does_nothing) {
  const nlohmann::json before = state();
  const CommandOutput output = batch(kLinkWithAddress, {"-atomic", "-force"});
  EXPECT_EQ(output.exit_code, 2);
  EXPECT_NE(output.err.find("-atomic and -force"), std::string::npos) << output.err;
  EXPECT_EQ(state(), before);
}

}  // namespace
}  // namespace nlpp::test

#endif  // NLPP_CLI_PATH
