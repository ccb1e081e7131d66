// The nlpp tool's rule, nexthop, fdb and vlan objects against the real
// kernel, each test in a fresh namespace: what nlpp adds is read back
// through `nlpp -j ... show` and through iproute2 (`ip -j -d`, `bridge -j`);
// nlpp's rule and nexthop JSON is compared with ip's key by key.
#include "support/iproute2.hpp"
#include "support/json_compare.hpp"
#include "support/nlpp_cli.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

class CliObjects : public NlppCliTest {
 protected:
  nlohmann::json nlpp_json(std::string_view words) {
    return nlohmann::json::parse(nlpp_ok("-j " + std::string(words)), nullptr, /*allow_exceptions=*/false);
  }
  // Expects exit status `status` with `text` in the message.
  void expect_failure(std::string_view words, int status, std::string_view text) {
    const CommandOutput output = nlpp(words);
    EXPECT_EQ(output.exit_code, status) << "nlpp " << words << ": " << output.err;
    EXPECT_NE(output.err.find(text), std::string::npos) << "nlpp " << words << ": " << output.err;
  }
  // `bridge -n NS -j ARGS`, parsed.
  nlohmann::json bridge_json(std::string_view args) {
    std::vector<std::string> argv{"bridge", "-n", ns_name(), "-j"};
    std::istringstream split{std::string(args)};
    for (std::string word; split >> word;) argv.push_back(word);
    Result<CommandOutput> ran = run_command(argv);
    EXPECT_TRUE(ran && ran->exit_code == 0) << command_line(argv) << (ran ? ": " + ran->err : "");
    return ran ? nlohmann::json::parse(ran->out, nullptr, /*allow_exceptions=*/false) : nlohmann::json();
  }
  // br0 with v1 (of the veth pair v0 / v1) as its port.
  void bridge_with_port() {
    nlpp_ok("link add v0 type veth peer name v1");
    nlpp_ok("link add br0 type bridge");
    nlpp_ok("link set v1 master br0");
  }
  // v0 (192.0.2.1/24, up) and its peer v1 (up): gateways for nexthops.
  void veth_with_address() {
    nlpp_ok("link set lo up");  // a blackhole nexthop lives on lo
    nlpp_ok("link add v0 type veth peer name v1");
    nlpp_ok("link set v1 up");
    nlpp_ok("link set v0 up");
    nlpp_ok("address add 192.0.2.1/24 dev v0");
  }
};

// The entry of `array` whose member `key` is `value`; null when none is.
nlohmann::json find_by(const nlohmann::json& array, std::string_view key, const nlohmann::json& value) {
  if (array.is_array())
    for (const nlohmann::json& object : array)
      if (object.contains(key) && object[key] == value) return object;
  return nullptr;
}

TEST_F(CliObjects, rule_add_show_del_match_ip_rule) {
  nlpp_ok("rule add from 10.0.0.0/8 to 198.51.100.0/24 fwmark 0x10/0xff ipproto tcp dport 80-90 table 100 "
          "priority 100 protocol static");
  nlpp_ok("rule add not iif lo uidrange 1000-2000 prohibit pref 200");
  nlpp_ok("-6 rule add from 2001:db8::/32 goto 300 priority 250");

  const nlohmann::json rule = find_by(ip_json(ns_name(), "rule show"), "priority", 100);
  EXPECT_EQ(rule["src"], "10.0.0.0");
  EXPECT_EQ(rule["srclen"], 8);
  EXPECT_EQ(rule["dst"], "198.51.100.0");
  EXPECT_EQ(rule["fwmark"], "0x10");
  EXPECT_EQ(rule["fwmask"], "0xff");
  EXPECT_EQ(rule["ipproto"], "tcp");
  EXPECT_EQ(rule["dport_start"], 80);
  EXPECT_EQ(rule["dport_end"], 90);
  EXPECT_EQ(rule["table"], "100");
  EXPECT_EQ(rule["protocol"], "static");
  const nlohmann::json prohibit = find_by(ip_json(ns_name(), "rule show"), "priority", 200);
  EXPECT_EQ(prohibit["action"], "prohibit");
  EXPECT_EQ(prohibit["iif"], "lo");
  EXPECT_TRUE(prohibit.contains("not"));
  EXPECT_EQ(find_by(ip_json(ns_name(), "-6 rule show"), "priority", 250)["goto"], 300);

  expect_same_as_ip(ns_name(), "rule show", [&] { return nlpp_ok("-j rule show"); });
  expect_same_as_ip(ns_name(), "-6 rule show", [&] { return nlpp_ok("-6 -j rule show"); });
  EXPECT_EQ(nlpp_json("rule show table 100").size(), 1u);

  nlpp_ok("rule del priority 100");
  EXPECT_TRUE(find_by(ip_json(ns_name(), "rule show"), "priority", 100).is_null());
}

