// The route, flow and cgroup filters without a kernel, against what tc 6.1
// sent and Linux answered (tests/data/golden/tc_filter_add_<kind>_*.request
// and tc_filter_<kind>_*: see the README there): tc's requests byte for
// byte from the typed structs, the kernel's dumps read into the structs and
// printed as tc prints them (the .json beside each, member by member in
// tc's order; tc 6.1 wrote these options as text, the .json holds what tc
// 6.8 and later print), the words of tc's text, route's handle, round
// trips of what no golden holds, and each kind's checks before sending.
#include <nlpp/format/json.hpp>
#include <nlpp/format/table.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include "unit/golden.hpp"
#include "unit/golden_json.hpp"

#include <gtest/gtest.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace nlpp::rtnl {
namespace {

const std::vector<Link> links{{.ifindex = 2, .name = "v1"}, {.ifindex = 3, .name = "v0"}};

// The filters of the goldens: on v0 (ifindex 3), under the htb qdisc 1:.
TcFilter on_v0(uint16_t priority, FilterOptions options, uint32_t handle = 0) {
  return TcFilter{
      .ifindex = 3, .parent = TcHandle(1, 0), .priority = priority, .handle = handle, .options = std::move(options)};
}

tc::Action gact(tc::Control control) { return tc::Action{.control = control, .options = tc::Gact{}}; }

// What parsing a request of tc's gives back for what was sent: the kinds
// and the protocol named, the handle tc sent, each action's kind and
// control.
TcFilter as_sent(TcFilter filter, uint32_t handle) {
  filter.kind = filter.resolved_kind();
  filter.protocol = ETH_P_ALL;
  filter.handle = handle;
  std::visit(
      [](auto& options) {
        if constexpr (requires { options.actions; })
          for (tc::Action& action : options.actions) {
            action.kind = action.resolved_kind();
            action.control = action.effective_control();
          }
      },
      filter.options);
  return filter;
}

constexpr uint32_t key(int flow_key) { return tc::flow_key_bit(flow_key); }

TEST(TcClassifierKindsCodec, the_typed_structs_send_tcs_requests_byte_for_byte) {
  const auto expect = [](const std::string& name, const TcFilter& sent, uint32_t handle) {
    SCOPED_TRACE(name);
    test::expect_request("tc_filter_add_" + name, sent, as_sent(sent, handle));
  };
  // tc filter add dev v0 parent 1: pref 1 route to 10 classid 1:10 (the handle is the library's)
  expect("route_to", on_v0(1, tc::Route{.classid = TcHandle(1, 0x10), .to = 10}), 0xffff000a);
  // ... pref 2 route from 5 flowid 1:20
  expect("route_from", on_v0(2, tc::Route{.classid = TcHandle(1, 0x20), .from = 5}), 0x00058000);
  // ... pref 3 route fromif v1 to 3 classid 1:30 action drop
  expect("route_fromif",
         on_v0(3, tc::Route{.classid = TcHandle(1, 0x30), .iif = 2, .to = 3, .actions = {gact(tc::Control::drop())}}),
         0x80020003);
  // ... pref 4 route from 2 to 7 order 2 classid 1:5: the order is in the handle only
  const tc::Route ordered{.classid = TcHandle(1, 5), .from = 2, .to = 7};
  expect("route_order", on_v0(4, ordered, tc::route_handle(ordered, 2)), 0x00020207);
  // ... pref 10 handle 1 flow map key mark rshift 2 addend 5 and 0xff divisor 16 baseclass 1:10
  expect("flow_map",
         on_v0(10,
               tc::Flow{.keys = key(FLOW_KEY_MARK),
                        .rshift = 2,
                        .addend = 5,
                        .divisor = 16,
                        .baseclass = TcHandle(1, 0x10),
                        .mask = 0xff},
               1),
         1);
  // ... pref 11 handle 2 flow hash keys src,dst,proto,proto-src,proto-dst divisor 1024 baseclass 1:1 perturb 10
  expect("flow_hash",
         on_v0(11,
               tc::Flow{.keys = key(FLOW_KEY_SRC) | key(FLOW_KEY_DST) | key(FLOW_KEY_PROTO) | key(FLOW_KEY_PROTO_SRC) |
                                key(FLOW_KEY_PROTO_DST),
                        .divisor = 1024,
                        .baseclass = TcHandle(1, 1),
                        .perturb = 10,
                        .mode = tc::Flow::Mode::hash},
               2),
         2);
  // ... pref 12 handle 3 flow map key dst and 0xff or 0x100 xor 0x3 addend -10.0.0.0 divisor 512 action drop
  expect("flow_ops",
         on_v0(12,
               tc::Flow{.keys = key(FLOW_KEY_DST),
                        .addend = 0xf6000000,
                        .divisor = 512,
                        .actions = {gact(tc::Control::drop())},
                        .mask = 0xff,
                        .xor_bits = 0x103},
               3),
         3);
  // ... pref 20 handle 1 cgroup: empty options, which tc sends and the kernel requires
  expect("cgroup_bare", on_v0(20, tc::Cgroup{}, 1), 1);
  // ... pref 21 handle 1 cgroup action skbedit mark 5 action pass
  expect(
      "cgroup_actions",
      on_v0(21, tc::Cgroup{.actions = {tc::Action{.options = tc::Skbedit{.mark = 5}}, gact(tc::Control::pass())}}, 1),
      1);
}

TEST(TcClassifierKindsCodec, route_handles_say_what_the_filter_matches) {
  EXPECT_EQ(tc::route_handle(tc::Route{}), 0xffff8000u);  // any source, any destination
  EXPECT_EQ(tc::route_handle(tc::Route{.to = 10}), 0xffff000au);
  EXPECT_EQ(tc::route_handle(tc::Route{.from = 5}), 0x00058000u);
  EXPECT_EQ(tc::route_handle(tc::Route{.iif = 2}), 0x80028000u);
  EXPECT_EQ(tc::route_handle(tc::Route{.iif = 2, .to = 3}), 0x80020003u);
  EXPECT_EQ(tc::route_handle(tc::Route{.from = 2, .to = 7}, 2), 0x00020207u);
  EXPECT_EQ(tc::route_handle(tc::Route{.to = 0}), 0xffff0000u);
  // A filter left without one is sent with it; a given one is kept.
  EXPECT_EQ(test::reparsed(on_v0(1, tc::Route{.from = 3})).handle, 0x00038000u);
  EXPECT_EQ(test::reparsed(on_v0(1, tc::Route{.to = 3}, 0xffff0103)).handle, 0xffff0103u);
  // The other kinds' handles are the user's.
  EXPECT_EQ(test::reparsed(on_v0(1, tc::Cgroup{})).handle, 0u);
}

TEST(TcClassifierKindsCodec, the_kernels_dumps_read_into_the_typed_structs) {
  const auto options_of = [](const std::string& name) { return test::parsed_golden<TcFilter>(name).options; };
  EXPECT_EQ(options_of("tc_filter_route_to"), (FilterOptions{tc::Route{.classid = TcHandle(1, 0x10), .to = 10}}));
  EXPECT_EQ(options_of("tc_filter_route_from"), (FilterOptions{tc::Route{.classid = TcHandle(1, 0x20), .from = 5}}));
  EXPECT_EQ(options_of("tc_filter_route_order"),
            (FilterOptions{tc::Route{.classid = TcHandle(1, 5), .from = 2, .to = 7}}));
  EXPECT_EQ(options_of("tc_filter_route_any"), (FilterOptions{tc::Route{.classid = TcHandle(1, 0x40)}}));
  const TcFilter fromif = test::parsed_golden<TcFilter>("tc_filter_route_fromif");
  EXPECT_EQ(fromif.kind, "route");
  EXPECT_EQ(fromif.handle, 0x80020003u);
  EXPECT_EQ(fromif.priority, 3);
  EXPECT_EQ(fromif.protocol, ETH_P_ALL);
  const auto& route = std::get<tc::Route>(fromif.options);
  EXPECT_EQ(route.iif, LinkRef(2));
  EXPECT_EQ(route.to, 3u);
  EXPECT_FALSE(route.from);
  ASSERT_EQ(route.actions.size(), 1u);
  EXPECT_EQ(route.actions[0].kind, "gact");
  EXPECT_EQ(route.actions[0].control, tc::Control::drop());
  EXPECT_EQ(route.actions[0].bindcnt, 1u);
  EXPECT_TRUE(route.unknown.empty());

  EXPECT_EQ(options_of("tc_filter_flow_map"), (FilterOptions{tc::Flow{.keys = key(FLOW_KEY_MARK),
                                                                      .rshift = 2,
                                                                      .addend = 5,
                                                                      .divisor = 16,
                                                                      .baseclass = TcHandle(1, 0x10),
                                                                      .mask = 0xff}}));
  EXPECT_EQ(
      options_of("tc_filter_flow_hash"),
      (FilterOptions{tc::Flow{
          .keys = 0x1f, .divisor = 1024, .baseclass = TcHandle(1, 1), .perturb = 10, .mode = tc::Flow::Mode::hash}}));
  // The kernel's baseclass for none: 1:1 of the qdisc.
  EXPECT_EQ(
      options_of("tc_filter_flow_keys"),
      (FilterOptions{tc::Flow{.keys = key(FLOW_KEY_IIF) | key(FLOW_KEY_PRIORITY) | key(FLOW_KEY_NFCT_SRC) |
                                      key(FLOW_KEY_NFCT_PROTO_DST) | key(FLOW_KEY_RTCLASSID) | key(FLOW_KEY_SKUID) |
                                      key(FLOW_KEY_SKGID) | key(FLOW_KEY_VLAN_TAG) | key(FLOW_KEY_RXHASH),
                              .divisor = 64,
                              .baseclass = TcHandle(1, 1),
                              .mode = tc::Flow::Mode::hash}}));
  const tc::Flow ops = std::get<tc::Flow>(options_of("tc_filter_flow_ops"));
  EXPECT_EQ(ops.mask, 0xffu);
  EXPECT_EQ(ops.xor_bits, 0x103u);
  EXPECT_EQ(ops.addend, 0xf6000000u);
  EXPECT_EQ(ops.baseclass, TcHandle(1, 1));
  ASSERT_EQ(ops.actions.size(), 1u);
  EXPECT_EQ(ops.actions[0].control, tc::Control::drop());

  // cgroup's dump always holds its ematch tree (empty here), kept raw.
  for (const std::string name : {"tc_filter_cgroup_bare", "tc_filter_cgroup_actions"}) {
    const TcFilter filter = test::parsed_golden<TcFilter>(name);
    EXPECT_EQ(filter.handle, 1u) << name;
    const auto& cgroup = std::get<tc::Cgroup>(filter.options);
    ASSERT_EQ(cgroup.unknown.size(), 1u) << name;
    EXPECT_EQ(cgroup.unknown[0].type & NLA_TYPE_MASK, TCA_CGROUP_EMATCHES) << name;
  }
  const tc::Cgroup cgroup = std::get<tc::Cgroup>(options_of("tc_filter_cgroup_actions"));
  ASSERT_EQ(cgroup.actions.size(), 2u);
  EXPECT_EQ(cgroup.actions[0].options, (tc::ActionOptions{tc::Skbedit{.mark = 5}}));
  EXPECT_EQ(cgroup.actions[1].kind, "gact");
  EXPECT_EQ(cgroup.actions[1].control, tc::Control::pass());
}

const std::vector<std::string> dumped_goldens{
    "route_to",  "route_from", "route_fromif", "route_order", "route_any",      "flow_map",
    "flow_hash", "flow_ops",   "flow_keys",    "cgroup_bare", "cgroup_actions",
};

TEST(TcClassifierKindsCodec, each_dump_prints_as_tc_prints_it) {
  const format::LinkNames names(links);
  const format::TcView view{.one_device = true, .stats = true};
  for (const std::string& name : dumped_goldens) {
    SCOPED_TRACE(name);
    const TcFilter filter = test::parsed_golden<TcFilter>("tc_filter_" + name);
    const nlohmann::ordered_json printed =
        nlohmann::ordered_json::parse(format::filters_json({&filter, 1}, names, view));
    ASSERT_EQ(printed.size(), 1u);
    EXPECT_EQ(printed[0], test::golden_json("tc_filter_" + name));
  }
}

// tc prints both of route's realms under "name"; nlpp's JSON text says
// both, in tc's order (a JSON reader keeps one).
TEST(TcClassifierKindsCodec, both_realms_are_printed_under_tcs_one_key) {
  const TcFilter filter = test::parsed_golden<TcFilter>("tc_filter_route_order");
  const std::string printed = format::filters_json({&filter, 1}, format::LinkNames(links), {.one_device = true});
  EXPECT_NE(printed.find(R"("fh":"0x20207","order":2,"flowid":"1:5","name":"7","name":"2")"), std::string::npos)
      << printed;
}

TEST(TcClassifierKindsCodec, the_text_table_says_the_options_in_tcs_words) {
  const format::LinkNames names(links);
  // What tc 6.1's `tc filter show dev v0` printed of each, after the handle.
  for (const auto& [name, words] : std::vector<std::pair<std::string, std::string>>{
           {"route_to", "flowid 1:10 to 10"},
           {"route_from", "flowid 1:20 from 5"},
           {"route_order", "flowid 1:5 to 7 from 2"},
           {"route_fromif", "flowid 1:30 to 3 fromif 2"},  // tc: "fromif v1"; the words have no link names
           {"flow_map", "map keys mark and 0x000000ff rshift 2 addend 0x5 divisor 16 baseclass 1:10"},
           {"flow_hash", "hash keys src,dst,proto,proto-src,proto-dst divisor 1024 baseclass 1:1 perturb 10sec"},
           {"flow_ops",
            "map keys dst and 0x000000ff xor 0x00000003 or 0x00000100 addend 0xf6000000 divisor 512 baseclass 1:1"},
           {"flow_keys",
            "hash keys iif,priority,nfct-src,nfct-proto-dst,rt-classid,sk-uid,sk-gid,vlan-tag,rxhash divisor 64 "
            "baseclass 1:1"},
       }) {
    const TcFilter filter = test::parsed_golden<TcFilter>("tc_filter_" + name);
    const std::string table = format::filters_table({&filter, 1}, names);
    EXPECT_NE(table.find(words), std::string::npos) << table;
  }
  const TcFilter cgroup = test::parsed_golden<TcFilter>("tc_filter_cgroup_actions");
  const std::string table = format::filters_table({&cgroup, 1}, names);
  EXPECT_NE(table.find("skbedit"), std::string::npos) << table;
  EXPECT_NE(table.find("gact pass"), std::string::npos) << table;
}

TEST(TcClassifierKindsCodec, dumped_filters_are_sent_back_as_they_came) {
  for (const std::string& name : dumped_goldens) {
    TcFilter filter = test::parsed_golden<TcFilter>("tc_filter_" + name);
    // What the kernel reports of the actions is not sent back.
    std::visit(
        [](auto& options) {
          if constexpr (requires { options.actions; })
            for (tc::Action& action : options.actions) {
              action.refcnt = action.bindcnt = 0;
              action.times.reset();
              action.stats.reset();
            }
        },
        filter.options);
    EXPECT_EQ(test::reparsed(filter), filter) << name;
  }
}

TEST(TcClassifierKindsCodec, what_no_golden_holds_round_trips) {
  const std::vector<TcFilter> filters{
      on_v0(1, tc::Route{.iif = 7, .actions = {gact(tc::Control::goto_chain(2))}}),
      on_v0(2, tc::Flow{.keys = key(FLOW_KEY_RXHASH), .rshift = 3, .mask = 0xffff0000, .xor_bits = 0}, 9),
      on_v0(3, tc::Flow{.keys = key(FLOW_KEY_SRC), .xor_bits = 0x10}, 9),  // an xor alone sends the mask too
      on_v0(4, tc::Flow{.keys = key(FLOW_KEY_VLAN_TAG) | key(FLOW_KEY_NFCT), .mode = tc::Flow::Mode::hash}, 9),
      on_v0(5, tc::Cgroup{.actions = {gact(tc::Control::reclassify())}}, 1),
  };
  for (const TcFilter& filter : filters) {
    const TcFilter back = test::reparsed(filter);
    EXPECT_EQ(back.options, as_sent(filter, back.handle).options) << filter.resolved_kind() << " " << filter.priority;
  }
  // Unchanged keys leave out the mask and the xor, as tc does.
  wire::MessageBuilder builder;
  ObjectTraits<TcFilter>::emit(on_v0(6, tc::Flow{.keys = key(FLOW_KEY_MARK)}, 1), builder, RTM_NEWTFILTER, 0);
  const std::map<uint16_t, std::vector<std::byte>> top = test::attributes_of(builder, sizeof(tcmsg));
  std::vector<uint16_t> types;
  for (const wire::Attribute& attribute : wire::AttributeRange(wire::Bytes(top.at(TCA_OPTIONS))))
    types.push_back(attribute.type());
  EXPECT_EQ(types, (std::vector<uint16_t>{TCA_FLOW_KEYS, TCA_FLOW_MODE}));
}

std::string refusal(const TcFilter& filter) {
  const Result<void> valid = ObjectTraits<TcFilter>::validate(filter);
  return valid ? "" : valid.error().describe();
}

TEST(TcClassifierKindsCodec, each_kinds_checks_name_what_is_wrong) {
  const auto refused = [](FilterOptions options, std::string_view why) {
    const std::string said = refusal(on_v0(1, std::move(options), 1));
    EXPECT_NE(said.find(why), std::string::npos) << said;
  };
  refused(tc::Route{.from = 1, .iif = 2}, "from (a realm) and iif (a link) are mutually exclusive");
  refused(tc::Route{.to = 256}, "to 256 is not a realm (0-255)");
  refused(tc::Route{.from = 300}, "from 300 is not a realm (0-255)");
  refused(tc::Route{.iif = 0x8000}, "iif 32768 is beyond the kernel's 0x7fff");
  refused(tc::Flow{.keys = key(FLOW_KEY_SRC) | key(FLOW_KEY_DST)}, "map mode takes one key");
  refused(tc::Flow{.keys = 1u << 20}, "keys has bits beyond FLOW_KEY_MAX");
  refused(tc::Flow{.keys = key(FLOW_KEY_SRC), .perturb = 10}, "perturb is for hash mode");
  refused(tc::Flow{.keys = key(FLOW_KEY_SRC), .baseclass = TcHandle(1, 0)}, "baseclass 1: has minor 0");
  refused(tc::Cgroup{.actions = {tc::Action{.options = tc::Mirred{}}}}, "cgroup action");
  // The kinds' options serve their kinds only.
  EXPECT_NE(refusal(TcFilter{.ifindex = 3, .kind = "u32", .options = tc::Cgroup{}}).find("the data is for cgroup"),
            std::string::npos);
  EXPECT_EQ(refusal(on_v0(1, tc::Flow{.keys = 3, .perturb = 5, .mode = tc::Flow::Mode::hash}, 1)), "");
}

// The examples of the kinds' headers, line for line (tools/check_doc_examples.py):
// each makes a filter of its kind that passes the checks.
TEST(TcClassifierKindsCodec, the_header_examples_make_valid_filters_of_their_kinds) {
  std::vector<rtnl::TcFilter> examples;
  // clang-format off
  {
    rtnl::TcFilter by_realm{.ifindex = "eth0", .parent = rtnl::TcHandle(1, 0),
                            .options = rtnl::tc::Route{.classid = rtnl::TcHandle(1, 0x10), .to = 10}};
    // tc filter add dev eth0 parent 1: route to 10 classid 1:10
    examples.push_back(by_realm);
  }
  {
    rtnl::TcFilter by_mark{.ifindex = "eth0", .parent = rtnl::TcHandle(1, 0), .handle = 1,
                           .options = rtnl::tc::Flow{.keys = rtnl::tc::flow_key_bit(FLOW_KEY_MARK),
                                                     .divisor = 16,
                                                     .baseclass = rtnl::TcHandle(1, 0x10),
                                                     .mask = 0xff}};
    // tc filter add dev eth0 parent 1: handle 1 flow map key mark and 0xff divisor 16 baseclass 1:10
    examples.push_back(by_mark);
  }
  {
    rtnl::TcFilter by_cgroup{.ifindex = "eth0", .parent = rtnl::TcHandle(1, 0), .priority = 10, .handle = 1,
                             .options = rtnl::tc::Cgroup{}};
    // tc filter add dev eth0 parent 1: pref 10 handle 1 cgroup
    examples.push_back(by_cgroup);
  }
  // clang-format on
  std::vector<std::string> kinds;
  for (const TcFilter& example : examples) {
    kinds.push_back(example.resolved_kind());
    EXPECT_EQ(refusal(example), "") << example.resolved_kind();
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"route", "flow", "cgroup"}));
}

}  // namespace
}  // namespace nlpp::rtnl
