// Nexthop objects against the kernel, each test in a fresh namespace with a
// veth pair: single nexthops, groups with weights, resilient groups and a
// route using one, read back through nlpp and `ip -j -d nexthop show`; and
// the kernel's errors.
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/route.hpp>

#include "kernel/route_fixture.hpp"
#include "support/iproute2.hpp"

#include <gtest/gtest.h>

#include <cerrno>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::kernel_error;
using test::prefix;

class Nexthops : public test::RoutingTest {
 protected:
  void add(const Nexthop& nexthop) {
    Result<io::Ack> added = ip_route().add(nexthop);
    ASSERT_TRUE(added) << added.error().describe();
  }

  // Two gateway nexthops, ids 1 and 2, for groups to use.
  void add_members() {
    add(Nexthop{.id = 1, .oif = veth0_, .gateway = ip("192.0.2.2")});
    add(Nexthop{.id = 2, .oif = veth0_, .gateway = ip("192.0.2.3")});
  }

  // `ip -j -d nexthop show id ID`.
  nlohmann::json shown(uint32_t id) {
    const nlohmann::json nexthops = test::ip_json(ns_name(), "nexthop show id " + std::to_string(id));
    EXPECT_EQ(nexthops.size(), 1u) << nexthops;
    return nexthops.empty() ? nlohmann::json() : nexthops[0];
  }
};

TEST_F(Nexthops, gateway_nexthop_and_blackhole_read_back_through_nlpp_and_ip) {
  const Nexthop gateway{.id = 1, .oif = veth0_, .gateway = ip("192.0.2.2")};
  const Nexthop v6{.id = 2, .oif = veth0_, .gateway = ip("2001:db8::2")};
  const Nexthop blackhole{.id = 3, .blackhole = true};
  for (const Nexthop* nexthop : {&gateway, &v6, &blackhole}) add(*nexthop);

  Result<Nexthop> got = ip_route().get(Nexthop{.id = 1});
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(got->gateway, gateway.gateway);
  EXPECT_EQ(got->oif, veth0_);
  EXPECT_EQ(got->family, AF_INET);
  EXPECT_EQ(ip_route().get(Nexthop{.id = 2}).value().family, AF_INET6);
  EXPECT_TRUE(ip_route().get(Nexthop{.id = 3}).value().blackhole);

  EXPECT_EQ(shown(1)["gateway"], "192.0.2.2");
  EXPECT_EQ(shown(1)["dev"], "veth0");
  EXPECT_EQ(shown(2)["gateway"], "2001:db8::2");
  EXPECT_TRUE(shown(3).contains("blackhole"));
}

TEST_F(Nexthops, group_with_weights_carries_a_route) {
  add_members();
  add(Nexthop{.id = 10, .group = {{.id = 1}, {.id = 2, .weight = 3}}});
  Result<io::Ack> route = ip_route().add(Route{.dst = IpPrefix::parse("198.51.100.0/24").value(), .nh_id = 10});
  ASSERT_TRUE(route) << route.error().describe();

  const Nexthop group = ip_route().get(Nexthop{.id = 10}).value();
  EXPECT_EQ(group.group, (std::vector<NexthopGroupMember>{{.id = 1}, {.id = 2, .weight = 3}}));
  const nlohmann::json members = shown(10)["group"];
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[1]["id"], 2);
  EXPECT_EQ(members[1]["weight"], 3);

  const std::vector<Route> routes = ip_route().dump<Route>({.family = AF_INET, .nh_id = 10}).value();
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0].dst.to_string(), "198.51.100.0/24");
  const nlohmann::json shown_route = test::ip_json(ns_name(), "route show 198.51.100.0/24");
  ASSERT_EQ(shown_route.size(), 1u);
  EXPECT_EQ(shown_route[0]["nhid"], 10);
}

TEST_F(Nexthops, resilient_group_keeps_its_buckets_and_timers) {
  add_members();
  add(Nexthop{.id = 11,
              .group = {{.id = 1}, {.id = 2}},
              .group_type = NexthopGroupType::resilient,
              .resilient = ResilientGroup{.buckets = 8, .idle_timer = 6000}});
  const Nexthop group = ip_route().get(Nexthop{.id = 11}).value();
  EXPECT_EQ(group.group_type, NexthopGroupType::resilient);
  ASSERT_TRUE(group.resilient);
  EXPECT_EQ(group.resilient->buckets, 8);
  EXPECT_EQ(group.resilient->idle_timer, 6000u);
  const nlohmann::json shown_group = shown(11);
  EXPECT_EQ(shown_group["type"], "resilient");
  EXPECT_EQ(shown_group["resilient_args"]["buckets"], 8);
  EXPECT_EQ(shown_group["resilient_args"]["idle_timer"], 60);
}

TEST_F(Nexthops, replace_changes_the_gateway_and_delete_removes_it) {
  add(Nexthop{.id = 1, .oif = veth0_, .gateway = ip("192.0.2.2")});
  ASSERT_TRUE(ip_route().replace(Nexthop{.id = 1, .oif = veth0_, .gateway = ip("192.0.2.9")}));
  EXPECT_EQ(shown(1)["gateway"], "192.0.2.9");
  ASSERT_TRUE(ip_route().del(Nexthop{.id = 1}));
  EXPECT_TRUE(test::ip_json(ns_name(), "nexthop show").empty());
}

TEST_F(Nexthops, dump_is_filtered_by_groups_and_link) {
  add_members();
  add(Nexthop{.id = 3, .blackhole = true});
  add(Nexthop{.id = 10, .group = {{.id = 1}, {.id = 2}}});
  const auto ids = [&](const NexthopFilter& filter) {
    std::vector<uint32_t> found;
    for (const Nexthop& nexthop : ip_route().dump<Nexthop>(filter).value()) found.push_back(nexthop.id);
    return found;
  };
  EXPECT_EQ(ids({}), (std::vector<uint32_t>{1, 2, 3, 10}));
  EXPECT_EQ(ids({.groups = true}), std::vector<uint32_t>{10});
  EXPECT_EQ(ids({.oif = veth0_}), (std::vector<uint32_t>{1, 2}));
}

TEST_F(Nexthops, adding_an_id_twice_fails_with_eexist_and_deleting_a_missing_one_with_enoent) {
  add(Nexthop{.id = 1, .oif = veth0_, .gateway = ip("192.0.2.2")});
  Result<io::Ack> again = ip_route().add(Nexthop{.id = 1, .oif = veth0_, .gateway = ip("192.0.2.3")});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), kernel_error(EEXIST));
  Result<io::Ack> deleted = ip_route().del(Nexthop{.id = 99});
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().code(), kernel_error(ENOENT));
}

TEST_F(Nexthops, group_of_a_missing_member_is_refused_with_an_extended_ack) {
  Result<io::Ack> added = ip_route().add(Nexthop{.id = 10, .group = {{.id = 42}}});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), kernel_error(EINVAL));
  EXPECT_EQ(added.error().ext_ack().message, "Invalid nexthop id");
}

}  // namespace
}  // namespace nlpp::rtnl