TEST_F(CliObjects, rule_errors) {
  nlpp_ok("rule add from 10.0.0.0/8 table 100 priority 100");
  expect_failure("rule add from 10.0.0.0/8 table 100 priority 100", 1, "File exists");
  expect_failure("rule del from 10.9.0.0/16 table 100", 1, "No such file or directory");
  expect_failure("rule add tos zz table 100", 2, "\"zz\"");
  expect_failure("rule add dport 90-80 table 100", 2, "\"90-80\"");
  expect_failure("rule add from 10.0.0.0/8 frobnicate table 100", 2, "\"frobnicate\"");
  EXPECT_EQ(ip_json(ns_name(), "rule show").size(), 4u);  // local, main, default and the one added
}

TEST_F(CliObjects, nexthop_add_replace_show_get_del_match_ip_nexthop) {
  veth_with_address();
  nlpp_ok("nexthop add id 1 via 192.0.2.2 dev v0 protocol 99");
  nlpp_ok("nh add id 2 blackhole");
  nlpp_ok("nh add id 3 via 192.0.2.3 dev v0 onlink");
  nlpp_ok("nh add id 10 group 1/3,5");
  nlpp_ok("nh add id 11 group 1/3 type resilient buckets 8 idle_timer 2 unbalanced_timer 5");

  const nlohmann::json shown = ip_json(ns_name(), "nexthop show");
  const nlohmann::json one = find_by(shown, "id", 1);
  EXPECT_EQ(one["gateway"], "192.0.2.2");
  EXPECT_EQ(one["dev"], "v0");
  EXPECT_EQ(one["protocol"], "openr");
  EXPECT_TRUE(find_by(shown, "id", 2).contains("blackhole"));
  EXPECT_EQ(find_by(shown, "id", 3)["flags"], nlohmann::json::array({"onlink"}));
  EXPECT_EQ(find_by(shown, "id", 10)["group"], nlohmann::json::parse(R"([{"id":1},{"id":3,"weight":5}])"));
  const nlohmann::json resilient = find_by(shown, "id", 11);
  EXPECT_EQ(resilient["type"], "resilient");
  EXPECT_EQ(resilient["resilient_args"]["buckets"], 8);
  EXPECT_EQ(resilient["resilient_args"]["idle_timer"], 2);
  EXPECT_EQ(resilient["resilient_args"]["unbalanced_timer"], 5);

  expect_same_as_ip(ns_name(), "nexthop show", [&] { return nlpp_ok("-j nexthop show"); });
  expect_same_as_ip(ns_name(), "nexthop show id 11", [&] { return nlpp_ok("-j nexthop get id 11"); });
  EXPECT_EQ(nlpp_json("nh show groups").size(), 2u);
  EXPECT_EQ(nlpp_json("nh show dev v0").size(), 2u);

  nlpp_ok("nh replace id 1 via 192.0.2.4 dev v0");
  EXPECT_EQ(find_by(ip_json(ns_name(), "nexthop show"), "id", 1)["gateway"], "192.0.2.4");
  nlpp_ok("nh del id 10");
  EXPECT_TRUE(find_by(ip_json(ns_name(), "nexthop show"), "id", 10).is_null());
  EXPECT_NE(nlpp_ok("nexthop show").find("192.0.2.4"), std::string::npos);
}

