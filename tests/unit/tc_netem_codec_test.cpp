// netem, multiq and plug without a kernel: tc 6.1's requests for their
// words (tests/data/golden/tc_qdisc_*.request.hex, strace of tc; the
// command is in each file) sent by nlpp byte for byte from the typed
// options and read back; round trips of what tc cannot say (times that are
// not whole ticks, 64-bit rates, seeds); a netem as the kernel reports it
// (the struct, then the 64-bit times, padding and the seed); probabilities
// on the kernel's scale; tc's JSON and words; the checks before sending.
#include <nlpp/format/json.hpp>
#include <nlpp/rtnl/qdisc.hpp>

#include "format/tc_words.hpp"
#include "rtnl/tc/netem_table.hpp"
#include "unit/golden.hpp"

#include <gtest/gtest.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using namespace std::chrono_literals;
using tc::Probability;
using test::expect_request;
using test::reparsed;

Probability percent(double value) { return Probability::from_percent(value); }

// tiny.dist, which the golden requests were made with.
const std::vector<int16_t> tiny{-8192, -4096, 0, 4096, 8192};

Qdisc netem_on_veth0(tc::Netem netem, TcHandle handle = {}) {
  return {.ifindex = 3, .handle = handle, .kind = "netem", .options = std::move(netem)};
}

TEST(TcProbability, is_the_kernel_s_scale_made_from_tc_s_percentages) {
  EXPECT_EQ(percent(1).scaled, 42949673u);  // rint(0.01 * UINT32_MAX), as tc's set_percent()
  EXPECT_EQ(percent(25).scaled, 0x40000000u);
  EXPECT_EQ(percent(70).scaled, 0xb3333332u);
  EXPECT_EQ(Probability::from_fraction(0.5), percent(50));
  EXPECT_EQ(percent(100), Probability::always());
  EXPECT_EQ(percent(150), Probability::always());  // clamped
  EXPECT_EQ(percent(-3), Probability{});
  EXPECT_EQ(to_string(percent(1)), "1%");
  EXPECT_EQ(to_string(percent(0.1)), "0.1%");
  EXPECT_DOUBLE_EQ(Probability::always().fraction(), 1.0);
  EXPECT_NEAR(percent(20).percent(), 20.0, 1e-7);
}

// netem.hpp's example, line for line.
TEST(TcNetemCodec, the_header_example_is_tc_s_delay_with_jitter_correlation_and_loss) {
  // clang-format off
  const tc::Netem netem =
    tc::Netem{.latency = 100ms, .jitter = 10ms,
              .delay_correlation = tc::Probability::from_percent(25),
              .loss = tc::Probability::from_percent(1)}
  ;
  // clang-format on
  EXPECT_EQ(netem.latency, 100ms);
  EXPECT_EQ(netem.jitter, 10ms);
  EXPECT_NEAR(netem.delay_correlation.percent(), 25.0, 1e-6);
  EXPECT_EQ(netem.loss.scaled, 42949673u);  // tc's 1%
}

TEST(TcNetemCodec, tc_s_delay_loss_duplicate_reorder_corrupt_rate_and_ecn_are_sent_byte_for_byte) {
  const Qdisc sent = netem_on_veth0(
      tc::Netem{.limit = 2000,
                .latency = 100ms,
                .jitter = 10ms,
                .delay_correlation = percent(25),
                .delay_distribution = tiny,
                .loss = percent(1),
                .loss_correlation = percent(10),
                .ecn = true,
                .duplicate = percent(5),
                .duplicate_correlation = percent(20),
                .reorder = percent(25),
                .reorder_correlation = percent(50),
                .gap = 5,
                .corrupt = percent(0.1),
                .rate = {.bytes_per_second = 125000, .packet_overhead = 20, .cell_size = 100, .cell_overhead = 5}},
      TcHandle(1, 0));
  expect_request("tc_qdisc_add_netem_delay", sent, sent);
}

