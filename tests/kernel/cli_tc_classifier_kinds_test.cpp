// `nlpp filter` with the route, flow and cgroup kinds in tc's words: the
// same lines through nlpp and through tc make the same filters (tc shows
// them alike; tc 6.1 prints these kinds' options as text even with -j, so
// tc's side is compared as text), `nlpp -j` prints what tc 6.8 and later
// print of them, the words send tc's very requests (strace of nlpp against
// tests/data/golden/tc_filter_add_*.request), and bad words fail with exit
// status 2 before anything is sent. The build machines' kernel has none of
// these classifiers: the tests that need them skip there and run in the
// QEMU guest (tests/vm/must_run.txt); the requests and the bad words are
// checked anywhere.
#include "support/iproute2.hpp"
#include "support/scoped_netns.hpp"
#include "support/subprocess.hpp"
#include "support/tc_kind_comparison.hpp"
#include "unit/golden.hpp"

#include <gtest/gtest.h>
#include <linux/rtnetlink.h>

#include <cstddef>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

// The netlink messages of type `type` in what `strace -e
// trace=sendto,sendmsg -e write=all -xx` printed, nlmsg_seq and nlmsg_pid
// zeroed (the goldens' are): each call's buffer is dumped in lines " |
// OFFSET  HEX...  TEXT |", the hex in the 48 columns after the offset.
std::vector<std::vector<std::byte>> sent_messages(const std::string& trace, uint16_t type) {
  std::vector<std::vector<std::byte>> buffers;
  std::istringstream lines(trace);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with(" ") &&
        (line.find("sendto(") != std::string::npos || line.find("sendmsg(") != std::string::npos)) {
      buffers.emplace_back();
    } else if (line.starts_with(" | ") && line.size() > 10 && !buffers.empty()) {
      const std::string hex = line.substr(10, 48);
      for (size_t at = 0; at + 1 < hex.size(); ++at)
        if (hex[at] != ' ') {
          buffers.back().push_back(static_cast<std::byte>(std::stoul(hex.substr(at, 2), nullptr, 16)));
          ++at;
        }
    }
  }
  std::vector<std::vector<std::byte>> messages;
  for (const std::vector<std::byte>& buffer : buffers) {
    for (size_t offset = 0; offset + sizeof(nlmsghdr) <= buffer.size();) {
      nlmsghdr header{};
      std::memcpy(&header, buffer.data() + offset, sizeof header);
      if (header.nlmsg_len < sizeof header || offset + header.nlmsg_len > buffer.size()) break;
      if (header.nlmsg_type == type) {
        std::vector<std::byte> message(buffer.begin() + offset, buffer.begin() + offset + header.nlmsg_len);
        std::memset(message.data() + offsetof(nlmsghdr, nlmsg_seq), 0, 2 * sizeof(uint32_t));
        messages.push_back(std::move(message));
      }
      offset += NLMSG_ALIGN(header.nlmsg_len);
    }
  }
  return messages;
}

// The tc command at the top of a golden request ("# tc filter add dev v0
// ..."), on this fixture's links.
std::string golden_command(const std::string& name) {
  std::ifstream in(std::string(NLPP_TEST_DATA_DIR) + "/golden/" + name + ".request.hex");
  std::string line;
  std::getline(in, line);
  std::string words = line.substr(line.find("filter"));
  for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{" v0 ", " veth0 "}, {" v1 ", " veth1 "}})
    if (const size_t at = words.find(from); at != std::string::npos) words.replace(at, from.size(), to);
  return words;
}

class CliTcClassifierKinds : public TcKindComparison {
 protected:
  // Whether this kernel has the filter kind that `words` (after `filter add
  // dev veth1 parent 9:`) make: tried through tc under an htb qdisc on
  // veth1, removed again.
  bool kernel_has_filter(std::string_view words) {
    tc_run(ns_name(), "qdisc add dev veth1 root handle 9: htb");
    std::vector<std::string> argv{"tc", "-n", ns_name(), "filter", "add", "dev", "veth1", "parent", "9:"};
    std::istringstream split{std::string(words)};
    for (std::string word; split >> word;) argv.push_back(word);
    Result<CommandOutput> tried = run_command(argv);
    tc_run(ns_name(), "qdisc del dev veth1 root");
    return tried && tried->exit_code == 0;
  }

  // Lines with actions through nlpp here and through tc in a namespace of
  // its own: tc shows the same filters of both. (Not the same namespace in
  // turn: the kernel frees a deleted filter's actions after an RCU grace
  // period, and tc's could take other indexes meanwhile.)
  void expect_same_filters(std::initializer_list<std::string_view> lines) {
    for (std::string_view line : lines) nlpp_ok(line);
    Result<ScopedNetns> tc_side = ScopedNetns::create();
    ASSERT_TRUE(tc_side) << tc_side.error().describe();
    add_quiet_veth_pair(tc_side->name());
    for (std::string_view line : lines) tc_run(tc_side->name(), line);
    EXPECT_EQ(tc_run(ns_name(), "-d filter show dev veth0"), tc_run(tc_side->name(), "-d filter show dev veth0"));
  }

