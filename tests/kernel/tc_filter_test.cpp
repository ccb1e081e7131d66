// Filters and their actions against the kernel, each test in a fresh
// namespace with a veth pair: u32 (selectors, hash tables) and bpf
// (classic bytecode) filters with mirred actions, the host's kinds, made
// through nlpp and read back through nlpp and `tc -j -s filter show`;
// made by tc and read through nlpp; traffic through a filter counted in
// its action's statistics; changes, deletions, get, shared blocks, events,
// and errors. matchall, fw and gact are the guest's (tests/vm/must_run.txt).
#include <nlpp/rtnl/events.hpp>
#include <nlpp/rtnl/qdisc.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include "kernel/route_fixture.hpp"
#include "support/event_wait.hpp"
#include "support/iproute2.hpp"
#include "support/scoped_netns.hpp"
#include "support/udp_sender.hpp"

#include <linux/if_ether.h>

#include <gtest/gtest.h>

#include <unistd.h>

#include <cerrno>
#include <fstream>

namespace nlpp::rtnl {
namespace {

using test::kernel_error;

// tc's "match ip dst 10.0.0.1/32" and "match ip dport 80 0xffff".
const tc::U32Key dst_10_0_0_1{.value = 0x0a000001, .mask = 0xffffffff, .offset = 16};
const tc::U32Key dport_80{.value = 80, .mask = 0xffff, .offset = 20};

class TcFilters : public test::QuietRoutingTest {
 protected:
  void SetUp() override {
    QuietRoutingTest::SetUp();
    if (HasFatalFailure()) return;
    test::tc_run(ns_name(), "qdisc add dev veth0 root handle 1: htb");
  }

  template <RtnlObject T>
  void add(const T& object) {
    Result<io::Ack> added = ip_route().add(object);
    ASSERT_TRUE(added) << added.error().describe();
  }

  std::vector<TcFilter> filters(LinkRef link, TcHandle parent) {
    return ip_route().dump<TcFilter>({.ifindex = link, .parent = parent}).value();
  }

  // veth1 moved to a namespace of its own (10.9.0.2/24, up) facing veth0
  // (10.9.0.1/24), and ifb0 up beside veth0: a path for test packets.
  Result<test::ScopedNetns> connect_peer() {
    Result<test::ScopedNetns> peer = test::ScopedNetns::create();
    if (!peer) return peer;
    test::ip_run(ns_name(), "link add ifb0 type ifb");
    test::ip_run(ns_name(), "link set ifb0 up");
    test::ip_run(ns_name(), "link set veth1 netns " + peer->name());
    test::ip_run(ns_name(), "addr add 10.9.0.1/24 dev veth0");
    test::ip_run(peer->name(), "addr add 10.9.0.2/24 dev veth1");
    test::ip_run(peer->name(), "link set veth1 up");
    return peer;
  }

  // The one filter of a listing with a node handle (u32 lists its
  // priority and its table too).
  TcFilter the_filter(LinkRef link, TcHandle parent) {
    std::vector<TcFilter> listed = filters(link, parent);
    std::erase_if(listed, [](const TcFilter& filter) {
      const auto* u32 = std::get_if<tc::U32>(&filter.options);
      return std::holds_alternative<std::monostate>(filter.options) || (u32 && u32->divisor);
    });
    if (listed.size() != 1) {
      ADD_FAILURE() << listed.size() << " filters under " << parent.to_string();
      return {};
    }
    return listed.front();
  }
};

const TcHandle htb_root = TcHandle(1, 0);

TEST_F(TcFilters, a_u32_filter_made_through_nlpp_reads_back_through_nlpp_and_tc) {
  add(TcFilter{
      .ifindex = "veth0",
      .parent = htb_root,
      .priority = 1,
      .protocol = ETH_P_IP,
      .options = tc::U32{.classid = TcHandle(1, 0x10), .selector = tc::U32Selector{.keys = {dst_10_0_0_1, dport_80}}}});

  // The priority itself, its table 800:, and the filter in it.
  const std::vector<TcFilter> listed = filters("veth0", htb_root);
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(listed[0].options));
  EXPECT_EQ(std::get<tc::U32>(listed[1].options).divisor, 1u);
  EXPECT_EQ(tc::u32_handle_text(listed[1].handle), "800:");
  const TcFilter& made = listed[2];
  EXPECT_EQ(made.kind, "u32");
  EXPECT_EQ(made.priority, 1);
  EXPECT_EQ(made.protocol, ETH_P_IP);
  EXPECT_EQ(made.parent, htb_root);
  EXPECT_EQ(made.chain, 0u);
  EXPECT_EQ(tc::u32_handle_text(made.handle), "800::800");
  const auto& u32 = std::get<tc::U32>(made.options);
  EXPECT_EQ(u32.classid, TcHandle(1, 0x10));
  ASSERT_TRUE(u32.selector);
  EXPECT_EQ(u32.selector->keys, (std::vector<tc::U32Key>{dst_10_0_0_1, dport_80}));
  EXPECT_EQ(u32.selector->flags, TC_U32_TERMINAL);  // tc's: the filter classifies
  EXPECT_EQ(u32.flags, uint32_t{TCA_CLS_FLAGS_NOT_IN_HW});

