// ipdb::Transaction against the kernel, each test in a fresh namespace: a
// transaction that builds a bridge with ports, addresses, routes,
// neighbours and a rule commits and reads back through `ip -j -d`; the same
// transaction failing at each step in turn leaves the namespace exactly as
// it was (full `ip -j -d` and `bridge -j` dumps before and after); an undo
// that cannot finish reports both errors; the scoped form; review().
#include <nlpp/ipdb/transaction.hpp>

#include "support/ip_route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/json_compare.hpp"
#include "support/scoped_netns.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <linux/rtnetlink.h>
#include <net/if.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace nlpp::ipdb {
namespace {

class IpdbTransaction : public test::IpRouteTest {
 protected:
  // What was there before: a veth pair w0/w0p with an address, a route
  // through a gateway on it, a permanent neighbour.
  void SetUp() override {
    IpRouteTest::SetUp();
    if (HasFatalFailure()) return;
    add_veth_pair("w0", "w0p");
    ip_commands({"link set w0p up", "address add 10.9.0.1/24 dev w0", "route add 10.99.0.0/16 via 10.9.0.2",
                 "neigh add 10.9.0.7 lladdr 02:00:00:00:09:07 dev w0 nud permanent"});
  }

  Cache open() {
    Result<Cache> cache = Cache::open({.bridge_vlans = true, .socket = {.netns = ns_ref()}});
    EXPECT_TRUE(cache) << cache.error().describe();
    return std::move(cache).value();
  }

  // The whole transaction of the issue: a bridge with two veth ports, its
  // mtu, mac and state; addresses; a route with metrics and a multipath
  // one; neighbours; a rule; and changes to what was there (w0's mtu, its
  // route replaced). Queued in an order commit() must rearrange.
  static void queue_everything(Transaction& tx) {
    using namespace rtnl;
    tx.add(Rule{.table = 100, .priority = 1000, .src = "192.0.2.0/24"}).value();
    tx.add(Route{.dst = "10.1.0.0/16", .gateway = "10.0.0.2", .extras = {{.metrics = {.mtu = 1400}}}}).value();
    tx.add(Route{.dst = "10.2.0.0/16",
                 .extras = {{.multipath = {{.gateway = "10.0.0.2"}, {.gateway = "10.0.0.3", .weight = 3}}}}})
        .value();
    tx.add(Neighbour{.ifindex = "br0", .dst = "10.0.0.2", .lladdr = MacAddress("02:00:00:00:00:02")}).value();
    tx.add(Address{.ifindex = "br0", .local = "10.0.0.1", .prefix_length = 24}).value();
    tx.add(Link{.name = "v0", .master = "br0", .info = link::Veth{.peer = Link{.name = "v0p"}}}.set_up()).value();
    tx.add(Link{.name = "v1", .master = "br0", .info = link::Veth{.peer = Link{.name = "v1p"}}}.set_up()).value();
    // The bridge's mtu once its ports joined (which set it to theirs).
    tx.set(Link{.name = "br0", .mtu = 1450}).value();
    tx.add(Link{.name = "br0", .address = MacAddress("02:00:00:00:0b:00"), .info = LinkInfo{.kind = "bridge"}}.set_up())
        .value();
    tx.set(Link{.name = "v0p"}.set_up()).value();
    tx.add(Address{.ifindex = "br0", .local = "2001:db8::1", .prefix_length = 64, .flags = {AddressFlag::nodad}})
        .value();
    tx.set(Link{.name = "w0", .mtu = 1300}).value();
    tx.replace(Route{.dst = "10.99.0.0/16", .gateway = "10.9.0.3"}).value();
    tx.del(Neighbour{.ifindex = "w0", .dst = "10.9.0.7"}).value();
  }
  static constexpr size_t everything_steps = 14;

