// The classful kinds hfsc, drr, ets and mqprio on the wire without a
// kernel: TCA_OPTIONS exactly as tc sends it for the same words (the bytes
// below were captured with `strace -e trace=sendmsg -xx` from Debian 12's
// tc, iproute2-6.1.0, beside each command) parses to the options and
// emits back byte for byte; whole objects round trip; what a request fills
// in; the checks before sending; diffs; and the JSON and words tc prints.
#include <nlpp/format/json.hpp>
#include <nlpp/rtnl/qdisc.hpp>
#include <nlpp/rtnl/tc_class.hpp>

#include "format/tc_words.hpp"
#include "rtnl/tc/tc_options.hpp"
#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using test::reparsed;

std::vector<std::byte> bytes(std::initializer_list<uint8_t> values) {
  std::vector<std::byte> out;
  for (uint8_t value : values) out.push_back(std::byte{value});
  return out;
}

// TCA_OPTIONS as emit_options() writes it.
template <class Options>
std::vector<std::byte> emitted_options(const Options& options) {
  wire::MessageBuilder builder;
  builder.begin_message(RTM_NEWQDISC, 0);
  tc::emit_options(options, builder);
  EXPECT_TRUE(builder.status());
  const wire::Bytes all = builder.bytes();
  return {all.begin() + sizeof(nlmsghdr), all.end()};
}

// tc's TCA_OPTIONS for kind parses to expected, which emits tc's bytes again.
template <class Options>
void expect_tc_s_bytes(std::string_view kind, const std::vector<std::byte>& sent, const Options& expected) {
  const wire::Attribute attribute{wire::Bytes(sent)};
  Options parsed;
  if constexpr (std::is_same_v<Options, QdiscOptions>)
    parsed = tc::parse_qdisc_options(kind, attribute);
  else
    parsed = tc::parse_class_options(kind, attribute);
  EXPECT_EQ(parsed, expected) << kind;
  EXPECT_EQ(emitted_options(expected), sent) << kind;
}

constexpr uint64_t mbit = 125000;  // bytes per second

// tc qdisc add dev lo root handle 1: hfsc default 20
const std::vector<std::byte> hfsc_default_20 = bytes({0x06, 0x00, 0x02, 0x00, 0x20, 0x00, 0x00, 0x00});
// tc class add dev lo parent 1: classid 1:10 hfsc rt m1 2mbit d 10ms m2 1mbit ls rate 3mbit
//     ul umax 1500 dmax 50ms rate 4mbit
const std::vector<std::byte> hfsc_rt_ls_ul =
    bytes({0x34, 0x00, 0x02, 0x00, 0x10, 0x00, 0x01, 0x00, 0x90, 0xd0, 0x03, 0x00, 0x10, 0x27, 0x00, 0x00, 0x48, 0xe8,
           0x01, 0x00, 0x10, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xd8, 0xb8, 0x05, 0x00,
           0x10, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x98, 0xb7, 0x00, 0x00, 0x20, 0xa1, 0x07, 0x00});
// tc class add dev lo parent 1: classid 1:20 hfsc sc umax 3000 dmax 2ms rate 1mbit
const std::vector<std::byte> hfsc_sc_umax =
    bytes({0x24, 0x00, 0x02, 0x00, 0x10, 0x00, 0x01, 0x00, 0x60, 0xe3, 0x16, 0x00, 0xd0, 0x07, 0x00, 0x00, 0x48, 0xe8,
           0x01, 0x00, 0x10, 0x00, 0x02, 0x00, 0x60, 0xe3, 0x16, 0x00, 0xd0, 0x07, 0x00, 0x00, 0x48, 0xe8, 0x01, 0x00});
// tc class add dev lo parent 1: classid 1:1 drr quantum 3000
const std::vector<std::byte> drr_quantum_3000 =
    bytes({0x0c, 0x00, 0x02, 0x00, 0x08, 0x00, 0x01, 0x00, 0xb8, 0x0b, 0x00, 0x00});
// tc class add dev lo parent 1: classid 1:2 drr
const std::vector<std::byte> drr_no_quantum = bytes({0x04, 0x00, 0x02, 0x00});
// tc qdisc add dev lo root handle 1: ets bands 4 strict 1 quanta 3000 2000 priomap 0 1 2 3
const std::vector<std::byte> ets_bands_strict_quanta_priomap = bytes(
    {0x4c, 0x00, 0x02, 0x80, 0x05, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00, 0x05, 0x00, 0x02, 0x00, 0x01, 0x00, 0x00,
     0x00, 0x14, 0x00, 0x03, 0x80, 0x08, 0x00, 0x04, 0x00, 0xb8, 0x0b, 0x00, 0x00, 0x08, 0x00, 0x04, 0x00, 0xd0, 0x07,
     0x00, 0x00, 0x24, 0x00, 0x05, 0x80, 0x05, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x00, 0x06, 0x00, 0x01,
     0x00, 0x00, 0x00, 0x05, 0x00, 0x06, 0x00, 0x02, 0x00, 0x00, 0x00, 0x05, 0x00, 0x06, 0x00, 0x03, 0x00, 0x00, 0x00});