TEST(TcNetemCodec, tc_s_loss_models_slots_and_64_bit_rate_are_sent_byte_for_byte) {
  const Qdisc state = netem_on_veth0(tc::Netem{
      .latency = 10ms,
      .loss_model =
          tc::NetemLossState{
              .p13 = percent(1), .p31 = percent(20), .p32 = percent(3), .p23 = percent(90), .p14 = percent(0.5)},
      .slot = tc::NetemSlot{.min_delay = 1ms, .max_delay = 5ms, .max_packets = 10, .max_bytes = 65536}});
  expect_request("tc_qdisc_add_netem_loss_state", state, state);

  // tc's "1-h" 70% is the kernel's h of 30%.
  const Qdisc gemodel = netem_on_veth0(
      tc::Netem{.loss_model =
                    tc::NetemLossGemodel{
                        .p = percent(1), .r = percent(10), .one_minus_h = percent(70), .one_minus_k = percent(0.1)},
                .ecn = true,
                .rate = {.bytes_per_second = 5000000000, .packet_overhead = -4}});
  expect_request("tc_qdisc_add_netem_gemodel", gemodel, gemodel);

  const Qdisc slot_distribution = netem_on_veth0(
      tc::Netem{.latency = 20ms,
                .jitter = 5ms,
                .delay_distribution = tiny,
                .slot = tc::NetemSlot{
                    .distribution_delay = 2ms, .distribution_jitter = 1ms, .max_packets = 5, .distribution = tiny}});
  expect_request("tc_qdisc_add_netem_slot_distribution", slot_distribution, slot_distribution);
}

// tc sends the delay, loss and duplication correlations (zeros here) with
// a corruption's correlation: a change resets them, through nlpp as through tc.
TEST(TcNetemCodec, a_corruption_correlation_sends_the_other_correlations_as_tc_does) {
  const Qdisc corrupt = netem_on_veth0(tc::Netem{.corrupt = percent(1), .corrupt_correlation = percent(2)});
  expect_request("tc_qdisc_change_netem_corrupt", corrupt, corrupt);
}

TEST(TcNetemCodec, what_tc_cannot_say_round_trips) {
  const tc::Netem netem{.latency = 1000001ns,  // not a whole number of 64 ns ticks: TCA_NETEM_LATENCY64
                        .jitter = 300s,        // more ticks than 32 bits hold: TCA_NETEM_JITTER64
                        .loss = percent(2),
                        .loss_model = tc::NetemLossGemodel{.p = percent(3)},
                        .reorder = percent(10),
                        .gap = 3,
                        .rate = {.bytes_per_second = uint64_t{1} << 40},
                        .slot = tc::NetemSlot{.min_delay = 1ns, .max_delay = 2ns},
                        .prng_seed = 0x0123456789abcdef};
  const Qdisc back = reparsed(netem_on_veth0(netem));
  ASSERT_TRUE(std::holds_alternative<tc::Netem>(back.options));
  EXPECT_EQ(std::get<tc::Netem>(back.options), netem);

  // The request's struct holds the ticks, saturated, as the kernel reports them.
  wire::MessageBuilder builder;
  ObjectTraits<Qdisc>::emit(netem_on_veth0(netem), builder, RTM_NEWQDISC, 0);
  const std::vector<std::byte> options = test::attributes_of(builder, sizeof(tcmsg))[TCA_OPTIONS];
  tc_netem_qopt qopt{};
  ASSERT_GE(options.size(), sizeof qopt);
  std::memcpy(&qopt, options.data(), sizeof qopt);
  EXPECT_EQ(qopt.latency, 15625u);
  EXPECT_EQ(qopt.jitter, std::numeric_limits<uint32_t>::max());
}

TEST(TcNetemCodec, a_reorder_without_a_gap_sends_tc_s_gap_of_one) {
  const Qdisc back = reparsed(netem_on_veth0(tc::Netem{.latency = 10ms, .reorder = percent(25)}));
  EXPECT_EQ(std::get<tc::Netem>(back.options).gap, 1u);
}

