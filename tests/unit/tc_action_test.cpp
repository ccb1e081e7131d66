// Standalone actions without a kernel, against what tc 6.1 sent and Linux
// 6.18 answered (tests/data/golden/tc_action_*.hex, event_*action*.hex,
// captured with strace from tc in a scratch namespace: v1 is ifindex 2,
// v0 ifindex 3): tc's requests byte for byte, a dump reply holding three
// actions read as three objects (by parse_all(), by the session over a
// scripted kernel), a notification of two actions as two events and a
// flush's as one, get and flush over the scripted kernel, tc's JSON of the
// listing, an action a filter binds by its index alone, and the checks
// before sending.
#include <nlpp/format/json.hpp>
#include <nlpp/format/table.hpp>
#include <nlpp/nltest/fake_kernel.hpp>
#include <nlpp/rtnl/events.hpp>
#include <nlpp/rtnl/tc_action.hpp>
#include <nlpp/rtnl/tc_action_flush.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>
#include <linux/pkt_cls.h>
#include <linux/rtnetlink.h>
#include <linux/tc_act/tc_mirred.h>

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using nltest::FakeDatagram;
using nltest::FakeKernel;
using test::golden_bytes;
using Direction = tc::Mirred::Direction;

const nltest::KernelReplies kernel(FakeKernel::default_port_id);

TcAction mirred(uint32_t index, Direction direction, uint32_t ifindex) {
  return TcAction{.action = {.kind = "mirred", .index = index, .options = tc::Mirred{direction, ifindex, {}}}};
}

// bytes with the header's seq and port id of like, as the request engine
// stamps them on what it sends.
std::vector<std::byte> stamped_like(std::vector<std::byte> bytes, const std::vector<std::byte>& like) {
  std::memcpy(bytes.data() + offsetof(nlmsghdr, nlmsg_seq), like.data() + offsetof(nlmsghdr, nlmsg_seq),
              sizeof(uint32_t) * 2);
  return bytes;
}

// A kernel message addressed to the fake socket, for the request with seq.
std::vector<std::byte> reply(std::vector<std::byte> bytes, uint32_t seq) {
  const uint32_t port_id = FakeKernel::default_port_id;
  std::memcpy(bytes.data() + offsetof(nlmsghdr, nlmsg_seq), &seq, sizeof seq);
  std::memcpy(bytes.data() + offsetof(nlmsghdr, nlmsg_pid), &port_id, sizeof port_id);
  return bytes;
}

// A session whose kernel answers a dump with the golden reply, a get with
// the golden get's reply, anything else with an ACK; sent() keeps the
// requests.
struct ScriptedKernel {
  ScriptedKernel() {
    auto fake = std::make_unique<FakeKernel>([](const wire::MessageRange& sent) {
      const wire::Message request = *sent.begin();
      std::vector<FakeDatagram> replies;
      if (request.type() == RTM_GETACTION && (request.flags() & NLM_F_DUMP) == NLM_F_DUMP) {
        replies.emplace_back(reply(golden_bytes("tc_action_dump_mirred"), request.seq()));
        replies.emplace_back(kernel.done(request.seq()));
      } else if (request.type() == RTM_GETACTION) {
        replies.emplace_back(reply(golden_bytes("tc_action_get_mirred"), request.seq()));
        replies.emplace_back(kernel.error(request.seq(), 0));
      } else {
        replies.emplace_back(kernel.error(request.seq(), 0));
      }
      return replies;
    });
    observed = fake.get();
    ipr.emplace(io::RequestEngine(std::move(fake)));
  }

  std::optional<IpRoute> ipr;
  const FakeKernel* observed = nullptr;
};

TEST(TcAction, add_replace_get_and_delete_send_tcs_bytes) {
  // tc actions add action mirred egress mirror dev v1 index 20
  test::expect_request("tc_action_add_mirred", mirred(20, Direction::egress_mirror, 2), [] {
    TcAction parsed = mirred(20, Direction::egress_mirror, 2);
    parsed.action.control = tc::Control::pipe();  // a mirror's default, which tc sends
    parsed.order = 1;
    return parsed;
  }());
  // tc actions replace action mirred egress redirect dev v1 index 5
  test::expect_request("tc_action_replace_mirred", mirred(5, Direction::egress_redirect, 2), [] {
    TcAction parsed = mirred(5, Direction::egress_redirect, 2);
    parsed.action.control = tc::Control::stolen();
    parsed.order = 1;
    return parsed;
  }());
  // tc actions get action mirred index 5; tc actions del action mirred index 20
  const TcAction named{.action = {.kind = "mirred", .index = 5}, .order = 1};
  test::expect_request("tc_action_get", TcAction{.action = {.kind = "mirred", .index = 5}}, named);
  TcAction deleted = named;
  deleted.action.index = 20;
  test::expect_request("tc_action_del", TcAction{.action = {.kind = "mirred", .index = 20}}, deleted);
}

