// The comparison every tc kind gets (issue 15): the same `tc` lines
// applied through `nlpp` and through `tc` leave the same objects, and
// `nlpp -j -s -d ... show` prints what `tc -j -s -d ... show` prints.
#pragma once

#include "support/iproute2.hpp"
#include "support/nlpp_cli.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {

/// In namespace ns: veth0 and veth1 (four queues each), up, and IPv6 off,
/// so that no packet moves unless a test sends it (statistics are compared
/// whole).
inline void add_quiet_veth_pair(std::string_view ns) {
  ip_netns("exec " + std::string(ns) +
           " sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1");
  ip_run(ns, "link add veth0 numtxqueues 4 numrxqueues 4 type veth peer name veth1 numtxqueues 4 numrxqueues 4");
  ip_run(ns, "link set veth0 up");
  ip_run(ns, "link set veth1 up");
}

/// A fresh namespace with add_quiet_veth_pair()'s links.
class TcKindComparison : public NlppCliTest {
 protected:
  void SetUp() override {
    NlppCliTest::SetUp();
    if (HasFatalFailure()) return;
    add_quiet_veth_pair(ns_name());
  }

  /// Applies `lines` (tc's words after `tc`, e.g. "qdisc add dev veth0
  /// root handle 1: sfq perturb 10") through nlpp, then runs each of
  /// `shows` ("qdisc show dev veth0", "class show dev veth0") through both
  /// tools with -j -s -d and expects the same JSON; then deletes the qdiscs
  /// of veth0 and veth1 (remove_qdiscs()), applies the lines through tc and expects
  /// tc to print what it printed of nlpp's objects. An object tc prints
  /// without JSON (tc 6.1's classes) is compared as -d text instead: list
  /// its show under `text_shows`. Filters with actions are shown without
  /// -s (`show_options` "-d"): -s prints an action's ages once they are a
  /// tick old, which differ from one dump to the next.
  void expect_nlpp_and_tc_agree(std::initializer_list<std::string_view> lines,
                                std::initializer_list<std::string_view> shows,
                                std::initializer_list<std::string_view> text_shows = {},
                                std::string_view show_options = "-s -d") {
    const std::string options = std::string(show_options) + " ";
    for (std::string_view line : lines) nlpp_ok(line);
    std::vector<nlohmann::json> made_by_nlpp;
    for (std::string_view show : shows) {
      made_by_nlpp.push_back(tc_json(ns_name(), options + std::string(show)));
      EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j " + options + std::string(show))), made_by_nlpp.back()) << show;
    }
    std::vector<std::string> text_by_nlpp;
    for (std::string_view show : text_shows) text_by_nlpp.push_back(tc_run(ns_name(), "-d " + std::string(show)));

    remove_qdiscs();
    for (std::string_view line : lines) tc_run(ns_name(), line);
    size_t index = 0;
    for (std::string_view show : shows)
      EXPECT_EQ(tc_json(ns_name(), options + std::string(show)), made_by_nlpp[index++]) << show;
    index = 0;
    for (std::string_view show : text_shows)
      EXPECT_EQ(tc_run(ns_name(), "-d " + std::string(show)), text_by_nlpp[index++]) << show;
  }

  /// Whether this kernel has the qdisc kind that `words` (after `qdisc add
  /// dev veth1 root`) make: tried through tc on veth1 and removed again. A
  /// test of a kind the host's kernel lacks skips there and runs in the
  /// guest (tests/vm/must_run.txt).
  bool kernel_has_qdisc(std::string_view words) {
    std::vector<std::string> argv{"tc", "-n", std::string(ns_name()), "qdisc", "add", "dev", "veth1", "root"};
    std::istringstream split{std::string(words)};
    for (std::string word; split >> word;) argv.push_back(word);
    Result<CommandOutput> tried = run_command(argv);
    if (!tried || tried->exit_code != 0) return false;
    tc_run(ns_name(), "qdisc del dev veth1 root");
    return true;
  }

  /// Deletes the root, ingress and clsact qdiscs of veth0 and veth1 (their
  /// classes and filters with them).
  void remove_qdiscs() {
    for (const std::string device : {"veth0", "veth1"}) {
      for (const nlohmann::json& qdisc : tc_json(ns_name(), "qdisc show dev " + device)) {
        const std::string kind = qdisc.value("kind", "");
        if (kind == "ingress" || kind == "clsact")
          tc_run(ns_name(), "qdisc del dev " + device + " " + kind);
        else if (qdisc.value("root", false) && kind != "noqueue")
          tc_run(ns_name(), "qdisc del dev " + device + " root");
      }
    }
  }
};

}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
