// The nlpp command-line tool against the real kernel, each test in a fresh
// namespace (`nlpp -n NS ...`): what it creates is read back through
// `ip -j -d`; bad words are usage errors (exit 2) that send nothing, kernel
// errors exit 1 with the kernel's extended ACK text.
#include "support/iproute2.hpp"
#include "support/netns_fixture.hpp"
#include "support/nlpp_cli.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

// Built when the tool is (NLPP_BUILD_CLI, on by default).
#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

class Cli : public NlppCliTest {
 protected:
  nlohmann::json link(std::string_view name) {
    const nlohmann::json links = ip_json(ns_name(), "link show dev " + std::string(name));
    return links.is_array() && !links.empty() ? links[0] : nlohmann::json();
  }
  // A veth pair with v0 up and 192.0.2.1/24 on it: a gateway for routes.
  void veth_with_address() {
    nlpp_ok("link add v0 type veth peer name v1");
    nlpp_ok("link set v1 up");
    nlpp_ok("link set v0 up");
    nlpp_ok("address add 192.0.2.1/24 dev v0");
  }
};

bool has(const nlohmann::json& array, std::string_view value) { return std::ranges::find(array, value) != array.end(); }

TEST_F(Cli, link_add_takes_kind_options_by_the_specs_names_and_iproute2s_words) {
  nlpp_ok("link add br0 mtu 1400 type bridge stp_state 1 forward_delay 500 priority 4096");
  const nlohmann::json bridge = link("br0");
  EXPECT_EQ(bridge["mtu"], 1400);
  EXPECT_EQ(bridge["linkinfo"]["info_kind"], "bridge");
  EXPECT_EQ(bridge["linkinfo"]["info_data"]["stp_state"], 1);
  EXPECT_EQ(bridge["linkinfo"]["info_data"]["forward_delay"], 500);
  EXPECT_EQ(bridge["linkinfo"]["info_data"]["priority"], 4096);

  nlpp_ok("link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1 nolearning ttl 9");
  const nlohmann::json vxlan = link("vx0")["linkinfo"]["info_data"];
  EXPECT_EQ(vxlan["id"], 42);
  EXPECT_EQ(vxlan["port"], 4789);
  EXPECT_EQ(vxlan["local"], "192.0.2.1");
  EXPECT_EQ(vxlan["learning"], false);
  EXPECT_EQ(vxlan["ttl"], 9);
}

TEST_F(Cli, link_set_changes_a_veth_and_enslaves_it) {
  nlpp_ok("link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02");
  nlpp_ok("link add br0 type bridge");
  nlpp_ok("link set v0 mtu 1300 name left master br0 alias uplink up");
  const nlohmann::json left = link("left");
  EXPECT_EQ(left["mtu"], 1300);
  EXPECT_EQ(left["master"], "br0");
  EXPECT_EQ(left["ifalias"], "uplink");
  EXPECT_TRUE(has(left["flags"], "UP"));
  EXPECT_EQ(left["address"], "02:00:00:00:00:01");
  EXPECT_EQ(link("v1")["address"], "02:00:00:00:00:02");
  nlpp_ok("link set left type bridge_slave cost 7 priority 3");
  EXPECT_EQ(link("left")["linkinfo"]["info_slave_data"]["cost"], 7);
  EXPECT_EQ(link("left")["linkinfo"]["info_slave_data"]["priority"], 3);
  nlpp_ok("link set dev left nomaster");
  EXPECT_FALSE(link("left").contains("master"));
  nlpp_ok("link del left");
  EXPECT_EQ(ip_json(ns_name(), "link show type veth").size(), 0u);
}

