// Neighbours against the kernel, each test in a fresh namespace with a veth
// pair: IPv4 and IPv6 entries and a proxy entry added, replaced, got,
// dumped and deleted through nlpp, read back through `ip -j -d neigh show`;
// and the kernel's errors.
#include <nlpp/rtnl/neighbour.hpp>

#include "support/ip_route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/rtnl_values.hpp"

#include <gtest/gtest.h>

#include <cerrno>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::mac;

class Neighbours : public test::IpRouteTest {
 protected:
  void SetUp() override {
    IpRouteTest::SetUp();
    if (HasFatalFailure()) return;
    add_veth_pair("veth0", "veth1");
    veth0_ = ifindex_of("veth0");
  }

  Neighbour permanent_v4() const {
    return Neighbour{.ifindex = veth0_,
                     .dst = ip("192.0.2.2"),
                     .lladdr = mac("02:00:00:00:00:aa"),
                     .state = {NeighbourState::permanent}};
  }

  // `ip -j -d neigh show ARGS`: the entry for dst, or null.
  nlohmann::json shown(std::string_view dst, std::string_view args = "dev veth0") {
    for (const nlohmann::json& entry : test::ip_json(ns_name(), "neigh show " + std::string(args)))
      if (entry["dst"] == dst) return entry;
    return nullptr;
  }

  uint32_t veth0_ = 0;
};

TEST_F(Neighbours, adds_a_permanent_ipv4_neighbour_and_gets_it_back) {
  Result<io::Ack> added = ip_route().add(permanent_v4());
  ASSERT_TRUE(added) << added.error().describe();

  Result<Neighbour> got = ip_route().get(Neighbour{.ifindex = veth0_, .dst = ip("192.0.2.2")});
  ASSERT_TRUE(got) << got.error().describe();
  got->type = 0;  // the kernel fills in what it makes of dst (RTN_*)
  for (const FieldChange& change : ObjectTraits<Neighbour>::diff(permanent_v4(), *got))
    ADD_FAILURE() << change.field << ": " << change.before << " -> " << change.after;

  const nlohmann::json entry = shown("192.0.2.2");
  ASSERT_FALSE(entry.is_null());
  EXPECT_EQ(entry["lladdr"], "02:00:00:00:00:aa");
  EXPECT_EQ(entry["state"], nlohmann::json::array({"PERMANENT"}));
}

// The default, against ip with the same words: no state is permanent, with
// the lladdr kept (the kernel alone would make a NONE entry without it).
TEST_F(Neighbours, an_entry_added_without_a_state_is_what_ip_neigh_add_makes_of_the_same_words) {
  ip_commands({"neigh add 192.0.2.3 lladdr 02:00:00:00:00:03 dev veth0"});
  Result<io::Ack> added = ip_route().add(Neighbour{.ifindex = veth0_, .dst = "192.0.2.4", .lladdr = "02:00:00:00:00:04"});
  ASSERT_TRUE(added) << added.error().describe();

  nlohmann::json by_ip = shown("192.0.2.3");
  nlohmann::json by_nlpp = shown("192.0.2.4");
  ASSERT_FALSE(by_ip.is_null());
  ASSERT_FALSE(by_nlpp.is_null());
  EXPECT_EQ(by_nlpp["state"], nlohmann::json::array({"PERMANENT"}));
  EXPECT_EQ(by_nlpp["lladdr"], "02:00:00:00:00:04");
  for (nlohmann::json* entry : {&by_ip, &by_nlpp}) {
    entry->erase("dst");
    entry->erase("lladdr");
  }
  EXPECT_EQ(by_nlpp, by_ip);
}

TEST_F(Neighbours, adds_an_ipv6_router_with_a_protocol) {
  const Neighbour router{.ifindex = veth0_,
                         .dst = ip("2001:db8::2"),
                         .lladdr = mac("02:00:00:00:00:cc"),
                         .state = {NeighbourState::permanent},
                         .flags = {NeighbourFlag::router},
                         .protocol = RTPROT_STATIC};
  ASSERT_TRUE(ip_route().add(router));
  Result<std::vector<Neighbour>> dumped = ip_route().dump<Neighbour>({.family = AF_INET6, .ifindex = veth0_});
  ASSERT_TRUE(dumped) << dumped.error().describe();
  const auto found =
      std::find_if(dumped->begin(), dumped->end(), [](const Neighbour& n) { return n.dst == ip("2001:db8::2"); });
  ASSERT_NE(found, dumped->end());
  EXPECT_EQ(found->flags, NeighbourFlags{NeighbourFlag::router});
  EXPECT_EQ(found->protocol, RTPROT_STATIC);

  const nlohmann::json entry = shown("2001:db8::2");
  ASSERT_FALSE(entry.is_null());
  EXPECT_TRUE(entry.contains("router")) << entry;
  EXPECT_EQ(entry["protocol"], "static");
}

TEST_F(Neighbours, adds_an_externally_learned_stale_entry) {
  const Neighbour learned{.ifindex = veth0_,
                          .dst = ip("192.0.2.9"),
                          .lladdr = mac("02:00:00:00:00:ab"),
                          .state = {NeighbourState::stale},
                          .flags = {NeighbourFlag::extern_learn}};
  ASSERT_TRUE(ip_route().add(learned));
  const nlohmann::json entry = shown("192.0.2.9");
  ASSERT_FALSE(entry.is_null());
  EXPECT_TRUE(entry.contains("extern_learn")) << entry;
  EXPECT_EQ(entry["state"], nlohmann::json::array({"STALE"}));
}

