// `nlpp qdisc` and `nlpp class` with the classful kinds hfsc, drr, ets and
// mqprio in tc's words: the same lines through nlpp and through tc leave
// the same qdiscs and classes, nlpp prints the qdiscs as `tc -j -s -d`
// does and the classes as JSON, and bad words fail before anything is sent.
// The build machines' kernel lacks these kinds: the comparisons skip there
// and run in the guest (tests/vm/must_run.txt); the bad words run anywhere.
#include "support/iproute2.hpp"
#include "support/tc_kind_comparison.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

using CliTcClassful = TcKindComparison;

// The class of `nlpp -j class show dev DEV` with handle, or null.
nlohmann::json class_with_handle(const nlohmann::json& classes, std::string_view handle) {
  for (const nlohmann::json& tc_class : classes)
    if (tc_class["handle"] == handle) return tc_class;
  ADD_FAILURE() << "no class " << handle << " in " << classes.dump();
  return nullptr;
}

TEST_F(CliTcClassful, hfsc_trees_through_nlpp_and_tc_are_the_same) {
  if (!kernel_has_qdisc("hfsc")) GTEST_SKIP() << "no hfsc qdisc in this kernel";
  // No default class here: tc 6.1 prints one inside its JSON as text.
  expect_nlpp_and_tc_agree(
      {
          "qdisc add dev veth0 root handle 1: hfsc",
          "class add dev veth0 parent 1: classid 1:1 hfsc sc rate 10mbit ul rate 20mbit",
          "class add dev veth0 parent 1:1 classid 1:10 hfsc rt m1 2mbit d 10ms m2 1mbit ls rate 3mbit",
          "class add dev veth0 parent 1:1 classid 1:20 hfsc ls umax 1500b dmax 5ms rate 2mbit "
          "ul umax 1500 dmax 50ms rate 4mbit",
          "class add dev veth0 parent 1:1 classid 1:30 hfsc sc d 20ms rate 1mbit",
          "qdisc add dev veth0 parent 1:10 handle 10: pfifo limit 100",
          "class change dev veth0 parent 1:1 classid 1:10 hfsc rt m2 1500kbit",
      },
      {"qdisc show dev veth0"}, {"class show dev veth0"});

  // nlpp's class JSON, of what tc made: each curve by its tc name.
  const nlohmann::json classes = nlohmann::json::parse(nlpp_ok("-j class show dev veth0"));
  EXPECT_EQ(classes.size(), 5u);
  EXPECT_EQ(class_with_handle(classes, "1:1")["sc"], nlohmann::json::parse(R"({"m1":0,"d":0,"m2":1250000})"));
  EXPECT_EQ(class_with_handle(classes, "1:1")["ul"]["m2"], 2500000);
  const nlohmann::json web = class_with_handle(classes, "1:10");
  EXPECT_EQ(web["rt"], nlohmann::json::parse(R"({"m1":0,"d":0,"m2":187500})"));
  EXPECT_EQ(web["ls"], nlohmann::json::parse(R"({"m1":0,"d":0,"m2":375000})"));
  EXPECT_EQ(web["leaf"], "0x10");
  // umax 1500 in 5 ms is 300000 B/s first; within 50 ms at 4mbit, nothing for the first 47 ms.
  const nlohmann::json bulk = class_with_handle(classes, "1:20");
  EXPECT_EQ(bulk["ls"], nlohmann::json::parse(R"({"m1":300000,"d":5000,"m2":250000})"));
  EXPECT_EQ(bulk["ul"], nlohmann::json::parse(R"({"m1":0,"d":47000,"m2":500000})"));
  EXPECT_EQ(class_with_handle(classes, "1:30")["sc"], nlohmann::json::parse(R"({"m1":0,"d":20000,"m2":125000})"));
}