TEST(TcAction, a_dump_and_a_flush_ask_for_the_kinds_table_as_tc_does) {
  ScriptedKernel scripted;
  ASSERT_TRUE(scripted.ipr->dump<TcAction>({.kind = "mirred"}));
  Result<io::Ack> flushed = scripted.ipr->run(TcActionFlush{.kind = "mirred"});
  ASSERT_TRUE(flushed) << flushed.error().describe();

  const std::vector<std::vector<std::byte>>& sent = scripted.observed->sent();
  ASSERT_EQ(sent.size(), 2u);
  // tc actions ls action mirred: NLM_F_DUMP, the kind, TCA_ACT_FLAG_LARGE_DUMP_ON.
  EXPECT_EQ(sent[0], stamped_like(golden_bytes("tc_action_dump.request"), sent[0]));
  // tc actions flush action mirred: the same table as a delete, NLM_F_ROOT.
  EXPECT_EQ(sent[1], stamped_like(golden_bytes("tc_action_flush.request"), sent[1]));
}

TEST(TcAction, a_dump_reply_holds_every_action_of_the_kinds_table) {
  const std::vector<std::byte> bytes = golden_bytes("tc_action_dump_mirred");
  Result<std::vector<TcAction>> all = ObjectTraits<TcAction>::parse_all(wire::Message(bytes));
  ASSERT_TRUE(all) << all.error().describe();
  ASSERT_EQ(all->size(), 3u);

  const TcAction& redirect = (*all)[0];
  EXPECT_EQ(redirect.order, 0u);  // a dump numbers its entries from 0
  EXPECT_EQ(redirect.action.kind, "mirred");
  EXPECT_EQ(redirect.action.index, 5u);
  EXPECT_EQ(redirect.action.control, tc::Control::stolen());
  EXPECT_EQ(redirect.action.options, (tc::ActionOptions{tc::Mirred{Direction::egress_redirect, 3, {}}}));
  EXPECT_EQ(redirect.action.refcnt, 1u);
  EXPECT_EQ(redirect.action.bindcnt, 0u);
  EXPECT_TRUE(redirect.action.stats);
  EXPECT_TRUE(redirect.action.times);
  EXPECT_EQ(redirect.in_hw_count, 0u);
  EXPECT_EQ(redirect.used_hw_stats, 0u);  // "disabled"
  EXPECT_TRUE(redirect.action.unknown.empty());

  const TcAction& mirror = (*all)[1];
  EXPECT_EQ(mirror.order, 1u);
  EXPECT_EQ(mirror.action.index, 9u);
  EXPECT_EQ(mirror.action.control, tc::Control::pipe());
  EXPECT_EQ(mirror.action.options, (tc::ActionOptions{tc::Mirred{Direction::ingress_mirror, 3, {}}}));
  EXPECT_EQ(mirror.action.cookie, (std::vector<std::byte>{std::byte{0x0a}, std::byte{0x0b}, std::byte{0x0c}}));
  EXPECT_EQ((*all)[2].order, 2u);
  EXPECT_EQ((*all)[2].action.index, 20u);
  EXPECT_EQ((*all)[2].action.options, (tc::ActionOptions{tc::Mirred{Direction::egress_mirror, 2, {}}}));

  // parse() is the message's first.
  const TcAction first = test::parse_golden<TcAction>(bytes);
  EXPECT_EQ(first, redirect);
}

TEST(TcAction, the_sessions_dump_returns_every_action_of_a_reply_and_selects_by_index) {
  ScriptedKernel scripted;
  Result<std::vector<TcAction>> listed = scripted.ipr->dump<TcAction>({.kind = "mirred"});
  ASSERT_TRUE(listed) << listed.error().describe();
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[0].action.index, 5u);
  EXPECT_EQ((*listed)[1].action.index, 9u);
  EXPECT_EQ((*listed)[2].action.index, 20u);

  Result<std::vector<TcAction>> one = scripted.ipr->dump<TcAction>({.kind = "mirred", .index = 9});
  ASSERT_TRUE(one) << one.error().describe();
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ(one->front().action.index, 9u);
  EXPECT_EQ(ObjectTraits<TcAction>::key(one->front()), (TcActionKey{"mirred", 9}));
}

TEST(TcAction, a_get_reads_the_kernels_getaction_reply) {
  ScriptedKernel scripted;
  Result<TcAction> got = scripted.ipr->get(TcAction{.action = {.kind = "mirred", .index = 5}});
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(got->order, 1u);  // a get's reply numbers its entry 1
  EXPECT_EQ(got->action.index, 5u);
  EXPECT_EQ(got->action.options, (tc::ActionOptions{tc::Mirred{Direction::egress_redirect, 3, {}}}));
}