  const nlohmann::json shown = test::tc_json(ns_name(), "filter show dev veth0 parent 1:");
  ASSERT_EQ(shown.size(), 3u);
  EXPECT_EQ(shown[2]["protocol"], "ip");
  EXPECT_EQ(shown[2]["pref"], 1);
  EXPECT_EQ(shown[2]["options"]["fh"], "800::800");
  EXPECT_EQ(shown[2]["options"]["flowid"], "1:10");
  EXPECT_EQ(shown[2]["options"]["match"]["value"], "50");  // tc repeats "match"; the last one is kept
  EXPECT_EQ(shown[2]["options"]["match"]["off"], 20);
  const std::string text = test::tc_run(ns_name(), "filter show dev veth0 parent 1:");
  EXPECT_NE(text.find("match 0a000001/ffffffff at 16"), std::string::npos) << text;
  EXPECT_NE(text.find("match 00000050/0000ffff at 20"), std::string::npos) << text;
}

TEST_F(TcFilters, filters_made_by_tc_read_through_nlpp) {
  test::tc_run(ns_name(), "qdisc add dev veth0 ingress");
  test::tc_run(ns_name(),
               "filter add dev veth0 parent ffff: protocol ip prio 3 u32 match ip src 10.9.0.0/24 "
               "action mirred egress mirror dev veth1 index 7 cookie 0a0b");
  // tc's bytecode-file: the count, then an instruction a line (here "return all of it").
  const std::string program = ::testing::TempDir() + "nlpp_tc_filter_" + std::to_string(::getpid()) + ".bpf";
  std::ofstream(program) << "1\n6 0 0 4294967295\n";
  test::tc_run(ns_name(), "filter add dev veth0 parent 1: prio 4 bpf bytecode-file " + program + " classid 1:20");
  ::unlink(program.c_str());

  const TcFilter mirrored = the_filter("veth0", TcHandle(0xffff, 0));
  EXPECT_EQ(mirrored.priority, 3);
  const auto& u32 = std::get<tc::U32>(mirrored.options);
  ASSERT_TRUE(u32.selector);
  EXPECT_EQ(u32.selector->keys, (std::vector<tc::U32Key>{{.value = 0x0a090000, .mask = 0xffffff00, .offset = 12}}));
  ASSERT_EQ(u32.actions.size(), 1u);
  const tc::Action& action = u32.actions[0];
  EXPECT_EQ(action.kind, "mirred");
  EXPECT_EQ(action.index, 7u);
  EXPECT_EQ(action.control, tc::Control::pipe());  // a mirror's default
  EXPECT_EQ(action.cookie, (std::vector<std::byte>{std::byte{0x0a}, std::byte{0x0b}}));
  EXPECT_EQ(action.bindcnt, 1u);
  EXPECT_TRUE(action.stats);
  EXPECT_TRUE(action.times);
  const auto& mirred = std::get<tc::Mirred>(action.options);
  EXPECT_EQ(mirred.direction, tc::Mirred::Direction::egress_mirror);
  EXPECT_EQ(mirred.ifindex, ifindex_of("veth1"));

  const TcFilter bpf = the_filter("veth0", htb_root);
  EXPECT_EQ(bpf.kind, "bpf");
  EXPECT_EQ(bpf.protocol, ETH_P_ALL);
  const auto& classic = std::get<tc::BpfFilter>(bpf.options);
  ASSERT_EQ(classic.classic.size(), 1u);
  EXPECT_EQ(classic.classic[0].code, 6);  // BPF_RET | BPF_K
  EXPECT_EQ(classic.classic[0].k, 0xffffffffu);
  EXPECT_EQ(classic.classid, TcHandle(1, 0x20));
}

TEST_F(TcFilters, a_classic_bpf_filter_with_an_action_made_through_nlpp) {
  test::tc_run(ns_name(), "qdisc add dev veth0 clsact");
  add(TcFilter{.ifindex = "veth0",
               .parent = TcHandle::clsact_egress(),
               .priority = 5,
               .protocol = ETH_P_IP,
               .options = tc::BpfFilter{
                   .classic = {sock_filter{.code = 6, .jt = 0, .jf = 0, .k = 0xffffffff}},
                   .actions = {tc::Action{.options = tc::Mirred{.direction = tc::Mirred::Direction::egress_mirror,
                                                                .ifindex = "veth1"}}}}});
  const TcFilter made = the_filter("veth0", TcHandle::clsact_egress());
  const auto& bpf = std::get<tc::BpfFilter>(made.options);
  ASSERT_EQ(bpf.classic.size(), 1u);
  ASSERT_EQ(bpf.actions.size(), 1u);
  EXPECT_EQ(std::get<tc::Mirred>(bpf.actions[0].options).ifindex, ifindex_of("veth1"));

  const nlohmann::json shown = test::tc_json(ns_name(), "filter show dev veth0 egress");
  ASSERT_FALSE(shown.empty());
  const nlohmann::json& options = shown.back()["options"];
  EXPECT_EQ(options["bytecode"]["length"], 1);
  EXPECT_EQ(options["bytecode"]["insns"][0]["k"], 4294967295u);
  EXPECT_EQ(options["actions"][0]["kind"], "mirred");
  EXPECT_EQ(options["actions"][0]["to_dev"], "veth1");
  EXPECT_EQ(options["actions"][0]["mirred_action"], "mirror");
}

TEST_F(TcFilters, packets_redirected_to_an_ifb_are_counted_in_the_action) {
  Result<test::ScopedNetns> peer = connect_peer();
  ASSERT_TRUE(peer) << peer.error().describe();
  test::ip_run(peer->name(), "neigh replace 10.9.0.1 lladdr " +
                                 test::ip_json(ns_name(), "link show veth0")[0]["address"].get<std::string>() +
                                 " dev veth1");
  test::tc_run(ns_name(), "qdisc add dev veth0 ingress");
  add(TcFilter{
      .ifindex = "veth0",
      .parent = TcHandle(0xffff, 0),
      .priority = 1,
      .protocol = ETH_P_IP,
      .options = tc::U32{.selector = tc::U32Selector{.keys = {{.value = 0x0a090001, .mask = 0xffffffff, .offset = 16}}},
                         .actions = {tc::Action{.options = tc::Mirred{.ifindex = "ifb0"}}}}});

  constexpr int sent = 20;
  test::send_udp(peer->ref(), "10.9.0.1", sent);

  // Each 142 bytes on the wire, counted without the ethernet header at ingress.
  const TcFilter filter = the_filter("veth0", TcHandle(0xffff, 0));
  const tc::Action& redirect = std::get<tc::U32>(filter.options).actions.at(0);
  EXPECT_EQ(redirect.control, tc::Control::stolen());
  ASSERT_TRUE(redirect.stats);
  EXPECT_EQ(redirect.stats->packets, uint64_t{sent});
  EXPECT_EQ(redirect.stats->bytes, uint64_t{sent} * 128);
  const nlohmann::json shown = test::tc_json(ns_name(), "-s filter show dev veth0 parent ffff:");
  EXPECT_EQ(shown.back()["options"]["actions"][0]["stats"]["packets"], sent);
  const nlohmann::json ifb = test::ip_json(ns_name(), "-s link show ifb0");
  EXPECT_EQ(ifb[0]["stats64"]["tx"]["packets"], sent);
}

TEST_F(TcFilters, changed_replaced_got_and_deleted_through_nlpp) {
  TcFilter filter{.ifindex = "veth0",
                  .parent = htb_root,
                  .priority = 2,
                  .protocol = ETH_P_IP,
                  .handle = 0x80000800,
                  .options = tc::U32{.classid = TcHandle(1, 0x10), .selector = tc::U32Selector{.keys = {dport_80}}}};
  add(filter);
  std::get<tc::U32>(filter.options).classid = TcHandle(1, 0x20);
  Result<io::Ack> changed = ip_route().set(filter);  // tc filter change
  ASSERT_TRUE(changed) << changed.error().describe();
  EXPECT_EQ(std::get<tc::U32>(the_filter("veth0", htb_root).options).classid, TcHandle(1, 0x20));

  std::get<tc::U32>(filter.options).classid = TcHandle(1, 0x30);
  ASSERT_TRUE(ip_route().replace(filter));
  Result<TcFilter> got = ip_route().get(TcFilter{.ifindex = "veth0",
                                                 .parent = htb_root,
                                                 .priority = 2,
                                                 .protocol = ETH_P_IP,
                                                 .handle = 0x80000800,
                                                 .kind = "u32"});
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(std::get<tc::U32>(got->options).classid, TcHandle(1, 0x30));
  EXPECT_EQ(test::tc_json(ns_name(), "filter show dev veth0 parent 1:").back()["options"]["flowid"], "1:30");

  ASSERT_TRUE(ip_route().del(TcFilter{.ifindex = "veth0", .parent = htb_root, .priority = 2}));
  EXPECT_TRUE(filters("veth0", htb_root).empty());
  EXPECT_TRUE(test::tc_json(ns_name(), "filter show dev veth0 parent 1:").empty());
}

TEST_F(TcFilters, a_shared_block_holds_the_filters_of_its_qdiscs) {
  test::tc_run(ns_name(), "qdisc add dev veth0 ingress_block 21 clsact");
  test::tc_run(ns_name(), "qdisc add dev veth1 ingress_block 21 clsact");
  add(TcFilter{
      .block = 21,
      .priority = 1,
      .protocol = ETH_P_IP,
      .options = tc::U32{.selector = tc::U32Selector{.keys = {dst_10_0_0_1}},
                         .actions = {tc::Action{.options = tc::Mirred{.direction = tc::Mirred::Direction::egress_mirror,
                                                                      .ifindex = "veth1"}}}}});
  const std::vector<TcFilter> listed = ip_route().dump<TcFilter>({.block = 21}).value();
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[2].block, 21u);
  EXPECT_EQ(listed[2].ifindex, LinkRef());
  const nlohmann::json shown = test::tc_json(ns_name(), "filter show block 21");
  ASSERT_EQ(shown.size(), 3u);
  EXPECT_EQ(shown[2]["options"]["actions"][0]["to_dev"], "veth1");
}

