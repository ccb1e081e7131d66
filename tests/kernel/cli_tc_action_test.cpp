// `nlpp actions` in tc's words: the same lines through nlpp and through tc
// leave the same actions (tc -j reads both back), `nlpp -j actions ls|get`
// prints what tc prints, delete and flush act on what they name, batches
// carry action lines, and bad words fail before anything is sent. The host
// has mirred; gact is in the QEMU guest (CliTcActionGuest,
// tests/vm/must_run.txt).
#include "support/cli_batch_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/json_compare.hpp"
#include "support/nlpp_cli.hpp"
#include "support/scoped_netns.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

// A veth pair, up: the targets of mirred.
void prepare(std::string_view ns) {
  ip_run(ns, "link add veth0 type veth peer name veth1");
  ip_run(ns, "link set veth0 up");
  ip_run(ns, "link set veth1 up");
}

class CliTcAction : public NlppCliTest {
 protected:
  void SetUp() override {
    NlppCliTest::SetUp();
    if (HasFatalFailure()) return;
    prepare(ns_name());
  }

  // The lines both tools run: one action and two in one line (tc sends
  // them in one request, nlpp in one each: the kernel gives them the same
  // indexes), a cookie, a verdict after a mirror, no_percpu, replace and
  // change.
  static std::vector<std::string> lines() {
    return {
        "actions add action mirred egress mirror dev veth1 index 7 cookie 0a0b0c",
        "actions add action mirred ingress redirect dev veth0 action mirred egress mirror dev veth0 continue no_percpu",
        "actions replace action mirred egress redirect dev veth0 index 7",
        "actions change action mirred ingress mirror dev veth1 pipe index 9",
    };
  }
};

TEST_F(CliTcAction, the_same_lines_through_nlpp_and_tc_leave_the_same_actions) {
  for (const std::string& line : lines()) nlpp_ok(line);
  Result<ScopedNetns> tc_side = ScopedNetns::create();
  ASSERT_TRUE(tc_side) << tc_side.error().describe();
  prepare(tc_side->name());
  for (const std::string& line : lines()) tc_run(tc_side->name(), line);

  const nlohmann::json made = tc_json(ns_name(), "actions ls action mirred");
  EXPECT_EQ(made, tc_json(tc_side->name(), "actions ls action mirred"));
  ASSERT_EQ(made.size(), 2u) << made.dump();
  EXPECT_EQ(made[0]["total acts"], 4);
}

TEST_F(CliTcAction, nlpp_prints_tc_s_json_for_actions_tc_added) {
  for (const std::string& line : lines()) tc_run(ns_name(), line);
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j actions ls action mirred")),
            tc_json(ns_name(), "actions ls action mirred"));
  // tc prints an action's age only once it is a USER_HZ tick old (10 ms):
  // older than that, both listings print it.
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  EXPECT_EQ(json_differences(tc_json(ns_name(), "-s actions list action mirred"),
                             nlohmann::json::parse(nlpp_ok("-j -s actions list action mirred")), "", tc_action_ages()),
            std::vector<std::string>{});
  for (std::string_view get :
       {"actions get action mirred index 7", "actions get action mirred index 9 action mirred index 1"})
    EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j " + std::string(get))), tc_json(ns_name(), get)) << get;
  // A kind with no actions, or none the kernel has: tc prints [].
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j actions ls action gact")), tc_json(ns_name(), "actions ls action gact"));

  const std::string table = nlpp_ok("actions ls action mirred");
  EXPECT_NE(table.find("mirred egress redirect dev veth0 stolen"), std::string::npos) << table;
  EXPECT_NE(table.find("0a0b0c"), std::string::npos) << table;
}

TEST_F(CliTcAction, delete_and_flush_act_on_the_actions_named) {
  for (const std::string& line : lines()) nlpp_ok(line);
  nlpp_ok("actions delete action mirred index 7 action mirred index 9");
  nlohmann::json left = tc_json(ns_name(), "actions ls action mirred");
  ASSERT_EQ(left.size(), 2u) << left.dump();
  EXPECT_EQ(left[0]["total acts"], 2);
  EXPECT_EQ(left[1]["actions"][0]["index"], 1);
  EXPECT_EQ(left[1]["actions"][1]["index"], 2);
  nlpp_ok("actions flush action mirred");
  EXPECT_EQ(tc_json(ns_name(), "actions ls action mirred"), nlohmann::json::array());
}