TEST(TcAction, a_notification_of_two_actions_is_two_events_and_a_flush_one) {
  auto fake = std::make_unique<FakeKernel>([](const wire::MessageRange&) {
    return std::vector<FakeDatagram>{golden_bytes("event_newaction_two"), golden_bytes("event_delaction_flush")};
  });
  wire::MessageBuilder start;
  start.begin_message(NLMSG_NOOP, 0);
  ASSERT_TRUE(fake->send(start.bytes()).has_value());
  EventStream stream(std::move(fake));

  std::vector<Event> events;
  for (int i = 0; i < 3; ++i) events.push_back(stream.next().value());
  const auto* mirror = std::get_if<NewTcAction>(&events[0]);
  const auto* redirect = std::get_if<NewTcAction>(&events[1]);
  const auto* flush = std::get_if<DelTcAction>(&events[2]);
  ASSERT_TRUE(mirror && redirect && flush);
  EXPECT_EQ(mirror->object.action.index, 3u);
  EXPECT_EQ(mirror->object.action.options, (tc::ActionOptions{tc::Mirred{Direction::egress_mirror, 2, {}}}));
  EXPECT_EQ(mirror->nlmsg_flags & (NLM_F_CREATE | NLM_F_EXCL), NLM_F_CREATE | NLM_F_EXCL);
  EXPECT_EQ(redirect->object.action.index, 4u);
  EXPECT_EQ(redirect->object.order, 2u);
  EXPECT_EQ(redirect->nlmsg_flags, mirror->nlmsg_flags);
  EXPECT_EQ(flush->object.action.kind, "mirred");
  EXPECT_EQ(flush->object.flushed, 4u);
  EXPECT_TRUE(flush->object.action.cookie.empty());  // TCA_FCNT is not TCA_ACT_COOKIE
  EXPECT_EQ(stream.stats().events, 3u);
  EXPECT_EQ(stream.stats().datagrams, 2u);

  // One event, the first, from decode_event(); all of them from decode_events().
  const std::vector<std::byte> two = golden_bytes("event_newaction_two");
  const Event first = decode_event(wire::Message(two));
  ASSERT_TRUE(std::holds_alternative<NewTcAction>(first));
  EXPECT_EQ(std::get<NewTcAction>(first), *mirror);
  const std::vector<Event> both = decode_events(wire::Message(two));
  ASSERT_EQ(both.size(), 2u);
  ASSERT_TRUE(std::holds_alternative<NewTcAction>(both[1]));
  EXPECT_EQ(std::get<NewTcAction>(both[1]), *redirect);
}

TEST(TcAction, lists_as_tc_j_actions_ls_and_get_print_them) {
  const std::vector<Link> links{{.ifindex = 2, .name = "v1"}, {.ifindex = 3, .name = "v0"}};
  const format::LinkNames names(links);
  const std::vector<TcAction> dumped =
      ObjectTraits<TcAction>::parse_all(wire::Message(golden_bytes("tc_action_dump_mirred"))).value();
  // tc -j actions ls action mirred, on the state the golden dump holds.
  EXPECT_EQ(format::actions_json(dumped, names),
            R"([{"total acts":3},{"actions":[{"order":0,"kind":"mirred","mirred_action":"redirect",)"
            R"("direction":"egress","to_dev":"v0","control_action":{"type":"stolen"},"index":5,"ref":1,"bind":0,)"
            R"("not_in_hw":true,"used_hw_stats":["disabled"]},{"order":1,"kind":"mirred","mirred_action":"mirror",)"
            R"("direction":"ingress","to_dev":"v0","control_action":{"type":"pipe"},"index":9,"ref":1,"bind":0,)"
            R"("cookie":"0a0b0c","not_in_hw":true,"used_hw_stats":["disabled"]},{"order":2,"kind":"mirred",)"
            R"("mirred_action":"mirror","direction":"egress","to_dev":"v1","control_action":{"type":"pipe"},)"
            R"("index":20,"ref":1,"bind":0,"not_in_hw":true,"used_hw_stats":["disabled"]}]}])");
  // tc -j actions get action mirred index 5: no count in the reply.
  const TcAction got = test::parsed_golden<TcAction>("tc_action_get_mirred");
  EXPECT_EQ(format::actions_json(std::span(&got, 1), names, {}, format::ActionsView::get),
            R"([{"total acts":0},{"actions":[{"order":1,"kind":"mirred","mirred_action":"redirect",)"
            R"("direction":"egress","to_dev":"v0","control_action":{"type":"stolen"},"index":5,"ref":1,"bind":0,)"
            R"("not_in_hw":true,"used_hw_stats":["disabled"]}]}])");
  // Nothing listed (a kind the kernel lacks): tc prints [].
  EXPECT_EQ(format::actions_json({}, names), "[]");

  // Two replies of a big table: a pair each, as tc prints them.
  std::vector<TcAction> two_replies = dumped;
  two_replies.push_back(dumped[0]);
  two_replies.back().order = 0;
  const std::string json = format::actions_json(two_replies, names);
  EXPECT_NE(json.find(R"(}]},{"total acts":1},{"actions":[{"order":0,)"), std::string::npos) << json;

  const std::string table = format::actions_table(dumped, names);
  EXPECT_NE(table.find("mirred egress redirect dev v0"), std::string::npos) << table;
  EXPECT_NE(table.find("0a0b0c"), std::string::npos) << table;
  EXPECT_EQ(format::to_json(TcAction{.action = {.kind = "mirred"}, .flushed = 4}), R"({"kind":"mirred","flushed":4})");
}

