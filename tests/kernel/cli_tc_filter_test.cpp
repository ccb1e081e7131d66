// `nlpp filter` in tc's words (issue 15): the same lines through nlpp and
// through tc leave the same filters and actions (tc -j reads both back),
// `nlpp -j filter show|get` prints what tc prints, del / replace / change
// act on the filter named, batches carry filter lines, and bad words fail
// before anything is sent. The host has u32, bpf and mirred; matchall, fw
// and gact are in the QEMU guest (CliTcFilterGuest, tests/vm/must_run.txt).
#include "support/cli_batch_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/json_compare.hpp"
#include "support/nlpp_cli.hpp"
#include "support/scoped_netns.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <chrono>
#include <fstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

// A classic BPF program that accepts IPv4 (`tcpdump -ddd ip`), as
// tc's bytecode-file reads it: the count, then an instruction a line.
constexpr std::string_view accept_ipv4 = "4\n40 0 0 12\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n";

// What a namespace needs for the lines below: veth0 with an htb at its
// root, veth1 with clsact, ifb0 for mirred, and no IPv6 (nothing but what
// a test sends leaves the links).
void prepare(std::string_view ns) {
  ip_netns("exec " + std::string(ns) +
           " sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1");
  ip_run(ns, "link add veth0 type veth peer name veth1");
  ip_run(ns, "link add ifb0 type ifb");
  ip_run(ns, "link set veth0 up");
  ip_run(ns, "link set veth1 up");
  tc_run(ns, "qdisc add dev veth0 root handle 1: htb default 10");
  tc_run(ns, "qdisc add dev veth1 clsact");
}

// The entry of a listing whose options have this handle as text ("fh" for
// u32, "handle" for bpf): a u32 priority also lists its tables. (Callers
// keep it non-const: operator[] of a missing key then fails the test
// instead of asserting.)
nlohmann::json with_handle(const nlohmann::json& filters, std::string_view handle) {
  for (const nlohmann::json& filter : filters) {
    const nlohmann::json options = filter.value("options", nlohmann::json::object());
    for (const char* key : {"fh", "handle"})
      if (options.contains(key) && options[key].is_string() && options[key] == handle) return filter;
  }
  ADD_FAILURE() << "no filter with handle " << handle << " in " << filters.dump();
  return nlohmann::json::object();
}

// The first entry of a listing of this kind that has options.
nlohmann::json of_kind(const nlohmann::json& filters, std::string_view kind) {
  for (const nlohmann::json& filter : filters)
    if (filter.value("kind", "") == kind && filter.contains("options")) return filter;
  ADD_FAILURE() << "no " << kind << " filter in " << filters.dump();
  return nlohmann::json::object();
}

// tc leaves out the hook a listing names (`tc filter show dev veth1
// ingress` prints no "ingress"); the rest of nlpp's output must be tc's.
nlohmann::json without_hooks(nlohmann::json filters) {
  for (nlohmann::json& filter : filters)
    for (const char* key : {"ingress", "egress", "parent"}) filter.erase(key);
  return filters;
}

class CliTcFilter : public NlppCliTest {
 protected:
  void SetUp() override {
    NlppCliTest::SetUp();
    if (HasFatalFailure()) return;
    prepare(ns_name());
    bytecode_file_ = ::testing::TempDir() + "nlpp_bpf_" + std::to_string(::getpid()) + ".txt";
    std::ofstream(bytecode_file_) << accept_ipv4;
  }
  void TearDown() override {
    ::unlink(bytecode_file_.c_str());
    NlppCliTest::TearDown();
  }