TEST_F(CliTcClassful, hfsc_s_default_class_reads_as_tc_7_1_prints_it) {
  if (!kernel_has_qdisc("hfsc")) GTEST_SKIP() << "no hfsc qdisc in this kernel";
  nlpp_ok("qdisc add dev veth0 root handle 1: hfsc default 20");
  const std::string shown_by_tc = tc_run(ns_name(), "qdisc show dev veth0");
  EXPECT_NE(shown_by_tc.find("qdisc hfsc 1: root"), std::string::npos) << shown_by_tc;
  EXPECT_NE(shown_by_tc.find(" default 20"), std::string::npos) << shown_by_tc;
  tc_run(ns_name(), "qdisc add dev veth1 root handle 2: hfsc default 2a");
  const nlohmann::json shown = nlohmann::json::parse(nlpp_ok("-j qdisc show"));
  size_t hfsc = 0;
  for (const nlohmann::json& qdisc : shown) {
    if (qdisc["kind"] != "hfsc") continue;
    ++hfsc;
    EXPECT_EQ(qdisc["options"]["default"], qdisc["dev"] == "veth0" ? "0x20" : "0x2a") << qdisc.dump();
  }
  EXPECT_EQ(hfsc, 2u) << shown.dump();
  EXPECT_NE(nlpp_ok("qdisc show dev veth1").find("default 2a"), std::string::npos);
}

TEST_F(CliTcClassful, drr_trees_through_nlpp_and_tc_are_the_same) {
  if (!kernel_has_qdisc("drr")) GTEST_SKIP() << "no drr qdisc in this kernel";
  expect_nlpp_and_tc_agree(
      {
          "qdisc add dev veth0 root handle 1: drr",
          "class add dev veth0 parent 1: classid 1:1 drr quantum 3000",
          "class add dev veth0 parent 1: classid 1:2 drr",
          "qdisc add dev veth0 parent 1:1 handle 10: pfifo limit 50",
          "class change dev veth0 parent 1: classid 1:2 drr quantum 1.5k",
      },
      {"qdisc show dev veth0"}, {"class show dev veth0"});
  // tc prints drr's quantum only as text; nlpp's table says it.
  EXPECT_NE(nlpp_ok("class show dev veth0").find("quantum 1536b"), std::string::npos);
}

TEST_F(CliTcClassful, ets_qdiscs_and_their_bands_through_nlpp_and_tc_are_the_same) {
  if (!kernel_has_qdisc("ets bands 2")) GTEST_SKIP() << "no ets qdisc in this kernel";
  expect_nlpp_and_tc_agree(
      {
          "qdisc add dev veth0 root handle 1: ets bands 4 strict 1 quanta 3000 2000 priomap 0 1 2 3 3 2 1 0",
          "class change dev veth0 parent 1: classid 1:3 ets quantum 2500",
          "qdisc add dev veth0 parent 1:2 handle 20: pfifo limit 100",
          "qdisc add dev veth1 root handle 2: ets quanta 1000 2000 3000",
          "qdisc change dev veth1 root handle 2: ets bands 4 quanta 1000 2000 3000 priomap 3 2 1 0",
      },
      {"qdisc show dev veth0", "qdisc show dev veth1"}, {"class show dev veth0", "class show dev veth1"});

  const nlohmann::json bands = nlohmann::json::parse(nlpp_ok("-j class show dev veth0"));
  ASSERT_EQ(bands.size(), 4u);
  EXPECT_FALSE(class_with_handle(bands, "1:1").contains("quantum"));  // strict
  EXPECT_EQ(class_with_handle(bands, "1:3")["quantum"], 2500);
  EXPECT_EQ(class_with_handle(bands, "1:4")["quantum"], 1514);

  // A strict band has no quantum: the kernel's refusal, exit status 1.
  const CommandOutput strict = nlpp("class change dev veth0 parent 1: classid 1:1 ets quantum 1000");
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("Strict bands do not have a configurable quantum"), std::string::npos) << strict.err;
}