TEST_F(CliObjects, nexthop_errors) {
  veth_with_address();
  expect_failure("nh add id 20 group 1/77", 1, "Invalid nexthop id");
  expect_failure("nh del id 99", 1, "No such file or directory");
  expect_failure("nh add id 5 group 1/x", 2, "\"x\"");
  expect_failure("nh add id 5 group 1,0", 2, "weight 0");
  expect_failure("nh add id 5 group 1 type fancy", 2, "\"fancy\"");
  expect_failure("nh add id 5 via 192.0.2.300 dev v0", 2, "via");
  expect_failure("nh get", 2, "\"id ID\"");
  EXPECT_TRUE(ip_json(ns_name(), "nexthop show").empty());
}

TEST_F(CliObjects, fdb_add_append_replace_del_match_bridge_fdb) {
  bridge_with_port();
  nlpp_ok("link add vx0 type vxlan id 42 dstport 4789");
  nlpp_ok("fdb add 02:00:00:00:00:dd dev v1 master static");
  nlpp_ok("fdb add 02:00:00:00:00:ee dev v1 master");
  nlpp_ok("fdb add 02:00:00:00:00:ff dev v1 master static sticky");
  nlpp_ok("fdb append 00:00:00:00:00:00 dev vx0 dst 192.0.2.7");
  nlpp_ok("fdb append 00:00:00:00:00:00 dev vx0 dst 192.0.2.8 port 4790 vni 43");

  const nlohmann::json port = bridge_json("fdb show dev v1");
  const nlohmann::json dd = find_by(port, "mac", "02:00:00:00:00:dd");
  EXPECT_EQ(dd["master"], "br0");
  EXPECT_EQ(dd["state"], "static");
  const nlohmann::json ee = find_by(port, "mac", "02:00:00:00:00:ee");
  EXPECT_EQ(ee["state"], "permanent");  // no state word: bridge fdb's permanent
  EXPECT_EQ(find_by(port, "mac", "02:00:00:00:00:ff")["flags"], nlohmann::json::array({"sticky"}));
  const nlohmann::json remotes = bridge_json("fdb show dev vx0");
  const nlohmann::json second = find_by(remotes, "dst", "192.0.2.8");
  EXPECT_EQ(second["port"], 4790);
  EXPECT_EQ(second["vni"], 43);
  EXPECT_FALSE(find_by(remotes, "dst", "192.0.2.7").is_null());

  EXPECT_EQ(nlpp_json("fdb show dev v1"), port);
  EXPECT_EQ(nlpp_json("fdb show dev vx0"), remotes);
  EXPECT_EQ(nlpp_json("fdb show"), bridge_json("fdb show"));
  EXPECT_TRUE(find_by(nlpp_json("fdb show br br0"), "mac", "02:00:00:00:00:dd").is_object());

  nlpp_ok("fdb replace 02:00:00:00:00:dd dev v1 master static sticky");
  EXPECT_EQ(find_by(bridge_json("fdb show dev v1"), "mac", "02:00:00:00:00:dd")["flags"],
            nlohmann::json::array({"sticky"}));
  nlpp_ok("fdb del 02:00:00:00:00:dd dev v1 master");
  nlpp_ok("fdb del 00:00:00:00:00:00 dev vx0 dst 192.0.2.7");
  EXPECT_TRUE(find_by(bridge_json("fdb show dev v1"), "mac", "02:00:00:00:00:dd").is_null());
  EXPECT_EQ(bridge_json("fdb show dev vx0").size(), 1u);
}