  // `nlpp -j filter show dev veth0`'s options of the filter of priority
  // `pref` (the kernel lists the priority itself first, without options).
  nlohmann::json nlpp_options(int pref) {
    const nlohmann::json shown = nlohmann::json::parse(nlpp_ok("-j filter show dev veth0"));
    for (const nlohmann::json& filter : shown)
      if (filter.value("pref", 0) == pref && filter.contains("options")) return filter["options"];
    ADD_FAILURE() << "no filter of pref " << pref << " in " << shown.dump();
    return {};
  }
};

constexpr std::string_view absent = "this kernel has no such classifier";

TEST_F(CliTcClassifierKinds, route_lines_through_nlpp_and_tc_agree) {
  if (!kernel_has_filter("route to 1")) GTEST_SKIP() << absent;
  expect_nlpp_and_tc_agree(
      {
          "qdisc add dev veth0 root handle 1: htb default 10",
          "filter add dev veth0 parent 1: pref 1 route to 10 classid 1:10",
          "filter add dev veth0 parent 1: pref 2 route from 5 flowid 1:20",
          "filter add dev veth0 parent 1: pref 4 route from 2 to 7 order 2 classid 1:5",
          "filter add dev veth0 parent 1: pref 5 route fromif veth1 classid 1:40",
          "filter add dev veth0 parent 1: pref 6 route classid 1:6",
          "filter add dev veth0 parent 1: pref 1 route to 11 classid 1:12",
          "filter change dev veth0 parent 1: pref 1 handle 0xffff000a route to 10 classid 1:11",
          "filter replace dev veth0 parent 1: pref 2 handle 0x58000 route from 5 flowid 1:21",
      },
      {}, {"filter show dev veth0"});
  // What nlpp prints of tc's: what tc 6.8 and later print.
  EXPECT_EQ(nlpp_options(2), nlohmann::json::parse(R"({"fh":"0x58000","flowid":"1:21","name":"5"})"));
  const nlohmann::json ordered = nlpp_options(4);
  EXPECT_EQ(ordered["fh"], "0x20207");
  EXPECT_EQ(ordered["order"], 2);
  EXPECT_EQ(ordered["flowid"], "1:5");
  const nlohmann::json fromif = nlpp_options(5);
  EXPECT_EQ(fromif["fromif"], "veth1");
  EXPECT_EQ(fromif["flowid"], "1:40");
  EXPECT_EQ(nlpp_options(6), nlohmann::json::parse(R"({"fh":"0xffff8000","flowid":"1:6"})"));
  const std::string table = nlpp_ok("filter show dev veth0");
  EXPECT_NE(table.find("flowid 1:11 to 10"), std::string::npos) << table;
  EXPECT_NE(table.find("flowid 1:12 to 11"), std::string::npos) << table;

  nlpp_ok("filter del dev veth0 parent 1: pref 1 handle 0xffff000a route");
  const std::string shown = tc_run(ns_name(), "filter show dev veth0");
  EXPECT_EQ(shown.find("fh 0xffff000a"), std::string::npos) << shown;
  EXPECT_NE(shown.find("fh 0xffff000b"), std::string::npos) << shown;
}

TEST_F(CliTcClassifierKinds, route_lines_with_actions_make_what_tcs_make) {
  if (!kernel_has_filter("route to 1")) GTEST_SKIP() << absent;
  expect_same_filters({
      "qdisc add dev veth0 root handle 1: htb",
      "filter add dev veth0 parent 1: pref 3 route fromif veth1 to 3 classid 1:30 action drop",
      "filter add dev veth0 parent 1: pref 7 route to 8 flowid 1:8 action skbedit mark 5 action pass",
  });
  const nlohmann::json options = nlpp_options(3);
  EXPECT_EQ(options["name"], "3");
  EXPECT_EQ(options["fromif"], "veth1");
  ASSERT_EQ(options["actions"].size(), 1u);
  EXPECT_EQ(options["actions"][0]["kind"], "gact");
  EXPECT_EQ(options["actions"][0]["control_action"]["type"], "drop");
  EXPECT_EQ(nlpp_options(7)["actions"].size(), 2u);
}

