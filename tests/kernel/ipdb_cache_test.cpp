// ipdb::Cache against the kernel, each test in a fresh namespace: what
// `ip` made is found by its usual names; what another program changes
// reaches the cache through update(); after each change the kernel makes
// without a notification (docs/IPDB.md), and after an overrun, the cache
// equals a fresh dump; readers on other threads run while it updates.
#include <nlpp/ipdb/cache.hpp>

#include "support/ip_route_fixture.hpp"
#include "support/ipdb_settle.hpp"
#include "support/iproute2.hpp"
#include "support/scoped_netns.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

namespace nlpp::ipdb {
namespace {

using std::chrono::milliseconds;
using test::settle;

class IpdbCache : public test::IpRouteTest {
 protected:
  void SetUp() override {
    IpRouteTest::SetUp();
    if (HasFatalFailure()) return;
    add_veth_pair("v0", "v0p");
    ip_commands({"address add 10.0.0.1/24 dev v0", "route add 10.1.0.0/16 via 10.0.0.2",
                 "route add 10.1.2.0/24 via 10.0.0.3", "route add default via 10.0.0.254",
                 "neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev v0 nud permanent",
                 "nexthop add id 5 via 10.0.0.2 dev v0", "route add 203.0.113.0/24 nhid 5",
                 "rule add from 192.0.2.0/24 table 100 priority 1000"});
  }

  Cache open(CacheOptions options = {}) {
    options.socket.netns = ns_ref();
    Result<Cache> cache = Cache::open(options);
    EXPECT_TRUE(cache) << cache.error().describe();
    return std::move(cache).value();
  }

