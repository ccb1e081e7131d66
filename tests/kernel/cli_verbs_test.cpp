// Every verb of every object, the same words through `ip` (or `bridge`) in
// one namespace and through `nlpp` in its twin: the kernel must end in the
// same state, or both must refuse. This is what lets a script switch by
// changing only the command's name, and it checks the message flags each
// verb sends (NLM_F_CREATE, _EXCL, _REPLACE, _APPEND) by their effect.
#include "support/iproute2.hpp"
#include "support/scoped_netns.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

struct VerbCase {
  std::string name;
  std::string tool;                // "ip" or "bridge": the tool nlpp stands in for
  std::vector<std::string> setup;  // `ip` words (or "bridge WORDS"), run in both namespaces first
  std::string words;               // the verb, said to the tool and to nlpp alike
  std::string show;                // the tool's words that show the result (with -j)
  bool succeeds = true;
};

const std::vector<std::string> kVeth{"link add d0 type veth peer name d1", "link set d0 up", "link set d1 up",
                                     "address add 192.0.2.1/24 dev d0"};

std::vector<std::string> with(std::vector<std::string> setup, std::initializer_list<std::string> more) {
  setup.insert(setup.end(), more);
  return setup;
}

const std::string kRoute = "route add 10.1.0.0/16 via 192.0.2.2";
const std::string kRoutes = "-4 route show table all";

std::vector<VerbCase> verb_cases() {
  const auto bridge_port = with(kVeth, {"link add br0 type bridge", "link set d0 master br0"});
  const auto vxlan = with(kVeth, {"link add vx0 type vxlan id 10 dstport 4789 local 192.0.2.1", "link set vx0 up"});
  return {
      {"route_add", "ip", kVeth, "route add 10.1.0.0/16 via 192.0.2.2 metric 7", kRoutes},
      {"route_add_existing", "ip", with(kVeth, {kRoute}), "route add 10.1.0.0/16 via 192.0.2.3", kRoutes, false},
      {"route_change", "ip", with(kVeth, {kRoute}), "route change 10.1.0.0/16 via 192.0.2.3", kRoutes},
      {"route_change_absent", "ip", kVeth, "route change 10.1.0.0/16 via 192.0.2.3", kRoutes, false},
      {"route_replace", "ip", with(kVeth, {kRoute}), "route replace 10.1.0.0/16 via 192.0.2.3", kRoutes},
      {"route_replace_absent", "ip", kVeth, "route replace 10.1.0.0/16 via 192.0.2.3", kRoutes},
      {"route_append", "ip", with(kVeth, {kRoute}), "route append 10.1.0.0/16 via 192.0.2.3", kRoutes},
      {"route_prepend", "ip", with(kVeth, {kRoute}), "route prepend 10.1.0.0/16 via 192.0.2.3", kRoutes},
      {"route_del", "ip", with(kVeth, {kRoute}), "route del 10.1.0.0/16", kRoutes},
      {"route_del_default", "ip", with(kVeth, {"route add default via 192.0.2.2"}), "route del default", kRoutes},
      {"route_add_default_dev", "ip", kVeth, "route add default dev d0", kRoutes},
      {"address_add", "ip", kVeth, "address add 192.0.2.5/24 dev d0 metric 9", "-4 address show dev d0"},
      {"address_change", "ip", with(kVeth, {"address add 192.0.2.5/24 dev d0"}),
       "address change 192.0.2.5/24 dev d0 metric 9", "-4 address show dev d0"},
      // The kernel creates an IPv4 address on NLM_F_REPLACE without NLM_F_CREATE.
      {"address_change_absent", "ip", kVeth, "address change 192.0.2.5/24 dev d0", "-4 address show dev d0"},
      {"address_replace", "ip", with(kVeth, {"address add 192.0.2.5/24 dev d0"}),
       "address replace 192.0.2.5/24 dev d0 metric 9", "-4 address show dev d0"},
      {"address_del", "ip", with(kVeth, {"address add 192.0.2.5/24 dev d0"}), "address del 192.0.2.5/24 dev d0",
       "-4 address show dev d0"},
      {"neighbour_add", "ip", kVeth, "neighbour add 192.0.2.9 lladdr 02:00:00:00:00:09 dev d0",
       "neighbour show dev d0"},
      {"neighbour_change", "ip", with(kVeth, {"neighbour add 192.0.2.9 lladdr 02:00:00:00:00:09 dev d0"}),
       "neighbour change 192.0.2.9 lladdr 02:00:00:00:00:0a dev d0", "neighbour show dev d0"},
      {"neighbour_change_absent", "ip", kVeth, "neighbour change 192.0.2.9 lladdr 02:00:00:00:00:0a dev d0",
       "neighbour show dev d0", false},
      {"neighbour_replace", "ip", kVeth, "neighbour replace 192.0.2.9 lladdr 02:00:00:00:00:0a dev d0",
       "neighbour show dev d0"},
      {"neighbour_del", "ip", with(kVeth, {"neighbour add 192.0.2.9 lladdr 02:00:00:00:00:09 dev d0"}),
       "neighbour del 192.0.2.9 dev d0", "neighbour show dev d0"},
      {"link_set", "ip", kVeth, "link set d0 mtu 1400", "link show d0"},
      {"link_change", "ip", kVeth, "link change d0 mtu 1300", "link show d0"},
      {"link_add", "ip", {}, "link add v0 type veth peer name v1", "link show"},
      {"link_add_existing", "ip", kVeth, "link add d0 type veth peer name d2", "link show", false},
      {"link_del", "ip", kVeth, "link del d0", "link show"},
      {"rule_add", "ip", {}, "rule add from 10.0.0.0/8 table 100 priority 100", "-4 rule show"},
      {"rule_del", "ip", {"rule add from 10.0.0.0/8 table 100 priority 100"},
       "rule del from 10.0.0.0/8 table 100 priority 100", "-4 rule show"},
      {"nexthop_add", "ip", kVeth, "nexthop add id 1 via 192.0.2.2 dev d0", "nexthop show"},
      {"nexthop_replace", "ip", with(kVeth, {"nexthop add id 1 via 192.0.2.2 dev d0"}),
       "nexthop replace id 1 via 192.0.2.3 dev d0", "nexthop show"},
      {"nexthop_del", "ip", with(kVeth, {"nexthop add id 1 via 192.0.2.2 dev d0"}), "nexthop del id 1",
       "nexthop show"},
      {"fdb_add", "bridge", bridge_port, "fdb add 02:00:00:00:00:01 dev d0 master static", "fdb show dev d0"},
      {"fdb_replace", "bridge", with(bridge_port, {}), "fdb replace 02:00:00:00:00:01 dev d0 master static",
       "fdb show dev d0"},
      {"fdb_append", "bridge", vxlan, "fdb append 00:00:00:00:00:00 dev vx0 dst 192.0.2.7", "fdb show dev vx0"},
      {"fdb_del", "bridge", with(bridge_port, {"bridge fdb add 02:00:00:00:00:01 dev d0 master static"}),
       "fdb del 02:00:00:00:00:01 dev d0 master", "fdb show dev d0"},
  };
}

