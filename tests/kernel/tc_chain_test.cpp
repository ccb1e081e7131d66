// Filter chains against the kernel, each test in a fresh namespace with a
// veth pair and a clsact qdisc on veth0: chains made through nlpp read back
// through nlpp (with the qdisc's handle for a parent, as the kernel reports
// it) and through `tc -j chain show`; chains tc made read through nlpp; a
// filter put into a chain makes it, with its event, and the chain goes with
// its last filter; deleting a chain deletes its filters; a chain an action
// only goes to is not listed until made; the kernel's refusals and nlpp's
// checks. Templates need flower, which the build machines' kernel lacks:
// TcChainsGuest runs in the guest (tests/vm/must_run.txt).
#include <nlpp/rtnl/events.hpp>
#include <nlpp/rtnl/tc_chain.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include "kernel/route_fixture.hpp"
#include "support/event_wait.hpp"
#include "support/iproute2.hpp"
#include "support/subprocess.hpp"

#include <linux/if_ether.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using test::kernel_error;

const TcHandle ingress = TcHandle::clsact_ingress();
const TcHandle egress = TcHandle::clsact_egress();
// What the kernel reports as the parent of a chain of either clsact hook.
const TcHandle clsact = TcHandle(0xffff, 0);

class TcChains : public test::RoutingTest {
 protected:
  void SetUp() override {
    RoutingTest::SetUp();
    if (HasFatalFailure()) return;
    test::tc_run(ns_name(), "qdisc add dev veth0 clsact");
  }

  template <RtnlObject T>
  void add(const T& object) {
    Result<io::Ack> added = ip_route().add(object);
    ASSERT_TRUE(added) << added.error().describe();
  }

  std::vector<uint32_t> chain_indexes(const TcChainSelector& selector) {
    std::vector<uint32_t> indexes;
    for (const TcChain& chain : ip_route().dump<TcChain>(selector).value()) indexes.push_back(chain.chain);
    return indexes;
  }

  // A u32 filter of veth0's ingress matching one destination, in chain.
  TcFilter u32_in_chain(uint16_t priority, uint32_t chain) {
    return TcFilter{
        .ifindex = "veth0",
        .parent = ingress,
        .priority = priority,
        .protocol = ETH_P_IP,
        .chain = chain,
        .options =
            tc::U32{.selector = tc::U32Selector{.keys = {{.value = 0x0a000001, .mask = 0xffffffff, .offset = 16}}}}};
  }
};

TEST_F(TcChains, chains_made_through_nlpp_read_back_through_nlpp_and_tc) {
  add(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 5});
  add(TcChain{.ifindex = "veth0", .parent = ingress});  // chain 0
  add(TcChain{.ifindex = "veth0", .parent = egress, .chain = 9});
  test::tc_run(ns_name(), "qdisc add dev veth1 root handle 1: htb");
  test::tc_run(ns_name(), "class add dev veth1 parent 1: classid 1:10 htb rate 1mbit");
  add(TcChain{.ifindex = "veth1", .parent = TcHandle(1, 0x10), .chain = 2});
  add(TcChain{.ifindex = "veth1", .chain = 4});  // no parent: the root qdisc's block

  const uint32_t veth1 = ifindex_of("veth1");
  EXPECT_EQ(ip_route().dump<TcChain>({.ifindex = "veth0", .parent = ingress}).value(),
            (std::vector<TcChain>{{.ifindex = veth0_, .parent = clsact, .chain = 5},
                                  {.ifindex = veth0_, .parent = clsact, .chain = 0}}));
  EXPECT_EQ(ip_route().dump<TcChain>({.ifindex = "veth0", .parent = egress}).value(),
            (std::vector<TcChain>{{.ifindex = veth0_, .parent = clsact, .chain = 9}}));
  // A class's block and its qdisc's are two; both report the qdisc's handle.
  EXPECT_EQ(ip_route().dump<TcChain>({.ifindex = "veth1", .parent = TcHandle(1, 0x10)}).value(),
            (std::vector<TcChain>{{.ifindex = veth1, .parent = TcHandle(1, 0), .chain = 2}}));
  EXPECT_EQ(ip_route().dump<TcChain>({.ifindex = "veth1"}).value(),
            (std::vector<TcChain>{{.ifindex = veth1, .parent = TcHandle(1, 0), .chain = 4}}));
  EXPECT_EQ(chain_indexes({.ifindex = "veth0", .parent = ingress, .chain = 0}), std::vector<uint32_t>{0});

  EXPECT_EQ(test::tc_json(ns_name(), "chain show dev veth0 ingress"),
            nlohmann::json::parse(R"([{"parent":"ffff:","chain":5},{"parent":"ffff:","chain":0}])"));
  EXPECT_EQ(test::tc_json(ns_name(), "chain show dev veth1 parent 1:10"),
            nlohmann::json::parse(R"([{"parent":"1:","chain":2}])"));

  Result<TcChain> got = ip_route().get(TcChain{.ifindex = "veth0", .parent = egress, .chain = 9});
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(*got, (TcChain{.ifindex = veth0_, .parent = clsact, .chain = 9}));

  ASSERT_TRUE(ip_route().del(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 5}));
  EXPECT_EQ(chain_indexes({.ifindex = "veth0", .parent = ingress}), std::vector<uint32_t>{0});
  EXPECT_EQ(test::tc_json(ns_name(), "chain show dev veth0 ingress"),
            nlohmann::json::parse(R"([{"parent":"ffff:","chain":0}])"));
}

