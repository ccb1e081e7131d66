// The queue management kinds (codel, fq_codel, fq, sfq, pie, fq_pie, red,
// choke) against the kernel, each test in a fresh namespace with a veth
// pair: made through nlpp's typed options, read back through nlpp (the
// kernel's values, its rounding of times included) and through `tc -j -s
// -d` (tc's values, and nlpp's JSON of the same listing, whole), changed,
// and refused. The build machines' kernel has none of these modules: the
// tests skip there and run in the guest (tests/vm/must_run.txt).
#include <nlpp/format/json.hpp>
#include <nlpp/rtnl/qdisc.hpp>

#include "kernel/route_fixture.hpp"
#include "support/iproute2.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <string>

namespace nlpp::rtnl {
namespace {

using namespace std::chrono_literals;
using test::kernel_error;

class TcAqm : public test::QuietRoutingTest {
 protected:
  // Adds qdisc; false when the kernel has no module for its kind (ENOENT:
  // the test skips), or refused it (a failure).
  [[nodiscard]] bool made(const Qdisc& qdisc) {
    Result<io::Ack> added = ip_route().add(qdisc);
    if (!added && added.error().code() == kernel_error(ENOENT)) return false;
    EXPECT_TRUE(added) << added.error().describe();
    return added.has_value();
  }

  // The options of the qdisc at link's root, read through nlpp.
  template <class Options>
  Options root_options(std::string link) {
    Result<Qdisc> qdisc = ip_route().get(Qdisc{.ifindex = std::move(link)});
    EXPECT_TRUE(qdisc) << qdisc.error().describe();
    if (!qdisc) return {};
    EXPECT_TRUE(std::holds_alternative<Options>(qdisc->options)) << qdisc->kind;
    return std::holds_alternative<Options>(qdisc->options) ? std::get<Options>(qdisc->options) : Options{};
  }