  // The namespace's whole state as `ip -j -d` and `bridge -j` print it, less
  // what moves by itself (timers, counters, address lifetimes, neighbours
  // the kernel learns).
  nlohmann::json whole_state() {
    nlohmann::json state;
    state["links"] = test::ip_json(ns_name(), "link show");
    state["addresses"] = test::ip_json(ns_name(), "address show");
    state["routes"] = test::ip_json(ns_name(), "route show table all");
    state["routes6"] = test::ip_json(ns_name(), "-6 route show table all");
    state["neighbours"] = test::ip_json(ns_name(), "neigh show nud permanent");
    state["rules"] = test::ip_json(ns_name(), "rule show");
    state["rules6"] = test::ip_json(ns_name(), "-6 rule show");
    Result<test::CommandOutput> fdb = test::run_command({"bridge", "-n", ns_name(), "-j", "fdb", "show"});
    EXPECT_TRUE(fdb && fdb->exit_code == 0);
    // The kernel lists a port's multicast entries in no fixed order.
    std::vector<std::string> entries;
    if (fdb)
      for (const nlohmann::json& entry : nlohmann::json::parse(fdb->out)) entries.push_back(entry.dump());
    std::ranges::sort(entries);
    state["fdb"] = entries;
    state["vlans"] = test::bridge_json(ns_name(), "vlan show");
    for (nlohmann::json& address : state["addresses"])
      for (nlohmann::json& info : address["addr_info"]) {
        info.erase("valid_life_time");
        info.erase("preferred_life_time");
      }
    return state;
  }

  // The state once the kernel is done with what it does by itself after
  // links come up (IPv6 duplicate address detection, which then adds the
  // link-local addresses' local routes): what "before" is compared from.
  nlohmann::json settled_state() {
    for (int wait = 0; wait < 50; ++wait) {
      const nlohmann::json state = whole_state();
      if (state["addresses"].dump().find("\"tentative\"") == std::string::npos) return state;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "IPv6 addresses still tentative after 5 s";
    return whole_state();
  }

  // Commits what queue queues steps times, with a failure injected at each
  // step in turn: each commit fails with that step's error, and its undo
  // leaves the namespace exactly as it was.
  void expect_every_failure_undone(Cache& cache, void (*queue)(Transaction&), size_t steps) {
    const nlohmann::json before = settled_state();
    for (size_t step = 0; step < steps; ++step) {
      SCOPED_TRACE("failure at step " + std::to_string(step));
      Transaction tx(cache);
      queue(tx);
      Result<CommitReport> report = tx.commit({.fail_at_step = step});
      ASSERT_FALSE(report);
      EXPECT_EQ(report.error().code(), std::error_code(EIO, std::system_category()));
      ASSERT_TRUE(tx.failure());
      EXPECT_EQ(tx.failure()->step, step);
      EXPECT_FALSE(tx.failure()->undo_error) << tx.failure()->undo_error->describe();
      EXPECT_NE(report.error().describe().find("undone"), std::string::npos) << report.error().describe();
      expect_unchanged(before, "after the undo");
      if (HasFailure()) return;
    }
  }

  // The state equals before. What the kernel makes again by itself after
  // an undo (a link's IPv6 link-local address once it is up again, after
  // DAD) may take a moment: a difference is looked at again for up to 5 s.
  void expect_unchanged(const nlohmann::json& before, const std::string& after) {
    std::vector<std::string> differences = test::json_differences(before, whole_state(), "state");
    for (int wait = 0; wait < 50 && !differences.empty(); ++wait) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      differences = test::json_differences(before, whole_state(), "state");
    }
    std::string text;
    for (const std::string& line : differences) text += line + "\n";
    EXPECT_TRUE(differences.empty()) << after << ":\n" << text;
  }
};

TEST_F(IpdbTransaction, a_bridge_with_ports_addresses_routes_neighbours_and_a_rule_commits) {
  Cache cache = open();
  Transaction tx(cache);
  queue_everything(tx);
  Result<CommitReport> report = tx.commit();
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->changes, everything_steps);
  EXPECT_LT(report->sends, everything_steps);  // pipelined: several changes per send
  EXPECT_EQ(report->rereads, 0u);              // verified by the notifications alone
  EXPECT_TRUE(tx.empty());

  const nlohmann::json br0 = test::ip_json(ns_name(), "link show br0").at(0);
  EXPECT_EQ(br0["mtu"], 1450);
  EXPECT_EQ(br0["address"], "02:00:00:00:0b:00");
  EXPECT_EQ(br0["linkinfo"]["info_kind"], "bridge");
  EXPECT_NE(std::string(br0["flags"].dump()).find("\"UP\""), std::string::npos);
  for (const char* port : {"v0", "v1"}) {
    const nlohmann::json link = test::ip_json(ns_name(), std::string("link show ") + port).at(0);
    EXPECT_EQ(link["master"], "br0") << port;
    EXPECT_EQ(link["linkinfo"]["info_slave_kind"], "bridge") << port;
  }
  EXPECT_NE(test::ip_json(ns_name(), "link show v0p").at(0)["flags"].dump().find("\"UP\""), std::string::npos);
  EXPECT_EQ(test::ip_json(ns_name(), "link show w0").at(0)["mtu"], 1300);

