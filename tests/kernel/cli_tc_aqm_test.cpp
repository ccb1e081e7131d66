// `nlpp qdisc` with the queue management kinds in tc's words (codel,
// fq_codel, fq, sfq, pie, fq_pie, red, choke): the same lines through nlpp
// and through tc make the same qdiscs, `nlpp -j -s -d qdisc show` prints
// what tc prints, the text table says tc's words, and bad words fail
// before anything is sent. The build machines' kernel has none of these
// modules: the tests skip there and run in the guest (tests/vm/must_run.txt).
#include "support/iproute2.hpp"
#include "support/tc_kind_comparison.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

class CliTcAqm : public TcKindComparison {
 protected:
  // From links without qdiscs, the lines through nlpp and through tc leave
  // the same qdiscs on both.
  void expect_agree(std::initializer_list<std::string_view> lines) {
    remove_qdiscs();
    expect_nlpp_and_tc_agree(lines, {"qdisc show dev veth0", "qdisc show dev veth1"});
  }
};

TEST_F(CliTcAqm, codel_and_fq_codel_lines_through_nlpp_and_tc_agree) {
  if (!kernel_has_qdisc("fq_codel") || !kernel_has_qdisc("codel")) GTEST_SKIP() << "no codel in this kernel";
  expect_agree(
      {"qdisc add dev veth0 root handle 1: fq_codel limit 2000 flows 256 quantum 1000 target 4ms interval 50ms noecn "
       "ce_threshold 3ms ce_threshold_selector 0x10/0xfc memory_limit 16mb drop_batch 32",
       "qdisc add dev veth1 root handle 2: codel limit 500 target 4ms interval 50ms ecn ce_threshold 2ms",
       "qdisc change dev veth1 root handle 2: codel limit 600 noecn"});
  // Without a word, tc sends an empty nest: the kernel's defaults.
  expect_agree({"qdisc add dev veth0 root handle 3: fq_codel", "qdisc add dev veth1 root handle 4: codel"});
}

TEST_F(CliTcAqm, fq_lines_through_nlpp_and_tc_agree) {
  if (!kernel_has_qdisc("fq")) GTEST_SKIP() << "no fq in this kernel";
  expect_agree(
      {"qdisc add dev veth0 root handle 1: fq limit 5000 flow_limit 50 quantum 3000 initial_quantum 20000 maxrate "
       "10mbit buckets 2000 nopacing refill_delay 20ms low_rate_threshold 1mbit orphan_mask 511 ce_threshold 5ms "
       "timer_slack 20us horizon 5s horizon_cap defrate 1mbit",
       "qdisc add dev veth1 root handle 2: fq pacing horizon_drop timer_slack 1500ns"});
}

TEST_F(CliTcAqm, sfq_lines_through_nlpp_and_tc_agree) {
  if (!kernel_has_qdisc("sfq")) GTEST_SKIP() << "no sfq in this kernel";
  expect_agree(
      {"qdisc add dev veth0 root handle 1: sfq limit 100 perturb 10 quantum 1600 divisor 512 flows 64 depth 20 "
       "headdrop redflowlimit 40000 min 5000 max 15000 probability 0.1 avpkt 1000 burst 8 ecn harddrop",
       "qdisc add dev veth1 root handle 2: sfq redflowlimit 100000 ecn"});
  expect_agree({"qdisc add dev veth0 root handle 3: sfq", "qdisc add dev veth1 root handle 4: sfq perturb 5 limit 50"});
}

TEST_F(CliTcAqm, pie_and_fq_pie_lines_through_nlpp_and_tc_agree) {
  if (!kernel_has_qdisc("pie") || !kernel_has_qdisc("fq_pie")) GTEST_SKIP() << "no pie in this kernel";
  expect_agree(
      {"qdisc add dev veth0 root handle 1: pie limit 500 target 20ms tupdate 32ms alpha 4 beta 30 ecn bytemode "
       "dq_rate_estimator",
       "qdisc add dev veth1 root handle 2: fq_pie limit 2000 flows 512 target 10ms tupdate 32ms alpha 3 beta 25 "
       "quantum 1600 memory_limit 8mb ecn_prob 20 ecn nobytemode dq_rate_estimator",
       "qdisc change dev veth0 root handle 1: pie noecn nobytemode no_dq_rate_estimator"});
}

