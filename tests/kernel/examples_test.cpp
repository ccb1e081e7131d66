// The everyday-job examples (examples/*.cpp) run as the user runs them, each
// in a fresh namespace of its own, beside their pyroute2 twins
// (examples/pyroute2/*.py, run by Debian's python3-pyroute2 in another fresh
// namespace): what each leaves is read back through `ip -j -d` and
// `bridge -j`, checked, and compared with what the twin left, so the two
// programs docs/PYROUTE2.md puts side by side do the same job. Each example
// also stays within 1.3x its twin's lines.
#ifdef NLPP_EXAMPLES_DIR
#include "support/iproute2.hpp"
#include "support/netns_fixture.hpp"
#include "support/scoped_netns.hpp"
#include "support/subprocess.hpp"

#include <nlpp/netns/netns.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace nlpp::test {
namespace {

const std::string examples_source = NLPP_EXAMPLES_SOURCE_DIR;

// Lines that are neither blank nor comments: what docs/PYROUTE2.md counts.
size_t code_lines(const std::string& path) {
  std::ifstream file(path);
  EXPECT_TRUE(file) << path;
  size_t count = 0;
  for (std::string line; std::getline(file, line);) {
    const size_t start = line.find_first_not_of(' ');
    if (start == std::string::npos || line.compare(start, 2, "//") == 0) continue;
    ++count;
  }
  return count;
}

class Examples : public NetnsTest {
 protected:
  void SetUp() override {
    NetnsTest::SetUp();
    Result<ScopedNetns> twin = ScopedNetns::create();
    ASSERT_TRUE(twin) << twin.error().describe();
    twin_.emplace(std::move(*twin));
  }

  // Runs examples/NAME.cpp's program inside the test namespace.
  std::string run(const std::string& name) {
    return run_ok({"ip", "netns", "exec", ns_name(), std::string(NLPP_EXAMPLES_DIR) + "/example_" + name});
  }
  // Runs examples/pyroute2/NAME.py inside the twin's namespace.
  std::string run_twin(const std::string& name) {
    return run_ok(
        {"ip", "netns", "exec", twin_ns(), "/usr/bin/python3", examples_source + "/pyroute2/" + name + ".py"});
  }
  const std::string& twin_ns() const { return twin_->name(); }

  static std::string run_ok(const std::vector<std::string>& argv) {
    Result<CommandOutput> ran = run_command(argv);
    EXPECT_TRUE(ran) << ran.error().describe();
    if (!ran) return {};
    EXPECT_EQ(ran->exit_code, 0) << command_line(argv) << ": " << ran->err;
    return ran->out;
  }

  static nlohmann::json link(const std::string& ns, std::string_view name) {
    return ip_json(ns, "link show dev " + std::string(name))[0];
  }
  static nlohmann::json route(const std::string& ns, std::string_view dst) {
    return ip_json(ns, "route show " + std::string(dst))[0];
  }
  // What a link is, without what differs between two runs (ifindex, MAC,
  // counters, timers): kind, master, mtu, admin state.
  static nlohmann::json link_summary(const std::string& ns, std::string_view name) {
    const nlohmann::json shown = link(ns, name);
    return {{"kind", shown["linkinfo"].value("info_kind", "")},
            {"master", shown.value("master", "")},
            {"mtu", shown["mtu"]},
            {"up", shown["flags"].dump().find("\"UP\"") != std::string::npos}};
  }
  // Everything `ip -j -d route show DST` says but the link's index.
  static nlohmann::json route_summary(const std::string& ns, std::string_view dst) {
    nlohmann::json shown = route(ns, dst);
    shown.erase("dev");
    return shown;
  }