  // The lines both tools run: u32 selectors that merge, hash tables, a bpf
  // program, mirred actions (the host has no gact), a chain, clsact's hooks.
  std::vector<std::string> tc_lines() const {
    return {
        "filter add dev veth0 parent 1: prio 5 protocol ip u32 match ip dst 10.0.0.0/8 match ip sport 1 0xffff "
        "match ip dport 80 0xffff flowid 1:10 skip_hw",
        "filter add dev veth0 parent 1: prio 6 protocol ip handle 5: u32 divisor 16",
        "filter add dev veth0 parent 1: prio 6 protocol ip u32 match ip protocol 6 0xff hashkey mask 0x0000ff00 at 20 "
        "link 5:",
        "filter add dev veth0 parent 1: prio 6 protocol ip u32 ht 5:7: match tcp dst 22 0xffff classid 1:22",
        "filter add dev veth0 parent 1: prio 6 protocol ip u32 ht 5:3: order 9 match icmp type 8 0xff classid 1:30",
        "filter add dev veth0 parent 1: prio 7 protocol ip handle 3 bpf bytecode-file " + bytecode_file_ +
            " classid 1:10",
        "filter add dev veth1 ingress prio 1 protocol all u32 match u32 0 0 action mirred egress mirror dev ifb0 pipe "
        "index 7 cookie 0a0b0c",
        "filter add dev veth1 egress prio 2 protocol ipv6 u32 match ip6 dst 2001:db8::/33 match ip6 dport 53 0xffff "
        "action mirred ingress redirect dev ifb0",
        "filter add dev veth1 ingress prio 3 protocol 802.1Q u32 match u16 0x0800 0xffff at 12 match ether src "
        "02:00:00:00:00:01 action mirred egress mirror dev ifb0 action mirred egress redirect dev ifb0",
        "filter add dev veth1 ingress prio 4 chain 1 protocol ip bpf bytecode-file " + bytecode_file_ +
            " direct-action",
    };
  }

  std::string bytecode_file_;
};

TEST_F(CliTcFilter, the_same_lines_through_nlpp_and_tc_leave_the_same_filters) {
  for (const std::string& line : tc_lines()) nlpp_ok(line);
  Result<ScopedNetns> tc_side = ScopedNetns::create();
  ASSERT_TRUE(tc_side) << tc_side.error().describe();
  prepare(tc_side->name());
  for (const std::string& line : tc_lines()) tc_run(tc_side->name(), line);

  for (std::string_view listing :
       {"filter show dev veth0", "filter show dev veth1 ingress", "filter show dev veth1 egress"})
    EXPECT_EQ(tc_json(ns_name(), listing), tc_json(tc_side->name(), listing)) << listing;
}

TEST_F(CliTcFilter, nlpp_prints_tc_s_json_for_filters_tc_added) {
  for (const std::string& line : tc_lines()) tc_run(ns_name(), line);
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j filter show dev veth0")), tc_json(ns_name(), "filter show dev veth0"));
  // tc prints an action's age only once it is a USER_HZ tick old (10 ms):
  // older than that, both listings print it.
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  EXPECT_EQ(json_differences(tc_json(ns_name(), "-s filter show dev veth0"),
                             nlohmann::json::parse(nlpp_ok("-j -s filter show dev veth0")), "", tc_action_ages()),
            std::vector<std::string>{});
  for (std::string_view listing : {"filter show dev veth1 ingress", "filter show dev veth1 egress"})
    EXPECT_EQ(without_hooks(nlohmann::json::parse(nlpp_ok("-j " + std::string(listing)))),
              without_hooks(tc_json(ns_name(), listing)))
        << listing;
  const std::string get = "filter get dev veth0 parent 1: prio 6 protocol ip handle 5:7:800 u32";
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j " + get)), tc_json(ns_name(), get));
}

