// Standalone actions against the kernel (`tc actions`), each test in a
// fresh namespace with a veth pair: mirred actions (the host's kind) made
// through nlpp and read back through nlpp and `tc -j actions ls`; made by
// tc and read through nlpp; get, change, delete and flush; a filter that
// shares an action by its index, which raises its bindcnt; a table the
// kernel sends in several replies, read whole; events; errors. gact is the
// guest's (tests/vm/must_run.txt).
#include <nlpp/rtnl/events.hpp>
#include <nlpp/rtnl/tc_action.hpp>
#include <nlpp/rtnl/tc_action_flush.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include "kernel/route_fixture.hpp"
#include "support/event_wait.hpp"
#include "support/iproute2.hpp"

#include <gtest/gtest.h>
#include <linux/if_ether.h>
#include <linux/rtnetlink.h>
#include <linux/tc_act/tc_gact.h>

#include <cerrno>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {
namespace {

using Direction = tc::Mirred::Direction;
using test::kernel_error;

TcAction mirred(Direction direction, LinkRef target, uint32_t index = 0) {
  return TcAction{
      .action = {.kind = "mirred", .index = index, .options = tc::Mirred{.direction = direction, .ifindex = target}}};
}

TcAction named(std::string kind, uint32_t index) {
  return TcAction{.action = {.kind = std::move(kind), .index = index}};
}

class TcActions : public test::RoutingTest {
 protected:
  template <RtnlObject T>
  void add(const T& object) {
    Result<io::Ack> added = ip_route().add(object);
    ASSERT_TRUE(added) << added.error().describe();
  }

  std::vector<TcAction> listed(const std::string& kind = "mirred") {
    Result<std::vector<TcAction>> actions = ip_route().dump<TcAction>({.kind = kind});
    EXPECT_TRUE(actions) << actions.error().describe();
    return actions.value_or(std::vector<TcAction>{});
  }

  // What `tc -j actions ls action KIND` lists, as one array whatever the
  // replies it came in (tc prints a count and an array per reply).
  nlohmann::json tc_listed(std::string_view kind = "mirred") {
    nlohmann::json actions = nlohmann::json::array();
    for (const nlohmann::json& part : test::tc_json(ns_name(), "actions ls action " + std::string(kind)))
      if (part.contains("actions"))
        for (const nlohmann::json& action : part["actions"]) actions.push_back(action);
    return actions;
  }