// A qdisc's tcmsg as the kernel reports it: on veth0 at root, one reference.
tcmsg reported_tcmsg(uint32_t handle) {
  tcmsg header{};
  header.tcm_ifindex = 3;
  header.tcm_handle = handle;
  header.tcm_parent = TC_H_ROOT;
  header.tcm_info = 1;
  return header;
}

// A netem as the kernel dumps it: the struct (latency in ticks), then
// TCA_NETEM_LATENCY64 and _JITTER64, the correlations, reorder and
// corruption (zeros), the rate (none), a slot, the padding before the
// seed, and the seed.
std::vector<std::byte> kernel_netem_reply() {
  wire::MessageBuilder builder;
  builder.begin_message(RTM_NEWQDISC, 0);
  builder.append_header(reported_tcmsg(0x80010000));
  builder.add_string(TCA_KIND, "netem");
  const wire::MessageBuilder::Nest options = builder.begin_nested_without_flag(TCA_OPTIONS);
  tc_netem_qopt qopt{};
  qopt.latency = 15625;  // 1000000 ns
  qopt.limit = 1000;
  qopt.loss = 42949673;
  builder.append_header(qopt);
  builder.add_s64(TCA_NETEM_LATENCY64, 1000001);
  builder.add_s64(TCA_NETEM_JITTER64, 0);
  builder.add_struct(TCA_NETEM_CORR, tc_netem_corr{});
  builder.add_struct(TCA_NETEM_REORDER, tc_netem_reorder{});
  builder.add_struct(TCA_NETEM_CORRUPT, tc_netem_corrupt{});
  builder.add_struct(TCA_NETEM_RATE, tc_netem_rate{});
  tc_netem_slot slot{};
  slot.min_delay = 1000000;
  slot.max_delay = 2000000;
  builder.add_struct(TCA_NETEM_SLOT, slot);
  builder.add_flag(TCA_NETEM_PAD);
  builder.add_u64(tc::tca_netem_prng_seed, 77);
  builder.end_nested(options);
  return {builder.bytes().begin(), builder.bytes().end()};
}

TEST(TcNetemCodec, reads_the_kernel_s_dump_with_its_64_bit_times_and_seed) {
  const Qdisc qdisc = test::parse_golden<Qdisc>(kernel_netem_reply());
  ASSERT_TRUE(std::holds_alternative<tc::Netem>(qdisc.options));
  const auto& netem = std::get<tc::Netem>(qdisc.options);
  EXPECT_EQ(netem.latency, 1000001ns);  // the 64-bit time, not the ticks' 1000000 ns
  EXPECT_EQ(netem.loss, percent(1));
  EXPECT_EQ(netem.rate, tc::NetemRate{});
  ASSERT_TRUE(netem.slot.has_value());
  EXPECT_EQ(netem.slot->min_delay, 1ms);
  EXPECT_EQ(netem.slot->max_delay, 2ms);
  EXPECT_EQ(netem.prng_seed, 77u);
  EXPECT_TRUE(netem.unknown.empty());  // the padding is read and dropped
}

TEST(TcMultiqCodec, sends_zeros_as_tc_does_and_reads_the_bands_the_kernel_made) {
  const Qdisc sent{.ifindex = 3, .handle = TcHandle(1, 0), .kind = "multiq", .options = tc::Multiq{}};
  expect_request("tc_qdisc_add_multiq", sent, sent);

  // What the kernel fills in is read, and not sent back.
  const Qdisc reported{.ifindex = 3, .handle = TcHandle(1, 0), .options = tc::Multiq{.bands = 4, .max_bands = 4}};
  wire::MessageBuilder builder;
  ObjectTraits<Qdisc>::emit(reported, builder, RTM_NEWQDISC, 0);
  EXPECT_EQ(test::attributes_of(builder, sizeof(tcmsg))[TCA_OPTIONS], std::vector<std::byte>(4));
  wire::MessageBuilder reply;
  reply.begin_message(RTM_NEWQDISC, 0);
  reply.append_header(reported_tcmsg(0x10000));
  reply.add_string(TCA_KIND, "multiq");
  reply.add_struct(TCA_OPTIONS, tc_multiq_qopt{.bands = 4, .max_bands = 4});
  const Qdisc read = test::parse_golden<Qdisc>({reply.bytes().begin(), reply.bytes().end()});
  EXPECT_EQ(read.options, QdiscOptions(tc::Multiq{.bands = 4, .max_bands = 4}));
}