TEST_F(CliTcFilter, u32_words_become_tc_s_keys_and_tables) {
  for (const std::string& line : tc_lines()) nlpp_ok(line);
  nlohmann::json veth0 = tc_json(ns_name(), "filter show dev veth0");
  nlohmann::json web = with_handle(veth0, "800::800");
  EXPECT_EQ(web["protocol"], "ip");
  EXPECT_EQ(web["pref"], 5);
  EXPECT_EQ(web["kind"], "u32");
  EXPECT_EQ(web["options"]["flowid"], "1:10");
  EXPECT_EQ(web["options"]["skip_hw"], true);
  // sport and dport share the word at offset 20: one key, as tc packs them.
  EXPECT_EQ(web["options"]["match"]["value"], "10050");
  EXPECT_EQ(web["options"]["match"]["mask"], "ffffffff");
  EXPECT_EQ(web["options"]["match"]["off"], 20);
  const std::string text = tc_run(ns_name(), "filter show dev veth0");
  EXPECT_NE(text.find("match 0a000000/ff000000 at 16"), std::string::npos) << text;

  EXPECT_EQ(with_handle(veth0, "5:")["options"]["ht_divisor"], 16);
  nlohmann::json linker = with_handle(veth0, "801::800");
  EXPECT_EQ(linker["options"]["link"], "5:");
  EXPECT_EQ(linker["options"]["hash_mask"], "ff00");
  EXPECT_EQ(linker["options"]["hash_off"], 20);
  nlohmann::json ssh = with_handle(veth0, "5:7:800");
  EXPECT_EQ(ssh["options"]["bkt"], "7");
  EXPECT_EQ(ssh["options"]["flowid"], "1:22");
  EXPECT_EQ(ssh["options"]["match"]["offmask"], "nexthdr+");
  EXPECT_EQ(ssh["options"]["match"]["value"], "16");
  EXPECT_EQ(with_handle(veth0, "5:3:9")["options"]["order"], 9);

  nlohmann::json bpf = with_handle(veth0, "0x3");
  EXPECT_EQ(bpf["kind"], "bpf");
  EXPECT_EQ(bpf["options"]["flowid"], "1:10");
  EXPECT_EQ(bpf["options"]["bytecode"]["length"], 4);
  EXPECT_EQ(bpf["options"]["bytecode"]["insns"][1]["k"], 2048);

  nlohmann::json mirror = with_handle(tc_json(ns_name(), "filter show dev veth1 ingress"), "800::800");
  EXPECT_EQ(mirror["protocol"], "all");
  EXPECT_EQ(mirror["options"]["match"]["mask"], "0");
  nlohmann::json action = mirror["options"]["actions"][0];
  EXPECT_EQ(action["kind"], "mirred");
  EXPECT_EQ(action["mirred_action"], "mirror");
  EXPECT_EQ(action["direction"], "egress");
  EXPECT_EQ(action["to_dev"], "ifb0");
  EXPECT_EQ(action["control_action"]["type"], "pipe");
  EXPECT_EQ(action["index"], 7);
  EXPECT_EQ(action["cookie"], "0a0b0c");

  nlohmann::json redirect = with_handle(tc_json(ns_name(), "filter show dev veth1 egress"), "801::800");
  EXPECT_EQ(redirect["protocol"], "ipv6");
  EXPECT_EQ(redirect["options"]["actions"][0]["direction"], "ingress");
  EXPECT_EQ(redirect["options"]["actions"][0]["control_action"]["type"], "stolen");

  nlohmann::json vlan = with_handle(tc_json(ns_name(), "filter show dev veth1 ingress"), "802::800");
  EXPECT_EQ(vlan["protocol"], "802.1Q");
  ASSERT_EQ(vlan["options"]["actions"].size(), 2u);
  EXPECT_EQ(vlan["options"]["actions"][1]["mirred_action"], "redirect");
  const std::string ether = tc_run(ns_name(), "filter show dev veth1 ingress");
  EXPECT_NE(ether.find("match 02000000/ffffffff at -8"), std::string::npos) << ether;
  EXPECT_NE(ether.find("match 00010000/ffff0000 at -4"), std::string::npos) << ether;

  nlohmann::json chained = with_handle(tc_json(ns_name(), "filter show dev veth1 ingress"), "0x1");
  EXPECT_EQ(chained["chain"], 1);
  EXPECT_EQ(chained["options"]["direct-action"], true);
}

TEST_F(CliTcFilter, u32_offsets_and_hash_keys_read_as_tc_reads_them) {
  nlpp_ok("filter add dev veth0 parent 1: prio 6 protocol ip handle 5: u32 divisor 16");
  nlpp_ok(
      "filter add dev veth0 parent 1: prio 6 protocol ip u32 match ip protocol 6 0xff offset at 0 mask 0f00 "
      "shift 6 eat hashkey mask 0x0000ff00 at 20 link 5:");
  nlpp_ok(
      "filter add dev veth0 parent 1: prio 6 protocol ip u32 ht 5: sample tcp dst 22 0xffff divisor 16 "
      "match tcp dst 22 0xffff classid 1:22");
  // tc -j prints offsets as JSON no parser takes: the text says it.
  const std::string text = tc_run(ns_name(), "filter show dev veth0");
  EXPECT_NE(text.find("offset 0f00>>6 at 0"), std::string::npos) << text;
  EXPECT_NE(text.find("eat"), std::string::npos) << text;
  EXPECT_NE(text.find("hash mask 0000ff00 at 20"), std::string::npos) << text;
  // 22 (0x16) folds to bucket 6 of 16.
  EXPECT_NE(text.find("key ht 5 bkt 6 *flowid 1:22"), std::string::npos) << text;
}

