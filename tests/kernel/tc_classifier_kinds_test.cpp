// The route, flow and cgroup filters against the kernel, each test in a
// fresh namespace with a veth pair and an htb qdisc on veth0: made through
// nlpp's typed structs, read back through nlpp (with what the kernel fills
// in) and through tc, changed, replaced and deleted; packets classified by
// the realm of their route, counted in a route filter's action; the
// kernel's refusals. tc 6.1 prints these kinds' options as text even with
// -j, so tc's side is read from its text. The build machines' kernel has
// none of these classifiers: each test skips there (the kernel refuses the
// kind with ENOENT) and runs in the QEMU guest (tests/vm/must_run.txt).
#include <nlpp/rtnl/tc_filter.hpp>

#include "kernel/route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/udp_sender.hpp"

#include <gtest/gtest.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using test::kernel_error;

const TcHandle htb_root = TcHandle(1, 0);

class TcClassifierKinds : public test::QuietRoutingTest {
 protected:
  void SetUp() override {
    QuietRoutingTest::SetUp();
    if (HasFatalFailure()) return;
    test::tc_run(ns_name(), "qdisc add dev veth0 root handle 1: htb");
  }

  // Adds the filters; false (the test to skip) when the kernel has no
  // module for their kind.
  bool add_or_skip(std::initializer_list<TcFilter> filters) {
    for (const TcFilter& filter : filters) {
      Result<io::Ack> added = ip_route().add(filter);
      if (!added && (added.error().code() == kernel_error(ENOENT) || added.error().code() == kernel_error(EOPNOTSUPP)))
        return false;
      EXPECT_TRUE(added) << filter.resolved_kind() << " pref " << filter.priority << ": "
                         << (added ? "" : added.error().describe());
    }
    return true;
  }

  // The filter of priority `priority` under the htb qdisc, through nlpp
  // (the kernel lists each priority, handle 0, before its filters).
  TcFilter the_filter(uint16_t priority) {
    std::vector<TcFilter> listed = ip_route().dump<TcFilter>({.ifindex = "veth0", .parent = htb_root}).value();
    std::erase_if(listed, [&](const TcFilter& filter) { return filter.priority != priority || filter.handle == 0; });
    if (listed.size() != 1) {
      ADD_FAILURE() << listed.size() << " filters of priority " << priority;
      return {};
    }
    return listed.front();
  }

  // What tc prints of the filters (its text: tc 6.1's JSON of these kinds is not JSON).
  std::string tc_shown() { return test::tc_run(ns_name(), "filter show dev veth0 parent 1:"); }
};

TcFilter on_veth0(uint16_t priority, FilterOptions options, uint32_t handle = 0) {
  return TcFilter{
      .ifindex = "veth0", .parent = htb_root, .priority = priority, .handle = handle, .options = std::move(options)};
}

tc::Action gact(tc::Control control) { return tc::Action{.control = control, .options = tc::Gact{}}; }

constexpr std::string_view no_module = "this kernel has no module for the filter kind";

TEST_F(TcClassifierKinds, route_filters_read_back_through_nlpp_and_tc) {
  const tc::Route ordered{.classid = TcHandle(1, 5), .from = 2, .to = 7};
  if (!add_or_skip(
          {on_veth0(1, tc::Route{.classid = TcHandle(1, 0x10), .to = 10}),
           on_veth0(2, tc::Route{.classid = TcHandle(1, 0x20), .from = 5}),
           // The incoming link by name: the session resolves it, then the handle is computed.
           on_veth0(3,
                    tc::Route{
                        .classid = TcHandle(1, 0x30), .iif = "veth1", .to = 3, .actions = {gact(tc::Control::drop())}}),
           on_veth0(4, ordered, tc::route_handle(ordered, 2)), on_veth0(5, tc::Route{.classid = TcHandle(1, 0x40)})}))
    GTEST_SKIP() << no_module;

  const TcFilter to = the_filter(1);
  EXPECT_EQ(to.kind, "route");
  EXPECT_EQ(to.handle, 0xffff000au);
  EXPECT_EQ(to.protocol, ETH_P_ALL);
  EXPECT_EQ(to.options, (FilterOptions{tc::Route{.classid = TcHandle(1, 0x10), .to = 10}}));
  EXPECT_EQ(the_filter(2).handle, 0x00058000u);
  EXPECT_EQ(the_filter(2).options, (FilterOptions{tc::Route{.classid = TcHandle(1, 0x20), .from = 5}}));
  const TcFilter fromif = the_filter(3);
  EXPECT_EQ(fromif.handle, 0x80000000u | uint32_t{ifindex_of("veth1")} << 16 | 3);
  const auto& route = std::get<tc::Route>(fromif.options);
  EXPECT_EQ(route.iif, LinkRef(ifindex_of("veth1")));
  EXPECT_EQ(route.to, 3u);
  EXPECT_EQ(route.classid, TcHandle(1, 0x30));
  ASSERT_EQ(route.actions.size(), 1u);
  EXPECT_EQ(route.actions[0].kind, "gact");
  EXPECT_EQ(route.actions[0].control, tc::Control::drop());
  EXPECT_EQ(the_filter(4).handle, 0x00020207u);
  EXPECT_EQ(the_filter(4).options, (FilterOptions{ordered}));
  EXPECT_EQ(the_filter(5).handle, 0xffff8000u);  // any source, any destination

  const std::string shown = tc_shown();
  EXPECT_NE(shown.find("pref 1 route chain 0 fh 0xffff000a flowid 1:10 to 10"), std::string::npos) << shown;
  EXPECT_NE(shown.find("pref 2 route chain 0 fh 0x00058000 flowid 1:20 from 5"), std::string::npos) << shown;
  EXPECT_NE(shown.find("flowid 1:30 to 3 fromif veth1"), std::string::npos) << shown;
  EXPECT_NE(shown.find("gact action drop"), std::string::npos) << shown;
  EXPECT_NE(shown.find("fh 0x00020207 order 2 flowid 1:5 to 7 from 2"), std::string::npos) << shown;
  EXPECT_NE(shown.find("fh 0xffff8000 flowid 1:40"), std::string::npos) << shown;
}