TEST(TcAction, a_filter_binds_an_existing_action_by_its_kind_and_index_as_tc_does) {
  // tc filter add ... action mirred index 7: the kind's parms with the index alone.
  wire::MessageBuilder builder;
  ObjectTraits<TcAction>::emit(TcAction{.action = {.kind = "mirred", .index = 7}}, builder, RTM_NEWACTION, 0);
  const wire::Message message(builder.bytes());
  const wire::Attribute table = *message.attributes(sizeof(tcamsg)).value().begin();
  const wire::Attribute entry = *table.nested().begin();
  const std::optional<wire::Attribute> options = entry.nested().find(TCA_ACT_OPTIONS);
  ASSERT_TRUE(options);
  EXPECT_TRUE(options->has_nested_flag());
  const std::optional<wire::Attribute> parms = options->nested().find(TCA_MIRRED_PARMS);
  ASSERT_TRUE(parms);
  tc_mirred expected{};
  expected.index = 7;
  ASSERT_EQ(parms->payload().size(), sizeof expected);
  EXPECT_EQ(std::memcmp(parms->payload().data(), &expected, sizeof expected), 0);

  const TcFilter bound{.ifindex = 2,
                       .parent = TcHandle(0xffff, 0),
                       .priority = 1,
                       .options = tc::U32{.selector = tc::U32Selector{.keys = {{.value = 0, .mask = 0}}},
                                          .actions = {tc::Action{.kind = "mirred", .index = 7}}}};
  EXPECT_TRUE(ObjectTraits<TcFilter>::validate(bound));
}

TEST(TcAction, bad_actions_and_dumps_without_a_kind_are_refused_before_sending) {
  ScriptedKernel scripted;
  Result<std::vector<TcAction>> no_kind = scripted.ipr->dump<TcAction>({});
  ASSERT_FALSE(no_kind);
  EXPECT_EQ(no_kind.error().code(), errc::invalid_argument);
  Result<io::Ack> flushed = scripted.ipr->run(TcActionFlush{});
  ASSERT_FALSE(flushed);
  EXPECT_EQ(flushed.error().code(), errc::invalid_argument);

  Result<io::Ack> kindless = scripted.ipr->add(TcAction{.action = {.index = 3}});
  ASSERT_FALSE(kindless);
  EXPECT_NE(kindless.error().describe().find("the kind is required"), std::string::npos) << kindless.error().describe();
  Result<io::Ack> nowhere = scripted.ipr->add(TcAction{.action = {.options = tc::Mirred{}}});
  ASSERT_FALSE(nowhere);
  EXPECT_NE(nowhere.error().describe().find("(mirred): the target link is required"), std::string::npos)
      << nowhere.error().describe();
  Result<io::Ack> wrong_kind =
      scripted.ipr->add(TcAction{.action = {.kind = "gact", .options = tc::Mirred{.ifindex = 2}}});
  ASSERT_FALSE(wrong_kind);
  EXPECT_EQ(wrong_kind.error().code(), errc::invalid_argument);
  EXPECT_TRUE(scripted.observed->sent().empty());
}

TEST(TcAction, diffs_name_what_a_request_sets_and_leave_out_what_the_kernel_reports) {
  TcAction before = mirred(5, Direction::egress_redirect, 3);
  TcAction reported = before;
  reported.action.refcnt = 2;
  reported.action.bindcnt = 1;
  reported.action.stats = TcStats{.packets = 9};
  reported.in_hw_count = 0;
  reported.order = 4;
  EXPECT_TRUE(ObjectTraits<TcAction>::diff(before, reported).empty());

  TcAction after = before;
  after.action.options = tc::Mirred{Direction::egress_mirror, 2, {}};
  after.action.control = tc::Control::pipe();
  EXPECT_EQ(test::differing_fields(before, after), (std::vector<std::string>{"control", "options"}));
  EXPECT_EQ(ObjectTraits<TcAction>::diff(before, after).back().after, "eaction 2 dev 2");
}

}  // namespace
}  // namespace nlpp::rtnl
