// `nlpp qdisc` and `nlpp class` in tc's words (issue 15): the same lines
// through nlpp and through tc leave the same qdiscs and classes, `nlpp -j
// -s -d qdisc show` prints what `tc -j -s -d qdisc show` prints, classes
// print as JSON, batches carry tc lines, and bad words and the kernel's
// refusals fail as the other objects do.
#include "support/cli_batch_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/nlpp_cli.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>
#include <string_view>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

// A tree on veth0, a shaper and an ingress on veth1, a byte fifo on lo.
constexpr std::array<std::string_view, 8> tc_lines{
    "qdisc add dev veth0 root handle 1: htb default 10 r2q 5 direct_qlen 50",
    "class add dev veth0 parent 1: classid 1:1 htb rate 10mbit ceil 20mbit",
    "class add dev veth0 parent 1:1 classid 1:10 htb rate 1mbit ceil 5mbit burst 15k cburst 20k prio 1 quantum 3000",
    "qdisc add dev veth0 parent 1:10 handle 10: tbf rate 1mbit burst 10k latency 50ms",
    "qdisc add dev veth1 root handle 2: tbf rate 3mbit burst 12k limit 30k peakrate 4mbit mtu 1600",
    "qdisc add dev veth1 ingress",
    "qdisc add dev lo root handle 3: bfifo limit 30k",
    "qdisc change dev veth1 root handle 2: tbf rate 3mbit burst 12k limit 40k peakrate 4mbit mtu 1600",
};

class CliTc : public NlppCliTest {
 protected:
  void SetUp() override {
    NlppCliTest::SetUp();
    if (HasFatalFailure()) return;
    // No IPv6: nothing but what a test sends leaves the links (statistics compared).
    ip_netns("exec " + ns_name() + " sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1");
    ip_run(ns_name(), "link add veth0 type veth peer name veth1");
    ip_run(ns_name(), "link set veth0 up");
    ip_run(ns_name(), "link set veth1 up");
  }

  void remove_all() {
    for (std::string_view line : {"qdisc del dev veth0 root", "qdisc del dev veth1 root", "qdisc del dev veth1 ingress",
                                  "qdisc del dev lo root"})
      tc_run(ns_name(), line);
  }
};

TEST_F(CliTc, the_same_lines_through_nlpp_and_tc_leave_the_same_qdiscs_and_classes) {
  for (std::string_view line : tc_lines) nlpp_ok(line);
  const nlohmann::json made_by_nlpp = tc_json(ns_name(), "-s -d qdisc show");
  const std::string classes_by_nlpp = tc_run(ns_name(), "-d class show dev veth0");

  // nlpp prints what tc prints, -s and -d included, with and without dev.
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j -s -d qdisc show")), made_by_nlpp);
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j -s -d qdisc show dev veth1")),
            tc_json(ns_name(), "-s -d qdisc show dev veth1"));
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j qdisc show dev veth0")), tc_json(ns_name(), "qdisc show dev veth0"));

  remove_all();
  for (std::string_view line : tc_lines) tc_run(ns_name(), line);
  EXPECT_EQ(tc_json(ns_name(), "-s -d qdisc show"), made_by_nlpp);
  EXPECT_EQ(tc_run(ns_name(), "-d class show dev veth0"), classes_by_nlpp);
}

TEST_F(CliTc, classes_print_as_json_with_their_options_and_statistics) {
  for (std::string_view line : tc_lines) nlpp_ok(line);
  const nlohmann::json classes = nlohmann::json::parse(nlpp_ok("-j -s class show dev veth0"));
  ASSERT_EQ(classes.size(), 3u);  // 1:1, 1:10, and the one class of the tbf under it, 10:1
  nlohmann::json leaf;
  for (const nlohmann::json& tc_class : classes)
    if (tc_class["handle"] == "1:10") leaf = tc_class;
  EXPECT_EQ(leaf["class"], "htb");
  EXPECT_EQ(leaf["parent"], "1:1");
  EXPECT_EQ(leaf["leaf"], "0x10");
  EXPECT_EQ(leaf["prio"], 1);
  EXPECT_EQ(leaf["rate"], 125000);
  EXPECT_EQ(leaf["ceil"], 625000);
  EXPECT_EQ(leaf["burst"], 15360);
  EXPECT_EQ(leaf["cburst"], 20480);
  EXPECT_EQ(leaf["stats"]["packets"], 0);
  EXPECT_TRUE(leaf["stats"].contains("tokens"));
  EXPECT_FALSE(leaf.contains("dev"));
  // Without dev, every link's classes, each naming its link.
  const nlohmann::json every = nlohmann::json::parse(nlpp_ok("-j class show"));
  std::multiset<std::string> devices;
  for (const nlohmann::json& tc_class : every) devices.insert(tc_class["dev"].get<std::string>());
  EXPECT_EQ(devices, (std::multiset<std::string>{"veth0", "veth0", "veth0", "veth1"}));  // and veth1's tbf's
}