TEST_F(CliTcClassful, mqprio_and_the_classes_the_kernel_makes_for_it_through_nlpp_and_tc_are_the_same) {
  if (!kernel_has_qdisc("mqprio num_tc 2 map 0 1 queues 2@0 2@2 hw 0"))
    GTEST_SKIP() << "no mqprio qdisc in this kernel";
  expect_nlpp_and_tc_agree(
      {
          "qdisc add dev veth0 root handle 1: mqprio num_tc 2 map 0 0 0 0 1 1 1 1 0 0 0 0 0 0 0 0 "
          "queues 2@0 2@2 hw 0",
          "qdisc add dev veth0 parent 1:3 handle 30: pfifo limit 30",
      },
      {"qdisc show dev veth0"}, {"class show dev veth0"});

  // A class per traffic class at root, one per queue under its traffic class.
  const nlohmann::json classes = nlohmann::json::parse(nlpp_ok("-j class show dev veth0"));
  ASSERT_EQ(classes.size(), 6u);
  EXPECT_EQ(class_with_handle(classes, "1:ffe0")["class"], "mqprio");
  EXPECT_EQ(class_with_handle(classes, "1:ffe0")["root"], true);
  EXPECT_EQ(class_with_handle(classes, "1:2")["parent"], "1:ffe0");
  EXPECT_EQ(class_with_handle(classes, "1:3")["parent"], "1:ffe1");
  EXPECT_EQ(class_with_handle(classes, "1:3")["leaf"], "0x30");
}

TEST_F(CliTcClassful, bad_words_fail_before_anything_is_sent) {
  for (std::string_view words : {
           "qdisc add dev veth1 root hfsc default 1 default 2",
           "qdisc add dev veth1 root hfsc bogus",
           "class add dev veth1 parent 1: classid 1:1 hfsc",                          // no curve
           "class add dev veth1 parent 1: classid 1:1 hfsc ul rate 1mbit",            // ul without ls
           "class add dev veth1 parent 1: classid 1:1 hfsc sc m1 0 d 10ms m2 0",      // two zero slopes
           "class add dev veth1 parent 1: classid 1:1 hfsc rt m1 1mbit d 10ms",       // no m2
           "class add dev veth1 parent 1: classid 1:1 hfsc sc umax 1500 rate 1mbit",  // umax without dmax
           "class add dev veth1 parent 1: classid 1:1 hfsc sc rate 5%",
           "qdisc add dev veth1 root drr quantum 1500",  // the qdisc has no options
           "class add dev veth1 parent 1: classid 1:1 drr quantum 0",
           "class add dev veth1 parent 1: classid 1:1 drr weight 3",
           "qdisc add dev veth1 root ets",
           "qdisc add dev veth1 root ets bands 17",
           "qdisc add dev veth1 root ets bands 2 quanta 1000 2000 3000",  // more quanta than bands
           "qdisc add dev veth1 root ets bands 3 strict 2 quanta 1000 2000",
           "qdisc add dev veth1 root ets quanta 1000 0",
           "qdisc add dev veth1 root ets bands 2 priomap 0 2",
           "qdisc add dev veth1 root ets bands 2 bands 3",
           "class change dev veth1 parent 1: classid 1:1 ets quantum 0",
           "qdisc add dev veth1 root mqprio num_tc 1 queues 1@0 1@1",  // two ranges for one class
           "qdisc add dev veth1 root mqprio hw 0 mode channel",        // mode only with offload
           "qdisc add dev veth1 root mqprio num_tc 2 map 0 1 shaper bw_rlimit min_rate 1mbit",
           "qdisc add dev veth1 root mqprio num_tc 300",
           "qdisc add dev veth1 root mqprio queues 2@0 fast",
       }) {
    const CommandOutput output = nlpp(words);
    EXPECT_EQ(output.exit_code, 2) << words << ": " << output.err;
    EXPECT_FALSE(output.err.empty()) << words;
  }
  EXPECT_EQ(tc_json(ns_name(), "qdisc show dev veth1")[0]["kind"], "noqueue");
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