TEST_F(TcFilters, filter_changes_arrive_as_events) {
  Result<EventStream> opened = EventStream::open({EventGroup::tc}, {.netns = ns_ref()});
  ASSERT_TRUE(opened) << opened.error().describe();
  EventStream stream = std::move(opened).value();
  test::tc_run(ns_name(), "filter add dev veth0 parent 1: prio 6 protocol ip u32 match ip dst 10.0.0.1/32 flowid 1:1");
  test::tc_run(ns_name(), "filter del dev veth0 parent 1: prio 6");

  const std::vector<std::string> seen =
      test::described_events(stream, 2, [](const Event& event) -> std::optional<std::string> {
        if (const auto* added = std::get_if<NewTcFilter>(&event); added && added->object.handle == 0x80000800)
          return "new filter pref " + std::to_string(added->object.priority);
        if (const auto* deleted = std::get_if<DelTcFilter>(&event))
          return "del filter pref " + std::to_string(deleted->object.priority);
        return std::nullopt;
      });
  EXPECT_EQ(seen, (std::vector<std::string>{"new filter pref 6", "del filter pref 6"}));
}

TEST_F(TcFilters, the_kernels_refusals_and_bad_input_are_errors) {
  // Checked before anything is sent.
  Result<io::Ack> nowhere = ip_route().add(TcFilter{.parent = htb_root, .options = tc::U32{}});
  ASSERT_FALSE(nowhere);
  EXPECT_EQ(nowhere.error().code(), make_error_code(errc::invalid_argument));
  Result<io::Ack> both = ip_route().add(TcFilter{.ifindex = "veth0", .block = 3, .options = tc::U32{}});
  ASSERT_FALSE(both);
  EXPECT_NE(both.error().describe().find("not both"), std::string::npos) << both.error().describe();
  Result<io::Ack> no_target = ip_route().add(
      TcFilter{.ifindex = "veth0", .parent = htb_root, .options = tc::U32{.actions = {{.options = tc::Mirred{}}}}});
  ASSERT_FALSE(no_target);
  EXPECT_NE(no_target.error().describe().find("u32 action 1 (mirred): the target link is required"), std::string::npos)
      << no_target.error().describe();
  Result<io::Ack> no_program =
      ip_route().add(TcFilter{.ifindex = "veth0", .parent = htb_root, .options = tc::BpfFilter{}});
  ASSERT_FALSE(no_program);
  EXPECT_NE(no_program.error().describe().find("a program is required"), std::string::npos);

  // The kernel's.
  Result<io::Ack> no_parent = ip_route().add(
      TcFilter{.ifindex = "veth0", .parent = TcHandle(9, 0), .options = tc::U32{.selector = tc::U32Selector{}}});
  ASSERT_FALSE(no_parent);
  EXPECT_EQ(no_parent.error().code(), kernel_error(EINVAL)) << no_parent.error().describe();
  Result<io::Ack> unknown_kind = ip_route().add(TcFilter{.ifindex = "veth0", .parent = htb_root, .kind = "nosuchkind"});
  ASSERT_FALSE(unknown_kind);
  EXPECT_EQ(unknown_kind.error().code(), kernel_error(ENOENT)) << unknown_kind.error().describe();
  EXPECT_TRUE(filters("veth0", htb_root).empty());
}

