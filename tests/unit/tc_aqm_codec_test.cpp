// The queue management kinds (codel, fq_codel, fq, sfq, pie, fq_pie, red,
// choke) without a kernel, against what tc 6.1 sent
// (tests/data/golden/tc_qdisc_<kind>.request.hex, strace of tc on the
// build machine) and what Linux 6.12 dumped of the qdisc it made, with
// what tc printed of it (tc_qdisc_<kind>.hex and .json, from the guest
// of tests/vm): tc's requests byte for byte, RED's
// constants as tc derives them, the dumps read into the kernel's values
// and printed as tc prints them, round trips, diffs and the checks before
// sending.
#include <nlpp/format/json.hpp>
#include <nlpp/format/table.hpp>
#include <nlpp/rtnl/qdisc.hpp>

#include "unit/golden.hpp"
#include "unit/golden_json.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using namespace std::chrono_literals;
using test::expect_golden;
using test::parsed_golden;
using test::reparsed;

// tc qdisc add dev v0 root handle 1: ... (v0 is ifindex 3 in the captures).
Qdisc root_qdisc(QdiscOptions options, std::string kind = "") {
  return Qdisc{.ifindex = 3, .handle = TcHandle(1, 0), .kind = std::move(kind), .options = std::move(options)};
}

// What tc sent, parsed: the kind resolved.
Qdisc with_kind(Qdisc qdisc) {
  qdisc.kind = qdisc.resolved_kind();
  return qdisc;
}

void expect_tc_request(const std::string& name, const Qdisc& sent) { expect_golden(name, sent, with_kind(sent)); }

// The RED of `tc qdisc add ... red limit 400000 min 30000 max 90000 avpkt
// 1000 burst 55 probability 0.05 bandwidth 10mbit ecn harddrop adaptive
// qevent early_drop block 10 qevent mark block 11`.
tc::Red red_with_qevents() {
  tc::Red red = tc::Red::sized({.limit = 400000,
                                .min = 30000,
                                .max = 90000,
                                .avpkt = 1000,
                                .burst = 55,
                                .probability = 0.05,
                                .bandwidth = 1250000})
                    .value();
  red.ecn = red.harddrop = red.adaptive = true;
  red.early_drop_block = 10;
  red.mark_block = 11;
  return red;
}

TEST(TcAqmCodec, nlpp_sends_tc_s_requests_byte_for_byte) {
  expect_tc_request(
      "tc_qdisc_codel",
      root_qdisc(tc::Codel{.limit = 500, .target = 4ms, .interval = 50ms, .ecn = true, .ce_threshold = 2ms}));
  expect_tc_request("tc_qdisc_fq_codel", root_qdisc(tc::FqCodel{.limit = 2000,
                                                                .flows = 256,
                                                                .quantum = 1000,
                                                                .target = 4ms,
                                                                .interval = 50ms,
                                                                .ecn = false,
                                                                .ce_threshold = 3ms,
                                                                .ce_threshold_selector = 0x10,
                                                                .ce_threshold_mask = 0xfc,
                                                                .memory_limit = 16 << 20,
                                                                .drop_batch_size = 32}));
  expect_tc_request("tc_qdisc_fq_codel_bare", root_qdisc(tc::FqCodel{}));
  expect_tc_request("tc_qdisc_fq", root_qdisc(tc::Fq{.limit = 5000,
                                                     .flow_limit = 50,
                                                     .quantum = 3000,
                                                     .initial_quantum = 20000,
                                                     .pacing = false,
                                                     .default_rate = 125000,
                                                     .max_rate = 1250000,
                                                     .buckets_log = 11,
                                                     .refill_delay = 20ms,
                                                     .orphan_mask = 511,
                                                     .low_rate_threshold = 125000,
                                                     .ce_threshold = 5ms,
                                                     .timer_slack = 20us,
                                                     .horizon = 5s,
                                                     .horizon_drop = false}));
  tc::SfqRed sfq_red =
      tc::SfqRed::sized({.limit = 40000, .min = 5000, .max = 15000, .avpkt = 1000, .burst = 8, .probability = 0.1})
          .value();
  sfq_red.ecn = sfq_red.harddrop = true;
  expect_tc_request("tc_qdisc_sfq", root_qdisc(tc::Sfq{.quantum = 1600,
                                                       .perturb = 10s,
                                                       .limit = 100,
                                                       .divisor = 512,
                                                       .flows = 64,
                                                       .depth = 20,
                                                       .headdrop = true,
                                                       .red = sfq_red}));
  expect_tc_request("tc_qdisc_pie", root_qdisc(tc::Pie{.limit = 500,
                                                       .target = 20ms,
                                                       .tupdate = 32ms,
                                                       .alpha = 4,
                                                       .beta = 30,
                                                       .ecn = true,
                                                       .bytemode = true,
                                                       .dq_rate_estimator = true}));
  // fq_pie's nest carries NLA_F_NESTED, as tc sends it.
  expect_tc_request("tc_qdisc_fq_pie", root_qdisc(tc::FqPie{.limit = 2000,
                                                            .flows = 512,
                                                            .target = 10ms,
                                                            .tupdate = 32ms,
                                                            .alpha = 3,
                                                            .beta = 25,
                                                            .quantum = 1600,
                                                            .memory_limit = 8 << 20,
                                                            .ecn_prob = 20,
                                                            .ecn = true,
                                                            .bytemode = false,
                                                            .dq_rate_estimator = true}));
  expect_tc_request("tc_qdisc_red", root_qdisc(red_with_qevents()));
  // tc ... red limit 1000000 avpkt 1000 bandwidth 10gbit: a packet takes
  // less than a microsecond, which tc's idle damping turns into a table of
  // zeros (its double conversions, emulated).
  expect_tc_request("tc_qdisc_red_fast",
                    root_qdisc(tc::Red::sized({.limit = 1000000, .avpkt = 1000, .bandwidth = 1250000000}).value()));
  tc::Choke choke = tc::Choke::sized({.limit = 1000,
                                      .min = 100,
                                      .max = 300,
                                      .avpkt = 1000,
                                      .burst = 200,
                                      .probability = 0.05,
                                      .bandwidth = 1250000})
                        .value();
  choke.ecn = true;
  expect_tc_request("tc_qdisc_choke", root_qdisc(choke));
}

