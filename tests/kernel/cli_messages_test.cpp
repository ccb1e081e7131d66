// What `nlpp` says when it is used wrongly or cannot finish: one clear
// message and a failing exit status, never an empty line, a repeated one,
// a message cut short, or a success it did not have.
#include "support/iproute2.hpp"
#include "support/nlpp_cli.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <string>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

class CliMessages : public NlppCliTest {
 protected:
  void SetUp() override {
    NlppCliTest::SetUp();
    ip_run(ns_name(), "link add d0 type veth peer name d1");
  }
};

TEST_F(CliMessages, nlpp_alone_prints_the_usage_and_exits_2) {
  const Result<CommandOutput> ran = run_command({NLPP_CLI_PATH});
  ASSERT_TRUE(ran);
  EXPECT_EQ(ran->exit_code, 2);
  EXPECT_EQ(ran->err.rfind("Usage: nlpp", 0), 0u) << ran->err;
}

TEST_F(CliMessages, a_keyword_given_twice_is_refused_and_nothing_changes) {
  const CommandOutput output = nlpp("link set d0 mtu 1400 mtu 1300");
  EXPECT_EQ(output.exit_code, 2);
  EXPECT_EQ(output.err, "nlpp: duplicate \"mtu\": \"1300\" is the second value\n");
  EXPECT_EQ(ip_json(ns_name(), "link show d0")[0]["mtu"], 1500);
}

TEST_F(CliMessages, a_multipath_route_repeats_via_in_each_nexthop) {
  ip_run(ns_name(), "link set d0 up");
  ip_run(ns_name(), "address add 192.0.2.1/24 dev d0");
  const CommandOutput output = nlpp("route add 10.1.0.0/16 nexthop via 192.0.2.2 nexthop via inet 192.0.2.3");
  EXPECT_EQ(output.exit_code, 0) << output.err;
}

TEST_F(CliMessages, a_kernel_error_is_said_once) {
  ip_run(ns_name(), "link set d0 up");
  ip_run(ns_name(), "address add 192.0.2.1/24 dev d0");
  ASSERT_EQ(nlpp("route add 10.1.0.0/16 via 192.0.2.2").exit_code, 0);
  const CommandOutput output = nlpp("route add 10.1.0.0/16 via 192.0.2.2");
  EXPECT_EQ(output.exit_code, 1);
  EXPECT_EQ(output.err, "nlpp: newroute: File exists (EEXIST)\n");
  const CommandOutput invalid = nlpp("link add a-name-longer-than-15 type veth");
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_EQ(invalid.err.find("invalid argument: invalid argument"), std::string::npos) << invalid.err;
}

TEST_F(CliMessages, a_control_byte_in_a_batch_line_is_shown_escaped) {
  const std::string path = ::testing::TempDir() + "nlpp_nul_" + std::to_string(::getpid()) + ".txt";
  std::ofstream(path) << std::string("link set d\0x up\n", 16);
  const Result<CommandOutput> ran = run_command({NLPP_CLI_PATH, "-n", ns_name(), "-batch", path});
  ::unlink(path.c_str());
  ASSERT_TRUE(ran);
  EXPECT_EQ(ran->exit_code, 1);
  EXPECT_NE(ran->err.find("Cannot find device \"d\\x00x\""), std::string::npos) << ran->err;
}

TEST_F(CliMessages, a_batch_that_is_a_directory_fails) {
  const Result<CommandOutput> ran = run_command({NLPP_CLI_PATH, "-n", ns_name(), "-batch", "/"});
  ASSERT_TRUE(ran);
  EXPECT_EQ(ran->exit_code, 1);
  EXPECT_EQ(ran->err, "nlpp: cannot read \"/\": Is a directory\n");
}

TEST_F(CliMessages, output_that_cannot_be_written_fails) {
  const Result<CommandOutput> ran =
      run_command({"sh", "-c", "exec \"$0\" -n \"$1\" link show > /dev/full", NLPP_CLI_PATH, ns_name()});
  ASSERT_TRUE(ran);
  EXPECT_EQ(ran->exit_code, 1);
  EXPECT_EQ(ran->err, "nlpp: cannot write the output\n");
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
