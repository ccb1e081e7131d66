// `nlpp -batch FILE|-` and -force against the real kernel, each test in a
// fresh namespace: lines are run in order with their changes pipelined,
// reads see what came before them, a failing line is reported by number,
// and without -force the batch stops there. Read back through `ip -j`.
#include "support/cli_batch_fixture.hpp"
#include "support/iproute2.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

TEST_F(CliBatch, adds_a_link_its_address_and_1000_routes_then_shows_them) {
  std::string text(kLinkWithAddress);
  for (int i = 0; i < 1000; ++i)
    text += "route add 10.1." + std::to_string(i / 256) + "." + std::to_string(i % 256) + "/32 via 192.0.2.2 dev d0\n";
  text += "route show dev d0\n";
  const CommandOutput output = batch(text, {"-j"});
  ASSERT_EQ(output.exit_code, 0) << output.err;
  EXPECT_EQ(output.err, "");

  const nlohmann::json shown = nlohmann::json::parse(output.out);
  EXPECT_EQ(shown.size(), 1001u) << "the 1000 routes and the subnet's: the show ran after they were sent";
  const nlohmann::json routes = ip_json(ns_name(), "route show dev d0 proto boot");
  ASSERT_EQ(routes.size(), 1000u);
  EXPECT_EQ(routes[0]["dst"], "10.1.0.0");
  EXPECT_EQ(routes[999]["dst"], "10.1.3.231");
  EXPECT_EQ(routes[999]["gateway"], "192.0.2.2");
  const nlohmann::json links = ip_json(ns_name(), "address show dev d0");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0]["operstate"], "UP");
  EXPECT_EQ(links[0]["addr_info"][0]["local"], "192.0.2.1");
}

// Line 7 asks for a route that line 6 made: EEXIST.
const std::string kFailingLine7 = std::string(kLinkWithAddress) +
                                  "route add 10.0.0.1/32 via 192.0.2.2\n"
                                  "route add 10.0.0.1/32 via 192.0.2.2\n"
                                  "route show\n"
                                  "route add 10.0.0.3/32 via 192.0.2.2\n";

TEST_F(CliBatch, stops_at_a_line_the_kernel_refuses_and_names_it) {
  const CommandOutput output = batch(kFailingLine7);
  EXPECT_EQ(output.exit_code, 1);
  EXPECT_NE(output.err.find("nlpp: line 7: "), std::string::npos) << output.err;
  EXPECT_NE(output.err.find("File exists"), std::string::npos) << output.err;
  EXPECT_EQ(output.out, "") << "the show after the failing line did not run";
  EXPECT_TRUE(has_route("10.0.0.1"));
  EXPECT_FALSE(has_route("10.0.0.3"));
}

TEST_F(CliBatch, force_goes_on_after_a_refused_line_and_exits_1) {
  const CommandOutput output = batch(kFailingLine7, {"-force"});
  EXPECT_EQ(output.exit_code, 1);
  EXPECT_NE(output.err.find("nlpp: line 7: "), std::string::npos) << output.err;
  EXPECT_NE(output.out.find("10.0.0.1/32"), std::string::npos) << "the show after the failing line ran: " << output.out;
  EXPECT_TRUE(has_route("10.0.0.1"));
  EXPECT_TRUE(has_route("10.0.0.3"));
}

// Line 7 has a bad word: nothing of it may reach the kernel.
const std::string kUsageErrorLine7 = std::string(kLinkWithAddress) +
                                     "route add 10.0.0.1/32 via 192.0.2.2\n"
                                     "route add 10.0.0.2/32 via 192.0.2.2 mtu many\n"
                                     "route add 10.0.0.3/32 via 192.0.2.2\n";

TEST_F(CliBatch, a_usage_error_sends_nothing_of_its_line_and_stops_after_sending_the_lines_before) {
  const CommandOutput output = batch(kUsageErrorLine7);
  EXPECT_EQ(output.exit_code, 2);
  EXPECT_NE(output.err.find("nlpp: line 7: \"many\" is not a valid mtu"), std::string::npos) << output.err;
  EXPECT_TRUE(has_route("10.0.0.1"));
  EXPECT_FALSE(has_route("10.0.0.2"));
  EXPECT_FALSE(has_route("10.0.0.3"));
}

TEST_F(CliBatch, force_skips_a_line_with_a_usage_error_and_exits_2) {
  const CommandOutput output = batch(kUsageErrorLine7, {"-force"});
  EXPECT_EQ(output.exit_code, 2);
  EXPECT_NE(output.err.find("nlpp: line 7: "), std::string::npos) << output.err;
  EXPECT_EQ(route_destinations(), (std::vector<std::string>{"10.0.0.1", "10.0.0.3", "192.0.2.0/24"}));
}

TEST_F(CliBatch, reads_the_commands_from_stdin_for_a_dash) {
  write(std::string(kLinkWithAddress) + "route add 10.0.0.1/32 via 192.0.2.2\n");
  const Result<CommandOutput> ran = run_command(
      {"sh", "-c", "exec \"$0\" -n \"$1\" -batch - < \"$2\"", NLPP_CLI_PATH, ns_name(), path_});
  ASSERT_TRUE(ran);
  EXPECT_EQ(ran->exit_code, 0) << ran->err;
  EXPECT_TRUE(has_route("10.0.0.1"));
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