std::vector<std::string> split(const std::string& words) {
  std::vector<std::string> split;
  std::istringstream in(words);
  for (std::string word; in >> word;) split.push_back(word);
  return split;
}

CommandOutput run(std::vector<std::string> argv, const std::string& words) {
  for (std::string& word : split(words)) argv.push_back(std::move(word));
  Result<CommandOutput> ran = run_command(argv);
  EXPECT_TRUE(ran) << command_line(argv);
  return ran ? *ran : CommandOutput{};
}

// Whether an FDB entry is one the case made, not one of those the kernel
// derives from a veth's random MAC address.
bool made_by_the_case(const nlohmann::json& entry) {
  const std::string mac = entry.value("mac", "");
  return mac.starts_with("02:00:00:00:") || mac.starts_with("00:00:00:00:");
}

// What the tool shows, without what differs between any two namespaces:
// lifetimes that count down, counters, the time an entry was used, random
// MAC addresses.
nlohmann::json shown(const std::string& tool, const std::string& ns, const std::string& words) {
  const CommandOutput output = run({tool, "-n", ns, "-j", "-d"}, words);
  EXPECT_EQ(output.exit_code, 0) << tool << " " << words << ": " << output.err;
  nlohmann::json json = nlohmann::json::parse(output.out.empty() ? "[]" : output.out, nullptr, false);
  const auto strip = [](auto& self, nlohmann::json& value) -> void {
    if (value.is_object()) {
      for (const char* key : {"valid_life_time", "preferred_life_time", "used", "updated", "stats64", "stats",
                              "link_netnsid", "inet6_addr_gen_mode", "num_tx_queues"})
        value.erase(key);
      value.erase("address");  // a veth's MAC is random
      value.erase("broadcast");
    }
    if (value.is_structured())
      for (nlohmann::json& inner : value) self(self, inner);
  };
  strip(strip, json);
  if (tool == "bridge" && json.is_array()) {
    nlohmann::json made = nlohmann::json::array();
    for (const nlohmann::json& entry : json)
      if (made_by_the_case(entry)) made.push_back(entry);
    return made;
  }
  return json;
}

void set_up(const std::string& ns, const std::string& step) {
  if (!step.starts_with("bridge ")) return (void)ip_run(ns, step);
  const CommandOutput output = run({"bridge", "-n", ns}, step.substr(7));
  EXPECT_EQ(output.exit_code, 0) << step << ": " << output.err;
}

class CliVerbs : public ::testing::TestWithParam<VerbCase> {};

TEST_P(CliVerbs, leaves_the_kernel_as_the_tool_it_stands_in_for) {
  const VerbCase& verb = GetParam();
  Result<ScopedNetns> by_tool = ScopedNetns::create();
  Result<ScopedNetns> by_nlpp = ScopedNetns::create();
  ASSERT_TRUE(by_tool && by_nlpp);
  for (const std::string& step : verb.setup) {
    set_up(by_tool->name(), step);
    set_up(by_nlpp->name(), step);
  }
  const CommandOutput tool = run({verb.tool, "-n", by_tool->name()}, verb.words);
  const CommandOutput nlpp = run({NLPP_CLI_PATH, "-n", by_nlpp->name()}, verb.words);
  ASSERT_EQ(tool.exit_code == 0, verb.succeeds) << verb.tool << " " << verb.words << ": " << tool.err;
  EXPECT_EQ(nlpp.exit_code == 0, verb.succeeds) << "nlpp " << verb.words << ": " << nlpp.err;
  EXPECT_EQ(shown(verb.tool, by_nlpp->name(), verb.show), shown(verb.tool, by_tool->name(), verb.show))
      << verb.tool << " -j -d " << verb.show;
}

INSTANTIATE_TEST_SUITE_P(EveryVerb, CliVerbs, ::testing::ValuesIn(verb_cases()),
                         [](const ::testing::TestParamInfo<VerbCase>& param) { return param.param.name; });

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