TEST(TcAqmCodec, red_s_constants_are_tc_s) {
  const tc::Red red = red_with_qevents();
  EXPECT_EQ(red.constants,
            (tc::RedConstants{
                .ewma_log = 5, .probability_log = 21, .cell_log = 15, .max_probability = 214748364}));  // 0.05 * 2^32
  EXPECT_EQ(red.idle_damping[12], 0);
  EXPECT_EQ(red.idle_damping[13], 1);
  EXPECT_EQ(red.idle_damping[254], 21);
  EXPECT_EQ(red.idle_damping[255], 31);
  // tc's defaults: max a quarter of the limit, min a third of max, burst
  // (2 min + max) / 3 avpkt.
  const tc::Red defaults = tc::Red::sized({.limit = 100000, .avpkt = 1500, .bandwidth = 125000000}).value();
  EXPECT_EQ(defaults.max, 25000u);
  EXPECT_EQ(defaults.min, 8333u);
  EXPECT_EQ(defaults.constants.ewma_log, 3);
  EXPECT_EQ(defaults.constants.cell_log, 7);
  // choke's thresholds count packets.
  const tc::Choke choke = tc::Choke::sized({.limit = 500, .bandwidth = 12500000}).value();
  EXPECT_EQ(choke.max, 125u);
  EXPECT_EQ(choke.min, 41u);
  EXPECT_EQ(choke.constants.ewma_log, 6);
  EXPECT_EQ(choke.constants.cell_log, 13);
  // A probability of 1 does not fit 32 bits: tc sends 0, which the kernel
  // reads as "derive it from probability_log".
  EXPECT_EQ(tc::Red::sized({.limit = 100000, .avpkt = 1000, .probability = 1}).value().constants.max_probability, 0u);
}

std::string refusal(const Result<tc::Red>& made) { return made ? "" : made.error().context(); }

TEST(TcAqmCodec, red_sizing_fails_as_tc_does) {
  EXPECT_EQ(refusal(tc::Red::sized({.limit = 100000})), "red: limit and avpkt are required");
  EXPECT_EQ(refusal(tc::Red::sized({.limit = 400000, .min = 30000, .avpkt = 1000, .burst = 3})),
            "red: burst 3 is too small, try burst 31");
  EXPECT_EQ(refusal(tc::Red::sized({.limit = 400000, .min = 30000, .max = 20000, .avpkt = 1000, .burst = 55})),
            "red: max is below min");
  const Result<tc::Choke> choke = tc::Choke::sized({.limit = 100, .max = 200, .bandwidth = 1250000});
  ASSERT_FALSE(choke);
  EXPECT_EQ(choke.error().context(), "choke: max 200 is above limit 100");
  EXPECT_FALSE(tc::Choke::sized({.limit = 100}));  // no bandwidth
  const Result<tc::SfqRed> sfq = tc::SfqRed::sized({.limit = 40000, .min = 15000, .max = 15000});
  ASSERT_FALSE(sfq);
  EXPECT_EQ(sfq.error().context(), "sfq: min 15000 is not below max 15000");
}

