// IpRoute's generic operations over a scripted kernel: every object's bad
// input is refused before anything is sent, with an error naming the object
// and its field; dump_into() appends to the caller's vector; objects whose
// traits have their own add() go through it; a route dump of a table
// nobody made is empty.
#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/rule.hpp>
#include <nlpp/nltest/fake_kernel.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <memory>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using test::golden_bytes;
using test::ip;
using test::mac;
using test::prefix;

static_assert(HasAddPlan<Link>, "tun/tap and altnames: links are added through ObjectTraits<Link>::plan_add()");
static_assert(!HasAddPlan<Route> && !HasAddPlan<Address> && !HasAddPlan<Neighbour>);

// An IpRoute over a kernel that answers every request with script's datagrams.
struct ScriptedIpRoute {
  explicit ScriptedIpRoute(nltest::FakeKernel::Script script) {
    auto fake = std::make_unique<nltest::FakeKernel>(std::move(script));
    kernel = fake.get();
    ipr.emplace(io::RequestEngine(std::move(fake)));
  }
  const nltest::FakeKernel* kernel = nullptr;
  std::optional<IpRoute> ipr;
};

// An IpRoute whose kernel fails the test if anything reaches it.
ScriptedIpRoute silent_kernel() {
  return ScriptedIpRoute([](const wire::MessageRange&) {
    ADD_FAILURE() << "a request reached the kernel";
    return std::vector<nltest::FakeDatagram>{};
  });
}

// add, replace, set and del of bad all fail with errc::invalid_argument whose
// context starts with "<object> <field>"; nothing is sent.
template <RtnlObject T>
void expect_refused_everywhere(const T& bad, const std::string& object_and_field) {
  ScriptedIpRoute scripted = silent_kernel();
  IpRoute& ipr = *scripted.ipr;
  for (const Result<io::Ack>& refused : {ipr.add(bad), ipr.replace(bad), ipr.set(bad), ipr.del(bad)}) {
    ASSERT_FALSE(refused) << object_and_field;
    EXPECT_EQ(refused.error().code(), errc::invalid_argument);
    EXPECT_EQ(refused.error().context().rfind(object_and_field, 0), 0u)
        << "'" << refused.error().context() << "' does not start with '" << object_and_field << "'";
  }
  EXPECT_TRUE(scripted.kernel->sent().empty());
}

TEST(IpRouteChecks, every_object_refuses_bad_input_naming_the_field_and_sends_nothing) {
  expect_refused_everywhere(Link{.ifindex = 1, .name = "a-name-of-16-chr"}, "link name");
  expect_refused_everywhere(Address{.ifindex = 1, .local = ip("192.0.2.1"), .prefix_length = 33},
                            "address prefix_length");
  expect_refused_everywhere(Route{.dst = prefix("10.0.0.1/8")}, "route dst");
  expect_refused_everywhere(Neighbour{.ifindex = 1}, "neighbour dst");
  expect_refused_everywhere(Rule{.priority = 10, .fwmask = 0xff}, "rule fwmask");
  expect_refused_everywhere(Nexthop{.id = 1, .group = {{.id = 0}}}, "nexthop group[0] id");
  expect_refused_everywhere(FdbEntry{.ifindex = 1, .lladdr = mac("02:00:00:00:00:01"), .vni = 1u << 24},
                            "fdb entry vni");
  expect_refused_everywhere(BridgeVlan{.ifindex = 1, .vlans = {{.vid = 4095}}}, "bridge vlan");
}

TEST(IpRouteChecks, link_add_needs_a_name_for_a_tun_link_before_anything_is_sent) {
  ScriptedIpRoute scripted = silent_kernel();
  const Link tun{.info = LinkInfo{.kind = "tun"}};
  const Result<io::Ack> refused = scripted.ipr->add(tun);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), errc::invalid_argument);
  EXPECT_EQ(refused.error().context().rfind("link name", 0), 0u) << refused.error().context();
  EXPECT_TRUE(scripted.kernel->sent().empty());
}