// An htb tree whose u32 filter polices and mirrors what it classifies,
// carrying UDP between two namespaces: the class, the policer and the
// mirror count the same packets; a burst beyond the bucket is dropped by
// the policer. police is a module the build machines' kernel does not
// have: the guest tier runs this.
TEST_F(TcFilters, an_htb_tree_with_u32_police_and_mirred_carries_traffic) {
  Result<test::ScopedNetns> peer = connect_peer();
  ASSERT_TRUE(peer) << peer.error().describe();
  test::ip_run(ns_name(), "neigh replace 10.9.0.2 lladdr 02:00:00:00:00:02 dev veth0");
  test::tc_run(ns_name(), "qdisc del dev veth0 root");
  add(Qdisc{.ifindex = "veth0", .handle = TcHandle(1, 0), .options = tc::Htb{.default_class = 0x20}});
  for (const uint16_t minor : {0x10, 0x20})
    add(TcClass{.ifindex = "veth0",
                .handle = TcHandle(1, minor),
                .parent = TcHandle(1, 0),
                .options = tc::HtbClass{.rate = {.bytes_per_second = 12500000}, .burst = 102400}});
  // 1 Mbit/s with a bucket of 10 KiB: a first burst of 20 small datagrams conforms.
  Result<io::Ack> added = ip_route().add(TcFilter{
      .ifindex = "veth0",
      .parent = htb_root,
      .priority = 1,
      .protocol = ETH_P_IP,
      .options = tc::U32{.classid = TcHandle(1, 0x10),
                         .selector = tc::U32Selector{.keys = {{.value = 0x0a090002, .mask = 0xffffffff, .offset = 16}}},
                         .actions = {tc::Action{.control = tc::Control::drop(),
                                                .options = tc::Police{.rate = {.bytes_per_second = 125000},
                                                                      .burst = 10240,
                                                                      .conform = tc::Control::pipe()}},
                                     tc::Action{.options = tc::Mirred{.direction = tc::Mirred::Direction::egress_mirror,
                                                                      .ifindex = "ifb0"}}}}});
  if (!added && added.error().code() == kernel_error(ENOENT)) GTEST_SKIP() << "no police action in this kernel";
  ASSERT_TRUE(added) << added.error().describe();

  constexpr int conforming = 20;
  test::send_udp(ns_ref(), "10.9.0.2", conforming);  // 142 bytes each on the wire

  const auto actions = [&] { return std::get<tc::U32>(the_filter("veth0", htb_root).options).actions; };
  std::vector<tc::Action> counted = actions();
  ASSERT_EQ(counted.size(), 2u);
  EXPECT_EQ(counted[0].kind, "police");
  EXPECT_EQ(std::get<tc::Police>(counted[0].options).rate.bytes_per_second, 125000u);
  EXPECT_EQ(std::get<tc::Police>(counted[0].options).burst, 10240u);
  EXPECT_EQ(counted[0].stats->packets, uint64_t{conforming});
  EXPECT_EQ(counted[0].stats->drops, 0u);
  EXPECT_EQ(counted[1].stats->packets, uint64_t{conforming});
  const std::vector<TcClass> web = ip_route().dump<TcClass>({.ifindex = "veth0", .handle = TcHandle(1, 0x10)}).value();
  ASSERT_EQ(web.size(), 1u);
  EXPECT_EQ(web[0].stats->packets, uint64_t{conforming});

  // 200 datagrams of 1 KiB at once: the bucket lets about ten through.
  test::send_udp(ns_ref(), "10.9.0.2", 200, 1000);
  counted = actions();
  EXPECT_GE(counted[0].stats->drops, 150u);
  EXPECT_EQ(counted[0].stats->packets, uint64_t{conforming} + 200);
  const uint64_t passed = uint64_t{conforming} + 200 - counted[0].stats->drops;
  EXPECT_EQ(ip_route().dump<TcClass>({.ifindex = "veth0", .handle = TcHandle(1, 0x10)}).value()[0].stats->packets,
            passed);
  const nlohmann::json shown = test::tc_json(ns_name(), "-s filter show dev veth0 parent 1:");
  EXPECT_EQ(shown.back()["options"]["actions"][0]["kind"], "police");
  EXPECT_EQ(shown.back()["options"]["actions"][0]["stats"]["drops"], counted[0].stats->drops);
}