TEST_F(CliTcAqm, red_and_choke_lines_through_nlpp_and_tc_agree) {
  if (!kernel_has_qdisc("red limit 100000 avpkt 1000") || !kernel_has_qdisc("choke limit 100 bandwidth 1mbit"))
    GTEST_SKIP() << "no red in this kernel";
  expect_agree(
      {"qdisc add dev veth0 root handle 1: red limit 400000 min 30000 max 90000 avpkt 1000 burst 55 probability 0.05 "
       "bandwidth 10mbit ecn harddrop adaptive qevent early_drop block 10 qevent mark block 11",
       "qdisc add dev veth1 root handle 2: choke limit 1000 bandwidth 10mbit ecn min 100 max 300 burst 200 "
       "probability 0.05 avpkt 1000"});
  expect_agree({"qdisc add dev veth0 root handle 3: red limit 100k avpkt 1500 bandwidth 10gbit ecn nodrop",
                "qdisc add dev veth1 root handle 4: choke limit 500 bandwidth 100mbit"});
}

TEST_F(CliTcAqm, the_text_table_says_the_options_in_tc_s_words) {
  if (!kernel_has_qdisc("fq_codel") || !kernel_has_qdisc("red limit 100000 avpkt 1000"))
    GTEST_SKIP() << "no fq_codel or red in this kernel";
  nlpp_ok("qdisc add dev veth0 root fq_codel limit 2000 target 4ms ce_threshold 3ms");
  nlpp_ok("qdisc add dev veth1 root red limit 400000 min 30000 max 90000 avpkt 1000 ecn qevent mark block 7");
  const std::string table = nlpp_ok("qdisc show");
  for (std::string_view words : {
           "limit 2000p flows 1024 quantum 1514 target 4ms ce_threshold 3ms interval 100ms memory_limit 32Mb ecn "
           "drop_batch 64",
           "limit 400000b min 30000b max 90000b ecn qevent mark block 7",
       })
    EXPECT_NE(table.find(words), std::string::npos) << words << "\n" << table;
}

TEST_F(CliTcAqm, bad_words_fail_before_anything_is_sent) {
  for (std::string_view words : {
           "qdisc add dev veth1 root fq_codel limit many",
           "qdisc add dev veth1 root fq_codel ce_threshold_selector 0x10",  // no mask
           "qdisc add dev veth1 root fq_codel flow 64",                     // tc's words are whole
           "qdisc add dev veth1 root codel target soon",
           "qdisc add dev veth1 root fq maxrate 100gbit",  // beyond 32 bits of bytes per second
           "qdisc add dev veth1 root fq timer_slack 5s",   // beyond 32 bits of nanoseconds
           "qdisc add dev veth1 root fq buckets",
           "qdisc add dev veth1 root sfq limit 1",
           "qdisc add dev veth1 root sfq ecn",  // RED without redflowlimit
           "qdisc add dev veth1 root sfq redflowlimit 1000 min 600 max 500",
           "qdisc add dev veth1 root pie alpha 33",
           "qdisc add dev veth1 root fq_pie ecn_prob 100",
           "qdisc add dev veth1 root red limit 100000",  // no avpkt
           "qdisc add dev veth1 root red limit 400000 min 30000 avpkt 1000 burst 3",
           "qdisc add dev veth1 root red limit 400000 avpkt 1000 qevent drop block 3",
           "qdisc add dev veth1 root red limit 400000 avpkt 1000 qevent mark block 0",
           "qdisc add dev veth1 root choke limit 1000",  // no bandwidth
           "qdisc add dev veth1 root choke limit 1000 bandwidth 1mbit max 2000",
       }) {
    const CommandOutput output = nlpp(words);
    EXPECT_EQ(output.exit_code, 2) << words << ": " << output.err;
    EXPECT_FALSE(output.err.empty()) << words;
  }
  EXPECT_EQ(tc_json(ns_name(), "qdisc show dev veth1")[0]["kind"], "noqueue");
}

TEST_F(CliTcAqm, the_kernel_s_refusals_exit_1) {
  if (!kernel_has_qdisc("fq_pie")) GTEST_SKIP() << "no fq_pie in this kernel";
  nlpp_ok("qdisc add dev veth1 root handle 1: fq_pie flows 64");
  // fq_pie's flows are set once.
  const CommandOutput output = nlpp("qdisc change dev veth1 root handle 1: fq_pie flows 128");
  EXPECT_EQ(output.exit_code, 1) << output.err;
  EXPECT_EQ(tc_json(ns_name(), "qdisc show dev veth1")[0]["options"]["flows"], 64);
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