TEST(IpRouteChecks, address_label_with_a_nul_byte_is_refused) {
  const Address labelled{
      .ifindex = 1, .local = ip("192.0.2.1"), .prefix_length = 24, .label = std::string("eth0\0x", 6)};
  const Result<void> valid = ObjectTraits<Address>::validate(labelled);
  ASSERT_FALSE(valid);
  EXPECT_EQ(valid.error().context().rfind("address label", 0), 0u) << valid.error().context();
}

// A kernel that answers a dump with the golden route messages, then done.
ScriptedIpRoute route_dumping_kernel() {
  const nltest::KernelReplies replies(nltest::FakeKernel::default_port_id);
  return ScriptedIpRoute([replies](const wire::MessageRange& sent) {
    const uint32_t seq = sent.begin()->seq();
    std::vector<nltest::FakeDatagram> datagrams;
    for (const char* name : {"route_ipv6", "route_table1000"}) {
      std::vector<std::byte> message = golden_bytes(name);
      nlmsghdr header{};
      std::memcpy(&header, message.data(), sizeof header);
      header.nlmsg_seq = seq;
      header.nlmsg_pid = nltest::FakeKernel::default_port_id;
      header.nlmsg_flags |= NLM_F_MULTI;
      std::memcpy(message.data(), &header, sizeof header);
      datagrams.emplace_back(std::move(message));
    }
    datagrams.emplace_back(replies.done(seq));
    return datagrams;
  });
}

TEST(IPRouteDump, dump_into_appends_after_what_the_vector_held_and_keeps_its_capacity) {
  ScriptedIpRoute scripted = route_dumping_kernel();
  std::vector<Route> routes(1);
  routes.reserve(64);
  const Route* storage = routes.data();
  ASSERT_TRUE(scripted.ipr->dump_into(routes));
  ASSERT_EQ(routes.size(), 3u);
  EXPECT_EQ(routes.data(), storage) << "the reserved storage was used, not reallocated";
  EXPECT_EQ(routes[0], Route{});
  EXPECT_EQ(routes[1].resolved_family(), AF_INET6);
  EXPECT_EQ(routes[2].table, 1000u);

  // dump() is dump_into() a new vector.
  Result<std::vector<Route>> dumped = scripted.ipr->dump<Route>();
  ASSERT_TRUE(dumped);
  EXPECT_EQ(*dumped, std::vector<Route>(routes.begin() + 1, routes.end()));
}

// The kernel ends every dump with ENOENT, as it does one filtered on a
// table that does not exist.
ScriptedIpRoute kernel_without_the_table() {
  return ScriptedIpRoute([](const wire::MessageRange& sent) {
    const nltest::KernelReplies replies(nltest::FakeKernel::default_port_id);
    return std::vector<nltest::FakeDatagram>{replies.done(sent.begin()->seq(), NLM_F_MULTI, -ENOENT)};
  });
}

TEST(IpRouteDumps, enoent_for_a_table_filter_is_an_empty_result_and_otherwise_the_error) {
  ScriptedIpRoute scripted = kernel_without_the_table();
  Result<std::vector<Route>> by_table = scripted.ipr->dump<Route>({.family = AF_INET6, .table = 4242});
  ASSERT_TRUE(by_table) << by_table.error().describe();
  EXPECT_TRUE(by_table->empty());
  // Without a table the kernel's ENOENT means something else: kept.
  Result<std::vector<Route>> all = scripted.ipr->dump<Route>({.family = AF_INET});
  ASSERT_FALSE(all);
  EXPECT_EQ(all.error().code(), std::error_code(ENOENT, std::system_category()));
  // Other objects have no such reading.
  Result<std::vector<Address>> addresses = scripted.ipr->dump<Address>();
  ASSERT_FALSE(addresses);
  EXPECT_EQ(addresses.error().code(), std::error_code(ENOENT, std::system_category()));
}

}  // namespace
}  // namespace nlpp::rtnl