TEST(TcPlugCodec, sends_tc_s_commands_byte_for_byte) {
  const Qdisc limit{
      .ifindex = 3, .kind = "plug", .options = tc::Plug{.action = tc::Plug::Action::limit, .limit = 32768}};
  expect_request("tc_qdisc_add_plug", limit, limit);
  const Qdisc release{
      .ifindex = 3, .kind = "plug", .options = tc::Plug{.action = tc::Plug::Action::release_indefinite}};
  expect_request("tc_qdisc_change_plug", release, release);
}

std::string refusal(const tc::Netem& netem) {
  const Result<void> valid = ObjectTraits<Qdisc>::validate(netem_on_veth0(netem));
  return valid ? "" : valid.error().context();
}

TEST(TcNetemValidate, refuses_what_the_kernel_would_refuse_or_misread) {
  EXPECT_EQ(refusal(tc::Netem{.latency = -1ms}), "netem latency: negative");
  EXPECT_EQ(refusal(tc::Netem{.jitter = -1ns}), "netem jitter: negative");
  EXPECT_EQ(refusal(tc::Netem{.delay_distribution = std::vector<int16_t>(NETEM_DIST_MAX + 1)}),
            "netem delay_distribution: 16385 values, the kernel takes 16384 at most");
  EXPECT_EQ(refusal(tc::Netem{.slot = tc::NetemSlot{.min_delay = 2ms, .max_delay = 1ms}}),
            "netem slot: max_delay below min_delay");
  EXPECT_EQ(refusal(tc::Netem{.slot = tc::NetemSlot{.max_packets = -1}}), "netem slot: a negative bound");
  EXPECT_EQ(refusal(tc::Netem{.latency = 1ms, .jitter = 1ms, .delay_distribution = tiny}), "");
  const Result<void> plug = ObjectTraits<Qdisc>::validate(
      Qdisc{.ifindex = 3, .options = tc::Plug{.action = static_cast<tc::Plug::Action>(7)}});
  ASSERT_FALSE(plug);
  EXPECT_EQ(plug.error().context(), "plug action: 7 is not 0 to 3");
  const Result<void> wrong_kind =
      ObjectTraits<Qdisc>::validate(Qdisc{.ifindex = 3, .kind = "tbf", .options = tc::Netem{}});
  ASSERT_FALSE(wrong_kind);
  EXPECT_EQ(wrong_kind.error().context(), "qdisc kind 'tbf': the data is for netem");
}

TEST(TcNetemCodec, a_diff_names_each_option) {
  const Qdisc before = netem_on_veth0(tc::Netem{.latency = 10ms, .loss = percent(1)});
  Qdisc after = before;
  auto& netem = std::get<tc::Netem>(after.options);
  netem.latency = 20ms;
  netem.loss_model = tc::NetemLossState{.p13 = percent(1)};
  netem.delay_distribution = tiny;  // never reported: not compared
  const std::vector<FieldChange> changes = ObjectTraits<Qdisc>::diff(before, after);
  ASSERT_EQ(changes.size(), 2u) << ::testing::PrintToString(test::differing_fields(before, after));
  EXPECT_EQ(changes[0].field, "options.latency");
  EXPECT_EQ(changes[0].before, "10000000ns");
  EXPECT_EQ(changes[0].after, "20000000ns");
  EXPECT_EQ(changes[1].field, "options.loss_model");
  EXPECT_EQ(changes[1].after, "state p13 1% p31 0% p32 0% p23 0% p14 0%");
}