  const nlohmann::json addresses = test::ip_json(ns_name(), "address show br0").at(0)["addr_info"];
  std::vector<std::string> locals;
  for (const nlohmann::json& info : addresses)
    locals.push_back(info["local"].get<std::string>() + "/" + info["prefixlen"].dump());
  EXPECT_NE(std::ranges::find(locals, "10.0.0.1/24"), locals.end());
  EXPECT_NE(std::ranges::find(locals, "2001:db8::1/64"), locals.end());

  const nlohmann::json metric = test::ip_json(ns_name(), "route show 10.1.0.0/16").at(0);
  EXPECT_EQ(metric["gateway"], "10.0.0.2");
  EXPECT_EQ(metric["metrics"].at(0)["mtu"], 1400);
  const nlohmann::json multipath = test::ip_json(ns_name(), "route show 10.2.0.0/16").at(0)["nexthops"];
  ASSERT_EQ(multipath.size(), 2u);
  EXPECT_EQ(multipath[0]["gateway"], "10.0.0.2");
  EXPECT_EQ(multipath[1]["gateway"], "10.0.0.3");
  EXPECT_EQ(multipath[1]["weight"], 3);
  EXPECT_EQ(test::ip_json(ns_name(), "route show 10.99.0.0/16").at(0)["gateway"], "10.9.0.3");

  const nlohmann::json neighbour = test::ip_json(ns_name(), "neigh show 10.0.0.2 dev br0").at(0);
  EXPECT_EQ(neighbour["lladdr"], "02:00:00:00:00:02");
  EXPECT_TRUE(test::ip_json(ns_name(), "neigh show 10.9.0.7 dev w0").empty());
  bool rule_found = false;
  for (const nlohmann::json& rule : test::ip_json(ns_name(), "rule show"))
    rule_found = rule_found || (rule["priority"] == 1000 && rule["src"] == "192.0.2.0" && rule["table"] == "100");
  EXPECT_TRUE(rule_found);

  // And the cache holds it all, without a reload.
  EXPECT_EQ(cache.link("br0")->mtu, 1450u);
  EXPECT_EQ(cache.longest_match("10.2.3.4")->extras->multipath.size(), 2u);
}

TEST_F(IpdbTransaction, a_failure_at_any_step_leaves_the_namespace_exactly_as_it_was) {
  Cache cache = open();
  expect_every_failure_undone(cache, queue_everything, everything_steps);
}

TEST_F(IpdbTransaction, a_kernel_refusal_names_the_step_and_keeps_its_errno_and_message) {
  Cache cache = open();
  const nlohmann::json before = settled_state();
  Transaction tx(cache);
  tx.set(rtnl::Link{.name = "w0", .mtu = 1280}).value();
  const size_t bad = tx.add(rtnl::Route{.dst = "10.5.0.0/16", .gateway = "10.77.0.1"}).value();  // no such subnet
  Result<CommitReport> report = tx.commit();
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code(), std::error_code(ENETUNREACH, std::system_category()));
  EXPECT_EQ(tx.failure()->step, bad);
  EXPECT_EQ(tx.failure()->change, "add route 10.5.0.0/16 table 254 via 10.77.0.1");
  EXPECT_NE(report.error().describe().find("add route 10.5.0.0/16"), std::string::npos) << report.error().describe();
  EXPECT_FALSE(tx.failure()->undo_error);
  expect_unchanged(before, "after the refusal");
}

TEST_F(IpdbTransaction, removing_the_last_address_is_undone_with_the_routes_the_kernel_removed_silently) {
  Cache cache = open();
  const nlohmann::json before = settled_state();
  Transaction tx(cache);
  tx.del(rtnl::Address{.ifindex = "w0", .local = "10.9.0.1", .prefix_length = 24}).value();
  tx.set(rtnl::Link{.name = "w0"}.set_up(false)).value();
  tx.add(rtnl::Rule{.table = 100, .priority = 900, .src = "192.0.2.0/24"}).value();
  Result<CommitReport> report = tx.commit({.fail_at_step = 2});
  ASSERT_FALSE(report);
  EXPECT_FALSE(tx.failure()->undo_error) << tx.failure()->undo_error->describe();
  expect_unchanged(before, "after the undo");
  EXPECT_EQ(cache.route(rtnl::ObjectTraits<rtnl::Route>::key(rtnl::Route{.dst = "10.99.0.0/16"}))->gateway,
            IpAddress("10.9.0.2"));
}