TEST_F(TcChains, chains_made_by_tc_read_through_nlpp) {
  test::tc_run(ns_name(), "chain add dev veth0 egress chain 3");
  test::tc_run(ns_name(), "qdisc add dev veth1 ingress_block 21 clsact");
  test::tc_run(ns_name(), "chain add block 21 chain 6");

  EXPECT_EQ(ip_route().dump<TcChain>({.ifindex = "veth0", .parent = egress}).value(),
            (std::vector<TcChain>{{.ifindex = veth0_, .parent = clsact, .chain = 3}}));
  // A shared block's chains name the block, listed by it or by a link of it.
  const std::vector<TcChain> in_block{{.block = 21, .chain = 6}};
  EXPECT_EQ(ip_route().dump<TcChain>({.block = 21}).value(), in_block);
  EXPECT_EQ(ip_route().dump<TcChain>({.ifindex = "veth1", .parent = ingress}).value(), in_block);
  Result<TcChain> got = ip_route().get(TcChain{.block = 21, .chain = 6});
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(*got, in_block[0]);
}

TEST_F(TcChains, a_filter_put_into_a_chain_makes_it_and_the_chain_goes_with_its_last_filter) {
  Result<EventStream> opened = EventStream::open({EventGroup::tc}, {.netns = ns_ref()});
  ASSERT_TRUE(opened) << opened.error().describe();
  EventStream stream = std::move(opened).value();
  add(u32_in_chain(1, 7));
  EXPECT_EQ(chain_indexes({.ifindex = "veth0", .parent = ingress}), std::vector<uint32_t>{7});
  EXPECT_EQ(test::tc_json(ns_name(), "chain show dev veth0 ingress"),
            nlohmann::json::parse(R"([{"parent":"ffff:","chain":7}])"));
  ASSERT_TRUE(ip_route().del(TcFilter{.ifindex = "veth0", .parent = ingress, .priority = 1, .chain = 7}));
  EXPECT_TRUE(chain_indexes({.ifindex = "veth0", .parent = ingress}).empty());

  const std::vector<std::string> seen =
      test::described_events(stream, 4, [](const Event& event) -> std::optional<std::string> {
        if (const auto* made = std::get_if<NewTcChain>(&event))
          return "new chain " + std::to_string(made->object.chain) + " parent " + made->object.parent.to_string();
        if (const auto* gone = std::get_if<DelTcChain>(&event))
          return "del chain " + std::to_string(gone->object.chain);
        if (const auto* added = std::get_if<NewTcFilter>(&event); added && added->object.handle == 0x80000800)
          return "new filter chain " + std::to_string(added->object.chain.value_or(0));
        if (std::holds_alternative<DelTcFilter>(event)) return "del filter";
        return std::nullopt;
      });
  EXPECT_EQ(seen,
            (std::vector<std::string>{"new chain 7 parent ffff:", "new filter chain 7", "del filter", "del chain 7"}));
}