  std::vector<uint32_t> indexes(const std::vector<TcAction>& actions) {
    std::vector<uint32_t> found;
    for (const TcAction& action : actions) found.push_back(action.action.index);
    return found;
  }
};

TEST_F(TcActions, mirred_actions_made_through_nlpp_read_back_through_nlpp_and_tc) {
  TcAction mirror = mirred(Direction::egress_mirror, "veth1", 7);
  mirror.action.cookie = {std::byte{0x0a}, std::byte{0x0b}};
  add(mirror);
  add(mirred(Direction::ingress_redirect, "veth0"));  // the kernel picks its index: the first free, 1

  const std::vector<TcAction> actions = listed();
  ASSERT_EQ(actions.size(), 2u);
  const TcAction& redirect = actions[0];  // the kernel lists by index
  EXPECT_EQ(redirect.action.kind, "mirred");
  EXPECT_EQ(redirect.action.index, 1u);
  EXPECT_EQ(redirect.action.control, tc::Control::stolen());  // a redirect's default
  EXPECT_EQ(redirect.action.options,
            (tc::ActionOptions{tc::Mirred{.direction = Direction::ingress_redirect, .ifindex = veth0_}}));
  EXPECT_EQ(redirect.action.refcnt, 1u);
  EXPECT_EQ(redirect.action.bindcnt, 0u);
  EXPECT_TRUE(redirect.action.stats);
  EXPECT_TRUE(redirect.action.times);
  EXPECT_EQ(redirect.in_hw_count, 0u);
  EXPECT_EQ(redirect.order, 0u);
  const TcAction& mirrored = actions[1];
  EXPECT_EQ(mirrored.action.index, 7u);
  EXPECT_EQ(mirrored.action.control, tc::Control::pipe());
  EXPECT_EQ(mirrored.action.options,
            (tc::ActionOptions{tc::Mirred{.direction = Direction::egress_mirror, .ifindex = ifindex_of("veth1")}}));
  EXPECT_EQ(mirrored.action.cookie, mirror.action.cookie);
  EXPECT_EQ(mirrored.order, 1u);

  const nlohmann::json shown = tc_listed();
  ASSERT_EQ(shown.size(), 2u) << shown.dump();
  EXPECT_EQ(shown[0]["index"], 1);
  EXPECT_EQ(shown[0]["mirred_action"], "redirect");
  EXPECT_EQ(shown[0]["direction"], "ingress");
  EXPECT_EQ(shown[0]["to_dev"], "veth0");
  EXPECT_EQ(shown[0]["control_action"]["type"], "stolen");
  EXPECT_EQ(shown[1]["index"], 7);
  EXPECT_EQ(shown[1]["mirred_action"], "mirror");
  EXPECT_EQ(shown[1]["to_dev"], "veth1");
  EXPECT_EQ(shown[1]["cookie"], "0a0b");
}

TEST_F(TcActions, actions_made_by_tc_read_through_nlpp) {
  // Two actions in one request, as tc sends them, and a third with a flag.
  test::tc_run(ns_name(),
               "actions add action mirred egress redirect dev veth1 index 5 cookie 0102 "
               "action mirred ingress mirror dev veth0 pipe index 6");
  test::tc_run(ns_name(), "actions add action mirred egress mirror dev veth0 continue index 8 no_percpu");

  const std::vector<TcAction> actions = listed();
  ASSERT_EQ(indexes(actions), (std::vector<uint32_t>{5, 6, 8}));
  EXPECT_EQ(actions[0].action.options,
            (tc::ActionOptions{tc::Mirred{.direction = Direction::egress_redirect, .ifindex = ifindex_of("veth1")}}));
  EXPECT_EQ(actions[0].action.cookie, (std::vector<std::byte>{std::byte{0x01}, std::byte{0x02}}));
  EXPECT_EQ(actions[1].action.options,
            (tc::ActionOptions{tc::Mirred{.direction = Direction::ingress_mirror, .ifindex = veth0_}}));
  EXPECT_EQ(actions[1].action.control, tc::Control::pipe());
  EXPECT_EQ(actions[2].action.control, tc::Control::next_filter());  // tc's "continue"
  EXPECT_EQ(actions[2].action.flags, uint32_t{TCA_ACT_FLAGS_NO_PERCPU_STATS});

  Result<TcAction> got = ip_route().get(named("mirred", 6));
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(got->action.options, actions[1].action.options);
  EXPECT_EQ(got->order, 1u);  // a get's reply numbers its entry 1
  Result<std::vector<TcAction>> one = ip_route().dump<TcAction>({.kind = "mirred", .index = 8});
  ASSERT_TRUE(one) << one.error().describe();
  EXPECT_EQ(indexes(*one), (std::vector<uint32_t>{8}));
}

TEST_F(TcActions, changed_got_deleted_and_flushed_through_nlpp) {
  for (uint32_t index : {1, 2, 3}) add(mirred(Direction::egress_mirror, "veth1", index));

  // tc actions change: the action of that index takes the new words.
  Result<io::Ack> changed = ip_route().set(mirred(Direction::egress_redirect, "veth0", 2));
  ASSERT_TRUE(changed) << changed.error().describe();
  Result<TcAction> got = ip_route().get(named("mirred", 2));
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(got->action.options,
            (tc::ActionOptions{tc::Mirred{.direction = Direction::egress_redirect, .ifindex = veth0_}}));
  EXPECT_EQ(test::tc_json(ns_name(), "actions get action mirred index 2")[1]["actions"][0]["to_dev"], "veth0");

  ASSERT_TRUE(ip_route().del(named("mirred", 2)));
  EXPECT_EQ(indexes(listed()), (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(tc_listed().size(), 2u);

  Result<io::Ack> flushed = ip_route().run(TcActionFlush{.kind = "mirred"});
  ASSERT_TRUE(flushed) << flushed.error().describe();
  EXPECT_TRUE(listed().empty());
  EXPECT_EQ(test::tc_json(ns_name(), "actions ls action mirred"), nlohmann::json::array());
  // An empty table flushes too.
  Result<io::Ack> again = ip_route().run(TcActionFlush{.kind = "mirred"});
  EXPECT_TRUE(again) << again.error().describe();
}

TEST_F(TcActions, a_filter_sharing_an_action_by_its_index_raises_its_bindcnt) {
  add(mirred(Direction::egress_mirror, "veth1", 9));
  test::tc_run(ns_name(), "qdisc add dev veth0 ingress");
  // tc filter add ... action mirred index 9: the kind and the index alone.
  add(TcFilter{.ifindex = "veth0",
               .parent = TcHandle(0xffff, 0),
               .priority = 1,
               .protocol = ETH_P_IP,
               .options = tc::U32{.selector = tc::U32Selector{.keys = {{.value = 0, .mask = 0}}},
                                  .actions = {tc::Action{.kind = "mirred", .index = 9}}}});

  Result<TcAction> shared = ip_route().get(named("mirred", 9));
  ASSERT_TRUE(shared) << shared.error().describe();
  EXPECT_EQ(shared->action.bindcnt, 1u);
  EXPECT_EQ(shared->action.refcnt, 2u);
  EXPECT_EQ(test::tc_json(ns_name(), "actions get action mirred index 9")[1]["actions"][0]["bind"], 1);

  // The filter's list holds the action itself, its target included.
  std::optional<tc::Action> in_filter;
  for (const TcFilter& filter : ip_route().dump<TcFilter>({.ifindex = "veth0", .parent = TcHandle(0xffff, 0)}).value())
    if (const auto* u32 = std::get_if<tc::U32>(&filter.options); u32 && !u32->actions.empty())
      in_filter = u32->actions.front();
  ASSERT_TRUE(in_filter);
  EXPECT_EQ(in_filter->index, 9u);
  EXPECT_EQ(in_filter->options, shared->action.options);

  // A flush leaves an action a filter holds: the kernel's EPERM.
  Result<io::Ack> flushed = ip_route().run(TcActionFlush{.kind = "mirred"});
  ASSERT_FALSE(flushed);
  EXPECT_EQ(flushed.error().code(), kernel_error(EPERM)) << flushed.error().describe();
  EXPECT_EQ(indexes(listed()), (std::vector<uint32_t>{9}));
}

TEST_F(TcActions, a_table_the_kernel_sends_in_several_replies_is_read_whole) {
  // 300 mirred actions take about 53 KB: more than one reply holds.
  constexpr uint32_t count = 300;
  for (uint32_t index = 1; index <= count; ++index) {
    add(mirred(Direction::egress_mirror, "veth1", index));
    if (HasFatalFailure()) return;
  }

  wire::MessageBuilder request;
  ObjectTraits<TcAction>::emit_dump_request({.kind = "mirred"}, request);
  size_t replies = 0, in_replies = 0;
  Result<void> dumped = ip_route().engine().dump(request, [&](const wire::Message& message) {
    if (message.type() != RTM_GETACTION) return;
    ++replies;
    in_replies += ObjectTraits<TcAction>::parse_all(message).value().size();
  });
  ASSERT_TRUE(dumped) << dumped.error().describe();
  EXPECT_GT(replies, 1u);
  EXPECT_EQ(in_replies, size_t{count});

  const std::vector<TcAction> all = listed();
  ASSERT_EQ(all.size(), size_t{count});
  for (uint32_t i = 0; i < count; ++i) EXPECT_EQ(all[i].action.index, i + 1);
  EXPECT_EQ(tc_listed().size(), size_t{count});
}

TEST_F(TcActions, action_changes_arrive_as_one_event_per_action) {
  Result<EventStream> opened = EventStream::open({EventGroup::tc}, {.netns = ns_ref()});
  ASSERT_TRUE(opened) << opened.error().describe();
  EventStream stream = std::move(opened).value();
  test::tc_run(ns_name(),
               "actions add action mirred egress mirror dev veth1 index 3 action mirred egress redirect dev veth0 "
               "index 4");
  ASSERT_TRUE(ip_route().del(named("mirred", 3)));
  ASSERT_TRUE(ip_route().run(TcActionFlush{.kind = "mirred"}));

  const std::vector<std::string> seen =
      test::described_events(stream, 4, [](const Event& event) -> std::optional<std::string> {
        if (const auto* added = std::get_if<NewTcAction>(&event))
          return "new " + added->object.action.kind + " " + std::to_string(added->object.action.index);
        if (const auto* deleted = std::get_if<DelTcAction>(&event)) {
          if (deleted->object.flushed)
            return "flushed " + deleted->object.action.kind + " " + std::to_string(*deleted->object.flushed);
          return "del " + deleted->object.action.kind + " " + std::to_string(deleted->object.action.index);
        }
        return std::nullopt;
      });
  EXPECT_EQ(seen, (std::vector<std::string>{"new mirred 3", "new mirred 4", "del mirred 3", "flushed mirred 1"}));
}

TEST_F(TcActions, the_kernels_refusals_and_bad_input_are_errors) {
  // Checked before anything is sent.
  Result<io::Ack> kindless = ip_route().add(TcAction{.action = {.index = 3}});
  ASSERT_FALSE(kindless);
  EXPECT_EQ(kindless.error().code(), make_error_code(errc::invalid_argument));
  Result<io::Ack> nowhere = ip_route().add(TcAction{.action = {.options = tc::Mirred{}}});
  ASSERT_FALSE(nowhere);
  EXPECT_NE(nowhere.error().describe().find("the target link is required"), std::string::npos)
      << nowhere.error().describe();
  Result<std::vector<TcAction>> every_kind = ip_route().dump<TcAction>({});
  ASSERT_FALSE(every_kind);
  EXPECT_EQ(every_kind.error().code(), make_error_code(errc::invalid_argument));
  Result<io::Ack> no_link = ip_route().add(mirred(Direction::egress_mirror, "nosuchlink", 3));
  ASSERT_FALSE(no_link);
  EXPECT_EQ(no_link.error().code(), kernel_error(ENODEV)) << no_link.error().describe();

  // The kernel's.
  add(mirred(Direction::egress_mirror, "veth1", 7));
  Result<io::Ack> again = ip_route().add(mirred(Direction::egress_redirect, "veth0", 7));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), kernel_error(EEXIST)) << again.error().describe();
  Result<TcAction> missing = ip_route().get(named("mirred", 99));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), kernel_error(ENOENT)) << missing.error().describe();
  Result<io::Ack> not_there = ip_route().del(named("mirred", 99));
  ASSERT_FALSE(not_there);
  EXPECT_EQ(not_there.error().code(), kernel_error(ENOENT)) << not_there.error().describe();
  Result<io::Ack> unknown_kind = ip_route().add(named("nosuchact", 0));
  ASSERT_FALSE(unknown_kind);
  EXPECT_EQ(unknown_kind.error().code(), kernel_error(ENOENT)) << unknown_kind.error().describe();
  Result<io::Ack> unknown_flush = ip_route().run(TcActionFlush{.kind = "nosuchact"});
  ASSERT_FALSE(unknown_flush);
  EXPECT_EQ(unknown_flush.error().code(), kernel_error(EINVAL)) << unknown_flush.error().describe();
  // A kind the kernel has no table of lists nothing, as tc prints it.
  EXPECT_TRUE(listed("nosuchact").empty());
  EXPECT_EQ(indexes(listed()), (std::vector<uint32_t>{7}));
}