  // What a route, an address, a neighbour and a link are for comparing a
  // cache with a dump, as text: their keys and the state the kernel
  // changes silently (flags), without counters and timers.
  static std::string summary(const rtnl::Route& route) {
    const rtnl::RouteKey key = rtnl::ObjectTraits<rtnl::Route>::key(route);
    std::string text = "route " + std::to_string(key.family) + " table " + std::to_string(key.table) + " " +
                       key.dst.to_string() + " from " + key.src.to_string() + " tos " + std::to_string(key.tos) +
                       " metric " + std::to_string(key.priority) + " type " + std::string(to_string(route.type)) +
                       " flags " + std::to_string(route.flags) + " oif " + std::to_string(uint32_t{route.oif}) +
                       " via " + route.gateway.to_string() + " nhid " + std::to_string(route.nh_id);
    for (const rtnl::RouteNexthop& path : route.extras->multipath)
      text += " path " + std::to_string(uint32_t{path.ifindex}) + " " + path.gateway.to_string() + " flags " +
              std::to_string(path.flags);
    return text;
  }
  static std::string summary(const rtnl::Address& address) {
    return "address " + std::to_string(uint32_t{address.ifindex}) + " " + address.local.to_string() + "/" +
           std::to_string(address.prefix_length);
  }
  static std::string summary(const rtnl::Neighbour& neighbour) {
    return "neighbour " + std::to_string(uint32_t{neighbour.ifindex}) + " " + neighbour.dst.to_string() + " " +
           neighbour.state.to_string() + (neighbour.lladdr ? " " + neighbour.lladdr->to_string() : "");
  }
  static std::string summary(const rtnl::Link& link) {
    return "link " + std::to_string(link.ifindex) + " " + link.name.value_or("") + " flags " +
           std::to_string(link.flags) + " master " + std::to_string(link.master ? uint32_t{*link.master} : 0u);
  }
  static std::string summary(const rtnl::Nexthop& nexthop) {
    return "nexthop " + std::to_string(nexthop.id) + " oif " + std::to_string(uint32_t{nexthop.oif});
  }
  // The summaries of objects, one per line, sorted.
  template <class T>
  static std::string summaries(const std::vector<T>& objects) {
    std::vector<std::string> lines;
    for (const T& object : objects) lines.push_back(summary(object));
    std::sort(lines.begin(), lines.end());
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    return text;
  }
  // Every kind, as text, the cache's way and a fresh dump's.
  std::pair<std::string, std::string> cached_and_dumped(const Cache& cache) {
    // Less the IPv6 multicast entries the kernel makes unannounced, which
    // the cache leaves out (docs/IPDB.md).
    std::vector<rtnl::Neighbour> neighbours = ip_route().dump<rtnl::Neighbour>().value();
    std::erase_if(neighbours, [](const rtnl::Neighbour& neighbour) {
      return neighbour.dst.to_string().starts_with("ff") && neighbour.state.contains(rtnl::NeighbourState::noarp);
    });
    return {summaries(cache.all<rtnl::Route>()) + summaries(cache.all<rtnl::Address>()) +
                summaries(cache.all<rtnl::Neighbour>()) + summaries(cache.all<rtnl::Link>()) +
                summaries(cache.all<rtnl::Nexthop>()),
            summaries(ip_route().dump<rtnl::Route>().value()) + summaries(ip_route().dump<rtnl::Address>().value()) +
                summaries(neighbours) + summaries(ip_route().dump<rtnl::Link>().value()) +
                summaries(ip_route().dump<rtnl::Nexthop>().value())};
  }
  // The cache holds what a fresh dump holds, kind by kind. The kernel may
  // still be announcing a change of its own (an IPv6 address leaving DAD
  // adds its local route a moment later), so a difference gets a few more
  // updates to close; one the notifications never close is what fails.
  void expect_equal_to_a_fresh_dump(Cache& cache, const std::string& after) {
    auto [cached, dumped] = cached_and_dumped(cache);
    for (int round = 0; round < 10 && cached != dumped; ++round) {
      settle(cache);
      std::tie(cached, dumped) = cached_and_dumped(cache);
    }
    EXPECT_EQ(cached, dumped) << after;
  }
};

TEST_F(IpdbCache, finds_what_ip_made_by_its_usual_names) {
  Cache cache = open();
  const uint32_t v0 = ifindex_of("v0");
  ASSERT_TRUE(cache.link("v0"));
  EXPECT_EQ(cache.link("v0")->ifindex, v0);
  EXPECT_EQ(cache.link(v0)->name, "v0");
  EXPECT_FALSE(cache.link("nosuch0"));

  bool found = false;
  for (const rtnl::Address& address : cache.addresses(v0))
    found = found || (address.local == IpAddress("10.0.0.1") && address.prefix_length == 24);
  EXPECT_TRUE(found);

  // Longest prefix first, then shorter ones, then the default route.
  EXPECT_EQ(cache.longest_match("10.1.2.3")->dst, IpPrefix("10.1.2.0/24"));
  EXPECT_EQ(cache.longest_match("10.1.9.9")->gateway, IpAddress("10.0.0.2"));
  EXPECT_EQ(cache.longest_match("10.0.0.77")->dst, IpPrefix("10.0.0.0/24"));
  EXPECT_EQ(cache.longest_match("192.0.2.1")->gateway, IpAddress("10.0.0.254"));
  EXPECT_FALSE(cache.longest_match("10.1.2.3", 100));  // table 100 is empty
  EXPECT_EQ(cache.longest_match("10.0.0.1", RT_TABLE_LOCAL)->type, rtnl::RouteType::local);

  EXPECT_EQ(cache.neighbour(v0, "10.0.0.9")->lladdr, MacAddress("02:00:00:00:00:09"));
  EXPECT_EQ(cache.nexthop(5)->gateway, IpAddress("10.0.0.2"));
  // The rule ip added, among every family's (a kernel with multicast
  // routing has ipmr's and ip6mr's too).
  const std::vector<rtnl::Rule> rules = cache.all<rtnl::Rule>();
  EXPECT_TRUE(std::ranges::any_of(rules, [](const rtnl::Rule& rule) {
    return rule.table == 100 && rule.priority == 1000u && rule.src == IpPrefix("192.0.2.0/24");
  }));
  EXPECT_EQ(rules.size(), ip_route().dump<rtnl::Rule>().value().size());
  expect_equal_to_a_fresh_dump(cache, "open");
}

TEST_F(IpdbCache, keeps_only_the_route_family_and_tables_asked) {
  CacheOptions options;
  options.route_family = AF_INET;
  options.route_tables = {RT_TABLE_MAIN, 100};
  Cache cache = open(options);
  ip_commands({"route add 10.7.0.0/16 via 10.0.0.2 table 100", "route add 10.8.0.0/16 via 10.0.0.2 table 200",
               "route add 2001:db8:7::/48 dev v0"});
  settle(cache);
  const size_t main_routes = test::ip_json(ns_name(), "-4 route show table main").size();
  const size_t table_100 = test::ip_json(ns_name(), "-4 route show table 100").size();
  EXPECT_EQ(cache.count<rtnl::Route>(), main_routes + table_100);
  EXPECT_TRUE(cache.longest_match("10.7.1.1", 100));
  EXPECT_FALSE(cache.longest_match("10.8.1.1", 200));
  for (const rtnl::Route& route : cache.all<rtnl::Route>()) {
    EXPECT_EQ(route.family, AF_INET);
    EXPECT_TRUE(route.table == RT_TABLE_MAIN || route.table == 100u) << route.table;
  }
}

TEST_F(IpdbCache, follows_what_another_program_changes) {
  Cache cache = open();
  ip_commands({"link add br0 type bridge", "address add 10.9.0.1/24 dev v0", "route add 198.51.100.0/24 via 10.0.0.2",
               "route del 10.1.2.0/24", "neigh add 10.0.0.10 lladdr 02:00:00:00:00:0a dev v0 nud permanent"});
  const UpdateStats stats = settle(cache);
  EXPECT_GT(stats.events, 0u);
  EXPECT_TRUE(cache.link("br0"));
  EXPECT_EQ(cache.longest_match("198.51.100.1")->dst, IpPrefix("198.51.100.0/24"));
  EXPECT_EQ(cache.longest_match("10.1.2.3")->dst, IpPrefix("10.1.0.0/16"));  // the /24 is gone
  EXPECT_TRUE(cache.neighbour(ifindex_of("v0"), "10.0.0.10"));
  expect_equal_to_a_fresh_dump(cache, "changes");
}

// Each change the kernel makes more of than it says, starting from the
// fixture's namespace; afterwards the cache must equal a fresh dump.
TEST_F(IpdbCache, what_the_kernel_removes_without_saying_is_removed_too) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"link set down", {"link set v0 down"}},   {"last IPv4 address removed", {"address del 10.0.0.1/24 dev v0"}},
      {"nexthop deleted", {"nexthop del id 5"}}, {"carrier lost (peer down)", {"link set v0p down"}},
      {"link deleted", {"link del v0"}},
  };
  for (const auto& [name, commands] : cases) {
    SCOPED_TRACE(name);
    // Each case from the fixture's state again: a new veth v1/v1p like v0.
    ip_commands({"link del v0"});
    add_veth_pair("v0", "v0p");
    ip_commands({"address add 10.0.0.1/24 dev v0", "route add 10.1.0.0/16 via 10.0.0.2",
                 "route add 10.1.2.0/24 via 10.0.0.3", "route add default via 10.0.0.254",
                 "nexthop add id 5 via 10.0.0.2 dev v0", "route add 203.0.113.0/24 nhid 5"});
    Cache cache = open();
    for (const std::string& command : commands) test::ip_run(ns_name(), command);
    const UpdateStats stats = settle(cache);
    expect_equal_to_a_fresh_dump(cache, name);
    EXPECT_GT(stats.removed, 0u);
    if (name == "carrier lost (peer down)") {
      EXPECT_GT(stats.reread, 0u);
    }
    if (HasFailure()) return;
  }
}