TEST_F(TcClassifierKinds, route_filters_change_replace_and_delete_by_their_handle) {
  TcFilter filter = on_veth0(1, tc::Route{.classid = TcHandle(1, 0x10), .to = 10});
  if (!add_or_skip({filter})) GTEST_SKIP() << no_module;
  std::get<tc::Route>(filter.options).classid = TcHandle(1, 0x11);
  Result<io::Ack> changed = ip_route().set(filter);  // tc filter change: the same handle, computed again
  ASSERT_TRUE(changed) << changed.error().describe();
  EXPECT_EQ(std::get<tc::Route>(the_filter(1).options).classid, TcHandle(1, 0x11));
  std::get<tc::Route>(filter.options).classid = TcHandle(1, 0x12);
  ASSERT_TRUE(ip_route().replace(filter));
  EXPECT_EQ(std::get<tc::Route>(the_filter(1).options).classid, TcHandle(1, 0x12));
  EXPECT_NE(tc_shown().find("fh 0xffff000a flowid 1:12 to 10"), std::string::npos);

  // A second filter of the priority, then the first deleted by its handle.
  ASSERT_TRUE(add_or_skip({on_veth0(1, tc::Route{.classid = TcHandle(1, 0x13), .to = 11})}));
  Result<io::Ack> deleted = ip_route().del(TcFilter{.ifindex = "veth0",
                                                    .parent = htb_root,
                                                    .priority = 1,
                                                    .protocol = ETH_P_ALL,
                                                    .handle = 0xffff000a,
                                                    .kind = "route"});
  ASSERT_TRUE(deleted) << deleted.error().describe();
  EXPECT_EQ(the_filter(1).handle, 0xffff000bu);
  EXPECT_EQ(tc_shown().find("fh 0xffff000a"), std::string::npos);
}

// veth0 sends 198.51.100.0/24 through a route of realm 10 (to a neighbour
// that needs no resolving); a route filter `to 10` on veth0's qdisc sees
// each of those packets and runs its action on them.
TEST_F(TcClassifierKinds, packets_are_classified_by_the_realm_of_their_route) {
  if (!add_or_skip(
          {on_veth0(1, tc::Route{.classid = TcHandle(1, 0x10), .to = 10, .actions = {gact(tc::Control::pass())}}),
           on_veth0(2, tc::Route{.classid = TcHandle(1, 0x20), .to = 11, .actions = {gact(tc::Control::pass())}})}))
    GTEST_SKIP() << no_module;
  test::ip_run(ns_name(), "neigh replace 192.0.2.2 lladdr 02:00:00:00:00:02 dev veth0 nud permanent");
  test::ip_run(ns_name(), "route add 198.51.100.0/24 via 192.0.2.2 dev veth0 realm 10");

  constexpr int sent = 12;
  test::send_udp(ns_ref(), "198.51.100.1", sent);

  const auto packets = [&](uint16_t priority) -> uint64_t {
    const TcFilter filter = the_filter(priority);
    const auto& actions = std::get<tc::Route>(filter.options).actions;
    if (actions.size() != 1 || !actions[0].stats) {
      ADD_FAILURE() << "no action statistics at priority " << priority;
      return 0;
    }
    return actions[0].stats->packets;
  };
  EXPECT_EQ(packets(1), uint64_t{sent});
  EXPECT_EQ(packets(2), 0u);  // realm 11: no route of it was used
}