TEST_F(CliTcAction, bad_words_fail_with_exit_status_2_and_send_nothing) {
  for (const std::string& words : {
           std::string("actions"),
           std::string("actions add"),
           std::string("actions add action"),
           std::string("actions add action mirred egress"),
           std::string("actions add action mirred egress mirror"),
           std::string("actions add action mirred egress bounce dev veth1"),
           std::string("actions add action mirred egress mirror dev veth1 bogus"),
           std::string("actions add action frobnicate"),
           std::string("actions add action drop random netrand pass 20000"),
           std::string("actions get action mirred"),
           std::string("actions delete action mirred index x"),
           std::string("actions ls"),
           std::string("actions ls action mirred since 5"),
           std::string("actions ls action mirred extra"),
           std::string("actions flush"),
           std::string("actions frob action mirred"),
       }) {
    const CommandOutput output = nlpp(words);
    EXPECT_EQ(output.exit_code, 2) << words << ": " << output.err;
    EXPECT_FALSE(output.err.empty()) << words;
  }
  EXPECT_EQ(tc_json(ns_name(), "actions ls action mirred"), nlohmann::json::array());
}

TEST_F(CliTcAction, the_kernel_s_refusals_exit_1_with_its_message) {
  nlpp_ok("actions add action mirred egress mirror dev veth1 index 7");
  const CommandOutput again = nlpp("actions add action mirred egress mirror dev veth1 index 7");
  EXPECT_EQ(again.exit_code, 1) << again.err;
  const CommandOutput missing = nlpp("actions get action mirred index 99");
  EXPECT_EQ(missing.exit_code, 1) << missing.err;
  EXPECT_NE(missing.err.find("not found"), std::string::npos) << missing.err;
  const CommandOutput unknown = nlpp("actions flush action nosuchact");
  EXPECT_EQ(unknown.exit_code, 1) << unknown.err;
  const CommandOutput no_link = nlpp("actions add action mirred egress mirror dev nope");
  EXPECT_NE(no_link.exit_code, 0) << no_link.err;
}

class CliTcActionBatch : public CliBatch {};

TEST_F(CliTcActionBatch, action_lines_are_pipelined_in_a_batch_and_refused_in_an_atomic_one) {
  ip_run(ns_name(), "link add veth0 type veth peer name veth1");
  const CommandOutput applied = batch(
      "actions add action mirred egress mirror dev veth1 index 3\n"
      "action add action mirred egress redirect dev veth0 index 4 action mirred ingress mirror dev veth1 index 5\n"
      "actions delete action mirred index 4\n");
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  nlohmann::json listed = tc_json(ns_name(), "actions ls action mirred");
  ASSERT_EQ(listed.size(), 2u) << listed.dump();
  ASSERT_EQ(listed[1]["actions"].size(), 2u) << listed.dump();
  EXPECT_EQ(listed[1]["actions"][0]["index"], 3);
  EXPECT_EQ(listed[1]["actions"][1]["index"], 5);

  const CommandOutput atomic = batch("actions add action mirred egress mirror dev veth1 index 6\n", {"-atomic"});
  EXPECT_EQ(atomic.exit_code, 2);
  EXPECT_NE(atomic.err.find("action changes are not in IPDB transactions yet"), std::string::npos) << atomic.err;
}

// gact: the build machines' kernel lacks it; the guest tier runs this
// (must-run), elsewhere it skips.
class CliTcActionGuest : public CliTcAction {
 protected:
  void SetUp() override {
    CliTcAction::SetUp();
    if (HasFatalFailure()) return;
    const CommandOutput probe = nlpp("actions add action gact pass index 99");
    if (probe.exit_code != 0) GTEST_SKIP() << "no gact here: " << probe.err;
    nlpp_ok("actions delete action gact index 99");
  }
};

TEST_F(CliTcActionGuest, gact_verdicts_through_nlpp_and_tc_read_the_same) {
  const std::vector<std::string> gact_lines{
      "actions add action gact drop index 4", "actions add action pass random determ drop 10 index 5",
      "actions add action gact pipe cookie 01ff",  // a standalone goto chain has no chain to go to: EINVAL
  };
  for (const std::string& line : gact_lines) nlpp_ok(line);
  Result<ScopedNetns> tc_side = ScopedNetns::create();
  ASSERT_TRUE(tc_side) << tc_side.error().describe();
  prepare(tc_side->name());
  for (const std::string& line : gact_lines) tc_run(tc_side->name(), line);

  const nlohmann::json made = tc_json(ns_name(), "actions ls action gact");
  EXPECT_EQ(made, tc_json(tc_side->name(), "actions ls action gact"));
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j actions ls action gact")), made);
  ASSERT_EQ(made.size(), 2u) << made.dump();
  // The kernel lists a kind's table by index: 1 (the one it chose), 4, 5.
  ASSERT_EQ(made[1]["actions"].size(), 3u) << made.dump();
  EXPECT_EQ(made[1]["actions"][2]["index"], 5);
  EXPECT_EQ(made[1]["actions"][2]["prob"]["random_type"], "determ");
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