// gact is a module the build machines' kernel does not have: the guest tier
// runs this (tests/vm/must_run.txt).
TEST_F(TcActions, gact_actions_made_through_nlpp_and_by_tc_read_the_same) {
  Result<io::Ack> added = ip_route().add(
      TcAction{.action = {.kind = "gact", .index = 4, .control = tc::Control::drop(), .options = tc::Gact{}}});
  if (!added && added.error().code() == kernel_error(ENOENT)) GTEST_SKIP() << "no gact action in this kernel";
  ASSERT_TRUE(added) << added.error().describe();
  add(TcAction{
      .action = {.kind = "gact",
                 .index = 5,
                 .control = tc::Control::pass(),
                 .options = tc::Gact{
                     .random = tc::Gact::Random{.type = PGACT_DETERM, .value = 10, .control = tc::Control::drop()}}}});
  test::tc_run(ns_name(), "actions add action gact pipe index 6");

  const std::vector<TcAction> actions = listed("gact");
  ASSERT_EQ(indexes(actions), (std::vector<uint32_t>{4, 5, 6}));
  EXPECT_EQ(actions[0].action.control, tc::Control::drop());
  const auto& random = std::get<tc::Gact>(actions[1].action.options).random;
  ASSERT_TRUE(random);
  EXPECT_EQ(random->type, PGACT_DETERM);
  EXPECT_EQ(random->value, 10);
  EXPECT_EQ(random->control, tc::Control::drop());
  EXPECT_EQ(actions[2].action.control, tc::Control::pipe());

  const nlohmann::json shown = tc_listed("gact");
  ASSERT_EQ(shown.size(), 3u) << shown.dump();
  EXPECT_EQ(shown[0]["control_action"]["type"], "drop");
  EXPECT_EQ(shown[1]["prob"]["random_type"], "determ");
  EXPECT_EQ(shown[1]["prob"]["val"], 10);
  EXPECT_EQ(shown[2]["control_action"]["type"], "pipe");
}

}  // namespace
}  // namespace nlpp::rtnl