TEST_F(Cli, address_add_computes_the_broadcast_and_keeps_label_and_lifetimes) {
  veth_with_address();
  nlpp_ok("address add 198.51.100.7/24 broadcast + label v0:web valid_lft 600 preferred_lft 300 dev v0");
  nlpp_ok("address add 2001:db8::7/64 nodad dev v0");
  const nlohmann::json shown = ip_json(ns_name(), "address show dev v0");
  ASSERT_EQ(shown.size(), 1u);
  const nlohmann::json& addresses = shown[0]["addr_info"];
  const auto find = [&](std::string_view local) {
    const auto found = std::ranges::find_if(addresses, [&](const nlohmann::json& a) { return a["local"] == local; });
    return found != addresses.end() ? *found : nlohmann::json();
  };
  EXPECT_EQ(find("198.51.100.7")["broadcast"], "198.51.100.255");
  EXPECT_EQ(find("198.51.100.7")["label"], "v0:web");
  const int valid = find("198.51.100.7")["valid_life_time"];  // counts down from 600
  EXPECT_TRUE(valid <= 600 && valid > 500) << valid;
  EXPECT_EQ(find("2001:db8::7")["prefixlen"], 64);
  nlpp_ok("address del 198.51.100.7/24 dev v0");
  EXPECT_EQ(ip_json(ns_name(), "-4 address show dev v0")[0]["addr_info"].size(), 1u);  // 192.0.2.1 is left
  nlpp_ok("address flush dev v0");
  EXPECT_TRUE(ip_json(ns_name(), "-4 address show dev v0")[0]["addr_info"].empty());
}

TEST_F(Cli, route_add_with_metric_and_mtu_and_a_multipath_route_with_weights) {
  veth_with_address();
  nlpp_ok("route add 198.51.100.0/24 via 192.0.2.2 dev v0 metric 10 mtu 1400 table 1000 proto static");
  const nlohmann::json routes = ip_json(ns_name(), "route show table 1000");
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0]["dst"], "198.51.100.0/24");
  EXPECT_EQ(routes[0]["gateway"], "192.0.2.2");
  EXPECT_EQ(routes[0]["metric"], 10);
  EXPECT_EQ(routes[0]["protocol"], "static");
  EXPECT_EQ(routes[0]["metrics"][0]["mtu"], 1400);

  nlpp_ok("route add 10.1.0.0/16 nexthop via 192.0.2.2 weight 1 nexthop via 192.0.2.3 dev v0 weight 2");
  const nlohmann::json multipath = ip_json(ns_name(), "route show 10.1.0.0/16");
  ASSERT_EQ(multipath.size(), 1u);
  ASSERT_EQ(multipath[0]["nexthops"].size(), 2u);
  EXPECT_EQ(multipath[0]["nexthops"][0]["gateway"], "192.0.2.2");
  EXPECT_EQ(multipath[0]["nexthops"][0]["weight"], 1);
  EXPECT_EQ(multipath[0]["nexthops"][1]["weight"], 2);

  nlpp_ok("route del 198.51.100.0/24 table 1000");
  EXPECT_TRUE(ip_json(ns_name(), "route show table 1000").empty());
}

TEST_F(Cli, neighbour_add_makes_a_permanent_entry) {
  veth_with_address();
  nlpp_ok("neighbour add 192.0.2.9 lladdr 02:00:00:00:00:09 dev v0");
  const nlohmann::json neighbours = ip_json(ns_name(), "neigh show dev v0");
  ASSERT_EQ(neighbours.size(), 1u);
  EXPECT_EQ(neighbours[0]["dst"], "192.0.2.9");
  EXPECT_EQ(neighbours[0]["lladdr"], "02:00:00:00:00:09");
  EXPECT_TRUE(has(neighbours[0]["state"], "PERMANENT"));
  nlpp_ok("neigh del 192.0.2.9 dev v0");
  EXPECT_TRUE(ip_json(ns_name(), "neigh show dev v0").empty());
}