TEST(TcAqmCodec, the_kernel_s_dumps_print_as_tc_prints_them) {
  for (const char* name :
       {"tc_qdisc_codel", "tc_qdisc_codel_bare", "tc_qdisc_fq_codel", "tc_qdisc_fq_codel_bare", "tc_qdisc_fq",
        "tc_qdisc_fq_bare", "tc_qdisc_sfq", "tc_qdisc_sfq_bare", "tc_qdisc_sfq_plain", "tc_qdisc_pie",
        "tc_qdisc_pie_bare", "tc_qdisc_fq_pie", "tc_qdisc_fq_pie_bare", "tc_qdisc_red", "tc_qdisc_red_fast",
        "tc_qdisc_red_nodrop", "tc_qdisc_choke", "tc_qdisc_choke_bare"}) {
    const Qdisc dumped = parsed_golden<Qdisc>(name);
    EXPECT_FALSE(std::holds_alternative<tc::GenericOptions>(dumped.options)) << name;
    const std::vector<Qdisc> listed{dumped};
    EXPECT_EQ(nlohmann::ordered_json::parse(format::qdiscs_json(listed, format::LinkNames{},
                                                                {.one_device = true, .details = true, .stats = true})),
              test::golden_json(name))
        << name;
  }
}

template <class Options>
Options options_of(const std::string& name) {
  const Qdisc dumped = parsed_golden<Qdisc>(name);
  EXPECT_TRUE(std::holds_alternative<Options>(dumped.options)) << name;
  return std::holds_alternative<Options>(dumped.options) ? std::get<Options>(dumped.options) : Options{};
}

TEST(TcAqmCodec, the_kernel_s_dumps_read_as_its_values) {
  // The kernel keeps codel's times in units of 1024 ns.
  EXPECT_EQ(options_of<tc::Codel>("tc_qdisc_codel"),
            (tc::Codel{.limit = 500, .target = 3999us, .interval = 49999us, .ecn = true, .ce_threshold = 1999us}));
  const auto fq_codel = options_of<tc::FqCodel>("tc_qdisc_fq_codel_bare");
  EXPECT_EQ(fq_codel.limit, 10240u);
  EXPECT_EQ(fq_codel.flows, 1024u);
  EXPECT_EQ(fq_codel.quantum, 1514u);
  EXPECT_EQ(fq_codel.target, 4999us);
  EXPECT_EQ(fq_codel.ecn, true);
  EXPECT_EQ(fq_codel.memory_limit, 32u << 20);
  EXPECT_EQ(fq_codel.drop_batch_size, 64u);
  EXPECT_FALSE(fq_codel.ce_threshold);
  const auto selected = options_of<tc::FqCodel>("tc_qdisc_fq_codel");
  EXPECT_EQ(selected.ce_threshold_selector, 0x10);
  EXPECT_EQ(selected.ce_threshold_mask, 0xfc);

  const auto fq = options_of<tc::Fq>("tc_qdisc_fq_bare");
  EXPECT_EQ(fq.limit, 10000u);
  EXPECT_EQ(fq.buckets_log, 10u);
  EXPECT_EQ(fq.pacing, true);
  EXPECT_EQ(fq.max_rate, UINT32_MAX);                                 // unlimited
  EXPECT_EQ(fq.ce_threshold, std::chrono::microseconds(UINT32_MAX));  // none
  EXPECT_EQ(fq.timer_slack, 10us);
  EXPECT_EQ(fq.horizon, 10s);
  EXPECT_EQ(fq.horizon_drop, true);
  EXPECT_FALSE(fq.default_rate);     // not reported
  EXPECT_FALSE(fq.unknown.empty());  // Linux 6.12's priomap and weights, kept

  // The kernel caps sfq's flows at its limit, and reports RED's constants.
  const auto sfq = options_of<tc::Sfq>("tc_qdisc_sfq_plain");
  EXPECT_EQ(sfq.flows, 100u);
  EXPECT_EQ(sfq.perturb, 10s);
  EXPECT_FALSE(sfq.red);
  const auto sfq_red = options_of<tc::Sfq>("tc_qdisc_sfq").red;
  ASSERT_TRUE(sfq_red);
  EXPECT_EQ(sfq_red->constants.ewma_log, 3);
  EXPECT_EQ(sfq_red->min, 5000u);
  EXPECT_TRUE(sfq_red->harddrop);

  // pie's update interval is kept in jiffies (HZ 250 here): 15 ms reads back as 16.
  const auto pie = options_of<tc::Pie>("tc_qdisc_pie_bare");
  EXPECT_EQ(pie.target, 15ms);
  EXPECT_EQ(pie.tupdate, 16ms);
  EXPECT_EQ(pie.ecn, false);
  EXPECT_EQ(options_of<tc::FqPie>("tc_qdisc_fq_pie_bare").ecn_prob, 10u);

  const auto red = options_of<tc::Red>("tc_qdisc_red");
  EXPECT_EQ(red.constants, red_with_qevents().constants);
  EXPECT_TRUE(red.ecn && red.harddrop && red.adaptive && !red.nodrop);
  EXPECT_EQ(red.early_drop_block, 10u);
  EXPECT_EQ(red.mark_block, 11u);
  EXPECT_EQ(red.idle_damping, tc::RedIdleDamping{});  // never reported

  const auto choke = options_of<tc::Choke>("tc_qdisc_choke");
  EXPECT_EQ(choke.limit, 1000u);
  EXPECT_TRUE(choke.ecn);
  EXPECT_EQ(choke.constants.max_probability, 214748364u);
}

