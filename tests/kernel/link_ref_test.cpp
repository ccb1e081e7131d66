// Links named instead of numbered (LinkRef), each test in a fresh namespace
// with a veth pair and a bridge: every kind of object, filter and query
// that refers to a link, resolved by the session in its own namespace and
// read back through `ip -j -d`; a missing link is an error naming it with
// nothing sent; a batch refuses names; ThrowingIpRoute throws.
#include <nlpp/rtnl.hpp>

#include "support/ip_route_fixture.hpp"
#include "support/iproute2.hpp"

#include <gtest/gtest.h>

#include <cerrno>

namespace nlpp::rtnl {
namespace {

class LinkRefs : public test::IpRouteTest {
 protected:
  void SetUp() override {
    IpRouteTest::SetUp();
    if (HasFatalFailure()) return;
    add_veth_pair("veth0", "veth1");
    ip_commands({"link add br0 type bridge", "address add 10.0.0.1/24 dev veth0"});
  }
};

TEST_F(LinkRefs, objects_name_their_links_and_the_kernel_gets_ifindexes) {
  ASSERT_TRUE(ip_route().set(Link{.name = "veth1", .master = "br0"}));
  EXPECT_EQ(test::ip_json(ns_name(), "link show dev veth1")[0]["master"], "br0");

  ASSERT_TRUE(ip_route().add(Address{.ifindex = "veth0", .local = "10.0.0.7", .prefix_length = 24}));
  ASSERT_TRUE(ip_route().add(Route{.dst = "198.51.100.0/24", .oif = "veth0"}));
  EXPECT_EQ(test::ip_json(ns_name(), "route show 198.51.100.0/24")[0]["dev"], "veth0");
  ASSERT_TRUE(ip_route().add(
      Route{.dst = "203.0.113.0/24",
            .extras = {{.multipath = {{.gateway = "10.0.0.2", .ifindex = "veth0"}, {.gateway = "10.0.0.3"}}}}}));
  EXPECT_EQ(test::ip_json(ns_name(), "route show 203.0.113.0/24")[0]["nexthops"][0]["dev"], "veth0");
  ASSERT_TRUE(ip_route().add(Neighbour{.ifindex = "veth0", .dst = "10.0.0.9", .lladdr = "02:00:00:00:00:09"}));
  EXPECT_EQ(test::ip_json(ns_name(), "neigh show dev veth0 10.0.0.9")[0]["lladdr"], "02:00:00:00:00:09");
  ASSERT_TRUE(ip_route().add(Nexthop{.id = 5, .oif = "veth0", .gateway = "10.0.0.2"}));
  EXPECT_EQ(test::ip_json(ns_name(), "nexthop show id 5")[0]["dev"], "veth0");
}

TEST_F(LinkRefs, kind_data_and_a_veth_peer_name_their_links_too) {
  // A vxlan's underlying device, and the master of a veth's peer, by name.
  ASSERT_TRUE(ip_route().add(Link{.name = "vx0", .info = link::Vxlan{.vni = 42, .link = "veth0", .port = 4789}}));
  const nlohmann::json vx0 = test::ip_json(ns_name(), "link show dev vx0")[0];
  EXPECT_EQ(vx0["linkinfo"]["info_data"]["link"], "veth0") << vx0;
  Result<Link> read = ip_route().get(Link{.name = "vx0"});
  ASSERT_TRUE(read) << read.error().describe();
  EXPECT_EQ(std::get<link::Vxlan>(read->info->data).link, ifindex_of("veth0"));

  ASSERT_TRUE(ip_route().add(Link{.name = "v2", .info = link::Veth{.peer = Link{.name = "v2p", .master = "br0"}}}));
  EXPECT_EQ(test::ip_json(ns_name(), "link show dev v2p")[0]["master"], "br0");

  Result<io::Ack> missing = ip_route().add(Link{.name = "vx1", .info = link::Vxlan{.vni = 43, .link = "nosuch0"}});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), std::error_code(ENODEV, std::system_category()));
  EXPECT_EQ(test::ip_json(ns_name(), "link show type vxlan").size(), 1u);  // vx0 alone: nothing was sent
}