TEST_F(TcChains, deleting_a_chain_deletes_its_filters) {
  add(u32_in_chain(1, 7));
  add(u32_in_chain(2, 7));
  add(u32_in_chain(3, 0));
  add(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 8});
  ASSERT_TRUE(ip_route().del(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 7}));

  EXPECT_TRUE(ip_route().dump<TcFilter>({.ifindex = "veth0", .parent = ingress, .chain = 7}).value().empty());
  const std::vector<TcFilter> left = ip_route().dump<TcFilter>({.ifindex = "veth0", .parent = ingress}).value();
  ASSERT_FALSE(left.empty());
  for (const TcFilter& filter : left) {
    EXPECT_EQ(filter.chain.value_or(0), 0u);
    EXPECT_EQ(filter.priority, 3);
  }
  EXPECT_EQ(chain_indexes({.ifindex = "veth0", .parent = ingress}), (std::vector<uint32_t>{0, 8}));
  EXPECT_TRUE(test::tc_json(ns_name(), "filter show dev veth0 ingress chain 7").empty());
}

// A `goto chain 12` holds chain 12 for the action without making it a
// chain to list; adding it then is no duplicate.
TEST_F(TcChains, a_chain_an_action_only_goes_to_is_listed_once_made) {
  test::ip_run(ns_name(), "link add ifb0 type ifb");
  TcFilter filter = u32_in_chain(1, 0);
  std::get<tc::U32>(filter.options).actions = {
      tc::Action{.control = tc::Control::goto_chain(12),
                 .options = tc::Mirred{.direction = tc::Mirred::Direction::egress_mirror, .ifindex = "ifb0"}}};
  add(filter);
  EXPECT_EQ(chain_indexes({.ifindex = "veth0", .parent = ingress}), std::vector<uint32_t>{0});
  add(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 12});
  EXPECT_EQ(chain_indexes({.ifindex = "veth0", .parent = ingress}), (std::vector<uint32_t>{0, 12}));
  // u32 lists its priority, its table and the node, which holds the action.
  const nlohmann::json listed = test::tc_json(ns_name(), "filter show dev veth0 ingress");
  ASSERT_EQ(listed.size(), 3u) << listed.dump();
  EXPECT_EQ(listed[2]["options"]["actions"][0]["control_action"],
            nlohmann::json::parse(R"({"type":"goto","chain":12})"));
}

TEST_F(TcChains, the_kernels_refusals_and_bad_input_are_errors) {
  // Checked before anything is sent.
  Result<io::Ack> nowhere = ip_route().add(TcChain{.parent = ingress, .chain = 1});
  ASSERT_FALSE(nowhere);
  EXPECT_EQ(nowhere.error().code(), make_error_code(errc::invalid_argument));
  Result<io::Ack> too_far = ip_route().add(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 1u << 28});
  ASSERT_FALSE(too_far);
  EXPECT_EQ(too_far.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_NE(too_far.error().describe().find("above the kernel's largest"), std::string::npos)
      << too_far.error().describe();
  Result<io::Ack> changed = ip_route().set(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 1});
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code(), make_error_code(errc::invalid_argument));

  // The kernel's.
  add(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 1});
  Result<io::Ack> again = ip_route().add(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 1});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), kernel_error(EEXIST)) << again.error().describe();
  Result<io::Ack> orphan = ip_route().add(TcChain{.ifindex = "veth0", .parent = TcHandle(5, 0), .chain = 1});
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code(), kernel_error(EINVAL)) << orphan.error().describe();
  Result<io::Ack> missing = ip_route().del(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 2});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), kernel_error(EINVAL)) << missing.error().describe();
  Result<TcChain> not_there = ip_route().get(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 2});
  ASSERT_FALSE(not_there);
  EXPECT_EQ(not_there.error().code(), kernel_error(EINVAL)) << not_there.error().describe();
  Result<io::Ack> no_kind =
      ip_route().add(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 2, .kind = "nosuch"});
  ASSERT_FALSE(no_kind);
  EXPECT_EQ(no_kind.error().code(), kernel_error(ENOENT)) << no_kind.error().describe();
  // A kind without templates (u32).
  Result<io::Ack> u32 = ip_route().add(
      TcChain{.ifindex = "veth0", .parent = ingress, .chain = 2, .options = tc::U32{.selector = tc::U32Selector{}}});
  ASSERT_FALSE(u32);
  EXPECT_EQ(u32.error().code(), kernel_error(EOPNOTSUPP)) << u32.error().describe();
  EXPECT_EQ(chain_indexes({.ifindex = "veth0", .parent = ingress}), std::vector<uint32_t>{1});
}