TEST_F(TcClassifierKinds, flow_filters_read_back_through_nlpp_and_tc) {
  const tc::Flow by_mark{.keys = tc::flow_key_bit(FLOW_KEY_MARK),
                         .rshift = 2,
                         .addend = 5,
                         .divisor = 16,
                         .baseclass = TcHandle(1, 0x10),
                         .mask = 0xff};
  const tc::Flow hashed{.keys = tc::flow_key_bit(FLOW_KEY_SRC) | tc::flow_key_bit(FLOW_KEY_DST) |
                                tc::flow_key_bit(FLOW_KEY_PROTO_SRC) | tc::flow_key_bit(FLOW_KEY_PROTO_DST),
                        .divisor = 1024,
                        .perturb = 10,
                        .mode = tc::Flow::Mode::hash};
  const tc::Flow composed{.keys = tc::flow_key_bit(FLOW_KEY_DST),
                          .addend = 0xf6000000,
                          .divisor = 512,
                          .actions = {gact(tc::Control::drop())},
                          .mask = 0xff,
                          .xor_bits = 0x103};
  if (!add_or_skip({on_veth0(10, by_mark, 1), on_veth0(11, hashed, 2), on_veth0(12, composed, 3)}))
    GTEST_SKIP() << no_module;

  const TcFilter mapped = the_filter(10);
  EXPECT_EQ(mapped.kind, "flow");
  EXPECT_EQ(mapped.handle, 1u);
  EXPECT_EQ(mapped.options, (FilterOptions{by_mark}));
  // The kernel's baseclass for none: 1:1 of the qdisc.
  tc::Flow hashed_back = hashed;
  hashed_back.baseclass = TcHandle(1, 1);
  EXPECT_EQ(the_filter(11).options, (FilterOptions{hashed_back}));
  const auto back = std::get<tc::Flow>(the_filter(12).options);
  EXPECT_EQ(back.keys, tc::flow_key_bit(FLOW_KEY_DST));
  EXPECT_EQ(back.mask, 0xffu);
  EXPECT_EQ(back.xor_bits, 0x103u);
  EXPECT_EQ(back.addend, 0xf6000000u);
  ASSERT_EQ(back.actions.size(), 1u);
  EXPECT_EQ(back.actions[0].control, tc::Control::drop());

  const std::string shown = tc_shown();
  EXPECT_NE(shown.find("handle 0x1 map keys mark and 0x000000ff rshift 2 addend 0x5 divisor 16 baseclass 1:10"),
            std::string::npos)
      << shown;
  EXPECT_NE(shown.find("handle 0x2 hash keys src,dst,proto-src,proto-dst divisor 1024 baseclass 1:1 perturb 10sec"),
            std::string::npos)
      << shown;
  EXPECT_NE(shown.find("handle 0x3 map keys dst and 0x000000ff xor 0x00000003 or 0x00000100 addend 0xf6000000 "
                       "divisor 512 baseclass 1:1"),
            std::string::npos)
      << shown;
}

TEST_F(TcClassifierKinds, a_flow_change_keeps_what_it_does_not_send) {
  const tc::Flow by_mark{.keys = tc::flow_key_bit(FLOW_KEY_MARK), .divisor = 16, .mask = 0xff};
  if (!add_or_skip({on_veth0(10, by_mark, 1)})) GTEST_SKIP() << no_module;
  // tc filter change ... handle 1 flow divisor 32: no keys, mask or xor sent.
  Result<io::Ack> changed = ip_route().set(on_veth0(10, tc::Flow{.divisor = 32}, 1));
  ASSERT_TRUE(changed) << changed.error().describe();
  const auto back = std::get<tc::Flow>(the_filter(10).options);
  EXPECT_EQ(back.divisor, 32u);
  EXPECT_EQ(back.keys, tc::flow_key_bit(FLOW_KEY_MARK));
  EXPECT_EQ(back.mask, 0xffu);

  ASSERT_TRUE(ip_route().del(TcFilter{
      .ifindex = "veth0", .parent = htb_root, .priority = 10, .protocol = ETH_P_ALL, .handle = 1, .kind = "flow"}));
  EXPECT_EQ(tc_shown().find("flow"), std::string::npos);
}

