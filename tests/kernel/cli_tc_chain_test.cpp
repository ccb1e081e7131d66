// `nlpp chain` in tc's words (issue 15): the same lines through nlpp and
// through tc leave the same chains, and `nlpp -j chain show|get` prints
// what tc prints (of clsact's hooks, of a qdisc and of a class, of a
// shared block, of one chain; and a shared block's filters); a filter's
// chain appears with it and goes with the chain's deletion; `nlpp monitor
// chain` prints chain events; batches carry chain lines; bad words fail
// before anything is sent, the kernel's refusals exit 1. A flower template
// tc made, in the guest (CliTcChainGuest, tests/vm/must_run.txt).
#include "support/cli_batch_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/nlpp_cli.hpp"
#include "support/subprocess.hpp"
#include "support/tc_kind_comparison.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

class CliTcChain : public TcKindComparison {};

TEST_F(CliTcChain, the_same_lines_through_nlpp_and_tc_leave_the_same_chains) {
  expect_nlpp_and_tc_agree(
      {
          "qdisc add dev veth0 clsact",
          "chain add dev veth0 ingress chain 5",
          "chain add dev veth0 ingress",
          "chain add dev veth0 egress chain 268435455",
          "qdisc add dev veth1 root handle 1: htb",
          "class add dev veth1 parent 1: classid 1:10 htb rate 1mbit",
          "chain add dev veth1 parent 1: chain 4",
          "chain add dev veth1 parent 1:10 chain 2",
          "chain add dev veth1 chain 6",
      },
      {
          "chain show dev veth0 ingress",
          "chain show dev veth0 egress",
          "chain show dev veth0 ingress chain 5",
          "chain show dev veth1",
          "chain show dev veth1 parent 1:",
          "chain show dev veth1 parent 1: chain 4",
          "chain show dev veth1 parent 1:10",
      });
  // What tc printed of them: the reported parent unless the listing named it.
  EXPECT_EQ(tc_json(ns_name(), "chain show dev veth0 ingress"),
            nlohmann::json::parse(R"([{"parent":"ffff:","chain":5},{"parent":"ffff:","chain":0}])"));
  EXPECT_EQ(tc_json(ns_name(), "chain show dev veth1 parent 1:"),
            nlohmann::json::parse(R"([{"chain":4},{"chain":6}])"));
}

TEST_F(CliTcChain, get_and_a_shared_block_print_what_tc_prints) {
  for (const std::string_view line : {"qdisc add dev veth0 clsact", "chain add dev veth0 egress chain 9",
                                      "qdisc add dev veth1 ingress_block 21 clsact", "chain add block 21 chain 3",
                                      "filter add block 21 pref 1 protocol ip u32 match ip dst 10.0.0.1/32"})
    nlpp_ok(line);
  // A link's shared block lists its chains and filters by the block's index.
  for (const std::string_view command :
       {"chain get dev veth0 egress chain 9", "chain show block 21", "chain show block 21 chain 3",
        "chain show dev veth1 ingress", "filter show dev veth1 ingress", "filter show block 21"}) {
    const nlohmann::json by_nlpp = nlohmann::json::parse(nlpp_ok("-j " + std::string(command)));
    EXPECT_EQ(by_nlpp, tc_json(ns_name(), command)) << command;
    EXPECT_FALSE(by_nlpp.empty()) << command;
  }
  EXPECT_EQ(tc_json(ns_name(), "chain show dev veth1 ingress"),
            nlohmann::json::parse(R"([{"block":21,"chain":3},{"block":21,"chain":0}])"));
  // The text table.
  const std::string table = nlpp_ok("chain show dev veth0 egress");
  EXPECT_NE(table.find("CHAIN"), std::string::npos) << table;
  EXPECT_NE(table.find("ffff:"), std::string::npos) << table;
  EXPECT_NE(table.find('9'), std::string::npos) << table;
}