// tc qdisc add dev lo root handle 1: ets quanta 1000 2000 3000
const std::vector<std::byte> ets_quanta =
    bytes({0x28, 0x00, 0x02, 0x80, 0x05, 0x00, 0x01, 0x00, 0x03, 0x00, 0x00, 0x00, 0x1c, 0x00,
           0x03, 0x80, 0x08, 0x00, 0x04, 0x00, 0xe8, 0x03, 0x00, 0x00, 0x08, 0x00, 0x04, 0x00,
           0xd0, 0x07, 0x00, 0x00, 0x08, 0x00, 0x04, 0x00, 0xb8, 0x0b, 0x00, 0x00});
// tc class change dev lo parent 1: classid 1:3 ets quantum 2500
const std::vector<std::byte> ets_class_quantum =
    bytes({0x0c, 0x00, 0x02, 0x80, 0x08, 0x00, 0x04, 0x00, 0xc4, 0x09, 0x00, 0x00});
// tc qdisc add dev lo root handle 1: mqprio num_tc 2 map 0 0 0 0 1 1 1 1 0 0 0 0 0 0 0 0 queues 2@0 2@2 hw 0
const std::vector<std::byte> mqprio_software =
    bytes({0x58, 0x00, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,
           0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
           0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
           0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
           0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
// tc qdisc add dev lo root handle 1: mqprio num_tc 2 map 0 0 0 0 1 1 1 1 queues 2@0 2@2 hw 1 mode channel
//     shaper bw_rlimit min_rate 1mbit 2mbit max_rate 5mbit 10mbit
const std::vector<std::byte> mqprio_offload = bytes(
    {0xf0, 0x01, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
     0x00, 0x00, 0x01, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
     0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,
     0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
     0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x06, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
     0x00, 0x06, 0x00, 0x02, 0x00, 0x01, 0x00, 0x00, 0x00, 0xc4, 0x00, 0x03, 0x80, 0x0c, 0x00, 0x03, 0x00, 0x48, 0xe8,
     0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x03, 0x00, 0x90, 0xd0, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c,
     0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00,
     0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x03,
     0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
     0x00, 0x00, 0x0c, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x03, 0x00, 0x00,
     0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
     0x0c, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00,
     0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00,
     0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
     0x00, 0x00, 0x00, 0x0c, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc4, 0x00, 0x04, 0x80,
     0x0c, 0x00, 0x04, 0x00, 0x68, 0x89, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x04, 0x00, 0xd0, 0x12, 0x13,
     0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00,
     0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
     0x00, 0x00, 0x00, 0x0c, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x04, 0x00,
     0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
     0x00, 0x0c, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x04, 0x00, 0x00, 0x00,
     0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c,
     0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00,
     0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x04,
     0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
     0x00, 0x00});

TEST(TcClassfulCodec, hfsc_options_are_tc_s_bytes) {
  expect_tc_s_bytes<QdiscOptions>("hfsc", hfsc_default_20, tc::Hfsc{.default_class = 0x20});
  // A convex upper limit: nothing until 1500 bytes are due at 4mbit, 3 ms before dmax.
  expect_tc_s_bytes<ClassOptions>("hfsc", hfsc_rt_ls_ul,
                                  tc::HfscClass{.rsc = tc::ServiceCurve{.m1 = 2 * mbit, .d = 10000, .m2 = mbit},
                                                .fsc = tc::ServiceCurve{.m2 = 3 * mbit},
                                                .usc = tc::ServiceCurve{.d = 47000, .m2 = 4 * mbit}});
  // Concave: 3000 bytes within 2 ms first.
  const tc::ServiceCurve concave{.m1 = 1500000, .d = 2000, .m2 = mbit};
  expect_tc_s_bytes<ClassOptions>("hfsc", hfsc_sc_umax, tc::HfscClass{.rsc = concave, .fsc = concave});
}

TEST(TcClassfulCodec, drr_class_options_are_tc_s_bytes) {
  expect_tc_s_bytes<ClassOptions>("drr", drr_quantum_3000, tc::DrrClass{.quantum = 3000});
  // An empty nest: the kernel's default quantum.
  expect_tc_s_bytes<ClassOptions>("drr", drr_no_quantum, tc::DrrClass{});
}

TEST(TcClassfulCodec, ets_options_are_tc_s_nests_flagged_nested) {
  expect_tc_s_bytes<QdiscOptions>("ets", ets_bands_strict_quanta_priomap,
                                  tc::Ets{.bands = 4, .strict = 1, .quanta = {3000, 2000}, .priomap = {0, 1, 2, 3}});
  expect_tc_s_bytes<QdiscOptions>("ets", ets_quanta, tc::Ets{.bands = 3, .quanta = {1000, 2000, 3000}});
  EXPECT_EQ(emitted_options(QdiscOptions{tc::Ets{.quanta = {1000, 2000, 3000}}}), ets_quanta)
      << "bands left at 0 are counted as tc counts them";
  expect_tc_s_bytes<ClassOptions>("ets", ets_class_quantum, tc::EtsClass{.quantum = 2500});
}

TEST(TcClassfulCodec, mqprio_options_are_tc_s_struct_then_attributes) {
  const tc::Mqprio software{
      .num_tc = 2, .prio_tc_map = {0, 0, 0, 0, 1, 1, 1, 1}, .hw = 0, .count = {2, 2}, .offset = {0, 2}};
  expect_tc_s_bytes<QdiscOptions>("mqprio", mqprio_software, software);
  // The struct, padded to 84 bytes, then the mode, the shaper and 16 rates each.
  tc::Mqprio offloaded = software;
  offloaded.hw = 1;
  offloaded.mode = tc::MqprioMode::channel;
  offloaded.shaper = tc::MqprioShaper::bw_rlimit;
  offloaded.min_rate = std::vector<uint64_t>(TC_QOPT_MAX_QUEUE, 0);
  offloaded.min_rate[0] = mbit;
  offloaded.min_rate[1] = 2 * mbit;
  offloaded.max_rate = std::vector<uint64_t>(TC_QOPT_MAX_QUEUE, 0);
  offloaded.max_rate[0] = 5 * mbit;
  offloaded.max_rate[1] = 10 * mbit;
  expect_tc_s_bytes<QdiscOptions>("mqprio", mqprio_offload, offloaded);
}

TEST(TcClassfulCodec, qdiscs_and_classes_round_trip_with_their_kind_filled_in) {
  const std::vector<Qdisc> qdiscs{
      {.ifindex = 2, .handle = TcHandle(1, 0), .options = tc::Hfsc{.default_class = 0x10}},
      {.ifindex = 2, .handle = TcHandle(1, 0), .kind = "drr"},
      {.ifindex = 2,
       .handle = TcHandle(1, 0),
       .options = tc::Ets{.bands = 5, .strict = 2, .quanta = {1500, 3000}, .priomap = {4, 3, 2, 1, 0}}},
      {.ifindex = 2,
       .handle = TcHandle(1, 0),
       .options = tc::Mqprio{.num_tc = 3, .prio_tc_map = {2, 1, 0}, .hw = 0, .count = {1, 2, 1}, .offset = {0, 1, 3}}},
  };
  for (const Qdisc& qdisc : qdiscs) {
    const Qdisc back = reparsed(qdisc);
    Qdisc expected = qdisc;
    if (expected.kind.empty()) expected.kind = tc::only_kind_of(qdisc.options);
    EXPECT_EQ(back, expected) << expected.kind;
  }
  const std::vector<TcClass> classes{
      {.ifindex = 2,
       .handle = TcHandle(1, 0x10),
       .parent = TcHandle(1, 1),
       .options = tc::HfscClass{.fsc = tc::ServiceCurve{.m1 = 3 * mbit, .d = 5000, .m2 = mbit},
                                .usc = tc::ServiceCurve{.m2 = 2 * mbit}}},
      {.ifindex = 2, .handle = TcHandle(1, 1), .parent = TcHandle(1, 0), .options = tc::DrrClass{.quantum = 1514}},
      {.ifindex = 2, .handle = TcHandle(1, 3), .parent = TcHandle(1, 0), .options = tc::EtsClass{.quantum = 2500}},
  };
  for (const TcClass& tc_class : classes) {
    TcClass expected = tc_class;
    expected.kind = tc::only_kind_of(tc_class.options);
    EXPECT_EQ(reparsed(tc_class), expected) << expected.kind;
  }
}

TEST(TcClassfulCodec, a_payload_that_is_not_the_kind_s_is_kept_raw) {
  // Half an ets quanta nest: kept as it came, not half read.
  const std::vector<std::byte> broken = bytes({0x0c, 0x00, 0x02, 0x80, 0x08, 0x00, 0x03, 0x80, 0x06, 0x00, 0x04, 0x00});
  const QdiscOptions parsed = tc::parse_qdisc_options("ets", wire::Attribute{wire::Bytes(broken)});
  ASSERT_TRUE(std::holds_alternative<tc::GenericOptions>(parsed));
  EXPECT_EQ(std::get<tc::GenericOptions>(parsed).payload.size(), 8u);
}

std::string qdisc_refusal(QdiscOptions options) {
  const Result<void> valid = ObjectTraits<Qdisc>::validate(Qdisc{.ifindex = 2, .options = std::move(options)});
  return valid ? "" : valid.error().context();
}
std::string class_refusal(ClassOptions options) {
  const Result<void> valid = ObjectTraits<TcClass>::validate(
      TcClass{.ifindex = 2, .handle = TcHandle(1, 1), .parent = TcHandle(1, 0), .options = std::move(options)});
  return valid ? "" : valid.error().context();
}

TEST(TcClassfulValidate, names_what_is_missing_or_wrong) {
  EXPECT_EQ(class_refusal(tc::HfscClass{}), "hfsc class: a service curve is required (rsc, fsc or usc)");
  EXPECT_EQ(class_refusal(tc::HfscClass{.rsc = tc::ServiceCurve{.m2 = mbit}, .usc = tc::ServiceCurve{.m2 = mbit}}),
            "hfsc class usc: an upper limit needs a link-share curve (fsc)");
  EXPECT_EQ(class_refusal(tc::HfscClass{.fsc = tc::ServiceCurve{.d = 1000}}), "hfsc class fsc: both slopes are 0");
  EXPECT_EQ(class_refusal(tc::HfscClass{.rsc = tc::ServiceCurve{.m2 = mbit}}), "");
  EXPECT_EQ(class_refusal(tc::DrrClass{}), "");

  EXPECT_EQ(qdisc_refusal(tc::Ets{}), "ets bands: required (or strict bands and quanta)");
  EXPECT_EQ(qdisc_refusal(tc::Ets{.bands = 17}), "ets bands: 17 is not 1 to 16");
  EXPECT_EQ(qdisc_refusal(tc::Ets{.bands = 3, .strict = 2, .quanta = {1000, 1000}}),
            "ets quanta: 2 strict bands and 2 quanta are more than 3 bands");
  EXPECT_EQ(qdisc_refusal(tc::Ets{.bands = 3, .quanta = {1000, 0}}), "ets quanta: a quantum is 0");
  EXPECT_EQ(qdisc_refusal(tc::Ets{.bands = 3, .priomap = {0, 1, 3}}), "ets priomap: a band is not below bands");
  EXPECT_EQ(qdisc_refusal(tc::Ets{.strict = 2, .quanta = {1000}, .priomap = {2, 1, 0}}), "");

  EXPECT_EQ(qdisc_refusal(tc::Mqprio{.num_tc = 17}), "mqprio num_tc: 17 is above 16");
  EXPECT_EQ(qdisc_refusal(tc::Mqprio{.num_tc = 2}), "mqprio prio_tc_map: a traffic class is not below num_tc");
  EXPECT_EQ(qdisc_refusal(tc::Mqprio{.num_tc = 2, .prio_tc_map = {1, 0}, .hw = 0, .mode = tc::MqprioMode::channel}),
            "mqprio mode, shaper and rates: only with hardware offload (hw 1)");
  EXPECT_EQ(qdisc_refusal(tc::Mqprio{.num_tc = 2, .prio_tc_map = {1, 0}, .min_rate = {mbit, mbit}}),
            "mqprio min_rate, max_rate: only with shaper bw_rlimit");
  EXPECT_EQ(qdisc_refusal(tc::Mqprio{}), "");  // tc's defaults
}

TEST(TcClassfulDiff, names_each_option_that_changed) {
  const TcClass before{
      .ifindex = 2,
      .handle = TcHandle(1, 10),
      .kind = "hfsc",
      .options = tc::HfscClass{.rsc = tc::ServiceCurve{.m2 = mbit}, .fsc = tc::ServiceCurve{.m2 = mbit}}};
  TcClass after = before;
  std::get<tc::HfscClass>(after.options).fsc->m2 = 2 * mbit;
  std::get<tc::HfscClass>(after.options).usc = tc::ServiceCurve{.m2 = 3 * mbit};
  const std::vector<FieldChange> changes = ObjectTraits<TcClass>::diff(before, after);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0], (FieldChange{"options.fsc", "m1 0B/s d 0us m2 125000B/s", "m1 0B/s d 0us m2 250000B/s"}));
  EXPECT_EQ(changes[1], (FieldChange{"options.usc", "", "m1 0B/s d 0us m2 375000B/s"}));

  const Qdisc ets{.ifindex = 2, .kind = "ets", .options = tc::Ets{.bands = 3, .quanta = {1000, 2000, 3000}}};
  Qdisc wider = ets;
  std::get<tc::Ets>(wider.options).quanta[1] = 2500;
  EXPECT_EQ(test::differing_fields(ets, wider), std::vector<std::string>{"options.quanta"});
}

}  // namespace
}  // namespace nlpp::rtnl