TEST_F(IpdbTransaction, an_undo_that_cannot_finish_reports_both_errors) {
  Cache cache = open();
  Result<test::ScopedNetns> elsewhere = test::ScopedNetns::create();
  ASSERT_TRUE(elsewhere) << elsewhere.error().describe();
  // As the undo begins (the cache sees the transaction's rule go again),
  // another program takes w0 away to another namespace: the undo cannot
  // give w0 its mtu back, and w0p, which stays, keeps it from making w0
  // again.
  bool moved = false;
  Subscription saboteur = cache.on_change<rtnl::Rule>([&](const Change<rtnl::Rule>& change) {
    if (!moved && change.removed() && change.before->priority == 900u) {
      moved = true;
      test::ip_run(ns_name(), "link set w0 netns " + elsewhere->name());
    }
  });
  Transaction tx(cache);
  tx.set(rtnl::Link{.name = "w0", .mtu = 1280}).value();
  tx.add(rtnl::Rule{.table = 100, .priority = 900, .src = "192.0.2.0/24"}).value();
  tx.add(rtnl::Rule{.table = 100, .priority = 901, .src = "192.0.2.0/24"}).value();
  Result<CommitReport> report = tx.commit({.fail_at_step = 2});
  ASSERT_FALSE(report);
  ASSERT_TRUE(moved);
  EXPECT_EQ(report.error().code(), std::error_code(EIO, std::system_category()));  // the first error stays
  ASSERT_TRUE(tx.failure()->undo_error);
  EXPECT_EQ(tx.failure()->undo_error->code(), make_error_code(errc::undo_incomplete));
  EXPECT_NE(tx.failure()->undo_error->describe().find("link w0: gone"), std::string::npos)
      << tx.failure()->undo_error->describe();
  const std::string text = report.error().describe();
  EXPECT_NE(text.find("failure injected"), std::string::npos) << text;
  EXPECT_NE(text.find("the undo failed"), std::string::npos) << text;
  // No stray link: w0p and lo only.
  EXPECT_EQ(test::ip_json(ns_name(), "link show").size(), 2u) << test::ip_run(ns_name(), "link show");
  // What could be undone was: the rule is gone again.
  for (const nlohmann::json& rule : test::ip_json(ns_name(), "rule show")) EXPECT_NE(rule["priority"], 900) << rule;
  EXPECT_NE(text.find("step 2 (add rule priority 901"), std::string::npos) << text;
}

TEST_F(IpdbTransaction, review_shows_each_change_against_the_cache_in_commit_order) {
  Cache cache = open();
  Transaction tx(cache);
  tx.add(rtnl::Address{.ifindex = "br0", .local = "10.0.0.1", .prefix_length = 24}).value();
  tx.set(rtnl::Link{.name = "w0", .mtu = 1300}).value();
  tx.add(rtnl::Link{.name = "br0", .info = rtnl::LinkInfo{.kind = "bridge"}}).value();
  const std::vector<PlannedChange> planned = tx.review();
  ASSERT_EQ(planned.size(), 3u);
  // Links first (additions before changes), then the address on the new bridge.
  EXPECT_EQ(planned[0].step, 2u);
  EXPECT_EQ(planned[1].step, 1u);
  EXPECT_EQ(planned[2].step, 0u);
  std::ostringstream text;
  text << planned[1];
  EXPECT_EQ(text.str(), "set link w0: mtu 1500 -> 1300");
  EXPECT_EQ(planned[2].object, "address 10.0.0.1/24 dev br0");
  EXPECT_EQ(tx.size(), 3u);  // review sends nothing
  EXPECT_FALSE(cache.link("br0"));
}