TEST_F(CliTcClassifierKinds, flow_lines_through_nlpp_and_tc_agree) {
  if (!kernel_has_filter("handle 1 flow hash keys src")) GTEST_SKIP() << absent;
  expect_nlpp_and_tc_agree(
      {
          "qdisc add dev veth0 root handle 1: htb",
          "filter add dev veth0 parent 1: pref 10 handle 1 flow map key mark rshift 2 addend 5 and 0xff divisor 16 "
          "baseclass 1:10",
          "filter add dev veth0 parent 1: pref 11 handle 2 flow hash keys src,dst,proto,proto-src,proto-dst "
          "divisor 1024 baseclass 1:1 perturb 10",
          "filter add dev veth0 parent 1: pref 13 handle 4 flow hash keys nfct-src,nfct-proto-dst,rt-classid,sk-uid,"
          "sk-gid,vlan-tag,rxhash,iif,priority divisor 64",
          "filter add dev veth0 parent 1: pref 14 handle 5 flow map key src addend 192.168.0.1 xor 0xff00",
          "filter add dev veth0 parent 1: pref 15 handle 6 flow map key proto-dst rshift 4 or 0xf0 and 0xfff",
          "filter add dev veth0 parent 1: pref 16 handle 7 flow m k nfct-dst a 0xffff0000 d 8",
          "filter change dev veth0 parent 1: pref 10 handle 1 flow divisor 32",
      },
      {}, {"filter show dev veth0"});
  EXPECT_EQ(nlpp_options(10), nlohmann::json::parse(R"({"handle":"0x1","mode":"map","keys":["mark"],"and":"0xff",
                                                         "rshift":2,"addend":"0x5","divisor":32,"baseclass":"1:10"})"));
  EXPECT_EQ(nlpp_options(11),
            nlohmann::json::parse(R"({"handle":"0x2","mode":"hash","keys":["src","dst","proto","proto-src","proto-dst"],
                                      "divisor":1024,"baseclass":"1:1","perturb":10})"));
  EXPECT_EQ(nlpp_options(14), nlohmann::json::parse(R"({"handle":"0x5","mode":"map","keys":["src"],"xor":"0xff00",
                                                         "addend":"0xc0a80001","baseclass":"1:1"})"));
  EXPECT_EQ(nlpp_options(15), nlohmann::json::parse(R"({"handle":"0x6","mode":"map","keys":["proto-dst"],"and":"0xf0f",
                                                         "or":"0xf0","rshift":4,"baseclass":"1:1"})"));
  const std::string table = nlpp_ok("filter show dev veth0");
  EXPECT_NE(table.find("map keys nfct-dst and 0xffff0000 divisor 8 baseclass 1:1"), std::string::npos) << table;
}

TEST_F(CliTcClassifierKinds, flow_lines_with_actions_make_what_tcs_make) {
  if (!kernel_has_filter("handle 1 flow hash keys src")) GTEST_SKIP() << absent;
  expect_same_filters({
      "qdisc add dev veth0 root handle 1: htb",
      "filter add dev veth0 parent 1: pref 12 handle 3 flow map key dst and 0xff or 0x100 xor 0x3 addend -10.0.0.0 "
      "divisor 512 action drop",
  });
  const nlohmann::json options = nlpp_options(12);
  EXPECT_EQ(options["and"], "0xff");
  EXPECT_EQ(options["xor"], "0x3");
  EXPECT_EQ(options["or"], "0x100");
  EXPECT_EQ(options["addend"], "0xf6000000");
  EXPECT_EQ(options["actions"][0]["control_action"]["type"], "drop");

  nlpp_ok("filter del dev veth0 parent 1: pref 12 handle 3 flow");
  EXPECT_EQ(tc_run(ns_name(), "filter show dev veth0"), "");
}

TEST_F(CliTcClassifierKinds, cgroup_lines_through_nlpp_and_tc_agree) {
  if (!kernel_has_filter("handle 1 cgroup")) GTEST_SKIP() << absent;
  // Without words, as with tc, the options go empty: the kernel requires them.
  expect_nlpp_and_tc_agree(
      {"qdisc add dev veth0 root handle 1: htb", "filter add dev veth0 parent 1: pref 20 handle 1 cgroup"}, {},
      {"filter show dev veth0"});
  EXPECT_EQ(nlpp_options(20), nlohmann::json::parse(R"({"handle":"0x1"})"));
  remove_qdiscs();
  expect_same_filters({
      "qdisc add dev veth0 root handle 1: htb",
      "filter add dev veth0 parent 1: pref 21 handle 1 cgroup action skbedit mark 5 action pass",
      "filter add dev veth0 parent 1: pref 22 handle 1 cgroup",
      "filter replace dev veth0 parent 1: pref 22 handle 1 cgroup action drop",
  });
  const nlohmann::json actions = nlpp_options(21)["actions"];
  ASSERT_EQ(actions.size(), 2u);
  EXPECT_EQ(actions[0]["kind"], "skbedit");
  EXPECT_EQ(actions[0]["mark"], 5);
  EXPECT_EQ(actions[1]["control_action"]["type"], "pass");

  // Deleted with its priority (the kernel finds no filter by handle).
  EXPECT_EQ(nlpp("filter del dev veth0 parent 1: pref 21 handle 1 cgroup").exit_code, 1);
  nlpp_ok("filter del dev veth0 parent 1: pref 21");
  const std::string shown = tc_run(ns_name(), "filter show dev veth0");
  EXPECT_EQ(shown.find("pref 21"), std::string::npos) << shown;
  EXPECT_NE(shown.find("pref 22"), std::string::npos) << shown;
}

