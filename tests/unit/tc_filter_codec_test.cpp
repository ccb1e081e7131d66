// Filters and actions on the wire without a kernel: each kind through a
// round trip, what a request fills in as tc does, u32 handles and controls
// in tc's words, diffs and the checks before sending.
#include <nlpp/rtnl/tc_filter.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

namespace nlpp::rtnl {
namespace {

using test::reparsed;

const tc::Action mirror_to_3{.kind = "mirred",
                             .index = 4,
                             .control = tc::Control::pipe(),
                             .options = tc::Mirred{.direction = tc::Mirred::Direction::egress_mirror, .ifindex = 3},
                             .cookie = {std::byte{0xab}, std::byte{0xcd}},
                             .flags = TCA_ACT_FLAGS_SKIP_HW,
                             .hw_stats = TCA_ACT_HW_STATS_DELAYED};
const tc::Action random_drop{
    .kind = "gact",
    .control = tc::Control::pass(),
    .options =
        tc::Gact{.random = tc::Gact::Random{.type = PGACT_NETRAND, .value = 25, .control = tc::Control::drop()}}};

TEST(TcFilterCodec, every_filter_kind_round_trips) {
  const std::vector<TcFilter> filters{
      {.ifindex = 2,
       .parent = TcHandle(1, 0),
       .priority = 1,
       .protocol = ETH_P_IP,
       .handle = 0x80000800,
       .kind = "u32",
       .chain = 0,
       .options =
           tc::U32{.classid = TcHandle(1, 0x10),
                   .hash = 0x80000000,
                   .selector = tc::U32Selector{.flags = TC_U32_TERMINAL,
                                               .hoff = 12,
                                               .hmask = 0xff,
                                               .keys = {{.value = 0x0a000001, .mask = 0xffffffff, .offset = 16},
                                                        {.value = 80, .mask = 0xffff, .offset = 0, .offmask = -1}}},
                   .indev = "veth0",
                   .flags = TCA_CLS_FLAGS_SKIP_HW,
                   .actions = {mirror_to_3, random_drop}}},
      {.ifindex = 2,
       .parent = TcHandle(1, 0),
       .priority = 7,
       .protocol = ETH_P_IP,
       .kind = "matchall",
       .options = tc::Matchall{.actions = {tc::Action{.kind = "police",
                                                      .index = 3,
                                                      .control = tc::Control::drop(),
                                                      .options = tc::Police{.rate = {.bytes_per_second = 125000},
                                                                            .burst = 10240,
                                                                            .mtu = 2047,
                                                                            .peakrate = {.bytes_per_second = 250000},
                                                                            .conform = tc::Control::pipe()}},
                                           tc::Action{.kind = "police",
                                                      .control = tc::Control::reclassify(),
                                                      .options = tc::Police{.rate = {.bytes_per_second = 5000000000},
                                                                            .burst = 200000}}}}},
      {.ifindex = 2,
       .parent = TcHandle(1, 0),
       .priority = 2,
       .protocol = ETH_P_IP,
       .kind = "u32",
       .options = tc::U32{.divisor = 256}},
      {.ifindex = 2,
       .parent = TcHandle::clsact_ingress(),
       .priority = 3,
       .protocol = ETH_P_ALL,
       .kind = "matchall",
       .chain = 7,
       .options = tc::Matchall{.classid = TcHandle(1, 1), .flags = TCA_CLS_FLAGS_SKIP_HW, .actions = {random_drop}}},
      {.ifindex = 2,
       .parent = TcHandle(1, 0),
       .priority = 4,
       .protocol = ETH_P_IP,
       .handle = 5,
       .kind = "fw",
       .options = tc::Fw{.classid = TcHandle(1, 5), .indev = "veth1", .mask = 0xff}},
      {.block = 9,
       .priority = 5,
       .protocol = ETH_P_ALL,
       .kind = "bpf",
       .options = tc::BpfFilter{.classic = {sock_filter{.code = 6, .jt = 0, .jf = 0, .k = 0xffffffff}},
                                .classid = TcHandle(1, 2)}},
      {.ifindex = 2,
       .parent = TcHandle(1, 0),
       .priority = 6,
       .protocol = ETH_P_IPV6,
       .kind = "flower",
       .options = tc::GenericOptions{{std::byte{8}, std::byte{0}, std::byte{1}, std::byte{0}}}},
  };
  for (const TcFilter& filter : filters) {
    const TcFilter back = reparsed(filter);
    std::string changed;
    for (const FieldChange& change : ObjectTraits<TcFilter>::diff(filter, back))
      changed += std::string(change.field) + " " + change.before + " -> " + change.after + "; ";
    EXPECT_EQ(back, filter) << filter.kind << ": " << changed;
  }
}

TEST(TcFilterCodec, a_request_fills_in_what_tc_fills_in) {
  const TcFilter bare{.ifindex = 2,
                      .parent = TcHandle(1, 0),
                      .options = tc::U32{.classid = TcHandle(1, 0x10),
                                         .selector = tc::U32Selector{.keys = {{.value = 1, .mask = 1}}},
                                         .actions = {tc::Action{.options = tc::Mirred{.ifindex = 3}}}}};
  const TcFilter sent = reparsed(bare);
  EXPECT_EQ(sent.kind, "u32");
  EXPECT_EQ(sent.protocol, ETH_P_ALL);  // tc's default when adding
  const auto& u32 = std::get<tc::U32>(sent.options);
  EXPECT_EQ(u32.selector->flags, TC_U32_TERMINAL);
  ASSERT_EQ(u32.actions.size(), 1u);
  EXPECT_EQ(u32.actions[0].kind, "mirred");
  EXPECT_EQ(u32.actions[0].control, tc::Control::stolen());  // a redirect's default

  // A delete names the filter by its place, chain and kind only.
  const TcFilter deleted = reparsed(TcFilter{.ifindex = 2,
                                             .parent = TcHandle(1, 0),
                                             .priority = 3,
                                             .chain = 2,
                                             .options = tc::U32{.classid = TcHandle(1, 1)}},
                                    RTM_DELTFILTER);
  EXPECT_EQ(deleted.protocol, 0);  // any
  EXPECT_EQ(deleted.priority, 3);
  EXPECT_EQ(deleted.chain, 2u);
  EXPECT_EQ(deleted.kind, "u32");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(deleted.options));
}

TEST(TcFilterWords, u32_handles_and_controls_read_as_tc_prints_them) {
  EXPECT_EQ(tc::u32_handle_text(0x80000800), "800::800");
  EXPECT_EQ(tc::u32_handle_text(0x80000000), "800:");
  EXPECT_EQ(tc::u32_handle_text(0x00204000), "2:4");
  EXPECT_EQ(tc::u32_handle_text(0), "none");
  EXPECT_EQ(tc::Control::drop().to_string(), "drop");
  EXPECT_EQ(tc::Control::next_filter().to_string(), "continue");
  EXPECT_EQ(tc::Control::goto_chain(5).to_string(), "goto chain 5");
  EXPECT_EQ(tc::Control::jump(2).to_string(), "jump 2");
  EXPECT_EQ(tc::Control(42).to_string(), "42");
}

std::string refusal(const TcFilter& filter) {
  const Result<void> valid = ObjectTraits<TcFilter>::validate(filter);
  return valid ? "" : valid.error().context();
}

TEST(TcFilterValidate, names_what_is_missing_or_wrong) {
  EXPECT_EQ(refusal(TcFilter{.kind = "u32"}), "filter ifindex: required (the link), or a shared block");
  EXPECT_EQ(refusal(TcFilter{.ifindex = 2, .block = 1}), "filter: a link or a shared block, not both");
  EXPECT_EQ(refusal(TcFilter{.ifindex = 2, .priority = 1}), "");  // a delete of a whole priority
  EXPECT_EQ(refusal(TcFilter{.ifindex = 2, .kind = "fw", .options = tc::U32{}}),
            "filter kind 'fw': the data is for u32");
  EXPECT_EQ(refusal(TcFilter{.ifindex = 2, .options = tc::U32{.divisor = 3}}),
            "u32 divisor 3: not a power of 2 up to 256");
  EXPECT_EQ(refusal(TcFilter{.ifindex = 2, .options = tc::U32{.selector = tc::U32Selector{.keys = {{.offset = 2}}}}}),
            "u32 key offset 2: not a multiple of 4");
  EXPECT_EQ(refusal(TcFilter{.ifindex = 2, .options = tc::U32{.actions = {tc::Action{}}}}),
            "u32 action 1: the kind is required");
  EXPECT_EQ(refusal(TcFilter{.ifindex = 2,
                             .options = tc::U32{.actions = {tc::Action{.kind = "mirred", .options = tc::Gact{}}}}}),
            "u32 action 1 kind 'mirred': the data is for gact");
  EXPECT_EQ(refusal(TcFilter{.ifindex = 2,
                             .options = tc::Matchall{.actions = {tc::Action{.options = tc::Gact{},
                                                                            .cookie = std::vector<std::byte>(17)}}}}),
            "matchall action 1 cookie: 17 bytes, at most 16");
  EXPECT_EQ(
      refusal(TcFilter{
          .ifindex = 2,
          .options = tc::Matchall{.actions = {tc::Action{.options = tc::Police{.rate = {.bytes_per_second = 1}}}}}}),
      "matchall action 1 (police): the rate needs a burst");
  EXPECT_EQ(refusal(TcFilter{.ifindex = 2, .options = tc::Matchall{.actions = {tc::Action{.options = tc::Police{}}}}}),
            "matchall action 1 (police): a rate, an average rate (avrate) or an mtu is required");
  EXPECT_EQ(refusal(TcFilter{.ifindex = 2, .options = tc::BpfFilter{}}),
            "bpf filter: a program is required, either an eBPF program's fd or classic bytecode, not both");
}

TEST(TcFilterDiff, names_what_changed) {
  const TcFilter before{.ifindex = 2,
                        .kind = "u32",
                        .options = tc::U32{.classid = TcHandle(1, 1),
                                           .selector = tc::U32Selector{.keys = {{.value = 1, .mask = 1}}},
                                           .actions = {mirror_to_3}}};
  TcFilter after = before;
  auto& u32 = std::get<tc::U32>(after.options);
  u32.classid = TcHandle(1, 2);
  u32.selector->keys[0].value = 0;
  u32.actions.push_back(random_drop);
  u32.actions[0].stats = TcStats{.packets = 5};  // reported: no change
  std::vector<std::string> changed;
  for (const FieldChange& change : ObjectTraits<TcFilter>::diff(before, after))
    changed.push_back(std::string(change.field) + ": " + change.before + " -> " + change.after);
  EXPECT_EQ(changed, (std::vector<std::string>{
                         "options.classid: 1:1 -> 1:2",
                         "options.actions: 1 action: mirred -> 2 actions: mirred, gact",
                         "options.selector: match 00000001/00000001 at 0 -> match 00000000/00000001 at 0",
                     }));
}

}  // namespace
}  // namespace nlpp::rtnl