TEST_F(LinkRefs, gets_dumps_and_queries_take_names_too) {
  ASSERT_TRUE(ip_route().add(Route{.dst = "198.51.100.0/24", .oif = "veth0"}));
  Result<std::vector<Route>> through_veth0 = ip_route().dump<Route>({.family = AF_INET, .oif = "veth0"});
  ASSERT_TRUE(through_veth0) << through_veth0.error().describe();
  EXPECT_FALSE(through_veth0->empty());
  for (const Route& route : *through_veth0) EXPECT_EQ(route.oif, ifindex_of("veth0")) << route;
  Result<std::vector<Address>> on_veth0 = ip_route().dump<Address>({.family = AF_INET, .ifindex = "veth0"});
  ASSERT_TRUE(on_veth0);
  ASSERT_EQ(on_veth0->size(), 1u);
  EXPECT_EQ((*on_veth0)[0].local, IpAddress("10.0.0.1"));
  EXPECT_EQ((*on_veth0)[0].ifindex, ifindex_of("veth0"));
  Result<Route> used = ip_route().run(RouteQuery{.dst = "198.51.100.7", .oif = "veth0"});
  ASSERT_TRUE(used) << used.error().describe();
  EXPECT_EQ(used->oif, ifindex_of("veth0"));
}

TEST_F(LinkRefs, an_altname_longer_than_a_name_finds_its_link) {
  ip_commands({"link property add dev veth0 altname an-altname-longer-than-15"});
  ASSERT_TRUE(ip_route().add(Route{.dst = "198.51.100.0/24", .oif = "an-altname-longer-than-15"}));
  EXPECT_EQ(test::ip_json(ns_name(), "route show 198.51.100.0/24")[0]["dev"], "veth0");
}

TEST_F(LinkRefs, a_missing_link_is_enodev_naming_it_and_nothing_is_sent) {
  Result<io::Ack> added = ip_route().add(Route{.dst = "198.51.100.0/24", .oif = "nosuch0"});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), std::error_code(ENODEV, std::system_category()));
  EXPECT_EQ(added.error().context(), "link 'nosuch0': no such link");
  EXPECT_TRUE(test::ip_json(ns_name(), "route show 198.51.100.0/24").empty());
  Result<std::vector<Route>> dumped = ip_route().dump<Route>({.oif = "nosuch0"});
  ASSERT_FALSE(dumped);
  EXPECT_EQ(dumped.error().code(), std::error_code(ENODEV, std::system_category()));
  Result<io::Ack> bad_name = ip_route().add(Route{.dst = "198.51.100.0/24", .oif = "no/slash"});
  ASSERT_FALSE(bad_name);
  EXPECT_EQ(bad_name.error().code(), make_error_code(errc::invalid_argument));
}

TEST_F(LinkRefs, a_batch_refuses_names_before_queueing) {
  ChangeBatch batch;
  Result<size_t> queued = batch.add(Route{.dst = "198.51.100.0/24", .oif = "veth0"});
  ASSERT_FALSE(queued);
  EXPECT_EQ(queued.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_NE(queued.error().context().find("by ifindex, not by name"), std::string::npos) << queued.error().context();
  EXPECT_TRUE(batch.empty());
}

TEST_F(LinkRefs, throwing_ip_route_returns_values_and_throws_errors) {
  ThrowingIpRoute ipr = ThrowingIpRoute::open({.netns = ns_ref()});
  ipr.add(Route{.dst = "198.51.100.0/24", .oif = "veth0"});
  EXPECT_EQ(ipr.get(Link{.name = "veth0"}).ifindex, ifindex_of("veth0"));
  EXPECT_FALSE(ipr.dump<Route>({.family = AF_INET, .oif = "veth0"}).empty());
  try {
    ipr.add(Route{.dst = "198.51.100.0/24", .oif = "veth0"});
    ADD_FAILURE() << "no exception for a route that exists";
  } catch (const Exception& error) {
    EXPECT_EQ(error.code(), std::error_code(EEXIST, std::system_category()));
  }
  EXPECT_FALSE(ipr.session().add(Route{.dst = "198.51.100.0/24", .oif = "veth0"}));  // the Result API underneath
}

}  // namespace
}  // namespace nlpp::rtnl