TEST_F(TcClassifierKinds, cgroup_filters_hold_actions_and_go_with_their_priority) {
  if (!add_or_skip(
          {on_veth0(20, tc::Cgroup{}, 1),
           on_veth0(21,
                    tc::Cgroup{.actions = {tc::Action{.options = tc::Skbedit{.mark = 5}}, gact(tc::Control::pass())}},
                    1)}))
    GTEST_SKIP() << no_module;

  const TcFilter bare = the_filter(20);
  EXPECT_EQ(bare.kind, "cgroup");
  EXPECT_EQ(bare.handle, 1u);
  const auto& empty = std::get<tc::Cgroup>(bare.options);
  EXPECT_TRUE(empty.actions.empty());
  ASSERT_EQ(empty.unknown.size(), 1u);  // the kernel's empty ematch tree, kept raw
  EXPECT_EQ(empty.unknown[0].type & NLA_TYPE_MASK, TCA_CGROUP_EMATCHES);
  const auto acting = std::get<tc::Cgroup>(the_filter(21).options);
  ASSERT_EQ(acting.actions.size(), 2u);
  EXPECT_EQ(acting.actions[0].options, (tc::ActionOptions{tc::Skbedit{.mark = 5}}));
  EXPECT_EQ(acting.actions[1].control, tc::Control::pass());
  const std::string shown = tc_shown();
  EXPECT_NE(shown.find("pref 20 cgroup chain 0 handle 0x1"), std::string::npos) << shown;
  EXPECT_NE(shown.find("skbedit  mark 5 pipe"), std::string::npos) << shown;

  // Replaced under its handle; another handle is refused.
  ASSERT_TRUE(ip_route().replace(on_veth0(21, tc::Cgroup{.actions = {gact(tc::Control::drop())}}, 1)));
  const auto replaced = std::get<tc::Cgroup>(the_filter(21).options);
  ASSERT_EQ(replaced.actions.size(), 1u);
  EXPECT_EQ(replaced.actions[0].control, tc::Control::drop());
  Result<io::Ack> second = ip_route().add(on_veth0(21, tc::Cgroup{}, 2));
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code(), kernel_error(ENOENT)) << second.error().describe();

  // The kernel deletes a cgroup filter with its priority only.
  Result<io::Ack> by_handle = ip_route().del(TcFilter{
      .ifindex = "veth0", .parent = htb_root, .priority = 21, .protocol = ETH_P_ALL, .handle = 1, .kind = "cgroup"});
  ASSERT_FALSE(by_handle);
  ASSERT_TRUE(ip_route().del(TcFilter{.ifindex = "veth0", .parent = htb_root, .priority = 21}));
  EXPECT_EQ(tc_shown().find("pref 21"), std::string::npos);
  EXPECT_NE(tc_shown().find("pref 20"), std::string::npos);
}

TEST_F(TcClassifierKinds, the_kernels_refusals_and_the_checks_before_sending) {
  if (!add_or_skip({on_veth0(1, tc::Cgroup{}, 1)})) GTEST_SKIP() << no_module;
  // Checked before anything is sent.
  Result<io::Ack> both = ip_route().add(on_veth0(2, tc::Route{.from = 1, .iif = "veth1"}));
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().code(), make_error_code(errc::invalid_argument));
  Result<io::Ack> two_keys =
      ip_route().add(on_veth0(3, tc::Flow{.keys = tc::flow_key_bit(FLOW_KEY_SRC) | tc::flow_key_bit(FLOW_KEY_DST)}, 1));
  ASSERT_FALSE(two_keys);
  EXPECT_NE(two_keys.error().describe().find("map mode takes one key"), std::string::npos);

  // The kernel's: a flow filter needs a handle and keys, a cgroup filter a handle.
  Result<io::Ack> no_handle = ip_route().add(on_veth0(4, tc::Flow{.keys = tc::flow_key_bit(FLOW_KEY_SRC)}));
  ASSERT_FALSE(no_handle);
  EXPECT_EQ(no_handle.error().code(), kernel_error(EINVAL));
  Result<io::Ack> no_keys = ip_route().add(on_veth0(4, tc::Flow{.divisor = 3}, 7));
  ASSERT_FALSE(no_keys);
  EXPECT_EQ(no_keys.error().code(), kernel_error(EINVAL));
  Result<io::Ack> cgroup_without = ip_route().add(on_veth0(5, tc::Cgroup{}));
  ASSERT_FALSE(cgroup_without);
  EXPECT_EQ(cgroup_without.error().code(), kernel_error(EINVAL));
  // A route filter's handle that is not what it matches.
  Result<io::Ack> mismatched = ip_route().add(on_veth0(6, tc::Route{.to = 3}, 5));
  ASSERT_FALSE(mismatched);
  EXPECT_EQ(mismatched.error().code(), kernel_error(EINVAL));
}

}  // namespace
}  // namespace nlpp::rtnl