// The netem of the first golden request as the kernel reports it (its
// table aside), and what tc 6.1's print_opt() makes of it.
const tc::Netem reported_netem{
    .limit = 2000,
    .latency = 100ms,
    .jitter = 10ms,
    .delay_correlation = percent(25),
    .loss = percent(1),
    .loss_correlation = percent(10),
    .ecn = true,
    .duplicate = percent(5),
    .duplicate_correlation = percent(20),
    .reorder = percent(25),
    .reorder_correlation = percent(50),
    .gap = 5,
    .corrupt = percent(0.1),
    .rate = {.bytes_per_second = 125000, .packet_overhead = 20, .cell_size = 100, .cell_overhead = 5}};

nlohmann::json options_json(QdiscOptions options) {
  const Qdisc qdisc{
      .ifindex = 3, .handle = TcHandle(1, 0), .kind = "netem", .options = std::move(options), .refcnt = 1};
  return nlohmann::json::parse(
      format::qdiscs_json({&qdisc, 1}, format::LinkNames{}, {.one_device = true}))[0]["options"];
}

TEST(TcNetemFormat, prints_tc_s_json_fractions_seconds_and_groups) {
  EXPECT_EQ(options_json(reported_netem), nlohmann::json::parse(R"({
      "limit": 2000,
      "delay": {"delay": 0.1, "jitter": 0.01, "correlation": 0.25},
      "loss-random": {"loss": 0.01, "correlation": 0.1},
      "duplicate": {"duplicate": 0.05, "correlation": 0.2},
      "reorder": {"reorder": 0.25, "correlation": 0.5},
      "corrupt": {"corrupt": 0.001, "correlation": 0},
      "rate": {"rate": 125000, "packetoverhead": 20, "cellsize": 100, "celloverhead": 5},
      "ecn": true,
      "gap": 5})"));

  EXPECT_EQ(options_json(tc::Netem{
                .loss_model = tc::NetemLossGemodel{.p = percent(1), .r = percent(99)},
                .slot = tc::NetemSlot{.distribution_delay = 2ms, .distribution_jitter = 1ms, .max_packets = 5}}),
            nlohmann::json::parse(R"({
      "limit": 1000,
      "loss-gemodel": {"p": 0.01, "r": 0.99, "1-h": 1, "1-k": 0},
      "slot": {"distribution": 0.002, "jitter": 0.001, "packets": 5, "bytes": 0},
      "ecn": false,
      "gap": 0})"));

  EXPECT_EQ(options_json(tc::Multiq{.bands = 4, .max_bands = 4}),
            nlohmann::json::parse(R"({"bands": 4, "max_bands": 4})"));
  EXPECT_EQ(options_json(std::monostate{}), nlohmann::json::object());  // plug: the kernel reports nothing
}

TEST(TcNetemFormat, says_the_options_in_tc_s_words) {
  EXPECT_EQ(format::detail::tc_options_text(reported_netem),
            "limit 2000 delay 100ms 10ms 25% loss 1% 10% duplicate 5% 20% reorder 25% 50% corrupt 0.1% rate 1Mbit "
            "packetoverhead 20 cellsize 100 celloverhead 5 ecn gap 5");
  EXPECT_EQ(format::detail::tc_options_text(
                tc::Netem{.latency = 10ms,
                          .loss_model = tc::NetemLossState{.p13 = percent(1), .p31 = percent(99), .p23 = percent(100)},
                          .slot = tc::NetemSlot{.min_delay = 1ms, .max_delay = 5ms, .max_bytes = 65536}}),
            "limit 1000 delay 10ms loss state p13 1% p31 99% p32 0% p23 100% p14 0% slot 1ms 5ms bytes 65536");
  EXPECT_EQ(format::detail::tc_options_text(tc::Multiq{.bands = 4, .max_bands = 8}), "bands 4/8");
}

}  // namespace
}  // namespace nlpp::rtnl
