// hfsc, drr, ets and mqprio qdiscs and classes as tc prints them: the
// "options" of `tc -j -s -d qdisc show` as tc 6.1's q_ets.c and q_mqprio.c
// print them (tc 7.1's q_hfsc.c for hfsc, whose options tc 6.1 prints as
// text inside its JSON), classes as tc from 6.2 on prints them, and the
// words of nlpp's text tables. Each object is built as the kernel reports
// it (Linux 6.12: mqprio's payload always carries attributes after its
// struct, ets reports every band's quantum and all 16 priorities).
#include <nlpp/format/json.hpp>

#include "format/tc_words.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <linux/pkt_sched.h>

#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

namespace nlpp::format {
namespace {

using nlohmann::json;
using rtnl::TcHandle;
namespace tc = rtnl::tc;

const std::vector<rtnl::Link> veth{{.ifindex = 2, .name = "veth0"}};
const LinkNames names(veth);
constexpr TcView details{.one_device = true, .details = true};
constexpr TcView details_stats{.one_device = true, .details = true, .stats = true};

json qdisc_options(rtnl::QdiscOptions options, std::string kind) {
  const rtnl::Qdisc qdisc{
      .ifindex = 2, .handle = TcHandle(1, 0), .kind = std::move(kind), .options = std::move(options), .refcnt = 2};
  JsonWriter writer;
  write_qdisc(writer, qdisc, names, details);
  return json::parse(std::move(writer).take())["options"];
}

json class_json(rtnl::ClassOptions options, std::string kind, const TcView& view = details,
                std::optional<rtnl::TcStats> stats = std::nullopt) {
  const rtnl::TcClass tc_class{.ifindex = 2,
                               .handle = TcHandle(1, 0x10),
                               .parent = TcHandle(1, 1),
                               .kind = std::move(kind),
                               .options = std::move(options),
                               .stats = std::move(stats)};
  JsonWriter writer;
  write_tc_class(writer, tc_class, names, view);
  return json::parse(std::move(writer).take());
}

constexpr uint32_t mbit = 125000;

TEST(FormatTcClassful, hfsc_prints_its_default_and_curves_as_tc_7_1_does) {
  EXPECT_EQ(qdisc_options(tc::Hfsc{.default_class = 0x20}, "hfsc"), json::parse(R"({"default":"0x20"})"));
  EXPECT_EQ(qdisc_options(tc::Hfsc{}, "hfsc"), json::object());

  // One curve for real-time and link-share is "sc", as tc's sc made it.
  const tc::ServiceCurve curve{.m2 = mbit};
  EXPECT_EQ(class_json(tc::HfscClass{.rsc = curve, .fsc = curve, .usc = tc::ServiceCurve{.m2 = 2 * mbit}}, "hfsc"),
            json::parse(R"({"class":"hfsc","handle":"1:10","parent":"1:1",
                            "sc":{"m1":0,"d":0,"m2":125000},"ul":{"m1":0,"d":0,"m2":250000}})"));
  EXPECT_EQ(class_json(tc::HfscClass{.rsc = tc::ServiceCurve{.m1 = 2 * mbit, .d = 10000, .m2 = mbit},
                                     .fsc = tc::ServiceCurve{.m2 = 3 * mbit}},
                       "hfsc"),
            json::parse(R"({"class":"hfsc","handle":"1:10","parent":"1:1",
                            "rt":{"m1":250000,"d":10000,"m2":125000},"ls":{"m1":0,"d":0,"m2":375000}})"));
}

TEST(FormatTcClassful, an_hfsc_class_s_statistics_carry_its_period_work_and_level) {
  tc_hfsc_stats xstats{.work = 3000, .rtwork = 0, .period = 2, .level = 1};
  rtnl::TcStats stats{.bytes = 3000, .packets = 2};
  stats.xstats.resize(sizeof xstats);
  std::memcpy(stats.xstats.data(), &xstats, sizeof xstats);
  const json shown = class_json(tc::HfscClass{.fsc = tc::ServiceCurve{.m2 = mbit}}, "hfsc", details_stats, stats);
  // rtwork 0 is left out, as tc leaves it out.
  EXPECT_EQ(shown["stats"], json::parse(R"({"bytes":3000,"packets":2,"drops":0,"overlimits":0,"requeues":0,
                                            "backlog":0,"qlen":0,"period":2,"work":3000,"level":1})"));
}

TEST(FormatTcClassful, drr_s_quantum_is_text_only_as_in_tc) {
  EXPECT_EQ(class_json(tc::DrrClass{.quantum = 1514}, "drr"),
            json::parse(R"({"class":"drr","handle":"1:10","parent":"1:1"})"));
  EXPECT_EQ(detail::tc_options_text(rtnl::ClassOptions{tc::DrrClass{.quantum = 1514}}), "quantum 1514b");
}

TEST(FormatTcClassful, ets_prints_its_bands_quanta_and_priomap) {
  const tc::Ets ets{.bands = 4,
                    .strict = 1,
                    .quanta = {3000, 2000, 1514},
                    .priomap = {0, 1, 2, 3, 3, 2, 1, 0, 3, 3, 3, 3, 3, 3, 3, 3}};
  EXPECT_EQ(qdisc_options(ets, "ets"), json::parse(R"({"bands":4,"strict":1,"quanta":[3000,2000,1514],
                                                       "priomap":[0,1,2,3,3,2,1,0,3,3,3,3,3,3,3,3]})"));
  EXPECT_EQ(detail::tc_options_text(rtnl::QdiscOptions{ets}),
            "bands 4 strict 1 quanta 3000 2000 1514 priomap 0 1 2 3 3 2 1 0 3 3 3 3 3 3 3 3");
  // Without strict bands, no "strict"; all strict, no "quanta".
  EXPECT_EQ(qdisc_options(tc::Ets{.bands = 2, .quanta = {1514, 1514}, .priomap = {1, 0}}, "ets"),
            json::parse(R"({"bands":2,"quanta":[1514,1514],"priomap":[1,0]})"));
  EXPECT_EQ(qdisc_options(tc::Ets{.bands = 2, .strict = 2, .priomap = {1, 0}}, "ets"),
            json::parse(R"({"bands":2,"strict":2,"priomap":[1,0]})"));

  // A strict band's class has no quantum.
  EXPECT_EQ(class_json(tc::EtsClass{.quantum = 2500}, "ets")["quantum"], 2500);
  EXPECT_FALSE(class_json(tc::EtsClass{}, "ets").contains("quantum"));
}

TEST(FormatTcClassful, mqprio_prints_its_map_and_queues_and_the_offload_only_when_reported) {
  tc::Mqprio mqprio{.num_tc = 2, .prio_tc_map = {0, 0, 0, 0, 1, 1, 1, 1}, .hw = 0, .count = {2, 2}, .offset = {0, 2}};
  const json mapping = json::parse(R"({"tc":2,"map":[0,0,0,0,1,1,1,1,0,0,0,0,0,0,0,0],"queues":[[0,1],[2,3]]})");
  EXPECT_EQ(qdisc_options(mqprio, "mqprio"), mapping);  // Linux before 6.4: the struct alone

  // From 6.4 on the kernel adds each class's frame preemption (kept
  // unknown), and tc then names the default mode and shaper.
  mqprio.unknown.push_back({.type = 5 | NLA_F_NESTED, .payload = std::vector<std::byte>(16)});
  json with_offload = mapping;
  with_offload["mode"] = "dcb";
  with_offload["shaper"] = "dcb";
  EXPECT_EQ(qdisc_options(mqprio, "mqprio"), with_offload);
  EXPECT_EQ(detail::tc_options_text(rtnl::QdiscOptions{mqprio}),
            "tc 2 map 0 0 0 0 1 1 1 1 0 0 0 0 0 0 0 0 queues:(0:1) (2:3) mode:dcb shaper:dcb");

  // The offload's own: the rates of num_tc classes, however many were sent.
  mqprio.unknown.clear();
  mqprio.hw = 1;
  mqprio.mode = tc::MqprioMode::channel;
  mqprio.shaper = tc::MqprioShaper::bw_rlimit;
  mqprio.min_rate = {mbit};
  mqprio.max_rate = {5 * mbit, 10 * mbit, 20 * mbit};
  const json offloaded = qdisc_options(mqprio, "mqprio");
  EXPECT_EQ(offloaded["mode"], "channel");
  EXPECT_EQ(offloaded["shaper"], "bw_rlimit");
  EXPECT_EQ(offloaded["min_rate"], json::parse("[125000,0]"));
  EXPECT_EQ(offloaded["max_rate"], json::parse("[625000,1250000]"));

  // An explicit dcb is left out, as tc leaves it out.
  mqprio.mode = tc::MqprioMode::dcb;
  EXPECT_FALSE(qdisc_options(mqprio, "mqprio").contains("mode"));
  // A class without queues: tc prints its offset less one, unsigned.
  EXPECT_EQ(qdisc_options(tc::Mqprio{.num_tc = 1, .prio_tc_map = {}, .count = {}}, "mqprio")["queues"],
            json::parse("[[0,4294967295]]"));
}

TEST(FormatTcClassful, the_text_tables_say_hfsc_in_tc_s_words) {
  EXPECT_EQ(detail::tc_options_text(rtnl::QdiscOptions{tc::Hfsc{.default_class = 0x20}}), "default 20");
  EXPECT_EQ(detail::tc_options_text(
                rtnl::ClassOptions{tc::HfscClass{.rsc = tc::ServiceCurve{.m1 = 2 * mbit, .d = 10000, .m2 = mbit},
                                                 .fsc = tc::ServiceCurve{.m2 = 3 * mbit},
                                                 .usc = tc::ServiceCurve{.d = 47000, .m2 = 4 * mbit}}}),
            "rt m1 2Mbit d 10ms m2 1Mbit ls m1 0bit d 0us m2 3Mbit ul m1 0bit d 47ms m2 4Mbit");
}

}  // namespace
}  // namespace nlpp::format
