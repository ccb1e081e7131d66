// ipdb::Cache's change notifications and ipdb::Follower against the
// kernel, each test in a fresh namespace: what another program changes
// reaches subscribers with its value before and after, in kernel order, on
// the thread that applies it; the kernel's silent removals too; a
// subscription to one object hears only of it; a follower thread keeps the
// cache current by itself.
#include <nlpp/ipdb/follower.hpp>

#include "support/ip_route_fixture.hpp"
#include "support/ipdb_settle.hpp"
#include "support/iproute2.hpp"
#include "support/scoped_netns.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace nlpp::ipdb {
namespace {

using std::chrono::milliseconds;
using test::settle;

class IpdbChanges : public test::IpRouteTest {
 protected:
  void SetUp() override {
    IpRouteTest::SetUp();
    if (HasFatalFailure()) return;
    add_veth_pair("v0", "v0p");
    ip_commands({"link set v0p up", "address add 10.0.0.1/24 dev v0"});
  }

  Cache open() {
    Result<Cache> cache = Cache::open({.socket = {.netns = ns_ref()}});
    EXPECT_TRUE(cache) << cache.error().describe();
    return std::move(cache).value();
  }
};

TEST_F(IpdbChanges, subscribers_see_each_change_with_its_value_before_and_after_in_kernel_order) {
  Cache cache = open();
  std::vector<Change<rtnl::Route>> seen;
  Subscription routes = cache.on_change<rtnl::Route>([&](const Change<rtnl::Route>& change) {
    const rtnl::Route& route = change.after ? *change.after : *change.before;
    if (route.dst == IpPrefix("10.1.0.0/16")) seen.push_back(change);
  });
  ip_commands(
      {"route add 10.1.0.0/16 via 10.0.0.2", "route replace 10.1.0.0/16 via 10.0.0.3", "route del 10.1.0.0/16"});
  settle(cache);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_TRUE(seen[0].created());
  EXPECT_EQ(seen[0].after->gateway, IpAddress("10.0.0.2"));
  // The replacement is one change, from one gateway to the other.
  ASSERT_TRUE(seen[1].before && seen[1].after);
  EXPECT_EQ(seen[1].before->gateway, IpAddress("10.0.0.2"));
  EXPECT_EQ(seen[1].after->gateway, IpAddress("10.0.0.3"));
  EXPECT_TRUE(seen[2].removed());
  EXPECT_EQ(seen[2].before->gateway, IpAddress("10.0.0.3"));
  EXPECT_FALSE(seen[2].silent);
}

TEST_F(IpdbChanges, what_the_kernel_removes_silently_reaches_subscribers_marked_silent) {
  ip_commands({"route add 10.1.0.0/16 via 10.0.0.2"});
  Cache cache = open();
  std::vector<Change<rtnl::Route>> seen;
  Subscription routes =
      cache.on_change<rtnl::Route>([&](const Change<rtnl::Route>& change) { seen.push_back(change); });
  ip_commands({"link set v0 down"});
  settle(cache);
  bool silent_gateway_route = false;
  for (const Change<rtnl::Route>& change : seen)
    silent_gateway_route =
        silent_gateway_route || (change.removed() && change.silent && change.before->dst == IpPrefix("10.1.0.0/16"));
  EXPECT_TRUE(silent_gateway_route);
  EXPECT_FALSE(cache.route(rtnl::ObjectTraits<rtnl::Route>::key(rtnl::Route{.dst = "10.1.0.0/16"})));
}

TEST_F(IpdbChanges, a_subscription_to_one_object_hears_only_of_it_until_cancelled) {
  add_veth_pair("v1", "v1p");
  Cache cache = open();
  const uint32_t v0 = ifindex_of("v0");
  std::vector<uint32_t> mtus;
  Subscription one = cache.on_change<rtnl::Link>(v0, [&](const Change<rtnl::Link>& change) {
    EXPECT_EQ(change.after->ifindex, v0);
    mtus.push_back(change.after->mtu.value_or(0));
  });
  ip_commands({"link set v1 mtu 1400", "link set v0 mtu 1300"});
  settle(cache);
  ASSERT_FALSE(mtus.empty());
  EXPECT_EQ(mtus.back(), 1300u);
  const size_t heard = mtus.size();
  one.cancel();
  ip_commands({"link set v0 mtu 1200"});
  settle(cache);
  EXPECT_EQ(mtus.size(), heard);
}

TEST_F(IpdbChanges, a_callback_may_read_the_cache_and_cancel_its_own_subscription) {
  Cache cache = open();
  std::optional<uint32_t> mtu_read;
  Subscription self;
  self = cache.on_change<rtnl::Link>([&](const Change<rtnl::Link>& change) {
    if (!change.after || change.after->name != "v0") return;
    mtu_read = cache.link("v0")->mtu;  // takes the cache's lock: not held during the call
    self.cancel();
  });
  ip_commands({"link set v0 mtu 1300", "link set v0 mtu 1200"});
  settle(cache);
  EXPECT_EQ(mtu_read, 1300u);
}

TEST_F(IpdbChanges, a_follower_keeps_the_cache_current_and_calls_back_on_its_own_thread) {
  Cache cache = open();
  std::mutex mutex;
  std::vector<std::thread::id> threads;
  Subscription links = cache.on_change<rtnl::Link>([&](const Change<rtnl::Link>&) {
    std::lock_guard lock(mutex);
    threads.push_back(std::this_thread::get_id());
  });
  Follower follower(cache);
  EXPECT_TRUE(follower.running());
  ip_commands({"link add br0 type bridge"});
  for (int wait = 0; wait < 500 && !cache.link("br0"); ++wait) std::this_thread::sleep_for(milliseconds(10));
  EXPECT_TRUE(cache.link("br0"));
  EXPECT_TRUE(follower.stop());
  EXPECT_FALSE(follower.running());
  std::lock_guard lock(mutex);
  ASSERT_FALSE(threads.empty());
  for (const std::thread::id& thread : threads) EXPECT_NE(thread, std::this_thread::get_id());
}

TEST_F(IpdbChanges, a_callback_that_throws_ends_the_follower_and_says_why) {
  Cache cache = open();
  Subscription thrower =
      cache.on_change<rtnl::Link>([](const Change<rtnl::Link>&) { throw std::runtime_error("boom"); });
  std::atomic<bool> told = false;
  Follower follower(cache, [&](const Error& error) { told = error.describe().find("boom") != std::string::npos; });
  ip_commands({"link set v0 mtu 1300"});
  for (int wait = 0; wait < 500 && follower.running(); ++wait) std::this_thread::sleep_for(milliseconds(10));
  EXPECT_FALSE(follower.running());
  EXPECT_TRUE(told);
  const Result<void> stopped = follower.stop();
  ASSERT_FALSE(stopped);
  EXPECT_EQ(stopped.error().code(), std::error_code(ECANCELED, std::system_category()));
}

// One IPDB per namespace, several in one process, each with its follower:
// what changes in one reaches only its own cache.
TEST_F(IpdbChanges, caches_of_two_namespaces_follow_each_their_own) {
  Result<test::ScopedNetns> other = test::ScopedNetns::create();
  ASSERT_TRUE(other) << other.error().describe();
  Cache here = open();
  Result<Cache> there = Cache::open({.socket = {.netns = other->name()}});
  ASSERT_TRUE(there) << there.error().describe();
  Follower following_here(here);
  Follower following_there(*there);
  test::ip_run(other->name(), "link add br7 type bridge");
  ip_commands({"link add br8 type bridge"});
  for (int wait = 0; wait < 500 && !(here.link("br8") && there->link("br7")); ++wait)
    std::this_thread::sleep_for(milliseconds(10));
  EXPECT_TRUE(here.link("br8"));
  EXPECT_FALSE(here.link("br7"));
  EXPECT_TRUE(there->link("br7"));
  EXPECT_FALSE(there->link("br8"));
  EXPECT_TRUE(following_here.stop());
  EXPECT_TRUE(following_there.stop());
}

}  // namespace
}  // namespace nlpp::ipdb