TEST_F(CliTcChain, a_filters_chain_appears_with_it_and_deleting_the_chain_deletes_the_filter) {
  nlpp_ok("qdisc add dev veth0 clsact");
  nlpp_ok("filter add dev veth0 ingress prio 1 chain 7 protocol ip u32 match ip dst 10.0.0.1/32");
  nlpp_ok("filter add dev veth0 ingress prio 2 protocol ip u32 match ip dst 10.0.0.2/32");
  const nlohmann::json chains = nlohmann::json::parse(nlpp_ok("-j chain show dev veth0 ingress"));
  EXPECT_EQ(chains, nlohmann::json::parse(R"([{"parent":"ffff:","chain":7},{"parent":"ffff:","chain":0}])"));
  EXPECT_EQ(chains, tc_json(ns_name(), "chain show dev veth0 ingress"));

  nlpp_ok("chain del dev veth0 ingress chain 7");
  EXPECT_TRUE(tc_json(ns_name(), "filter show dev veth0 ingress chain 7").empty());
  EXPECT_FALSE(tc_json(ns_name(), "filter show dev veth0 ingress chain 0").empty());
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j chain show dev veth0 ingress")),
            nlohmann::json::parse(R"([{"parent":"ffff:","chain":0}])"));
}

TEST_F(CliTcChain, monitor_prints_chain_events) {
  nlpp_ok("qdisc add dev veth0 clsact");
  std::thread changes([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the monitor has subscribed by then
    tc_run(ns_name(), "chain add dev veth0 ingress chain 4");
    tc_run(ns_name(), "chain del dev veth0 ingress chain 4");
  });
  Result<CommandOutput> ran = run_command({"timeout", "2", NLPP_CLI_PATH, "-n", ns_name(), "-j", "monitor", "chain"});
  changes.join();
  ASSERT_TRUE(ran);
  EXPECT_EQ(ran->exit_code, 124) << ran->err;  // stopped by timeout, never by an error
  std::vector<nlohmann::json> seen;
  std::istringstream lines(ran->out);
  for (std::string line; std::getline(lines, line);) seen.push_back(nlohmann::json::parse(line));
  EXPECT_EQ(seen, (std::vector<nlohmann::json>{
                      nlohmann::json::parse(
                          R"({"event":"new","object":"chain","chain":{"dev":"veth0","parent":"ffff:","chain":4}})"),
                      nlohmann::json::parse(
                          R"({"event":"del","object":"chain","chain":{"dev":"veth0","parent":"ffff:","chain":4}})"),
                  }))
      << ran->out;
}

TEST_F(CliTcChain, bad_words_fail_with_exit_status_2_and_send_nothing) {
  nlpp_ok("qdisc add dev veth0 clsact");
  for (const std::string_view words : {
           "chain add dev veth0 ingress chain 5 flower geneve_opts 0102:80:00880022",  // not yet
           "chain add dev veth0 ingress chain 5 u32 match ip bogus 1 0xff",
           "chain add dev veth0 ingress chain 5 pref 3",
           "chain add dev veth0 ingress chain 5 protocol ip",
           "chain add dev veth0 ingress chain 5 handle 1",
           "chain add dev veth0 ingress chain x",
           "chain add dev veth0 ingress chain 268435456",  // above TC_ACT_EXT_VAL_MASK: nlpp's check
           "chain add dev veth0 ingress egress chain 5",
           "chain add dev veth0 block 3 chain 5",
           "chain add ingress chain 5",
           "chain add dev veth0 ingress chain 5 estimator 1s 8s",
           "chain del dev veth0 ingress chain 5 u32",
           "chain get dev veth0 chain 5",
           "chain show",
           "chain show dev veth0 ingress frob",
           "chain change dev veth0 ingress chain 5",
       }) {
    const CommandOutput output = nlpp(words);
    EXPECT_EQ(output.exit_code, 2) << words << ": " << output.err;
    EXPECT_FALSE(output.err.empty()) << words;
  }
  const CommandOutput flower = nlpp("chain add dev veth0 ingress chain 5 flower geneve_opts 0102:80:00880022");
  EXPECT_NE(flower.err.find("not supported yet"), std::string::npos) << flower.err;
  EXPECT_EQ(tc_json(ns_name(), "chain show dev veth0 ingress"), nlohmann::json::array());
}

