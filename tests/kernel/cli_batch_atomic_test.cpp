// `nlpp -batch FILE -atomic`, each test in a fresh namespace: every line
// takes effect, or the namespace is left as it was and the error names the
// line; -atomic with -force is a usage error.
#include "support/cli_batch_fixture.hpp"

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
  const CommandOutput output = batch(std::string(kLinkWithAddress) + "route add 10.0.0.1/33 via 192.0.2.2\n", {"-atomic"});
  EXPECT_EQ(output.exit_code, 2);
  EXPECT_NE(output.err.find("nlpp: line 6:"), std::string::npos) << output.err;
  EXPECT_EQ(state(), before);
}

TEST_F(CliBatchAtomic, reads_stdin_too) {
  write(std::string(kLinkWithAddress) + "route add 10.0.0.1/32 via 192.0.2.2\n");
  Result<CommandOutput> ran = run_command(
      {"sh", "-c", std::string(NLPP_CLI_PATH) + " -n " + ns_name() + " -atomic -batch - < " + path_});
  ASSERT_TRUE(ran);
  EXPECT_EQ(ran->exit_code, 0) << ran->err;
  EXPECT_TRUE(has_route("10.0.0.1"));
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