// nlpp's requests for tc's words are tc's bytes, traced as tc's were (see
// tests/data/golden/README.md). Where the kernel lacks the kinds it
// refuses them, which changes nothing of what was sent.
TEST_F(CliTcClassifierKinds, the_words_send_tcs_requests_byte_for_byte) {
  Result<CommandOutput> strace = run_command({"strace", "-V"});
  if (!strace || strace->exit_code != 0) GTEST_SKIP() << "no strace here";
  ASSERT_EQ(ip_json(ns_name(), "link show veth0")[0]["ifindex"], 3);  // as v0 was where tc's were traced
  tc_run(ns_name(), "qdisc add dev veth0 root handle 1: htb");
  for (const std::string name : {"route_to", "route_from", "route_fromif", "route_order", "flow_map", "flow_hash",
                                 "flow_ops", "cgroup_bare", "cgroup_actions"}) {
    SCOPED_TRACE(name);
    const std::string words = golden_command("tc_filter_add_" + name);
    std::vector<std::string> argv{"strace",      "-f", "-e",     "trace=sendto,sendmsg", "-e", "write=all", "-xx",
                                  NLPP_CLI_PATH, "-n", ns_name()};
    std::istringstream split{words};
    for (std::string word; split >> word;) argv.push_back(word);
    Result<CommandOutput> traced = run_command(argv);
    ASSERT_TRUE(traced) << command_line(argv);
    const std::vector<std::vector<std::byte>> sent = sent_messages(traced->err, RTM_NEWTFILTER);
    if (sent.empty() && traced->err.find(" | 00000") == std::string::npos)
      GTEST_SKIP() << "strace cannot trace here: " << traced->err;
    ASSERT_EQ(sent.size(), 1u) << words << "\n" << traced->err;
    EXPECT_EQ(sent[0], golden_bytes("tc_filter_add_" + name + ".request")) << words;
  }
}

TEST_F(CliTcClassifierKinds, bad_words_fail_before_anything_is_sent) {
  for (const std::string_view words : {
           "filter add dev veth0 parent 1: route to cosmos",
           "filter add dev veth0 parent 1: route to 256",
           "filter add dev veth0 parent 1: route from 1 fromif veth1",
           "filter add dev veth0 parent 1: route to 1 to 2",
           "filter add dev veth0 parent 1: route to",
           "filter add dev veth0 parent 1: route via 3",
           "filter add dev veth0 parent 1: route to 1 police rate 1mbit burst 10k",
           "filter add dev veth0 parent 1: handle 1 flow map keys src,dst",
           "filter add dev veth0 parent 1: handle 1 flow hash keys src,bogus",
           "filter add dev veth0 parent 1: handle 1 flow hash keys src,",
           "filter add dev veth0 parent 1: handle 1 flow map key mark addend 10.0.0.1",
           "filter add dev veth0 parent 1: handle 1 flow map key src baseclass 1:0",
           "filter add dev veth0 parent 1: handle 1 flow map key src and many",
           "filter add dev veth0 parent 1: handle 1 flow map key src match cmp(u8 at 0 eq 1)",
           "filter add dev veth0 parent 1: handle 1 cgroup match cmp(u8 at 0 eq 1)",
           "filter add dev veth0 parent 1: handle 1 cgroup classid 1:1",
           "filter add dev veth0 parent 1: handle 1 cgroup police rate 1mbit burst 10k",
       }) {
    const CommandOutput output = nlpp(words);
    EXPECT_EQ(output.exit_code, 2) << words << ": " << output.err;
    EXPECT_FALSE(output.err.empty()) << words;
  }
  // What some of them say.
  EXPECT_NE(nlpp("filter add dev veth0 parent 1: route to cosmos").err.find("not supported yet"), std::string::npos);
  EXPECT_NE(nlpp("filter add dev veth0 parent 1: route from 1 fromif veth1").err.find("mutually exclusive"),
            std::string::npos);
  EXPECT_NE(nlpp("filter add dev veth0 parent 1: handle 1 flow map keys src,dst").err.find("multiple keys"),
            std::string::npos);
  EXPECT_NE(nlpp("filter add dev veth0 parent 1: handle 1 cgroup match cmp(u8 at 0 eq 1)").err.find("ematches"),
            std::string::npos);
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