TEST_F(Cli, a_bad_word_is_a_usage_error_that_names_it_and_sends_nothing) {
  veth_with_address();
  struct Case {
    std::string_view words;
    std::string_view named;
  };
  for (const Case& bad :
       {Case{"route add 198.51.100.0/33 dev v0", "198.51.100.0/33"},
        Case{"route add 198.51.100.0/24 metric 99999999999 dev v0", "99999999999"},
        Case{"route add 198.51.100.0/24 dev v0 frobnicate", "frobnicate"},
        Case{"-f mpls route add 1048576 dev v0", "1048576"},
        Case{"link add this-name-is-too-long type bridge", "this-name-is-too-long"},
        Case{"link add vx1 type vxlan id 42 remote 192.0.2.300", "192.0.2.300"},
        Case{"link add b1 type bond mode fastest", "fastest"},
        Case{"neigh add 192.0.2.9 lladdr 02:00:00 dev v0", "02:00:00"},
        Case{"address add 192.0.2.7/24 dev nosuchlink", "nosuchlink"}, Case{"frobnicate show", "frobnicate"}}) {
    const CommandOutput output = nlpp(bad.words);
    const int expected = bad.named == "nosuchlink" ? 1 : 2;  // a missing device is ENODEV, as in ip
    EXPECT_EQ(output.exit_code, expected) << bad.words << ": " << output.err;
    EXPECT_NE(output.err.find(bad.named), std::string::npos) << bad.words << ": " << output.err;
  }
  EXPECT_EQ(ip_json(ns_name(), "route show").size(), 1u);  // the prefix route of 192.0.2.0/24 only
  EXPECT_EQ(ip_json(ns_name(), "link show").size(), 3u);   // lo, v0, v1
}

TEST_F(Cli, kernel_errors_exit_1_with_the_extended_ack) {
  veth_with_address();
  const CommandOutput duplicate = nlpp("link add v0 type veth peer name v2");
  EXPECT_EQ(duplicate.exit_code, 1);
  EXPECT_NE(duplicate.err.find("File exists"), std::string::npos) << duplicate.err;

  const CommandOutput unreachable = nlpp("route add 198.51.100.0/24 via 203.0.113.1 dev v0");
  EXPECT_EQ(unreachable.exit_code, 1);
  EXPECT_NE(unreachable.err.find("Nexthop has invalid gateway"), std::string::npos) << unreachable.err;
}

TEST_F(Cli, json_output_is_what_ip_j_reads) {
  veth_with_address();
  const nlohmann::json links = nlohmann::json::parse(nlpp_ok("-j link show"));
  ASSERT_TRUE(links.is_array());
  std::vector<std::string> names;
  for (const nlohmann::json& link : links) names.push_back(link["ifname"]);
  EXPECT_EQ(names, (std::vector<std::string>{"lo", "v1", "v0"}));
  const nlohmann::json routes = nlohmann::json::parse(nlpp_ok("-j route show"));
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0]["dst"], "192.0.2.0/24");
  EXPECT_EQ(routes[0]["dev"], "v0");
  const std::string text = nlpp_ok("address show dev v0");
  EXPECT_NE(text.find("192.0.2.1/24"), std::string::npos) << text;
}

TEST_F(Cli, monitor_prints_each_change_as_a_json_line) {
  veth_with_address();
  std::thread changes([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the monitor has subscribed by then
    ip_run(ns_name(), "link add d0 type veth peer name d1");
    ip_run(ns_name(), "route add 198.51.100.0/24 via 192.0.2.2");
    ip_run(ns_name(), "route del 198.51.100.0/24");
  });
  Result<CommandOutput> ran =
      run_command({"timeout", "2", NLPP_CLI_PATH, "-n", ns_name(), "-j", "monitor", "link", "route"});
  changes.join();
  ASSERT_TRUE(ran);
  EXPECT_EQ(ran->exit_code, 124) << ran->err;  // stopped by timeout, never by an error
  std::vector<std::string> seen;
  std::istringstream lines(ran->out);
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json event = nlohmann::json::parse(line);
    const nlohmann::json& object = event[event["object"].get<std::string>()];
    seen.push_back(event["event"].get<std::string>() + " " + event["object"].get<std::string>() + " " +
                   (object.contains("ifname") ? object["ifname"] : object["dst"]).get<std::string>());
  }
  for (std::string_view expected :
       {"new link d0", "new link d1", "new route 198.51.100.0/24", "del route 198.51.100.0/24"})
    EXPECT_NE(std::ranges::find(seen, expected), seen.end()) << expected << " in\n" << ran->out;
}

// Kinds the build machine's kernel lacks; the guest tier runs them (must-run).
class CliGuest : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    const CommandOutput probe = nlpp("link add probe0 type dummy");
    if (probe.exit_code != 0) GTEST_SKIP() << "no dummy links here: " << probe.err;
    nlpp_ok("link del probe0");
  }
};