// matchall and gact are modules the build machines' kernel does not have:
// the guest tier runs this.
TEST_F(TcFilters, matchall_with_gact_made_through_nlpp_and_by_tc_reads_the_same) {
  Result<io::Ack> added = ip_route().add(TcFilter{
      .ifindex = "veth0",
      .parent = htb_root,
      .priority = 1,
      .options = tc::Matchall{
          .actions = {tc::Action{.control = tc::Control::drop(), .options = tc::Gact{}},
                      tc::Action{.index = 9,
                                 .options = tc::Gact{.random = tc::Gact::Random{.type = PGACT_DETERM,
                                                                                .value = 10,
                                                                                .control = tc::Control::pass()}}}}}});
  if (!added && added.error().code() == kernel_error(ENOENT)) GTEST_SKIP() << "no matchall filter in this kernel";
  ASSERT_TRUE(added) << added.error().describe();
  test::tc_run(ns_name(), "qdisc add dev veth1 root handle 1: htb");
  test::tc_run(ns_name(),
               "filter add dev veth1 parent 1: prio 1 matchall action drop "
               "action gact pass random determ pass 10 index 9");

  const TcFilter made = the_filter("veth0", htb_root);
  const auto& matchall = std::get<tc::Matchall>(made.options);
  ASSERT_EQ(matchall.actions.size(), 2u);
  EXPECT_EQ(matchall.actions[0].control, tc::Control::drop());
  EXPECT_EQ(matchall.actions[1].index, 9u);
  ASSERT_TRUE(std::get<tc::Gact>(matchall.actions[1].options).random);
  EXPECT_EQ(std::get<tc::Gact>(matchall.actions[1].options).random->value, 10);

  const TcFilter by_tc = the_filter("veth1", htb_root);
  const auto& tc_matchall = std::get<tc::Matchall>(by_tc.options);
  ASSERT_EQ(tc_matchall.actions.size(), 2u);
  EXPECT_EQ(tc_matchall.actions[0].control, tc::Control::drop());
  EXPECT_EQ(tc_matchall.actions[1].options, matchall.actions[1].options);
  const nlohmann::json shown = test::tc_json(ns_name(), "filter show dev veth0 parent 1:");
  EXPECT_EQ(shown.back()["options"]["actions"][0]["control_action"]["type"], "drop");
}

}  // namespace
}  // namespace nlpp::rtnl