  // `tc -j -s -d qdisc show dev DEV`'s options of its root qdisc, after
  // expecting nlpp's JSON of the same listing to be tc's, whole.
  nlohmann::json shown_options(std::string_view dev) {
    const nlohmann::json shown = test::tc_json(ns_name(), "-s -d qdisc show dev " + std::string(dev));
    const format::LinkNames names(ip_route().dump<Link>().value());
    const std::vector<Qdisc> listed = ip_route().dump<Qdisc>({.ifindex = std::string(dev)}).value();
    EXPECT_EQ(
        nlohmann::json::parse(format::qdiscs_json(listed, names, {.one_device = true, .details = true, .stats = true})),
        shown)
        << dev;
    return shown.empty() ? nlohmann::json() : shown[0]["options"];
  }
};

Qdisc root_qdisc(std::string link, uint16_t major, QdiscOptions options) {
  return Qdisc{.ifindex = std::move(link), .handle = TcHandle(major, 0), .options = std::move(options)};
}

TEST_F(TcAqm, codel_and_fq_codel_made_through_nlpp_read_back_through_nlpp_and_tc) {
  if (!made(root_qdisc("veth0", 1,
                       tc::FqCodel{.limit = 2000,
                                   .flows = 256,
                                   .quantum = 1000,
                                   .target = 4ms,
                                   .interval = 50ms,
                                   .ecn = false,
                                   .ce_threshold = 3ms,
                                   .ce_threshold_selector = 0x10,
                                   .ce_threshold_mask = 0xfc,
                                   .memory_limit = 16 << 20,
                                   .drop_batch_size = 32})))
    GTEST_SKIP() << "no fq_codel in this kernel";
  if (!made(root_qdisc("veth1", 2, tc::Codel{.limit = 500, .ecn = true}))) GTEST_SKIP() << "no codel in this kernel";

  // The kernel keeps codel's times in units of 1024 ns: 4 ms reads back as 3999 us.
  EXPECT_EQ(root_options<tc::FqCodel>("veth0"), (tc::FqCodel{.limit = 2000,
                                                             .flows = 256,
                                                             .quantum = 1000,
                                                             .target = 3999us,
                                                             .interval = 49999us,
                                                             .ecn = false,
                                                             .ce_threshold = 2999us,
                                                             .ce_threshold_selector = 0x10,
                                                             .ce_threshold_mask = 0xfc,
                                                             .memory_limit = 16 << 20,
                                                             .drop_batch_size = 32}));
  // What was not sent is the kernel's default.
  EXPECT_EQ(root_options<tc::Codel>("veth1"),
            (tc::Codel{.limit = 500, .target = 4999us, .interval = 99999us, .ecn = true}));

  const nlohmann::json fq_codel = shown_options("veth0");
  EXPECT_EQ(fq_codel["limit"], 2000);
  EXPECT_EQ(fq_codel["target"], 3999);
  EXPECT_EQ(fq_codel["ce_threshold_selector"], 0x10);
  EXPECT_EQ(fq_codel["memory_limit"], 16 << 20);
  EXPECT_FALSE(fq_codel.contains("ecn"));
  const nlohmann::json codel = shown_options("veth1");
  EXPECT_EQ(codel["limit"], 500);
  EXPECT_EQ(codel["ecn"], true);
}

TEST_F(TcAqm, fq_made_through_nlpp_reads_back_through_nlpp_and_tc) {
  if (!made(root_qdisc("veth0", 1,
                       tc::Fq{.limit = 5000,
                              .flow_limit = 50,
                              .quantum = 3000,
                              .initial_quantum = 20000,
                              .pacing = false,
                              .max_rate = 1250000,
                              .buckets_log = 11,
                              .refill_delay = 20ms,
                              .orphan_mask = 511,
                              .low_rate_threshold = 125000,
                              .ce_threshold = 5ms,
                              .timer_slack = 20us,
                              .horizon = 5s,
                              .horizon_drop = false})))
    GTEST_SKIP() << "no fq in this kernel";

  const auto fq = root_options<tc::Fq>("veth0");
  EXPECT_EQ(fq.limit, 5000u);
  EXPECT_EQ(fq.flow_limit, 50u);
  EXPECT_EQ(fq.quantum, 3000u);
  EXPECT_EQ(fq.initial_quantum, 20000u);
  EXPECT_EQ(fq.pacing, false);
  EXPECT_EQ(fq.max_rate, 1250000u);
  EXPECT_EQ(fq.buckets_log, 11u);
  EXPECT_EQ(fq.refill_delay, 20ms);
  EXPECT_EQ(fq.orphan_mask, 511u);
  EXPECT_EQ(fq.low_rate_threshold, 125000u);
  EXPECT_EQ(fq.ce_threshold, 5ms);
  EXPECT_EQ(fq.timer_slack, 20us);
  EXPECT_EQ(fq.horizon, 5s);
  EXPECT_EQ(fq.horizon_drop, false);

  const nlohmann::json shown = shown_options("veth0");
  EXPECT_EQ(shown["buckets"], 2048);
  EXPECT_EQ(shown["pacing"], false);
  EXPECT_EQ(shown["maxrate"], 1250000);
  EXPECT_EQ(shown["timer_slack"], 20000);
  EXPECT_TRUE(shown.contains("horizon_cap"));
}

TEST_F(TcAqm, sfq_with_red_made_through_nlpp_reads_back_through_nlpp_and_tc) {
  tc::SfqRed red =
      tc::SfqRed::sized({.limit = 40000, .min = 5000, .max = 15000, .avpkt = 1000, .burst = 8, .probability = 0.1})
          .value();
  red.ecn = true;
  if (!made(root_qdisc("veth0", 1, tc::Sfq{.quantum = 1600, .perturb = 10s, .limit = 100, .depth = 20, .red = red})))
    GTEST_SKIP() << "no sfq in this kernel";
  if (!made(root_qdisc("veth1", 2, tc::Sfq{}))) GTEST_SKIP() << "no sfq in this kernel";

  const auto sfq = root_options<tc::Sfq>("veth0");
  EXPECT_EQ(sfq.quantum, 1600u);
  EXPECT_EQ(sfq.perturb, 10s);
  EXPECT_EQ(sfq.limit, 100u);
  EXPECT_EQ(sfq.flows, 100u);  // the kernel's 128, capped at the limit
  EXPECT_EQ(sfq.divisor, 1024u);
  EXPECT_EQ(sfq.depth, 20u);
  // sfq takes no RED limit (tc derives the thresholds from it): it reads back 0.
  tc::SfqRed red_read = red;
  red_read.limit = 0;
  EXPECT_EQ(sfq.red, red_read);
  EXPECT_EQ(sfq.red_stats, tc::SfqRedStats{});
  // Zeros ask for the kernel's defaults.
  const auto defaults = root_options<tc::Sfq>("veth1");
  EXPECT_EQ(defaults.limit, 127u);
  EXPECT_EQ(defaults.depth, 127u);
  EXPECT_EQ(defaults.flows, 128u);
  EXPECT_FALSE(defaults.red);

  const nlohmann::json shown = shown_options("veth0");
  EXPECT_EQ(shown["perturb"], 10);
  EXPECT_EQ(shown["ewma"], 3);
  EXPECT_EQ(shown["min"], 5000);
  EXPECT_EQ(shown["probability"], 0.1);
  EXPECT_EQ(shown["ecn"], true);
  EXPECT_EQ(shown["prob_mark"], 0);
  EXPECT_EQ(shown_options("veth1")["limit"], 127);
}

TEST_F(TcAqm, pie_and_fq_pie_made_through_nlpp_read_back_through_nlpp_and_tc) {
  if (!made(root_qdisc("veth0", 1,
                       tc::Pie{.limit = 500,
                               .target = 20ms,
                               .tupdate = 32ms,
                               .alpha = 4,
                               .beta = 30,
                               .ecn = true,
                               .bytemode = true,
                               .dq_rate_estimator = true})))
    GTEST_SKIP() << "no pie in this kernel";
  // fq_pie's kernel wants its options flagged as a nest (nla_parse_nested).
  if (!made(root_qdisc("veth1", 2, tc::FqPie{.flows = 512, .memory_limit = 8 << 20, .ecn_prob = 20, .ecn = true})))
    GTEST_SKIP() << "no fq_pie in this kernel";

  // 32 ms is a whole number of jiffies at any HZ the kernel is built with.
  EXPECT_EQ(root_options<tc::Pie>("veth0"), (tc::Pie{.limit = 500,
                                                     .target = 20ms,
                                                     .tupdate = 32ms,
                                                     .alpha = 4,
                                                     .beta = 30,
                                                     .ecn = true,
                                                     .bytemode = true,
                                                     .dq_rate_estimator = true}));
  const auto fq_pie = root_options<tc::FqPie>("veth1");
  EXPECT_EQ(fq_pie.limit, 10240u);
  EXPECT_EQ(fq_pie.flows, 512u);
  EXPECT_EQ(fq_pie.target, 15ms);
  EXPECT_EQ(fq_pie.memory_limit, 8u << 20);
  EXPECT_EQ(fq_pie.ecn_prob, 20u);
  EXPECT_EQ(fq_pie.ecn, true);
  EXPECT_EQ(fq_pie.bytemode, false);

  const nlohmann::json pie = shown_options("veth0");
  EXPECT_EQ(pie["tupdate"], 32000);
  EXPECT_EQ(pie["dq_rate_estimator"], true);
  EXPECT_EQ(shown_options("veth1")["ecn_prob"], 20);
}

TEST_F(TcAqm, red_and_choke_made_through_nlpp_read_back_through_nlpp_and_tc) {
  tc::Red red = tc::Red::sized({.limit = 400000,
                                .min = 30000,
                                .max = 90000,
                                .avpkt = 1000,
                                .burst = 55,
                                .probability = 0.05,
                                .bandwidth = 1250000})
                    .value();
  red.ecn = red.adaptive = true;
  red.early_drop_block = 10;
  if (!made(root_qdisc("veth0", 1, red))) GTEST_SKIP() << "no red in this kernel";
  tc::Choke choke = tc::Choke::sized({.limit = 1000, .bandwidth = 1250000}).value();
  choke.harddrop = true;
  if (!made(root_qdisc("veth1", 2, choke))) GTEST_SKIP() << "no choke in this kernel";

  // The kernel reports all but the idle damping table.
  tc::Red red_read = red;
  red_read.idle_damping = {};
  EXPECT_EQ(root_options<tc::Red>("veth0"), red_read);
  tc::Choke choke_read = choke;
  choke_read.idle_damping = {};
  EXPECT_EQ(root_options<tc::Choke>("veth1"), choke_read);

  const nlohmann::json shown_red = shown_options("veth0");
  EXPECT_EQ(shown_red["limit"], 400000);
  EXPECT_EQ(shown_red["ewma"], 5);
  EXPECT_EQ(shown_red["probability"], 0.05);
  EXPECT_EQ(shown_red["Scell_log"], 15);
  EXPECT_EQ(shown_red["adaptive"], true);
  EXPECT_EQ(shown_red["qevents"], nlohmann::json::parse(R"([{"kind":"early_drop","block":10}])"));
  const nlohmann::json shown_choke = shown_options("veth1");
  EXPECT_EQ(shown_choke["max"], 250);
  EXPECT_EQ(shown_choke["min"], 83);
  EXPECT_EQ(shown_choke["harddrop"], true);
}

TEST_F(TcAqm, changed_through_nlpp_with_what_the_kernel_reported) {
  if (!made(root_qdisc("veth0", 1, tc::FqCodel{.limit = 2000}))) GTEST_SKIP() << "no fq_codel in this kernel";
  // tc qdisc change: only what is set changes.
  ASSERT_TRUE(ip_route().set(root_qdisc("veth0", 1, tc::FqCodel{.target = 10ms, .ecn = false})));
  const auto fq_codel = root_options<tc::FqCodel>("veth0");
  EXPECT_EQ(fq_codel.limit, 2000u);
  EXPECT_EQ(fq_codel.target, 9999us);
  EXPECT_EQ(fq_codel.ecn, false);
  // The kernel sets fq_codel's flows once.
  Result<io::Ack> flows = ip_route().set(root_qdisc("veth0", 1, tc::FqCodel{.flows = 128}));
  ASSERT_FALSE(flows);
  EXPECT_EQ(flows.error().code(), kernel_error(EINVAL)) << flows.error().describe();

  // A red read back and sent again with another limit: the kernel takes it
  // without its idle damping table (which nlpp sends as zeros).
  if (!made(root_qdisc("veth1", 2, tc::Red::sized({.limit = 100000, .avpkt = 1000}).value())))
    GTEST_SKIP() << "no red in this kernel";
  tc::Red red = root_options<tc::Red>("veth1");
  ASSERT_EQ(red.idle_damping, tc::RedIdleDamping{});
  red.limit = 200000;
  Result<io::Ack> changed = ip_route().set(root_qdisc("veth1", 2, red));
  ASSERT_TRUE(changed) << changed.error().describe();
  EXPECT_EQ(root_options<tc::Red>("veth1").limit, 200000u);
  EXPECT_EQ(shown_options("veth1")["limit"], 200000);
}

TEST_F(TcAqm, the_kernel_s_refusals_are_errors) {
  // min above max passes tc's sizing (red has no such check), not the kernel's.
  tc::Red red = tc::Red::sized({.limit = 100000, .min = 30000, .max = 90000, .avpkt = 1000}).value();
  red.min = 95000;
  Result<io::Ack> refused = ip_route().add(root_qdisc("veth0", 1, red));
  ASSERT_FALSE(refused);
  // Checked before sending, as the kernel would refuse it.
  EXPECT_EQ(refused.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_NE(refused.error().describe().find("max is below min"), std::string::npos) << refused.error().describe();

  if (!made(root_qdisc("veth0", 1, tc::FqPie{.flows = 64}))) GTEST_SKIP() << "no fq_pie in this kernel";
  Result<io::Ack> flows = ip_route().set(root_qdisc("veth0", 1, tc::FqPie{.flows = 128}));
  ASSERT_FALSE(flows);
  EXPECT_EQ(flows.error().code(), kernel_error(EINVAL)) << flows.error().describe();
  EXPECT_EQ(root_options<tc::FqPie>("veth0").flows, 64u);
}

}  // namespace
}  // namespace nlpp::rtnl