TEST(TcAqmCodec, every_kind_round_trips) {
  tc::Red red = red_with_qevents();
  red.nodrop = true;
  const std::vector<Qdisc> qdiscs{
      root_qdisc(tc::Codel{.limit = 1, .target = 1us, .interval = 2us, .ecn = false, .ce_threshold = 3us}, "codel"),
      root_qdisc(tc::FqCodel{.limit = 1,
                             .flows = 2,
                             .quantum = 3,
                             .target = 4us,
                             .interval = 5us,
                             .ecn = true,
                             .ce_threshold = 6us,
                             .ce_threshold_selector = 7,
                             .ce_threshold_mask = 8,
                             .memory_limit = 9,
                             .drop_batch_size = 10},
                 "fq_codel"),
      root_qdisc(tc::Fq{.limit = 1, .pacing = true, .timer_slack = 5ns, .horizon_drop = true}, "fq"),
      root_qdisc(tc::Sfq{.perturb = 3s, .limit = 5, .red = tc::SfqRed{.limit = 9, .min = 1, .max = 2}}, "sfq"),
      root_qdisc(tc::Pie{.tupdate = 8ms, .bytemode = false}, "pie"),
      root_qdisc(tc::FqPie{.flows = 4, .ecn_prob = 5, .dq_rate_estimator = false}, "fq_pie"),
      root_qdisc(red, "red"),
      root_qdisc(tc::Choke{.limit = 5, .min = 1, .max = 2, .harddrop = true}, "choke"),
  };
  for (const Qdisc& qdisc : qdiscs) {
    const Qdisc back = reparsed(qdisc);
    EXPECT_EQ(back, qdisc) << qdisc.kind << ": " << ::testing::PrintToString(test::differing_fields(qdisc, back));
  }
}

TEST(TcAqmCodec, diffs_name_the_options_that_changed) {
  const Qdisc before = root_qdisc(tc::FqCodel{.target = 5ms, .ecn = true}, "fq_codel");
  const Qdisc after = root_qdisc(tc::FqCodel{.target = 4ms, .ecn = true}, "fq_codel");
  const std::vector<FieldChange> changes = ObjectTraits<Qdisc>::diff(before, after);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0], (FieldChange{"options.target", "5000", "4000"}));

  const Qdisc plain = root_qdisc(tc::Sfq{}, "sfq");
  const Qdisc with_red = root_qdisc(tc::Sfq{.red = tc::SfqRed{.limit = 9, .min = 1, .max = 2}}, "sfq");
  EXPECT_EQ(test::differing_fields(plain, with_red), std::vector<std::string>{"options.red"});
  Qdisc lower = with_red;
  std::get<tc::Sfq>(lower.options).red->max = 3;
  EXPECT_EQ(test::differing_fields(with_red, lower), std::vector<std::string>{"red.max"});

  // red's table is never reported: a qdisc read back differs from the one sent only there, which is no change.
  Qdisc read_back = root_qdisc(red_with_qevents(), "red");
  std::get<tc::Red>(read_back.options).idle_damping = {};
  EXPECT_TRUE(ObjectTraits<Qdisc>::diff(root_qdisc(red_with_qevents(), "red"), read_back).empty());
}