TEST_F(Neighbours, replace_changes_the_link_layer_address_and_state) {
  ASSERT_TRUE(ip_route().add(permanent_v4()));
  Neighbour changed = permanent_v4();
  changed.lladdr = mac("02:00:00:00:00:bb");
  changed.state = {NeighbourState::reachable};
  Result<io::Ack> replaced = ip_route().replace(changed);
  ASSERT_TRUE(replaced) << replaced.error().describe();

  const Neighbour got = ip_route().get(changed).value();
  EXPECT_EQ(got.lladdr, mac("02:00:00:00:00:bb"));
  EXPECT_EQ(got.state, NeighbourStates{NeighbourState::reachable});
  const nlohmann::json entry = shown("192.0.2.2");
  EXPECT_EQ(entry["lladdr"], "02:00:00:00:00:bb");
  EXPECT_EQ(entry["state"], nlohmann::json::array({"REACHABLE"}));
}

TEST_F(Neighbours, delete_removes_the_entry) {
  ASSERT_TRUE(ip_route().add(permanent_v4()));
  ASSERT_TRUE(ip_route().del(permanent_v4()));
  EXPECT_TRUE(shown("192.0.2.2").is_null());
  Result<Neighbour> got = ip_route().get(permanent_v4());
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code(), std::error_code(ENOENT, std::system_category()));
}

TEST_F(Neighbours, dumps_filter_by_link_in_the_kernel_and_by_state_in_nlpp) {
  ASSERT_TRUE(ip_route().add(permanent_v4()));
  Neighbour stale = permanent_v4();
  stale.dst = ip("192.0.2.3");
  stale.state = {NeighbourState::stale};
  ASSERT_TRUE(ip_route().add(stale));

  Result<std::vector<Neighbour>> on_veth0 = ip_route().dump<Neighbour>({.family = AF_INET, .ifindex = veth0_});
  ASSERT_TRUE(on_veth0) << on_veth0.error().describe();
  EXPECT_EQ(on_veth0->size(), 2u);
  Result<std::vector<Neighbour>> on_lo = ip_route().dump<Neighbour>({.family = AF_INET, .ifindex = 1});
  ASSERT_TRUE(on_lo);
  EXPECT_TRUE(on_lo->empty());
  Result<std::vector<Neighbour>> stale_only =
      ip_route().dump<Neighbour>({.family = AF_INET, .states = {NeighbourState::stale, NeighbourState::delay}});
  ASSERT_TRUE(stale_only);
  ASSERT_EQ(stale_only->size(), 1u);
  EXPECT_EQ((*stale_only)[0].dst, ip("192.0.2.3"));
}

TEST_F(Neighbours, proxy_entries_live_in_their_own_table) {
  const Neighbour proxy{.ifindex = veth0_, .dst = ip("192.0.2.50"), .flags = {NeighbourFlag::proxy}};
  Result<io::Ack> added = ip_route().add(proxy);
  ASSERT_TRUE(added) << added.error().describe();

  Result<std::vector<Neighbour>> proxies = ip_route().dump<Neighbour>({.family = AF_INET, .proxies = true});
  ASSERT_TRUE(proxies) << proxies.error().describe();
  ASSERT_EQ(proxies->size(), 1u);
  EXPECT_EQ(ObjectTraits<Neighbour>::key((*proxies)[0]), ObjectTraits<Neighbour>::key(proxy));
  Result<std::vector<Neighbour>> neighbours = ip_route().dump<Neighbour>({.family = AF_INET});
  ASSERT_TRUE(neighbours);
  EXPECT_TRUE(neighbours->empty());

  Result<Neighbour> got = ip_route().get(proxy);
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_TRUE(got->is_proxy());

  const nlohmann::json entry = shown("192.0.2.50", "proxy");
  ASSERT_FALSE(entry.is_null());
  EXPECT_EQ(entry["dev"], "veth0");

  ASSERT_TRUE(ip_route().del(proxy));
  EXPECT_TRUE(shown("192.0.2.50", "proxy").is_null());
}

TEST_F(Neighbours, adding_twice_fails_with_eexist) {
  ASSERT_TRUE(ip_route().add(permanent_v4()));
  Result<io::Ack> again = ip_route().add(permanent_v4());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), std::error_code(EEXIST, std::system_category()));
}

TEST_F(Neighbours, deleting_a_missing_entry_fails_with_enoent) {
  Result<io::Ack> deleted = ip_route().del(permanent_v4());
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().code(), std::error_code(ENOENT, std::system_category()));
}

TEST_F(Neighbours, adding_on_a_missing_link_fails_with_enodev) {
  Neighbour neighbour = permanent_v4();
  neighbour.ifindex = 999;
  Result<io::Ack> added = ip_route().add(neighbour);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), std::error_code(ENODEV, std::system_category()));
}

TEST_F(Neighbours, the_kernel_explains_a_refused_flag_combination) {
  // validate() refuses a managed permanent entry; sent anyway, the kernel's
  // extended ACK says why it refuses it too.
  Neighbour managed = permanent_v4();
  managed.ext_flags = NeighbourExtFlags{NeighbourExtFlag::managed};
  ASSERT_FALSE(ObjectTraits<Neighbour>::validate(managed));
  wire::MessageBuilder request;
  ObjectTraits<Neighbour>::emit(managed, request, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL);
  Result<io::Ack> added = ip_route().engine().request(request);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), std::error_code(EINVAL, std::system_category()));
  EXPECT_EQ(added.error().ext_ack().message, "Invalid NTF_* flag for permanent entry");
}

}  // namespace
}  // namespace nlpp::rtnl