TEST_F(CliTcFilter, bytecode_in_one_word_is_read_as_tc_reads_it) {
  const std::vector<std::string> argv{NLPP_CLI_PATH,
                                      "-n",
                                      ns_name(),
                                      "filter",
                                      "add",
                                      "dev",
                                      "veth1",
                                      "ingress",
                                      "protocol",
                                      "ip",
                                      "bpf",
                                      "bytecode",
                                      "4,40 0 0 12,21 0 1 2048,6 0 0 262144,6 0 0 0",
                                      "classid",
                                      "1:1"};
  Result<CommandOutput> ran = run_command(argv);
  ASSERT_TRUE(ran) << command_line(argv);
  ASSERT_EQ(ran->exit_code, 0) << ran->err;
  nlohmann::json filter = with_handle(tc_json(ns_name(), "filter show dev veth1 ingress"), "0x1");
  EXPECT_EQ(filter["pref"], 49152);  // the kernel's first
  EXPECT_EQ(filter["options"]["flowid"], "1:1");
  EXPECT_EQ(filter["options"]["bytecode"]["insns"][2]["k"], 262144);
}

TEST_F(CliTcFilter, del_replace_and_change_act_on_the_filter_named) {
  const std::string web = "dev veth0 parent 1: prio 5 protocol ip handle 800::10 u32";
  nlpp_ok("filter add " + web + " match ip dst 10.0.0.0/8 flowid 1:10");
  nlpp_ok("filter add dev veth0 parent 1: prio 5 protocol ip handle 800::20 u32 match ip dst 10.9.0.0/16 flowid 1:10");
  EXPECT_EQ(with_handle(tc_json(ns_name(), "filter show dev veth0"), "800::10")["options"]["flowid"], "1:10");

  // (The kernel keeps a u32 node's selector when it is replaced or
  // changed; its class and actions change.)
  nlpp_ok("filter replace " + web + " match ip dst 10.0.0.0/8 flowid 1:20");
  EXPECT_EQ(with_handle(tc_json(ns_name(), "filter show dev veth0"), "800::10")["options"]["flowid"], "1:20");
  nlpp_ok("filter change " + web + " match ip dst 10.0.0.0/8 flowid 1:30");
  EXPECT_EQ(with_handle(tc_json(ns_name(), "filter show dev veth0"), "800::10")["options"]["flowid"], "1:30");

  const std::string get = "filter get " + web;
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j " + get)), tc_json(ns_name(), get));

  nlpp_ok("filter del " + web);
  std::string text = tc_run(ns_name(), "filter show dev veth0");
  EXPECT_EQ(text.find("800::10 "), std::string::npos) << text;
  EXPECT_NE(text.find("800::20 "), std::string::npos) << text;

  // A change of what is not there, and a delete of a whole priority.
  EXPECT_EQ(nlpp("filter change " + web + " match ip dst 10.3.0.0/16 flowid 1:30").exit_code, 1);
  nlpp_ok("filter del dev veth0 parent 1: prio 5");
  EXPECT_EQ(tc_json(ns_name(), "filter show dev veth0"), nlohmann::json::array());

  nlpp_ok("filter add dev veth0 parent 1: prio 7 protocol ip handle 3 bpf bytecode-file " + bytecode_file_ +
          " classid 1:10");
  nlpp_ok("filter change dev veth0 parent 1: prio 7 protocol ip handle 3 bpf bytecode-file " + bytecode_file_ +
          " classid 1:20");
  EXPECT_EQ(with_handle(tc_json(ns_name(), "filter show dev veth0"), "0x3")["options"]["flowid"], "1:20");
  nlpp_ok("filter del dev veth0 parent 1:");
  EXPECT_EQ(tc_json(ns_name(), "filter show dev veth0"), nlohmann::json::array());
}