std::string refusal(const Qdisc& qdisc) {
  const Result<void> valid = ObjectTraits<Qdisc>::validate(qdisc);
  return valid ? "" : valid.error().context();
}

TEST(TcAqmValidate, refuses_what_the_kernel_refuses) {
  EXPECT_EQ(refusal(root_qdisc(tc::FqCodel{.flows = 0})), "fq_codel flows: 0 is not 1 to 65536");
  EXPECT_EQ(refusal(root_qdisc(tc::FqCodel{.quantum = 2 << 20})), "fq_codel quantum: 2097152 is above 1048576");
  EXPECT_EQ(refusal(root_qdisc(tc::Codel{.target = 5000s})), "codel target: 5000000000 is not 0 to 4294967295");
  EXPECT_EQ(refusal(root_qdisc(tc::Fq{.buckets_log = 19})), "fq buckets_log: 19 is not 1 to 18");
  EXPECT_EQ(refusal(root_qdisc(tc::Fq{.timer_slack = -1ns})), "fq timer_slack: -1 is not 0 to 4294967295");
  EXPECT_EQ(refusal(root_qdisc(tc::Sfq{.divisor = 1000})), "sfq divisor: 1000 is not a power of two up to 65536");
  EXPECT_EQ(refusal(root_qdisc(tc::Sfq{.limit = 1})), "sfq limit: 1 is not a queue (2 or more)");
  EXPECT_EQ(refusal(root_qdisc(tc::FqPie{.flows = 70000})), "fq_pie flows: 70000 is not 1 to 65536");
  tc::Red red = red_with_qevents();
  red.nodrop = true;
  red.ecn = false;
  EXPECT_EQ(refusal(root_qdisc(red)), "red nodrop: only with ecn");
  red = red_with_qevents();
  red.min = red.max + 1;
  EXPECT_EQ(refusal(root_qdisc(red)), "red: max is below min");
  red = red_with_qevents();
  red.constants.ewma_log = 20;
  EXPECT_EQ(refusal(root_qdisc(red)), "red: min and max shifted by ewma_log do not fit 32 bits");
  red = red_with_qevents();
  red.idle_damping[3] = 32;
  EXPECT_EQ(refusal(root_qdisc(red)), "red: an idle damping shift is not below 32");
  EXPECT_EQ(refusal(root_qdisc(tc::Choke{.limit = 200000})), "choke limit: 200000 is above 131072");
  EXPECT_EQ(refusal(root_qdisc(tc::Pie{.target = 20ms})), "");
  EXPECT_EQ(refusal(root_qdisc(red_with_qevents())), "");
}

TEST(TcAqmFormat, the_text_table_says_the_options_in_tc_s_words) {
  const std::vector<Qdisc> qdiscs{
      parsed_golden<Qdisc>("tc_qdisc_fq_codel"), parsed_golden<Qdisc>("tc_qdisc_fq"),
      parsed_golden<Qdisc>("tc_qdisc_sfq"),      parsed_golden<Qdisc>("tc_qdisc_red"),
      parsed_golden<Qdisc>("tc_qdisc_choke"),
  };
  const std::string table = format::qdiscs_table(qdiscs, format::LinkNames{});
  // tc -s qdisc show's words (without -d).
  for (std::string_view words : {
           "limit 2000p flows 256 quantum 1000 target 4ms ce_threshold 3ms ce_threshold_selector 0x10/0xfc "
           "interval 50ms memory_limit 16Mb drop_batch 32",
           "limit 5000p flow_limit 50p buckets 2048 orphan_mask 511 nopacing quantum 3000b initial_quantum 20000b "
           "maxrate 10Mbit low_rate_threshold 1Mbit refill_delay 20ms ce_threshold 5ms timer_slack 20us horizon 5s "
           "horizon_cap",
           "limit 100p quantum 1600b depth 20 headdrop divisor 512 perturb 10sec ewma 3 min 5000b max 15000b "
           "probability 0.1 ecn harddrop",
           "limit 400000b min 30000b max 90000b ecn harddrop adaptive qevent early_drop block 10 qevent mark block 11",
           "limit 1000p min 100p max 300p ecn",
       })
    EXPECT_NE(table.find(words), std::string::npos) << words << "\n" << table;
}

}  // namespace
}  // namespace nlpp::rtnl