// Templates: flower is the one kind with them, which the build machines'
// kernel lacks; the guest tier runs these (must-run), elsewhere they skip.
class TcChainsGuest : public TcChains {
 protected:
  void SetUp() override {
    TcChains::SetUp();
    if (HasFatalFailure()) return;
    Result<test::CommandOutput> probe =
        test::run_command({"tc", "-n", std::string(ns_name()), "chain", "add", "dev", "veth0", "egress", "chain", "99",
                           "flower", "dst_mac", "00:11:22:33:44:55"});
    if (!probe || probe->exit_code != 0) GTEST_SKIP() << "no flower here";
    test::tc_run(ns_name(), "chain del dev veth0 egress chain 99");
  }
};

TEST_F(TcChainsGuest, a_flower_template_made_through_nlpp_and_by_tc_reads_the_same) {
  add(TcChain{.ifindex = "veth0",
              .parent = ingress,
              .chain = 3,
              .kind = "flower",
              // As tc sends it: the chain's protocol (none) as eth_type.
              .options = tc::Flower{.eth_type = 0, .dst_mac = "00:11:22:33:44:55"}});
  test::tc_run(ns_name(), "qdisc add dev veth1 clsact");
  test::tc_run(ns_name(), "chain add dev veth1 ingress chain 3 flower dst_mac 00:11:22:33:44:55");

  const std::vector<TcChain> by_nlpp = ip_route().dump<TcChain>({.ifindex = "veth0", .parent = ingress}).value();
  const std::vector<TcChain> by_tc = ip_route().dump<TcChain>({.ifindex = "veth1", .parent = ingress}).value();
  ASSERT_EQ(by_nlpp.size(), 1u);
  ASSERT_EQ(by_tc.size(), 1u);
  EXPECT_EQ(by_nlpp[0].kind, "flower");
  EXPECT_EQ(by_nlpp[0].chain, 3u);
  const auto* reported = std::get_if<tc::Flower>(&by_nlpp[0].options);
  ASSERT_TRUE(reported);
  EXPECT_EQ(reported->dst_mac, tc::Masked<MacAddress>("00:11:22:33:44:55"));
  EXPECT_EQ(reported->eth_type, uint16_t{0});
  const auto* by_tc_template = std::get_if<tc::Flower>(&by_tc[0].options);
  ASSERT_TRUE(by_tc_template);
  EXPECT_EQ(by_tc_template->dst_mac, reported->dst_mac);

  const nlohmann::json shown = test::tc_json(ns_name(), "chain show dev veth0 ingress");
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0]["kind"], "flower");
  EXPECT_EQ(shown[0]["options"]["keys"]["dst_mac"], "00:11:22:33:44:55");
  EXPECT_EQ(shown, test::tc_json(ns_name(), "chain show dev veth1 ingress"));

  // A filter of the chain must match on the template's keys: the kernel
  // refuses one that matches on others.
  Result<test::CommandOutput> misfit =
      test::run_command({"tc", "-n", std::string(ns_name()), "filter", "add", "dev", "veth0", "ingress", "chain", "3",
                         "protocol", "ip", "flower", "dst_ip", "10.0.0.1"});
  ASSERT_TRUE(misfit);
  EXPECT_NE(misfit->exit_code, 0) << misfit->out;
  ASSERT_TRUE(ip_route().del(TcChain{.ifindex = "veth0", .parent = ingress, .chain = 3}));
  EXPECT_TRUE(ip_route().dump<TcChain>({.ifindex = "veth0", .parent = ingress}).value().empty());
}

}  // namespace
}  // namespace nlpp::rtnl