// A multipath route whose one path's link goes down, loses its carrier or
// comes back: the kernel marks that path dead (or alive) without a
// notification, and removes the route only with its last path.
TEST_F(IpdbCache, the_silent_changes_of_multipath_routes_are_followed) {
  add_veth_pair("v1", "v1p");
  ip_commands({"address add 10.0.1.1/24 dev v1", "address add 2001:db8::1/64 dev v0 nodad",
               "address add 2001:db8:1::1/64 dev v1 nodad",
               "route add 198.51.100.0/24 nexthop via 10.0.0.2 dev v0 nexthop via 10.0.1.2 dev v1",
               "route add 2001:db8:5::/64 nexthop via 2001:db8::2 dev v0 nexthop via 2001:db8:1::2 dev v1"});
  const std::vector<std::pair<std::string, std::string>> steps = {
      {"one path's link set down", "link set v1 down"}, {"and up again", "link set v1 up"},
      {"one path's carrier lost", "link set v1p down"}, {"and back", "link set v1p up"},
      {"every path's link down", "link set v0 down"},
  };
  Cache cache = open();
  for (const auto& [name, command] : steps) {
    SCOPED_TRACE(name);
    test::ip_run(ns_name(), command);
    settle(cache);
    expect_equal_to_a_fresh_dump(cache, name);
    if (name == "one path's link set down") {
      // Not vacuous: the route is still there, its path through v1 dead.
      const std::vector<rtnl::Route> routes = cache.all<rtnl::Route>();
      const auto multipath = std::ranges::find_if(
          routes, [](const rtnl::Route& route) { return route.dst == IpPrefix("198.51.100.0/24"); });
      ASSERT_NE(multipath, routes.end());
      ASSERT_EQ(multipath->extras->multipath.size(), 2u);
      EXPECT_NE(multipath->extras->multipath[1].flags & RTNH_F_DEAD, 0u);
    }
    if (HasFailure()) return;
  }
}

TEST_F(IpdbCache, a_link_moved_to_another_namespace_takes_its_routes_along) {
  Result<test::ScopedNetns> other = test::ScopedNetns::create();
  ASSERT_TRUE(other) << other.error().describe();
  Cache cache = open();
  test::ip_run(ns_name(), "link set v0 netns " + other->name());
  const UpdateStats stats = settle(cache);
  EXPECT_GT(stats.removed, 0u);
  EXPECT_FALSE(cache.link("v0"));
  expect_equal_to_a_fresh_dump(cache, "moved");
}