TEST_F(IpdbTransaction, the_scoped_form_commits_on_success_and_sends_nothing_on_an_error_or_exception) {
  Cache cache = open();
  Result<CommitReport> refused = transact(cache, [](Transaction& tx) -> Result<void> {
    tx.add(rtnl::Link{.name = "br1", .info = rtnl::LinkInfo{.kind = "bridge"}}).value();
    return Error(errc::invalid_argument, "changed my mind");
  });
  EXPECT_FALSE(refused);
  EXPECT_THROW(transact(cache,
                        [](Transaction& tx) {
                          tx.add(rtnl::Link{.name = "br1", .info = rtnl::LinkInfo{.kind = "bridge"}}).value();
                          throw std::runtime_error("interrupted");
                        }),
               std::runtime_error);
  EXPECT_TRUE(test::ip_json(ns_name(), "link show type bridge").empty());
  Result<CommitReport> done = transact(cache, [](Transaction& tx) {
    tx.add(rtnl::Link{.name = "br1", .info = rtnl::LinkInfo{.kind = "bridge"}}).value();
  });
  ASSERT_TRUE(done) << done.error().describe();
  EXPECT_EQ(test::ip_json(ns_name(), "link show br1").at(0)["linkinfo"]["info_kind"], "bridge");
}

TEST_F(IpdbTransaction, a_kind_the_cache_does_not_keep_is_refused_when_queued) {
  Result<Cache> cache = Cache::open({.routes = false, .socket = {.netns = ns_ref()}});
  ASSERT_TRUE(cache) << cache.error().describe();
  Transaction tx(*cache);
  Result<size_t> queued = tx.add(rtnl::Route{.dst = "10.1.0.0/16", .gateway = "10.9.0.2"});
  ASSERT_FALSE(queued);
  EXPECT_NE(queued.error().describe().find("does not keep"), std::string::npos);
  EXPECT_TRUE(tx.empty());
}

// Kinds the build machines' kernel lacks (dummy, bond, vlan: guest tier,
// tests/vm/must_run.txt): a bond of two dummies with a vlan on it, its
// address and a route through it, committed, and undone whatever step fails.
class GuestIpdb : public IpdbTransaction {
 protected:
  static void queue_bond(Transaction& tx) {
    using namespace rtnl;
    tx.add(Route{.dst = "10.51.0.0/16", .gateway = "10.50.0.2"}).value();
    tx.add(Address{.ifindex = "bond0.100", .local = "10.50.0.1", .prefix_length = 24}).value();
    tx.add(Link{.name = "bond0.100", .link = "bond0", .info = link::Vlan{.id = 100}}.set_up()).value();
    tx.set(Link{.name = "d0", .master = "bond0"}).value();
    tx.set(Link{.name = "d1", .master = "bond0"}).value();
    tx.add(Link{.name = "bond0", .info = link::Bond{.mode = link::BondMode::active_backup}}.set_up()).value();
    tx.add(Link{.name = "d0", .info = LinkInfo{.kind = "dummy"}}).value();
    tx.add(Link{.name = "d1", .info = LinkInfo{.kind = "dummy"}}).value();
  }
  static constexpr size_t bond_steps = 8;

  // Whether this kernel has dummy links (the guest's has; the build
  // machines' has none): the one reason to skip.
  bool has_dummies() {
    Result<test::CommandOutput> probe =
        test::run_command({"ip", "-n", ns_name(), "link", "add", "probe0", "type", "dummy"});
    if (!probe || probe->exit_code != 0) return false;
    test::ip_run(ns_name(), "link del probe0");
    return true;
  }
};

TEST_F(GuestIpdb, a_bond_of_dummies_with_a_vlan_commits_and_a_failure_at_any_step_is_undone) {
  if (!has_dummies()) GTEST_SKIP() << "this kernel lacks dummy links (the guest tier runs this)";
  Cache cache = open();
  expect_every_failure_undone(cache, queue_bond, bond_steps);
  if (HasFailure()) return;
  Transaction tx(cache);
  queue_bond(tx);
  Result<CommitReport> report = tx.commit();
  ASSERT_TRUE(report) << report.error().describe();
  const nlohmann::json bond = test::ip_json(ns_name(), "link show bond0").at(0);
  EXPECT_EQ(bond["linkinfo"]["info_kind"], "bond");
  EXPECT_EQ(bond["linkinfo"]["info_data"]["mode"], "active-backup");
  for (const char* port : {"d0", "d1"}) {
    const nlohmann::json link = test::ip_json(ns_name(), std::string("link show ") + port).at(0);
    EXPECT_EQ(link["master"], "bond0") << port;
    EXPECT_EQ(link["linkinfo"]["info_slave_kind"], "bond") << port;
  }
  const nlohmann::json vlan = test::ip_json(ns_name(), "link show bond0.100").at(0);
  EXPECT_EQ(vlan["link"], "bond0");
  EXPECT_EQ(vlan["linkinfo"]["info_data"]["id"], 100);
  EXPECT_EQ(test::ip_json(ns_name(), "address show bond0.100").at(0)["addr_info"][0]["local"], "10.50.0.1");
  EXPECT_EQ(test::ip_json(ns_name(), "route show 10.51.0.0/16").at(0)["gateway"], "10.50.0.2");
}