TEST_F(CliTcFilter, show_selects_by_priority_protocol_chain_and_handle) {
  for (const std::string& line : tc_lines()) nlpp_ok(line);
  const nlohmann::json ingress = nlohmann::json::parse(nlpp_ok("-j filter show dev veth1 ingress"));
  EXPECT_EQ(ingress.size(), tc_json(ns_name(), "filter show dev veth1 ingress").size());
  // The kernel selects; tc leaves what the listing named out of each filter.
  for (std::string_view selection : {"prio 3", "protocol 802.1Q", "chain 1"}) {
    const std::string listing = "filter show dev veth1 ingress " + std::string(selection);
    const nlohmann::json selected = nlohmann::json::parse(nlpp_ok("-j " + listing));
    ASSERT_FALSE(selected.empty()) << listing;
    EXPECT_EQ(selected, tc_json(ns_name(), listing)) << listing;
    for (const nlohmann::json& filter : selected) {
      EXPECT_FALSE(filter.contains("ingress")) << filter.dump();
      EXPECT_FALSE(filter.contains(selection.starts_with("prio") ? "pref" : selection.substr(0, selection.find(' '))))
          << filter.dump();
    }
  }
  const nlohmann::json chain1 = nlohmann::json::parse(nlpp_ok("-j filter show dev veth1 ingress chain 1"));
  ASSERT_FALSE(chain1.empty());
  for (const nlohmann::json& filter : chain1) EXPECT_EQ(filter.value("kind", ""), "bpf") << filter.dump();
  nlohmann::json node = nlohmann::json::parse(nlpp_ok("-j filter show dev veth0 handle 5:7:800"));
  ASSERT_EQ(node.size(), 1u) << node.dump();
  EXPECT_EQ(node[0]["options"]["flowid"], "1:22");
  // The text table says it in tc's words.
  const std::string table = nlpp_ok("filter show dev veth0");
  EXPECT_NE(table.find("u32"), std::string::npos) << table;
  EXPECT_NE(table.find("800::800"), std::string::npos) << table;
  EXPECT_NE(table.find("1:10"), std::string::npos) << table;
}

TEST_F(CliTcFilter, bad_words_fail_with_exit_status_2_and_send_nothing) {
  const std::string u32 = "filter add dev veth0 parent 1: prio 1 protocol ip u32 ";
  for (const std::string& words : {
           u32 + "match ip dst 10.0.0.0/8 match ip dst 11.0.0.0/8",  // contradicting keys
           u32 + "match ip bogus 1 0xff",
           u32 + "match ip dst 2001:db8::/32",
           u32 + "match u8 256 0xff",
           u32 + "match u32 0 0 at 2",  // not a multiple of 4
           u32 + "match mark 1 0xff",
           u32 + "divisor 3",
           u32 + "link 5:0:1 match u32 0 0",
           u32 + "match u32 0 0 skip_hw skip_sw",
           u32 + "match u32 0 0 police rate 1mbit burst 10k",
           u32 + "match u32 0 0 action",
           u32 + "match u32 0 0 action police rate 1mbit",
           u32 + "match u32 0 0 action mirred egress bounce dev ifb0",
           u32 + "match u32 0 0 action mirred egress redirect",
           u32 + "match u32 0 0 action gact drop random netrand pass 20000",
           u32 + "match u32 0 0 action goto 5",
           u32 + "match u32 0 0 action drop cookie abc",
           u32 + "match u32 0 0 action drop hw_stats sometimes",
           std::string("filter add dev veth0 parent 1: handle 800::1 u32 order 2 match u32 0 0"),
           std::string("filter add dev veth0 parent 1: handle 1000:: u32 match u32 0 0"),
           std::string("filter add dev veth0 parent 1: flower dst_ip 10.0.0.1"),
           std::string("filter add dev veth0 parent 1: basic"),
           std::string("filter add dev veth0 parent 1: protocol bogus u32 match u32 0 0"),
           std::string("filter add dev veth0 parent 1: prio 70000 u32 match u32 0 0"),
           std::string("filter add dev veth0 block 3 u32 match u32 0 0"),
           std::string("filter add dev veth0 root ingress u32 match u32 0 0"),
           std::string("filter add parent 1: u32 match u32 0 0"),
           std::string("filter add dev veth0 parent 1: prio 1"),
           std::string("filter add dev veth0 parent 1: bpf object-file prog.o"),
           std::string("filter add dev veth0 parent 1: bpf bytecode 2,6_0_0_0"),
           std::string("filter add dev veth0 parent 1: bpf classid 1:1"),
           std::string("filter del dev veth0 parent 1: handle 800::1"),
           std::string("filter get dev veth0 parent 1: prio 1 handle 800::800 u32"),
           std::string("filter show"),
           std::string("filter frob dev veth0"),
       }) {
    const CommandOutput output = nlpp(words);
    EXPECT_EQ(output.exit_code, 2) << words << ": " << output.err;
    EXPECT_FALSE(output.err.empty()) << words;
  }
  EXPECT_EQ(tc_json(ns_name(), "filter show dev veth0"), nlohmann::json::array());
}