TEST_F(CliTc, the_text_tables_say_it_in_tc_s_words) {
  for (std::string_view line : tc_lines) nlpp_ok(line);
  const std::string qdiscs = nlpp_ok("qdisc show dev veth0");
  EXPECT_NE(qdiscs.find("r2q 5 default 0x10 direct_packets_stat 0 direct_qlen 50"), std::string::npos) << qdiscs;
  EXPECT_NE(qdiscs.find("rate 1Mbit burst 10Kb lat 50ms"), std::string::npos) << qdiscs;
  const std::string classes = nlpp_ok("-s class show dev veth0");
  EXPECT_NE(classes.find("prio 1 rate 1Mbit ceil 5Mbit burst 15Kb cburst 20Kb"), std::string::npos) << classes;
  EXPECT_NE(classes.find("SENT"), std::string::npos) << classes;
}

TEST_F(CliTc, deletions_by_place_and_kind) {
  for (std::string_view line : tc_lines) nlpp_ok(line);
  nlpp_ok("qdisc del dev veth0 parent 1:10");
  nlpp_ok("class del dev veth0 classid 1:10 parent 1:1");
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j class show dev veth0")).size(), 1u);
  nlpp_ok("qdisc del dev veth0 root");
  nlpp_ok("qdisc del dev veth1 ingress");
  nlpp_ok("qdisc del dev lo root bfifo");
  const nlohmann::json left = tc_json(ns_name(), "-s -d qdisc show");
  for (const nlohmann::json& qdisc : left)
    EXPECT_TRUE(qdisc["kind"] == "noqueue" || qdisc["kind"] == "tbf") << qdisc.dump();
}

TEST_F(CliTc, bad_words_and_refusals_fail_with_their_exit_status) {
  nlpp_ok("qdisc add dev veth0 root handle 1: htb");
  const CommandOutput again = nlpp("qdisc add dev veth0 root handle 1: htb");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("File exists"), std::string::npos) << again.err;

  const CommandOutput orphan = nlpp("class add dev veth0 parent 7: classid 7:1 htb rate 1mbit");
  EXPECT_EQ(orphan.exit_code, 1) << orphan.err;

  for (std::string_view words : {
           "qdisc add dev veth1 root tbf rate 1mbit latency 10ms",  // no burst
           "qdisc add dev veth1 root tbf rate 1mbot burst 10k limit 10k",
           "qdisc add dev veth1 root htb bogus 1",
           "qdisc add dev veth1 root sfq perturb soon",
           "qdisc add dev veth1 handle 1:1 root htb",
           "qdisc add dev veth1 htb",                                   // where?
           "class add dev veth1 parent 1: classid 1:1 htb ceil 1mbit",  // no rate
           "-s link show",
       }) {
    const CommandOutput output = nlpp(words);
    EXPECT_EQ(output.exit_code, 2) << words << ": " << output.err;
    EXPECT_FALSE(output.err.empty()) << words;
  }
  EXPECT_EQ(tc_json(ns_name(), "qdisc show dev veth1")[0]["kind"], "noqueue");
}

class CliTcBatch : public CliBatch {};

TEST_F(CliTcBatch, tc_lines_in_a_batch_are_applied_and_refused_in_an_atomic_one) {
  ip_run(ns_name(), "link add veth0 type veth peer name veth1");
  ip_run(ns_name(), "link set veth0 up");
  ip_run(ns_name(), "link set veth1 up");
  const CommandOutput applied = batch(
      "qdisc add dev veth0 root handle 1: htb default 10\n"
      "class add dev veth0 parent 1: classid 1:10 htb rate 2mbit\n"
      "qdisc add dev veth0 parent 1:10 handle 10: pfifo limit 40\n");
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  const nlohmann::json qdiscs = tc_json(ns_name(), "qdisc show dev veth0");
  ASSERT_EQ(qdiscs.size(), 2u);
  EXPECT_EQ(qdiscs[1]["kind"], "pfifo");
  EXPECT_EQ(qdiscs[1]["options"]["limit"], 40);

  const CommandOutput atomic = batch("qdisc add dev veth1 root handle 1: htb\n", {"-atomic"});
  EXPECT_EQ(atomic.exit_code, 2);
  EXPECT_NE(atomic.err.find("qdisc changes are not in IPDB transactions yet"), std::string::npos) << atomic.err;
  EXPECT_EQ(tc_json(ns_name(), "qdisc show dev veth1")[0]["kind"], "noqueue");
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