TEST_F(IpdbCache, an_overrun_reloads_and_ends_equal_to_a_fresh_dump) {
  CacheOptions options;
  options.socket.receive_buffer = 4096;  // a few notifications fill it
  Cache cache = open(options);
  // 3,000 routes in one `ip -batch`: far more notifications than fit.
  const std::string batch = testing::TempDir() + "/ipdb_overrun.batch";
  {
    std::ofstream file(batch);
    for (int i = 0; i < 3000; ++i) file << "route add 172.16." << i / 250 << '.' << i % 250 << "/32 via 10.0.0.2\n";
  }
  test::ip_run(ns_name(), "-batch " + batch);
  const UpdateStats stats = settle(cache);
  EXPECT_GT(stats.resyncs, 0u);
  EXPECT_EQ(cache.longest_match("172.16.11.249")->dst, IpPrefix("172.16.11.249/32"));
  expect_equal_to_a_fresh_dump(cache, "overrun");
}

// The storm of the issue: another process adds 100,000 routes and removes
// them again while the cache follows with a small receive buffer; the
// kernel drops notifications, the cache says so and reloads, and it ends
// equal to a fresh dump.
TEST_F(IpdbCache, a_storm_of_100000_routes_from_another_process_ends_equal_to_a_fresh_dump) {
  CacheOptions options;
  options.socket.receive_buffer = 64 * 1024;
  Cache cache = open(options);
  // ip holds a whole batch file in memory (hundreds of megabytes for
  // 200,000 lines, more than the guest has): the storm is twenty files of
  // 10,000 changes, run one after the other.
  std::vector<std::string> batches;
  for (const char* verb : {"add", "del"})
    for (int part = 0; part < 10; ++part) {
      batches.push_back(testing::TempDir() + "/ipdb_storm_" + verb + std::to_string(part) + ".batch");
      std::ofstream file(batches.back());
      for (int i = part * 10'000; i < (part + 1) * 10'000; ++i)
        file << "route " << verb << " 172.20." << i / 256 % 256 << '.' << i % 256 << "/32 via 10.0.0.2 table "
             << 1000 + i / 65536 << '\n';
    }
  // And a few that stay, so the end state is not the start's.
  batches.push_back(testing::TempDir() + "/ipdb_storm_stay.batch");
  {
    std::ofstream file(batches.back());
    for (int i = 0; i < 10; ++i) file << "route add 172.21.0." << i << "/32 via 10.0.0.2\n";
  }
  // The cache reads every 20 ms: a slow reader, however busy the machine
  // (a fast one on a loaded machine might keep up with ip).
  std::atomic<bool> storming = true;
  std::thread storm([&] {
    for (const std::string& batch : batches) test::ip_run(ns_name(), "-batch " + batch);
    storming = false;
  });
  UpdateStats total;
  while (storming) {
    std::this_thread::sleep_for(milliseconds(20));
    Result<UpdateStats> stats = cache.update(milliseconds(0));
    ASSERT_TRUE(stats) << stats.error().describe();
    total.resyncs += stats->resyncs;
    total.events += stats->events;
  }
  storm.join();
  total.resyncs += settle(cache).resyncs;
  EXPECT_GT(total.resyncs, 0u);  // the overrun was noticed, and said
  EXPECT_EQ(cache.longest_match("172.21.0.9")->dst, IpPrefix("172.21.0.9/32"));
  EXPECT_FALSE(cache.longest_match("172.20.0.1", 1000));
  expect_equal_to_a_fresh_dump(cache, "storm");
}

TEST_F(IpdbCache, readers_on_other_threads_run_while_it_updates) {
  Cache cache = open();
  std::atomic<bool> done = false;
  std::atomic<size_t> lookups = 0;
  std::vector<std::thread> readers;
  for (int reader = 0; reader < 2; ++reader)
    readers.emplace_back([&] {
      while (!done) {
        if (cache.longest_match("10.1.2.3")) ++lookups;
        (void)cache.all<rtnl::Route>();
      }
    });
  for (int i = 0; i < 200; ++i) test::ip_run(ns_name(), "route add 172.17.0." + std::to_string(i) + "/32 via 10.0.0.2");
  settle(cache);
  done = true;
  for (std::thread& reader : readers) reader.join();
  EXPECT_GT(lookups.load(), 0u);
  EXPECT_TRUE(cache.longest_match("172.17.0.199"));
  expect_equal_to_a_fresh_dump(cache, "threads");
}

}  // namespace
}  // namespace nlpp::ipdb