TEST_F(CliTcFilter, the_kernel_s_refusals_exit_1_with_its_message) {
  const CommandOutput orphan = nlpp("filter add dev veth0 parent 7: prio 1 protocol ip u32 match u32 0 0");
  EXPECT_EQ(orphan.exit_code, 1) << orphan.err;
  const CommandOutput no_table = nlpp("filter add dev veth0 parent 1: prio 1 protocol ip u32 ht 9: match u32 0 0");
  EXPECT_EQ(no_table.exit_code, 1) << no_table.err;
  EXPECT_NE(no_table.err.find("hash table not found"), std::string::npos) << no_table.err;
  const CommandOutput no_link =
      nlpp("filter add dev veth1 ingress u32 match u32 0 0 action mirred egress mirror dev nope");
  EXPECT_NE(no_link.exit_code, 0) << no_link.err;
}

class CliTcFilterBatch : public CliBatch {};

TEST_F(CliTcFilterBatch, filter_lines_are_pipelined_in_a_batch_and_refused_in_an_atomic_one) {
  ip_run(ns_name(), "link add veth0 type veth peer name veth1");
  ip_run(ns_name(), "link add ifb0 type ifb");
  const CommandOutput applied = batch(
      "qdisc add dev veth0 root handle 1: htb\n"
      "filter add dev veth0 parent 1: prio 1 protocol ip u32 match ip dst 10.0.0.0/8 flowid 1:10\n"
      "filter add dev veth0 parent 1: prio 2 protocol ip u32 match ip src 10.0.0.0/8 "
      "action mirred egress redirect dev ifb0\n"
      "qdisc add dev veth1 clsact\n"
      "f a dev veth1 ingress pref 3 proto all u32 match u32 0 0 action mirred egress mirror dev ifb0\n");
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  nlohmann::json veth0 = tc_json(ns_name(), "filter show dev veth0");
  EXPECT_EQ(with_handle(veth0, "800::800")["options"]["flowid"], "1:10");
  EXPECT_EQ(with_handle(veth0, "801::800")["options"]["actions"][0]["to_dev"], "ifb0");
  // clsact is another qdisc: its u32 tables are numbered from 800: again.
  EXPECT_EQ(with_handle(tc_json(ns_name(), "filter show dev veth1 ingress"), "800::800")["pref"], 3);

  const CommandOutput atomic =
      batch("filter add dev veth0 parent 1: prio 9 protocol ip u32 match u32 0 0 flowid 1:1\n", {"-atomic"});
  EXPECT_EQ(atomic.exit_code, 2);
  EXPECT_NE(atomic.err.find("filter changes are not in IPDB transactions yet"), std::string::npos) << atomic.err;
}

// matchall, fw and gact: the build machines' kernel lacks them; the guest
// tier runs these (must-run), elsewhere they skip.
class CliTcFilterGuest : public CliTcFilter {
 protected:
  void SetUp() override {
    CliTcFilter::SetUp();
    if (HasFatalFailure()) return;
    const CommandOutput probe = nlpp("filter add dev veth1 ingress prio 99 matchall action gact pass");
    if (probe.exit_code != 0) GTEST_SKIP() << "no matchall or gact here: " << probe.err;
    nlpp_ok("filter del dev veth1 ingress prio 99");
  }
};