 private:
  std::optional<ScopedNetns> twin_;
};

TEST_F(Examples, each_takes_at_most_1_3_times_the_lines_of_its_pyroute2_twin) {
  for (const char* job : {"bridge_with_ports", "addresses_and_routes", "neighbour_and_fdb", "namespace", "link_events",
                          "errors", "raw_dump_json", "rename_and_addresses"}) {
    const size_t nlpp_lines = code_lines(examples_source + "/" + job + ".cpp");
    const size_t pyroute2_lines = code_lines(examples_source + "/pyroute2/" + job + ".py");
    EXPECT_LE(nlpp_lines * 10, pyroute2_lines * 13) << job << ": " << nlpp_lines << " against " << pyroute2_lines;
  }
}

TEST_F(Examples, bridge_with_ports) {
  run("bridge_with_ports");
  run_twin("bridge_with_ports");
  const nlohmann::json br0 = link(ns_name(), "br0");
  EXPECT_EQ(br0["linkinfo"]["info_kind"], "bridge");
  EXPECT_EQ(br0["mtu"], 9000);
  for (const char* port : {"v0", "v1"}) {
    const nlohmann::json veth = link(ns_name(), port);
    EXPECT_EQ(veth["master"], "br0") << port;
    EXPECT_EQ(veth["linkinfo"]["info_kind"], "veth") << port;
    EXPECT_EQ(veth["operstate"], "UP") << port;  // its peer is up too
  }
  for (const char* name : {"br0", "v0", "v0p", "v1", "v1p"})
    EXPECT_EQ(link_summary(ns_name(), name), link_summary(twin_ns(), name)) << name;
  EXPECT_TRUE(link_summary(ns_name(), "v0p")["up"]);
}

TEST_F(Examples, addresses_and_routes) {
  run("addresses_and_routes");
  run_twin("addresses_and_routes");
  const nlohmann::json addresses = ip_json(ns_name(), "-4 addr show dev v0")[0]["addr_info"];
  ASSERT_EQ(addresses.size(), 1u) << addresses;
  EXPECT_EQ(addresses[0]["local"], "10.0.0.1");
  EXPECT_EQ(addresses[0]["prefixlen"], 24);
  EXPECT_EQ(addresses, ip_json(twin_ns(), "-4 addr show dev v0")[0]["addr_info"]);
  const nlohmann::json with_metrics = route(ns_name(), "10.1.0.0/16");
  EXPECT_EQ(with_metrics["gateway"], "10.0.0.2");
  EXPECT_EQ(with_metrics["metrics"][0]["mtu"], 1400) << with_metrics;
  EXPECT_EQ(with_metrics["metrics"][0]["advmss"], 1360) << with_metrics;
  const nlohmann::json multipath = route(ns_name(), "10.2.0.0/16")["nexthops"];
  ASSERT_EQ(multipath.size(), 2u) << multipath;
  EXPECT_EQ(multipath[0]["gateway"], "10.0.0.2");
  EXPECT_EQ(multipath[0]["weight"], 1);
  EXPECT_EQ(multipath[1]["gateway"], "10.0.0.3");
  EXPECT_EQ(multipath[1]["weight"], 3);
  // The one difference, by design: nlpp marks a route as `ip route add`
  // does (proto boot), pyroute2 as static (docs/PYROUTE2.md).
  for (const char* dst : {"10.1.0.0/16", "10.2.0.0/16"}) {
    nlohmann::json made = route_summary(ns_name(), dst);
    nlohmann::json twin = route_summary(twin_ns(), dst);
    EXPECT_EQ(made["protocol"], "boot") << dst;
    EXPECT_EQ(twin["protocol"], "static") << dst;
    made.erase("protocol");
    twin.erase("protocol");
    EXPECT_EQ(made, twin) << dst;
  }
}

TEST_F(Examples, neighbour_and_fdb) {
  run("neighbour_and_fdb");
  run_twin("neighbour_and_fdb");
  const nlohmann::json neighbour = ip_json(ns_name(), "neigh show dev br0 10.0.0.9")[0];
  EXPECT_EQ(neighbour["lladdr"], "02:00:00:00:00:09");
  EXPECT_EQ(neighbour["state"], nlohmann::json::array({"PERMANENT"}));
  EXPECT_EQ(neighbour, ip_json(twin_ns(), "neigh show dev br0 10.0.0.9")[0]);
  // The entry each program added, as `bridge -j fdb show` prints it.
  const auto added_entry = [](const std::string& ns) {
    const std::string fdb = ip_netns("exec " + ns + " bridge -j fdb show dev v0");
    for (const nlohmann::json& entry : nlohmann::json::parse(fdb))
      if (entry["mac"] == "02:00:00:00:00:0a" && !entry.contains("vlan")) return entry;
    ADD_FAILURE() << ns << ": no entry for 02:00:00:00:00:0a in " << fdb;
    return nlohmann::json();
  };
  const nlohmann::json entry = added_entry(ns_name());
  EXPECT_EQ(entry["master"], "br0");
  EXPECT_EQ(entry["state"], "static");
  EXPECT_EQ(entry, added_entry(twin_ns()));
}

TEST_F(Examples, namespace) {
  // Each program creates a namespace, which must outlive it, so each runs
  // in its test namespace through nsenter (not `ip netns exec`, whose
  // mounts die with the process: netns::create() refuses there).
  const std::string blue = ns_name() + "-blue";
  const std::string twin_blue = twin_ns() + "-blue";
  const ScopedNetns made = ScopedNetns::adopt(blue);
  const ScopedNetns twin_made = ScopedNetns::adopt(twin_blue);
  run_ok({"nsenter", "--net=/run/netns/" + ns_name(), std::string(NLPP_EXAMPLES_DIR) + "/example_namespace", blue});
  run_ok({"nsenter", "--net=/run/netns/" + twin_ns(), "/usr/bin/python3", examples_source + "/pyroute2/namespace.py",
          twin_blue});
  const nlohmann::json v0p = ip_json(blue, "addr show dev v0p")[0];
  EXPECT_EQ(v0p["linkinfo"]["info_kind"], "veth");
  EXPECT_NE(v0p["flags"].dump().find("\"UP\""), std::string::npos) << v0p;
  ASSERT_EQ(v0p["addr_info"].size(), 1u) << v0p;
  EXPECT_EQ(v0p["addr_info"][0]["local"], "10.0.0.2");
  EXPECT_EQ(v0p["addr_info"][0]["prefixlen"], 24);
  EXPECT_EQ(link(ns_name(), "v0")["link_netnsid"], link(twin_ns(), "v0")["link_netnsid"]);
  EXPECT_EQ(link_summary(blue, "v0p"), link_summary(twin_blue, "v0p"));
  EXPECT_EQ(ip_json(blue, "-4 addr show dev v0p")[0]["addr_info"],
            ip_json(twin_blue, "-4 addr show dev v0p")[0]["addr_info"]);
}

TEST_F(Examples, link_events) {
  const std::string printed = run("link_events");
  EXPECT_EQ(printed, "new v0p\nnew v0\ndeleted v0\n");
  EXPECT_EQ(printed, run_twin("link_events"));
  EXPECT_EQ(ip_json(ns_name(), "link show type veth"), nlohmann::json::array());
}

TEST_F(Examples, errors) {
  const std::string printed = run("errors");
  // The second veth is EEXIST, the route through a gateway no link reaches
  // ENETUNREACH, with the kernel's explanation; pyroute2 says the errnos.
  EXPECT_NE(printed.find("2 17 "), std::string::npos) << printed;
  EXPECT_NE(printed.find("File exists"), std::string::npos) << printed;
  EXPECT_NE(printed.find("\n101 "), std::string::npos) << printed;
  EXPECT_NE(printed.find("Nexthop has invalid gateway"), std::string::npos) << printed;
  const std::string twin = run_twin("errors");
  EXPECT_NE(twin.find("2 17 "), std::string::npos) << twin;
  EXPECT_NE(twin.find("\n101 "), std::string::npos) << twin;
  EXPECT_EQ(std::count(printed.begin(), printed.end(), '\n'), 2) << printed;
}

TEST_F(Examples, raw_dump_json) {
  ip_run(ns_name(), "link add v0 type veth peer name v0p");
  ip_run(twin_ns(), "link add v0 type veth peer name v0p");
  std::set<std::string> names;
  std::string printed = run("raw_dump_json");
  for (size_t start = 0, end; (end = printed.find('\n', start)) != std::string::npos; start = end + 1) {
    const nlohmann::json message = nlohmann::json::parse(printed.substr(start, end - start));
    EXPECT_EQ(message["message"], "newlink") << message;
    names.insert(message["attributes"]["ifname"].get<std::string>());
    const nlohmann::json shown = link(ns_name(), message["attributes"]["ifname"].get<std::string>());
    EXPECT_EQ(message["header"]["ifi-index"], shown["ifindex"]) << message;
    EXPECT_EQ(message["attributes"]["mtu"], shown["mtu"]) << message;
  }
  EXPECT_EQ(names, (std::set<std::string>{"lo", "v0", "v0p"}));
  // The twin prints one line per link too.
  const std::string twin = run_twin("raw_dump_json");
  EXPECT_EQ(std::count(twin.begin(), twin.end(), '\n'), 3) << twin;
}

TEST_F(Examples, rename_and_addresses) {
  run("rename_and_addresses");
  run_twin("rename_and_addresses");
  const nlohmann::json shown = ip_json(ns_name(), "addr show dev br-ctrl")[0];
  EXPECT_EQ(shown["address"], "00:11:22:33:44:55");
  EXPECT_EQ(shown["linkinfo"]["info_kind"], "bridge");
  EXPECT_NE(shown["flags"].dump().find("\"UP\""), std::string::npos) << shown;
  const nlohmann::json addresses = ip_json(ns_name(), "-4 addr show dev br-ctrl")[0]["addr_info"];
  ASSERT_EQ(addresses.size(), 2u) << addresses;
  EXPECT_EQ(addresses[0]["local"], "10.0.0.1");
  EXPECT_EQ(addresses[0]["broadcast"], "10.0.0.255");
  EXPECT_FALSE(addresses[0].contains("secondary")) << addresses;
  EXPECT_EQ(addresses[1]["local"], "10.0.0.2");
  EXPECT_EQ(addresses[1]["secondary"], true) << addresses;
  EXPECT_EQ(addresses, ip_json(twin_ns(), "-4 addr show dev br-ctrl")[0]["addr_info"]);
  EXPECT_EQ(link_summary(ns_name(), "br-ctrl"), link_summary(twin_ns(), "br-ctrl"));
  EXPECT_EQ(link(twin_ns(), "br-ctrl")["address"], "00:11:22:33:44:55");
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_EXAMPLES_DIR