// Bridge vlans (vlan filtering: the guest tier): a new filtering bridge
// with a vid of its own and a new port given vids (a pvid, a range) and
// losing its default one; an existing port losing a vid, and the pvid
// moved from its default vid. Committed and read back through `bridge -j vlan show`, and undone
// whatever step fails.
class GuestIpdbVlans : public GuestIpdb {
 protected:
  void SetUp() override {
    GuestIpdb::SetUp();
    if (HasFatalFailure()) return;
    Result<test::CommandOutput> bridge =
        test::run_command({"ip", "-n", ns_name(), "link", "add", "br1", "type", "bridge", "vlan_filtering", "1"});
    if (bridge && bridge->exit_code != 0)
      GTEST_SKIP() << "this kernel's bridge has no vlan filtering (the guest tier runs this): " << bridge->err;
    add_veth_pair("p0", "p0p");
    ip_commands({"link set p0 master br1"});
    test::bridge_run(ns_name(), "vlan add dev p0 vid 5");
  }

  static void queue_vlans(Transaction& tx) {
    using namespace rtnl;
    const BridgeVlanFlags pvid_untagged{BridgeVlanFlag::pvid, BridgeVlanFlag::untagged};
    tx.add(BridgeVlan{.ifindex = "p0", .vlans = {{.vid = 7, .flags = {BridgeVlanFlag::pvid}}}}).value();
    tx.del(BridgeVlan{.ifindex = "p0", .vlans = {{.vid = 5}}}).value();
    tx.add(BridgeVlan{.ifindex = "v0", .vlans = {{.vid = 10, .flags = pvid_untagged}, {.vid = 20, .vid_end = 30}}})
        .value();
    tx.del(BridgeVlan{.ifindex = "v0", .vlans = {{.vid = 1}}}).value();  // the default, once v0 joined
    tx.add(BridgeVlan{.ifindex = "br0", .vlans = {{.vid = 10}}, .bridge_flags = {BridgeFlag::self}}).value();
    tx.add(Link{.name = "v0", .master = "br0", .info = link::Veth{.peer = Link{.name = "v0p"}}}).value();
    tx.add(Link{.name = "br0", .info = link::Bridge{.vlan_filtering = true}}.set_up()).value();
  }
  static constexpr size_t vlan_steps = 7;

  // `bridge -j vlan show dev DEV` as "vid flags; ...", vid by vid.
  std::string vids_shown(const std::string& dev) {
    const nlohmann::json shown = test::bridge_json(ns_name(), "vlan show dev " + dev);
    std::string text;
    for (const nlohmann::json& entry : shown.at(0).at("vlans")) {
      const int first = entry["vlan"];
      for (int vid = first; vid <= entry.value("vlanEnd", first); ++vid)
        text += std::to_string(vid) + " " + entry.value("flags", nlohmann::json::array()).dump() + "; ";
    }
    return text;
  }
};

TEST_F(GuestIpdbVlans, vids_of_new_and_existing_ports_commit_and_a_failure_at_any_step_is_undone) {
  Cache cache = open();
  expect_every_failure_undone(cache, queue_vlans, vlan_steps);
  if (HasFailure()) return;
  Transaction tx(cache);
  queue_vlans(tx);
  Result<CommitReport> report = tx.commit();
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(vids_shown("v0"), std::string(R"(10 ["PVID","Egress Untagged"]; )") +
                                  R"(20 []; 21 []; 22 []; 23 []; 24 []; 25 []; 26 []; 27 []; 28 []; 29 []; 30 []; )");
  EXPECT_EQ(vids_shown("br0"), R"(1 ["PVID","Egress Untagged"]; 10 []; )");
  EXPECT_EQ(vids_shown("p0"), R"(1 ["Egress Untagged"]; 7 ["PVID"]; )");
  EXPECT_EQ(test::ip_json(ns_name(), "link show br0").at(0)["linkinfo"]["info_data"]["vlan_filtering"], 1);
}

}  // namespace
}  // namespace nlpp::ipdb
