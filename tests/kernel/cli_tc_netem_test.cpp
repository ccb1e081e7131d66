// `nlpp qdisc` with netem, multiq and plug in tc's words: the same lines
// through nlpp and through tc leave the same qdiscs, and nlpp's JSON is
// tc's, for each group of netem's options (delay, jitter, distribution and
// correlation; the loss models; rate with overheads; slots; reorder and
// gap; duplication and corruption; ecn; change and replace; netem under a
// class); multiq, whose options tc 6.1 prints only as text; plug, whose
// options the kernel never reports; and the words tc refuses, refused
// before anything is sent. The kinds are the guest's (tests/vm/must_run.txt).
#include "support/iproute2.hpp"
#include "support/tc_kind_comparison.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

class CliNetem : public TcKindComparison {
 protected:
  void SetUp() override {
    TcKindComparison::SetUp();
    if (HasFatalFailure()) return;
    if (!kernel_has_qdisc("netem")) GTEST_SKIP() << "no netem qdisc in this kernel";
  }
};

TEST_F(CliNetem, delay_jitter_distribution_and_correlation_agree_with_tc) {
  expect_nlpp_and_tc_agree(
      {"qdisc add dev veth0 root handle 1: netem limit 2000 delay 100ms 10ms 25% distribution normal",
       "qdisc add dev veth1 root handle 2: netem delay 1ms 500us distribution paretonormal"},
      {"qdisc show dev veth0", "qdisc show dev veth1"});
  const nlohmann::json shown = tc_json(ns_name(), "qdisc show dev veth0");
  EXPECT_EQ(shown[0]["options"]["delay"], nlohmann::json::parse(R"({"delay":0.1,"jitter":0.01,"correlation":0.25})"));
  const std::string table = nlpp_ok("qdisc show dev veth0");
  EXPECT_NE(table.find("limit 2000 delay 100ms 10ms 25%"), std::string::npos) << table;
}

TEST_F(CliNetem, loss_models_agree_with_tc) {
  expect_nlpp_and_tc_agree({"qdisc add dev veth0 root handle 1: netem delay 10ms loss state 1% 20% 3% 90% 0.5%",
                            "qdisc add dev veth1 root handle 2: netem loss state 5"},
                           {"qdisc show dev veth0", "qdisc show dev veth1"});
  remove_qdiscs();
  expect_nlpp_and_tc_agree({"qdisc add dev veth0 root handle 1: netem loss gemodel 1% 10% 70% 0.1%",
                            "qdisc add dev veth1 root handle 2: netem loss gemodel 5"},
                           {"qdisc show dev veth0", "qdisc show dev veth1"});
  EXPECT_EQ(tc_json(ns_name(), "qdisc show dev veth0")[0]["options"]["loss-gemodel"]["1-h"], 0.7);
}

TEST_F(CliNetem, rates_with_overheads_agree_with_tc) {
  expect_nlpp_and_tc_agree({"qdisc add dev veth0 root handle 1: netem rate 1mbit 20 100 5 delay 5ms",
                            "qdisc add dev veth1 root handle 2: netem rate 40gbit -4"},
                           {"qdisc show dev veth0", "qdisc show dev veth1"});
  EXPECT_EQ(tc_json(ns_name(), "qdisc show dev veth1")[0]["options"]["rate"]["rate"], 5000000000u);
}

TEST_F(CliNetem, slots_agree_with_tc) {
  expect_nlpp_and_tc_agree({"qdisc add dev veth0 root handle 1: netem slot 1ms 5ms packets 10 bytes 64k",
                            "qdisc add dev veth1 root handle 2: netem delay 20ms 5ms distribution pareto slot "
                            "distribution pareto 2ms 1ms packets 5"},
                           {"qdisc show dev veth0", "qdisc show dev veth1"});
  EXPECT_EQ(tc_json(ns_name(), "qdisc show dev veth1")[0]["options"]["slot"]["distribution"], 0.002);
}

TEST_F(CliNetem, reorder_and_gap_agree_with_tc) {
  expect_nlpp_and_tc_agree({"qdisc add dev veth0 root handle 1: netem delay 10ms reorder 25% 50% gap 5",
                            "qdisc add dev veth1 root handle 2: netem delay 10ms r 25%"},  // tc's gap of 1
                           {"qdisc show dev veth0", "qdisc show dev veth1"});
  EXPECT_EQ(tc_json(ns_name(), "qdisc show dev veth1")[0]["options"]["gap"], 1);
}

TEST_F(CliNetem, duplication_corruption_and_ecn_agree_with_tc) {
  // veth1: a duplication's correlation alone, which tc does not send.
  expect_nlpp_and_tc_agree(
      {"qdisc add dev veth0 root handle 1: netem duplicate 5% 20% corrupt 0.1% 30% loss random 2% 40%",
       "qdisc add dev veth1 root handle 2: netem duplicate 5% 20%"},
      {"qdisc show dev veth0", "qdisc show dev veth1"});
  EXPECT_EQ(tc_json(ns_name(), "qdisc show dev veth1")[0]["options"]["duplicate"]["correlation"], 0);
  remove_qdiscs();
  expect_nlpp_and_tc_agree({"qdisc add dev veth0 root handle 1: netem loss 1% ecn",
                            "qdisc add dev veth1 root handle 2: netem drop 3% 4 ecn"},
                           {"qdisc show dev veth0", "qdisc show dev veth1"});
  EXPECT_EQ(tc_json(ns_name(), "qdisc show dev veth0")[0]["options"]["ecn"], true);
}

TEST_F(CliNetem, changes_and_replacements_keep_what_tc_keeps) {
  // The change leaves ecn out (the kernel keeps it) and sends the
  // correlations as zeros with the corruption's (the delay's is reset).
  expect_nlpp_and_tc_agree(
      {"qdisc add dev veth0 root handle 1: netem delay 10ms 1ms 10% loss 1% ecn",
       "qdisc change dev veth0 root handle 1: netem delay 20ms 2ms distribution normal corrupt 1% 2%",
       "qdisc add dev veth1 root handle 2: netem delay 5ms", "qdisc replace dev veth1 root handle 2: netem loss 1%"},
      {"qdisc show dev veth0", "qdisc show dev veth1"});
  const nlohmann::json options = tc_json(ns_name(), "qdisc show dev veth0")[0]["options"];
  EXPECT_EQ(options["ecn"], true);
  EXPECT_EQ(options["delay"]["correlation"], 0);
}

TEST_F(CliNetem, a_netem_under_an_htb_class_agrees_with_tc) {
  expect_nlpp_and_tc_agree({"qdisc add dev veth0 root handle 1: htb default 10",
                            "class add dev veth0 parent 1: classid 1:10 htb rate 10mbit",
                            "qdisc add dev veth0 parent 1:10 handle 10: netem delay 50ms 5ms loss 1%"},
                           {"qdisc show dev veth0"}, {"class show dev veth0"});
}

// multiq and plug, each skipped on a kernel without it.
using CliMultiqPlug = TcKindComparison;

TEST_F(CliMultiqPlug, plug_commands_agree_with_tc) {
  if (!kernel_has_qdisc("plug")) GTEST_SKIP() << "no plug qdisc in this kernel";
  expect_nlpp_and_tc_agree(
      {"qdisc add dev veth0 root handle 1: plug limit 32k", "qdisc change dev veth0 root plug release_indefinite",
       "qdisc change dev veth0 root plug block", "qdisc change dev veth0 root plug release",
       "qdisc add dev veth1 root handle 2: plug"},
      {"qdisc show dev veth0", "qdisc show dev veth1"});
  // The kernel reports no options for plug.
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j qdisc show dev veth0"))[0]["options"], nlohmann::json::object());
}

// tc 6.1 prints multiq's options as text inside its JSON, which no JSON
// parser reads: tc's text is compared, and nlpp's JSON is tc 7.1's.
TEST_F(CliMultiqPlug, multiq_agrees_with_tc_s_text) {
  if (!kernel_has_qdisc("multiq")) GTEST_SKIP() << "no multiq qdisc in this kernel";
  constexpr std::string_view line = "qdisc add dev veth0 root handle 1: multiq";
  nlpp_ok(line);
  const std::string made_by_nlpp = tc_run(ns_name(), "-d qdisc show dev veth0");
  EXPECT_NE(made_by_nlpp.find("qdisc multiq 1: root"), std::string::npos) << made_by_nlpp;
  EXPECT_NE(made_by_nlpp.find("bands 4/4"), std::string::npos) << made_by_nlpp;
  const nlohmann::json listed = nlohmann::json::parse(nlpp_ok("-j -s -d qdisc show dev veth0"));
  ASSERT_FALSE(listed.empty());
  EXPECT_EQ(listed[0]["kind"], "multiq");
  EXPECT_EQ(listed[0]["options"], nlohmann::json::parse(R"({"bands":4,"max_bands":4})"));
  EXPECT_NE(nlpp_ok("qdisc show dev veth0").find("bands 4/4"), std::string::npos);

  tc_run(ns_name(), "qdisc del dev veth0 root");
  tc_run(ns_name(), line);
  EXPECT_EQ(tc_run(ns_name(), "-d qdisc show dev veth0"), made_by_nlpp);
}

// Usage errors need no kernel: these run everywhere.
using CliNetemWords = TcKindComparison;

TEST_F(CliNetemWords, tc_s_refusals_fail_with_exit_status_2_before_anything_is_sent) {
  for (std::string_view words : {
           "qdisc add dev veth0 root handle 1: netem delay",
           "qdisc add dev veth0 root handle 1: netem reorder 25%",          // no delay
           "qdisc add dev veth0 root handle 1: netem delay 10ms gap 5",     // no reorder
           "qdisc add dev veth0 root handle 1: netem ecn",                  // no loss
           "qdisc add dev veth0 root handle 1: netem distribution normal",  // no delay and jitter
           "qdisc add dev veth0 root handle 1: netem delay 10ms 5ms distribution nosuchtable",
           "qdisc add dev veth0 root handle 1: netem loss 101%",
           "qdisc add dev veth0 root handle 1: netem loss 1% loss 2%",
           "qdisc add dev veth0 root handle 1: netem loss bursty 1%",
           "qdisc add dev veth0 root handle 1: netem slot 5ms 1ms",  // max below min
           "qdisc add dev veth0 root handle 1: netem slot distribution normal 2ms 0",
           "qdisc add dev veth0 root handle 1: netem rate 10%",
           "qdisc add dev veth0 root handle 1: netem limit 10/8",
           "qdisc add dev veth0 root handle 1: netem bogus",
           "qdisc add dev veth0 root multiq bands 4",
           "qdisc add dev veth0 root plug unplug",
           "qdisc add dev veth0 root plug limit",
       }) {
    const CommandOutput output = nlpp(words);
    EXPECT_EQ(output.exit_code, 2) << words << ": " << output.err;
    EXPECT_FALSE(output.err.empty()) << words;
  }
  EXPECT_EQ(tc_json(ns_name(), "qdisc show dev veth0")[0]["kind"], "noqueue");
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