TEST_F(CliGuest, bond_and_vlan_take_their_options_by_name) {
  nlpp_ok("link add d0 type dummy");
  nlpp_ok("link add b0 type bond mode active-backup miimon 100 updelay 200");
  nlpp_ok("link add vl0 link d0 type vlan id 10 protocol 802.1ad");
  const nlohmann::json bond = link("b0")["linkinfo"]["info_data"];
  EXPECT_EQ(bond["mode"], "active-backup");
  EXPECT_EQ(bond["miimon"], 100);
  EXPECT_EQ(bond["updelay"], 200);
  const nlohmann::json vlan = link("vl0");
  EXPECT_EQ(vlan["link"], "d0");
  EXPECT_EQ(vlan["linkinfo"]["info_data"]["id"], 10);
  EXPECT_EQ(vlan["linkinfo"]["info_data"]["protocol"], "802.1ad");
  nlpp_ok("link set d0 master b0");
  EXPECT_EQ(link("d0")["master"], "b0");
}

TEST_F(CliGuest, a_vrf_on_a_table_above_255) {
  nlpp_ok("link add vrf0 type vrf table 1000");
  EXPECT_EQ(link("vrf0")["linkinfo"]["info_data"]["table"], 1000);
}

TEST(CliHelp, help_in_every_spelling_prints_the_usage_and_exits_0) {
  for (const char* word : {"--help", "-h", "-help", "help"}) {
    Result<CommandOutput> help = run_command({NLPP_CLI_PATH, word});
    ASSERT_TRUE(help);
    EXPECT_EQ(help->exit_code, 0) << word << ": " << help->err;
    EXPECT_EQ(help->out.rfind("Usage: nlpp", 0), 0u) << word;
  }
  Result<CommandOutput> route_help = run_command({NLPP_CLI_PATH, "-j", "route", "--help"});
  ASSERT_TRUE(route_help);
  EXPECT_EQ(route_help->exit_code, 0);
  EXPECT_EQ(route_help->out.rfind("Usage: nlpp route", 0), 0u);
}

TEST(CliNetns, add_list_and_del_agree_with_ip_netns) {
  const std::string name = "nlpp-cli-" + std::to_string(::getpid());
  Result<CommandOutput> added = run_command({NLPP_CLI_PATH, "netns", "add", name});
  ASSERT_TRUE(added && added->exit_code == 0) << (added ? added->err : "");
  EXPECT_NE(ip_netns("list").find(name), std::string::npos);
  Result<CommandOutput> listed = run_command({NLPP_CLI_PATH, "netns", "list"});
  ASSERT_TRUE(listed);
  EXPECT_NE(listed->out.find(name), std::string::npos);
  Result<CommandOutput> exec = run_command({NLPP_CLI_PATH, "netns", "exec", name, "ip", "-j", "link", "show"});
  ASSERT_TRUE(exec && exec->exit_code == 0) << (exec ? exec->err : "");
  EXPECT_EQ(nlohmann::json::parse(exec->out).size(), 1u);  // lo only: it ran inside
  Result<CommandOutput> deleted = run_command({NLPP_CLI_PATH, "netns", "del", name});
  ASSERT_TRUE(deleted && deleted->exit_code == 0) << (deleted ? deleted->err : "");
  EXPECT_EQ(ip_netns("list").find(name), std::string::npos);
}

// Under `ip netns exec` the process has a mount namespace of its own whose
// mounts do not reach the system's: a namespace named there would die with
// the process. nlpp refuses, says why, and leaves no name behind.
TEST_F(Cli, netns_add_under_ip_netns_exec_is_refused_and_leaves_nothing) {
  const std::string name = "nlpp-cli-exec-" + std::to_string(::getpid());
  Result<CommandOutput> added =
      run_command({"ip", "netns", "exec", ns_name(), NLPP_CLI_PATH, "netns", "add", name});
  ASSERT_TRUE(added);
  EXPECT_NE(added->exit_code, 0);
  EXPECT_NE(added->err.find("would die with this process"), std::string::npos) << added->err;
  EXPECT_EQ(ip_netns("list").find(name), std::string::npos);
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