TEST_F(CliObjects, fdb_errors) {
  bridge_with_port();
  expect_failure("fdb del 02:00:00:00:00:99 dev v1 master", 1, "No such file or directory");
  expect_failure("fdb add zz dev v1 master", 2, "\"zz\"");
  expect_failure("fdb add 02:00:00:00:00:99 master", 2, "\"dev DEVICE\"");
  expect_failure("fdb add 02:00:00:00:00:99 dev v1 vlan 70000", 2, "\"70000\"");
  expect_failure("fdb add 02:00:00:00:00:99 dev nosuchlink", 1, "nosuchlink");
  EXPECT_TRUE(find_by(bridge_json("fdb show dev v1"), "mac", "02:00:00:00:00:99").is_null());
}

TEST_F(CliObjects, usage_of_the_new_objects) {
  for (const char* object : {"rule", "ru", "nexthop", "nh", "fdb", "vlan"}) {
    const CommandOutput help = nlpp(std::string(object) + " help");
    EXPECT_EQ(help.exit_code, 0) << object << ": " << help.err;
    EXPECT_EQ(help.out.rfind("Usage: nlpp", 0), 0u) << object << ": " << help.out;
  }
  expect_failure("vlan frob", 2, "\"frob\"");
}

// Bridge vlan filtering: the build machine's kernel lacks it, the guest has
// it (tests/vm/must_run.txt).
class CliObjectsGuest : public CliObjects {
 protected:
  void SetUp() override {
    CliObjects::SetUp();
    const CommandOutput probe = nlpp("link add br0 type bridge vlan_filtering 1");
    if (probe.exit_code != 0) GTEST_SKIP() << "no bridge vlan filtering here: " << probe.err;
    nlpp_ok("link add v0 type veth peer name v1");
    nlpp_ok("link set v1 master br0");
    nlpp_ok("link set br0 up");
  }
  // bridge -j -compressvlans vlan show's vids of one device (newer
  // iproute2 reads -c as -color).
  nlohmann::json bridge_vlans(std::string_view device) {
    return find_by(bridge_json("-compressvlans vlan show"), "ifname", device)["vlans"];
  }
};

TEST_F(CliObjectsGuest, vlan_add_show_del_match_bridge_vlan) {
  nlpp_ok("vlan add dev v1 vid 10 pvid untagged");
  nlpp_ok("vlan add dev v1 vid 20-30");
  nlpp_ok("vlan add dev br0 vid 40 self");
  const nlohmann::json port = bridge_vlans("v1");
  EXPECT_EQ(find_by(port, "vlan", 10)["flags"], nlohmann::json::array({"PVID", "Egress Untagged"}));
  EXPECT_EQ(find_by(port, "vlan", 20)["vlanEnd"], 30);
  EXPECT_FALSE(find_by(bridge_vlans("br0"), "vlan", 40).is_null());
  EXPECT_EQ(nlpp_json("vlan show"), bridge_json("-compressvlans vlan show"));
  EXPECT_EQ(nlpp_json("vlan show dev v1").size(), 1u);

  nlpp_ok("fdb add 02:00:00:00:00:dd dev v1 master static vlan 10");
  EXPECT_EQ(find_by(bridge_json("fdb show dev v1"), "mac", "02:00:00:00:00:dd")["vlan"], 10);
  EXPECT_EQ(nlpp_json("fdb show dev v1 vlan 10"), bridge_json("fdb show dev v1 vlan 10"));

  nlpp_ok("vlan del dev v1 vid 20-30");
  EXPECT_TRUE(find_by(bridge_vlans("v1"), "vlan", 20).is_null());
  expect_failure("vlan add dev v1 vid 30-20", 2, "\"30-20\"");
  expect_failure("vlan add dev v0 vid 10", 1, "");  // v0 is no bridge port
  expect_failure("vlan add vid 10", 2, "\"dev DEVICE\"");
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH
