// `nlpp actions` and `nlpp filter` with the action kinds beyond gact,
// mirred and police, in tc's words: the same lines through nlpp and through
// tc leave the same actions (tc -j reads both back), `nlpp -j` prints what
// tc prints of them, a filter holds one of each, and bad words fail with
// exit status 2 before anything is sent. The build machines' kernel has
// none of these kinds: those tests skip there and run in the QEMU guest
// (tests/vm/must_run.txt); the bad words are refused anywhere.
#include "support/iproute2.hpp"
#include "support/json_compare.hpp"
#include "support/nlpp_cli.hpp"
#include "support/scoped_netns.hpp"
#include "support/subprocess.hpp"
#include "support/tc_kind_comparison.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

// Classic BPF as tc's bytecode-file reads it: accept everything.
constexpr std::string_view accept_all = "1\n6 0 0 4294967295\n";

class CliTcActionKinds : public NlppCliTest {
 protected:
  void SetUp() override {
    NlppCliTest::SetUp();
    if (HasFatalFailure()) return;
    add_quiet_veth_pair(ns_name());
    bytecode_file_ = ::testing::TempDir() + "nlpp_action_bpf_" + std::to_string(::getpid()) + ".txt";
    std::ofstream(bytecode_file_) << accept_all;
  }
  void TearDown() override {
    ::unlink(bytecode_file_.c_str());
    NlppCliTest::TearDown();
  }

  // Whether this kernel has the action kind that `words` (after `actions
  // add action`) make: tried through tc and deleted again.
  bool kernel_has_action(std::string_view kind, std::string_view words) {
    std::vector<std::string> argv{"tc", "-n", std::string(ns_name()), "actions", "add", "action"};
    std::istringstream split{std::string(words) + " index 4242"};
    for (std::string word; split >> word;) argv.push_back(word);
    Result<CommandOutput> tried = run_command(argv);
    if (!tried || tried->exit_code != 0) return false;
    tc_run(ns_name(), "actions delete action " + std::string(kind) + " index 4242");
    return true;
  }

  // Runs `lines` through nlpp here and through tc in a second namespace:
  // tc lists the same table of `kind` in both, `nlpp -j` prints what tc
  // prints of nlpp's, and `nlpp -j actions get` what tc's get prints. The
  // table holds `count` actions.
  void expect_same_actions(std::string_view kind, const std::vector<std::string>& lines, size_t count) {
    for (const std::string& line : lines) nlpp_ok(line);
    Result<ScopedNetns> tc_side = ScopedNetns::create();
    ASSERT_TRUE(tc_side) << tc_side.error().describe();
    add_quiet_veth_pair(tc_side->name());
    for (const std::string& line : lines) tc_run(tc_side->name(), line);

    const std::string listing = "actions ls action " + std::string(kind);
    const nlohmann::json made = tc_json(ns_name(), listing);
    EXPECT_EQ(made, tc_json(tc_side->name(), listing));
    EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j " + listing)), made);
    ASSERT_EQ(made.size(), 2u) << made.dump();
    EXPECT_EQ(made[0]["total acts"], count) << made.dump();
    const std::string get = "actions get action " + std::string(kind) + " index " +
                            std::to_string(made[1]["actions"].back()["index"].get<uint32_t>());
    EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j " + get)), tc_json(ns_name(), get)) << get;
  }

  std::string bytecode_file_;
};

constexpr std::string_view absent = "this kernel has no such action kind";

TEST_F(CliTcActionKinds, skbedit_words_make_what_tcs_make) {
  if (!kernel_has_action("skbedit", "skbedit mark 1")) GTEST_SKIP() << absent;
  expect_same_actions("skbedit",
                      {
                          "actions add action skbedit priority 1:10 queue_mapping 2 mark 0x10/0xff ptype host "
                          "inheritdsfield index 1",
                          "actions add action skbedit mark 5 pass index 2",
                          "actions add action skbedit ptype otherhost index 3 cookie 0102",
                          "actions add action skbedit priority 5 queue_mapping 0 ptype broadcast drop index 4",
                          "actions add action skbedit ptype multicast action skbedit mark 7/0xf0 no_percpu",
                          "actions change action skbedit ptype host index 3",
                      },
                      6);
  const std::string table = nlpp_ok("actions ls action skbedit");
  EXPECT_NE(table.find("skbedit queue_mapping 2 priority 1:10 mark 16/0xff ptype host inheritdsfield pipe"),
            std::string::npos)
      << table;
}

TEST_F(CliTcActionKinds, vlan_words_make_what_tcs_make) {
  if (!kernel_has_action("vlan", "vlan pop")) GTEST_SKIP() << absent;
  expect_same_actions("vlan",
                      {
                          "actions add action vlan pop index 1",
                          "actions add action vlan push id 100 protocol 802.1ad priority 3 index 2",
                          "actions add action vlan modify id 200 pass index 3",
                          "actions add action vlan push_eth dst_mac 02:00:00:00:00:01 src_mac 02:00:00:00:00:02 "
                          "index 4",
                          "actions add action vlan pop_eth index 5",
                          "actions add action vlan push id 7 continue index 6",
                          "actions replace action vlan modify protocol 802.1Q id 9 index 1",
                      },
                      6);
}

TEST_F(CliTcActionKinds, csum_connmark_and_sample_words_make_what_tcs_make) {
  if (!kernel_has_action("csum", "csum iph")) GTEST_SKIP() << absent;
  expect_same_actions(
      "csum",
      {"actions add action csum iph and tcp index 1", "actions add action csum icmp igmp udp udplite sctp drop index 2",
       "actions add action csum ip4h + udp csum sctp"},
      3);
  expect_same_actions("connmark", {"actions add action connmark index 1", "actions add action connmark zone 5 pass"},
                      2);
  expect_same_actions("sample",
                      {"actions add action sample rate 100 group 5 index 1",
                       "actions add action sample rate 10 group 2 trunc 128 pass"},
                      2);
}

TEST_F(CliTcActionKinds, nat_words_make_what_tcs_make) {
  if (!kernel_has_action("nat", "nat ingress 10.0.0.1 10.0.0.2")) GTEST_SKIP() << absent;
  // 0.0.0.0/0: tc's mask of a /0 is all ones, and nlpp's words make the same.
  expect_same_actions("nat",
                      {"actions add action nat ingress 10.0.0.0/8 192.168.1.1 index 1",
                       "actions add action nat egress 192.168.1.5 10.1.1.1 pipe index 2",
                       "actions add action nat ingress 0.0.0.0/0 10.9.9.9 index 3",
                       "actions add action nat egress 172.16.0.0/12 10.0.0.0 continue index 4"},
                      4);
}

TEST_F(CliTcActionKinds, tunnel_key_words_make_what_tcs_make) {
  if (!kernel_has_action("tunnel_key", "tunnel_key unset")) GTEST_SKIP() << absent;
  expect_same_actions(
      "tunnel_key",
      {"actions add action tunnel_key unset index 1",
       "actions add action tunnel_key set src_ip 10.0.0.1 dst_ip 10.0.0.2 id 42 dst_port 4789 tos 0x10 ttl 64 nocsum "
       "index 2",
       "actions add action tunnel_key set src_ip 2001:db8::1 dst_ip 2001:db8::2 id 7 index 3",
       "actions add action tunnel_key set src_ip 10.0.0.1 dst_ip 10.0.0.2 csum drop index 5"},
      4);
}

TEST_F(CliTcActionKinds, ct_words_make_what_tcs_make) {
  if (!kernel_has_action("ct", "ct zone 1")) GTEST_SKIP() << absent;
  expect_same_actions("ct",
                      {
                          "actions add action ct index 1",
                          "actions add action ct commit zone 3 mark 0x20/0xff label 0102/ff0f index 2",
                          "actions add action ct clear index 3",
                          "actions add action ct commit nat src addr 10.0.0.1-10.0.0.10 port 1000-2000 index 4",
                          "actions add action ct nat zone 2 index 5 pipe",
                          "actions add action ct commit force zone 1 mark 7 index 6",
                          "actions add action ct commit nat dst addr 2001:db8::5 index 7",
                          "actions add action ct commit label 01020304050607080910111213141516 index 8",
                          "actions add action ct commit nat src addr 10.0.0.1 port 80 index 9",
                      },
                      9);
}

TEST_F(CliTcActionKinds, pedit_words_pack_the_keys_tc_packs) {
  if (!kernel_has_action("pedit", "pedit munge offset 0 u32 set 1")) GTEST_SKIP() << absent;
  expect_same_actions(
      "pedit",
      {
          "actions add action pedit munge ip src set 10.0.0.1 munge ip ttl set 10 index 1",
          "actions add action pedit ex munge ip ttl add 1 munge eth dst set 02:00:00:00:00:01 pipe index 2",
          "actions add action pedit munge offset 12 u32 set 0x0a000001 index 3",
          "actions add action pedit ex munge ip6 dst set 2001:db8::1 munge tcp dport set 80 munge udp sport set 53 "
          "index 4",
          "actions add action pedit munge offset 0 u8 set 0x45 retain 0xf0 index 5",
          "actions add action pedit munge offset 4 u16 at 2 0xff 1 set 7 index 6",
          "actions add action pedit ex munge ip ttl decrement munge ip dst set 10.0.0.9 index 7",
          "actions add action pedit ex munge eth src set 02:00:00:00:00:05 munge eth type set 0x86dd munge ip tos "
          "clear index 8",
          "actions add action pedit munge ip dport set 80 munge offset 8 u32 invert index 9",
          "actions add action pedit ex munge ip6 traffic_class set 0x2e munge ip6 hoplimit decrement munge tcp flags "
          "set 0x12 munge ip protocol set 17 munge ip6 flow_lbl set 5 index 10",
          "actions add action pedit munge ip dsfield preserve munge offset -4 u32 clear index 11",
      },
      11);
}

TEST_F(CliTcActionKinds, bpf_words_make_what_tcs_make) {
  if (!kernel_has_action("bpf", "bpf bytecode-file " + bytecode_file_)) GTEST_SKIP() << absent;
  expect_same_actions("bpf",
                      {"actions add action bpf bytecode-file " + bytecode_file_ + " index 1",
                       "actions add action bpf run bytecode-file " + bytecode_file_ + " drop index 2"},
                      2);
}

TEST_F(CliTcActionKinds, a_filter_holds_one_action_of_each_kind_as_tc_makes_it) {
  if (!kernel_has_action("skbedit", "skbedit mark 1") || !kernel_has_action("ct", "ct zone 1")) GTEST_SKIP() << absent;
  const std::vector<std::string> lines{
      "qdisc add dev veth0 ingress",
      "filter add dev veth0 ingress prio 1 matchall action skbedit mark 1 action vlan push id 5 action csum iph "
      "action pedit ex munge ip ttl add 1 action tunnel_key unset action ct zone 1 action connmark action nat "
      "ingress 10.0.0.1 10.0.0.2 action sample rate 5 group 1 action bpf bytecode-file " +
          bytecode_file_ + " cookie 0a0b",
  };
  for (const std::string& line : lines) nlpp_ok(line);
  Result<ScopedNetns> tc_side = ScopedNetns::create();
  ASSERT_TRUE(tc_side) << tc_side.error().describe();
  add_quiet_veth_pair(tc_side->name());
  for (const std::string& line : lines) tc_run(tc_side->name(), line);

  // tc prints an action's age only once it is a USER_HZ tick old: older
  // than that, every listing prints it, and it may tick between two.
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  const std::string listing = "-s -d filter show dev veth0 ingress";
  const nlohmann::json made = tc_json(ns_name(), listing);
  EXPECT_EQ(json_differences(tc_json(tc_side->name(), listing), made, "", tc_action_ages()),
            std::vector<std::string>{});
  EXPECT_EQ(json_differences(made, nlohmann::json::parse(nlpp_ok("-j " + listing)), "", tc_action_ages()),
            std::vector<std::string>{});
  ASSERT_EQ(made.size(), 2u) << made.dump();
  ASSERT_EQ(made[1]["options"]["actions"].size(), 10u) << made.dump();
  EXPECT_EQ(made[1]["options"]["actions"][7]["type"], "nat");
  EXPECT_EQ(made[1]["options"]["actions"][9]["cookie"], "0a0b");
}

TEST_F(CliTcActionKinds, bad_words_fail_with_exit_status_2_and_send_nothing) {
  for (const std::string& words : {
           std::string("actions add action skbedit"),
           std::string("actions add action skbedit pass"),
           std::string("actions add action skbedit mark x"),
           std::string("actions add action skbedit ptype foo"),
           std::string("actions add action skbedit queue_mapping 70000"),
           std::string("actions add action vlan"),
           std::string("actions add action vlan push"),
           std::string("actions add action vlan push id 5 protocol ip"),
           std::string("actions add action vlan pop id 5"),
           std::string("actions add action vlan push priority 9 id 1"),
           std::string("actions add action vlan modify id 1 push"),
           std::string("actions add action vlan push_eth dst_mac 02:00:00:00:00:01"),
           std::string("actions add action csum"),
           std::string("actions add action csum foo"),
           std::string("actions add action nat ingress"),
           std::string("actions add action nat sideways 1.1.1.1 2.2.2.2"),
           std::string("actions add action nat ingress 2001:db8::/64 10.0.0.1"),
           std::string("actions add action connmark zone x"),
           std::string("actions add action sample rate 5"),
           std::string("actions add action sample group 5"),
           std::string("actions add action tunnel_key set src_ip 1.1.1.1"),
           std::string("actions add action tunnel_key set unset"),
           std::string("actions add action tunnel_key set src_ip 1.1.1.1 dst_ip 1.1.1.2 geneve_opts 0102:80:00880022"),
           std::string("actions add action ct clear commit"),
           std::string("actions add action ct commit nat src addr 1.1.1.1 nat dst addr 2.2.2.2"),
           std::string("actions add action ct nat src addr 1.1.1.1 pipe"),
           std::string("actions add action ct commit nat src addr 1.1.1.1"),
           std::string("actions add action ct nat"),
           std::string("actions add action ct commit label 0102030405060708091011121314151617"),
           std::string("actions add action pedit"),
           std::string("actions add action pedit munge ip ttl add 1"),
           std::string("actions add action pedit munge eth dst set 02:00:00:00:00:01"),
           std::string("actions add action pedit munge offset 2 u32 set 1"),
           std::string("actions add action pedit munge offset 0 u64 set 1"),
           std::string("actions add action pedit munge ip foo set 1"),
           std::string("actions add action pedit ex munge ip dport set 80"),
           std::string("actions add action pedit munge ip ttl decrement"),
           std::string("actions add action pedit ex munge ip src decrement"),
           std::string("actions add action pedit munge icmp type set 1"),
           std::string("actions add action bpf"),
           std::string("actions add action bpf object-file prog.o"),
           std::string("actions add action bpf bytecode 2,6,0,0,0"),
       }) {
    const CommandOutput output = nlpp(words);
    EXPECT_EQ(output.exit_code, 2) << words << ": " << output.err;
    EXPECT_FALSE(output.err.empty()) << words;
  }
  for (std::string_view kind : {"skbedit", "vlan", "csum", "nat", "connmark", "sample", "tunnel_key", "ct", "pedit"})
    EXPECT_EQ(tc_json(ns_name(), "actions ls action " + std::string(kind)), nlohmann::json::array()) << kind;
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