TEST_F(CliTcChain, the_kernel_s_refusals_exit_1_with_its_message) {
  nlpp_ok("qdisc add dev veth0 clsact");
  nlpp_ok("chain add dev veth0 ingress chain 5");
  const CommandOutput again = nlpp("chain add dev veth0 ingress chain 5");
  EXPECT_EQ(again.exit_code, 1) << again.err;
  EXPECT_NE(again.err.find("Filter chain already exists"), std::string::npos) << again.err;
  const CommandOutput orphan = nlpp("chain add dev veth0 parent 5: chain 1");
  EXPECT_EQ(orphan.exit_code, 1) << orphan.err;
  const CommandOutput missing = nlpp("chain del dev veth0 ingress chain 6");
  EXPECT_EQ(missing.exit_code, 1) << missing.err;
  EXPECT_NE(missing.err.find("Cannot find specified filter chain"), std::string::npos) << missing.err;
  const CommandOutput no_template = nlpp("chain add dev veth0 ingress chain 6 u32 match u32 0 0");
  EXPECT_EQ(no_template.exit_code, 1) << no_template.err;
  EXPECT_EQ(tc_json(ns_name(), "chain show dev veth0 ingress"),
            nlohmann::json::parse(R"([{"parent":"ffff:","chain":5}])"));
}

class CliTcChainBatch : public CliBatch {};

TEST_F(CliTcChainBatch, chain_lines_are_pipelined_in_a_batch_and_refused_in_an_atomic_one) {
  ip_run(ns_name(), "link add veth0 type veth peer name veth1");
  const CommandOutput applied = batch(
      "qdisc add dev veth0 clsact\n"
      "chain add dev veth0 ingress chain 3\n"
      "chain add dev veth0 egress chain 4\n");
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_EQ(tc_json(ns_name(), "chain show dev veth0 ingress"),
            nlohmann::json::parse(R"([{"parent":"ffff:","chain":3}])"));
  EXPECT_EQ(tc_json(ns_name(), "chain show dev veth0 egress"),
            nlohmann::json::parse(R"([{"parent":"ffff:","chain":4}])"));

  const CommandOutput atomic = batch("chain add dev veth0 ingress chain 8\n", {"-atomic"});
  EXPECT_EQ(atomic.exit_code, 2);
  EXPECT_NE(atomic.err.find("chain changes are not in IPDB transactions yet"), std::string::npos) << atomic.err;
}

// Templates: flower is the one kind with them, which the build machines'
// kernel lacks; the guest tier runs this (must-run), elsewhere it skips.
class CliTcChainGuest : public CliTcChain {
 protected:
  void SetUp() override {
    CliTcChain::SetUp();
    if (HasFatalFailure()) return;
    tc_run(ns_name(), "qdisc add dev veth0 clsact");
    const Result<CommandOutput> probe = run_command({"tc", "-n", ns_name(), "chain", "add", "dev", "veth0", "ingress",
                                                     "chain", "3", "flower", "dst_mac", "00:11:22:33:44:55"});
    if (!probe || probe->exit_code != 0) GTEST_SKIP() << "no flower here";
  }
};

TEST_F(CliTcChainGuest, a_template_tc_made_is_listed_with_its_kind_and_deleted_with_its_chain) {
  const nlohmann::json by_tc = tc_json(ns_name(), "chain show dev veth0 ingress");
  ASSERT_EQ(by_tc.size(), 1u) << by_tc.dump();
  EXPECT_EQ(by_tc[0]["options"]["keys"]["dst_mac"], "00:11:22:33:44:55");
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j chain show dev veth0 ingress")), by_tc);
  EXPECT_NE(nlpp_ok("chain show dev veth0 ingress").find("flower"), std::string::npos);

  nlpp_ok("chain del dev veth0 ingress chain 3");
  EXPECT_EQ(tc_json(ns_name(), "chain show dev veth0 ingress"), nlohmann::json::array());
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