TEST_F(CliTcFilterGuest, matchall_with_gact_verdicts_and_fw_by_mark) {
  nlpp_ok(
      "filter add dev veth1 ingress prio 1 protocol all matchall skip_hw action gact drop random determ pass 10 "
      "index 4 cookie 01ff action goto chain 2");
  nlohmann::json all = of_kind(tc_json(ns_name(), "filter show dev veth1 ingress"), "matchall");
  EXPECT_EQ(all["kind"], "matchall");
  EXPECT_EQ(all["options"]["skip_hw"], true);
  nlohmann::json actions = all["options"]["actions"];
  ASSERT_EQ(actions.size(), 2u) << all.dump();
  EXPECT_EQ(actions[0]["kind"], "gact");
  EXPECT_EQ(actions[0]["control_action"]["type"], "drop");
  EXPECT_EQ(actions[0]["prob"]["random_type"], "determ");
  EXPECT_EQ(actions[0]["prob"]["control_action"]["type"], "pass");
  EXPECT_EQ(actions[0]["prob"]["val"], 10);
  EXPECT_EQ(actions[0]["index"], 4);
  EXPECT_EQ(actions[0]["cookie"], "01ff");
  EXPECT_EQ(actions[1]["control_action"]["type"], "goto");
  EXPECT_EQ(actions[1]["control_action"]["chain"], 2);

  // tc -j prints fw's options as text (f_fw.c): the text says them.
  nlpp_ok("filter add dev veth0 parent 1: prio 2 protocol ip handle 5/0xff fw classid 1:5 action pass");
  const std::string fw = tc_run(ns_name(), "filter show dev veth0");
  EXPECT_NE(fw.find("handle 0x5/0xff classid 1:5"), std::string::npos) << fw;
  EXPECT_NE(fw.find("gact action pass"), std::string::npos) << fw;
  nlpp_ok("filter del dev veth0 parent 1: prio 2 protocol ip handle 5 fw");
  EXPECT_EQ(tc_run(ns_name(), "filter show dev veth0").find("fw"), std::string::npos);
}

TEST_F(CliTcFilterGuest, police_made_by_nlpp_and_by_tc_reads_the_same_through_both) {
  const std::vector<std::string> lines{
      "filter add dev veth0 parent 1: prio 3 protocol ip u32 match ip dst 10.0.0.0/8 flowid 1:10 "
      "action police rate 1mbit burst 10k mtu 1500 conform-exceed drop/pipe action mirred egress mirror dev ifb0",
      "filter add dev veth0 parent 1: prio 4 protocol ip u32 match ip src 10.0.0.0/8 "
      "action police rate 2mbit burst 20k overhead 4 linklayer atm drop index 9",
  };
  for (const std::string& line : lines) nlpp_ok(line);
  Result<ScopedNetns> tc_side = ScopedNetns::create();
  ASSERT_TRUE(tc_side) << tc_side.error().describe();
  prepare(tc_side->name());
  for (const std::string& line : lines) tc_run(tc_side->name(), line);
  // (Without -s: the guest is slow enough for the actions' ages to differ.)
  EXPECT_EQ(tc_json(ns_name(), "filter show dev veth0"), tc_json(tc_side->name(), "filter show dev veth0"));
  const std::string text = tc_run(ns_name(), "filter show dev veth0");
  EXPECT_NE(text.find("rate 1Mbit burst 10Kb mtu 1500b action drop/pipe"), std::string::npos) << text;
  EXPECT_NE(text.find("linklayer atm"), std::string::npos) << text;

  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j -d filter show dev veth0")),
            tc_json(ns_name(), "-d filter show dev veth0"));
  const CommandOutput no_burst =
      nlpp("filter add dev veth0 parent 1: prio 5 u32 match u32 0 0 action police rate 1mbit");
  EXPECT_NE(no_burst.exit_code, 0);
  EXPECT_NE(no_burst.err.find("the rate needs a burst"), std::string::npos) << no_burst.err;
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
