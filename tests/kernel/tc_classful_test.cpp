// The classful qdiscs hfsc, drr, ets and mqprio against the kernel, each
// test in a fresh namespace: a tree made through nlpp's typed options (a
// qdisc, its classes, a leaf qdisc under a class), read back through nlpp
// and through tc; class statistics with hfsc's own; the kernel's
// refusals. The build machines' kernel has none of these modules: each
// test skips there (the kind is unknown) and runs in the guest
// (tests/vm/must_run.txt).
#include <nlpp/format/json.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/qdisc.hpp>
#include <nlpp/rtnl/tc_class.hpp>

#include "kernel/route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/udp_sender.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using test::kernel_error;

constexpr uint32_t mbit = 125000;  // bytes per second
const TcHandle root = TcHandle::root();

class ClassfulQdiscs : public test::QuietRoutingTest {
 protected:
  // Whether adding the tree's root failed because the kernel has no such
  // kind (ENOENT: the build machines' kernel), for the test to skip.
  static bool kind_missing(const Result<io::Ack>& added) {
    return !added && added.error().code() == kernel_error(ENOENT);
  }

  template <RtnlObject T>
  void add(const T& object) {
    const Result<io::Ack> added = ip_route().add(object);
    ASSERT_TRUE(added) << added.error().describe();
  }

  Qdisc qdisc_at(LinkRef link, TcHandle parent) {
    for (Qdisc& qdisc : ip_route().dump<Qdisc>({.ifindex = link}).value())
      if (qdisc.parent == parent) return qdisc;
    ADD_FAILURE() << "no qdisc at " << parent.to_string();
    return {};
  }

  std::vector<TcClass> classes(LinkRef link) { return ip_route().dump<TcClass>({.ifindex = link}).value(); }

  TcClass class_of(LinkRef link, TcHandle handle) {
    const std::vector<TcClass> found = ip_route().dump<TcClass>({.ifindex = link, .handle = handle}).value();
    if (found.size() != 1) {
      ADD_FAILURE() << found.size() << " classes " << handle.to_string();
      return {};
    }
    return found.front();
  }

  // nlpp's JSON of a link's classes, with statistics.
  nlohmann::json nlpp_classes(const std::string& link) {
    const format::LinkNames names(ip_route().dump<Link>().value());
    return nlohmann::json::parse(
        format::classes_json(classes(link), names, {.one_device = true, .details = true, .stats = true}));
  }
};

TEST_F(ClassfulQdiscs, an_hfsc_tree_made_through_nlpp_reads_back_through_nlpp_and_tc) {
  const Result<io::Ack> added =
      ip_route().add(Qdisc{.ifindex = "veth0", .handle = TcHandle(1, 0), .options = tc::Hfsc{.default_class = 0x20}});
  if (kind_missing(added)) GTEST_SKIP() << "no hfsc qdisc in this kernel";
  ASSERT_TRUE(added) << added.error().describe();
  const tc::ServiceCurve ten_mbit{.m2 = 10 * mbit};
  const tc::HfscClass parent_curves{.rsc = ten_mbit, .fsc = ten_mbit, .usc = tc::ServiceCurve{.m2 = 20 * mbit}};
  const tc::HfscClass web_curves{.rsc = tc::ServiceCurve{.m1 = 2 * mbit, .d = 10000, .m2 = mbit},
                                 .fsc = tc::ServiceCurve{.m2 = 3 * mbit}};
  const tc::HfscClass bulk_curves{.fsc = tc::ServiceCurve{.m1 = 300000, .d = 5000, .m2 = 2 * mbit},
                                  .usc = tc::ServiceCurve{.d = 47000, .m2 = 4 * mbit}};
  add(TcClass{.ifindex = "veth0", .handle = TcHandle(1, 1), .parent = TcHandle(1, 0), .options = parent_curves});
  add(TcClass{.ifindex = "veth0", .handle = TcHandle(1, 0x10), .parent = TcHandle(1, 1), .options = web_curves});
  add(TcClass{.ifindex = "veth0", .handle = TcHandle(1, 0x20), .parent = TcHandle(1, 1), .options = bulk_curves});
  add(Qdisc{.ifindex = "veth0",
            .handle = TcHandle(0x10, 0),
            .parent = TcHandle(1, 0x10),
            .kind = "pfifo",
            .options = tc::Fifo{.limit = 100}});

  const Qdisc hfsc = qdisc_at("veth0", root);
  EXPECT_EQ(hfsc.kind, "hfsc");
  EXPECT_EQ(hfsc.options, QdiscOptions{tc::Hfsc{.default_class = 0x20}});

  // The curves come back as sent; the qdisc's root class (1:) has none.
  EXPECT_EQ(classes("veth0").size(), 4u);
  EXPECT_EQ(class_of("veth0", TcHandle(1, 0)).options, ClassOptions{tc::HfscClass{}});
  const TcClass web = class_of("veth0", TcHandle(1, 0x10));
  EXPECT_EQ(web.kind, "hfsc");
  EXPECT_EQ(web.parent, TcHandle(1, 1));
  EXPECT_EQ(web.leaf, TcHandle(0x10, 0));
  EXPECT_EQ(web.options, ClassOptions{web_curves});
  EXPECT_EQ(class_of("veth0", TcHandle(1, 1)).options, ClassOptions{parent_curves});
  EXPECT_EQ(class_of("veth0", TcHandle(1, 0x20)).options, ClassOptions{bulk_curves});

  // tc reads the same (as text: tc 6.1 prints hfsc only as text).
  const std::string tc_classes = test::tc_run(ns_name(), "-d class show dev veth0");
  EXPECT_NE(
      tc_classes.find("class hfsc 1:10 parent 1:1 leaf 10: rt m1 2Mbit d 10ms m2 1Mbit ls m1 0bit d 0us m2 3Mbit"),
      std::string::npos)
      << tc_classes;
  EXPECT_NE(tc_classes.find("sc m1 0bit d 0us m2 10Mbit ul m1 0bit d 0us m2 20Mbit"), std::string::npos) << tc_classes;
  EXPECT_NE(tc_classes.find("ls m1 2400Kbit d 5ms m2 2Mbit ul m1 0bit d 47ms m2 4Mbit"), std::string::npos)
      << tc_classes;
  const std::string tc_qdiscs = test::tc_run(ns_name(), "qdisc show dev veth0");
  EXPECT_NE(tc_qdiscs.find("qdisc hfsc 1: root"), std::string::npos) << tc_qdiscs;
  EXPECT_NE(tc_qdiscs.find(" default 20"), std::string::npos) << tc_qdiscs;

  // A change sends what it names.
  const tc::HfscClass slower{.fsc = tc::ServiceCurve{.m2 = 2 * mbit}};
  ASSERT_TRUE(ip_route().set(
      TcClass{.ifindex = "veth0", .handle = TcHandle(1, 0x10), .parent = TcHandle(1, 1), .options = slower}));
  const auto changed = std::get<tc::HfscClass>(class_of("veth0", TcHandle(1, 0x10)).options);
  EXPECT_EQ(changed.rsc, web_curves.rsc);
  EXPECT_EQ(changed.fsc, slower.fsc);
}

TEST_F(ClassfulQdiscs, hfsc_class_statistics_count_the_work_each_class_served) {
  const Result<io::Ack> added =
      ip_route().add(Qdisc{.ifindex = "veth0", .handle = TcHandle(1, 0), .options = tc::Hfsc{.default_class = 0x10}});
  if (kind_missing(added)) GTEST_SKIP() << "no hfsc qdisc in this kernel";
  ASSERT_TRUE(added) << added.error().describe();
  // A link-share class that never waits: what is sent is served at once.
  add(TcClass{.ifindex = "veth0",
              .handle = TcHandle(1, 0x10),
              .parent = TcHandle(1, 0),
              .options = tc::HfscClass{.fsc = tc::ServiceCurve{.m2 = 100 * mbit}}});
  // Out through veth0 to a neighbour that needs no ARP.
  ip_commands({"addr add 10.9.0.1/24 dev veth0", "neigh replace 10.9.0.2 lladdr 02:00:00:00:00:02 dev veth0"});

  constexpr int sent = 20;
  test::send_udp(ns_ref(), "10.9.0.2", sent);

  // 20 datagrams of 142 bytes on the wire.
  const TcClass served = class_of("veth0", TcHandle(1, 0x10));
  ASSERT_TRUE(served.stats);
  EXPECT_EQ(served.stats->packets, uint64_t{sent});
  EXPECT_EQ(served.stats->bytes, uint64_t{sent} * 142);
  for (const nlohmann::json& tc_class : nlpp_classes("veth0")) {
    if (tc_class["handle"] != "1:10") continue;
    EXPECT_EQ(tc_class["stats"]["work"], sent * 142) << tc_class.dump();
    EXPECT_EQ(tc_class["stats"]["level"], 0) << tc_class.dump();
    EXPECT_FALSE(tc_class["stats"].contains("rtwork")) << "no real-time curve: " << tc_class.dump();
  }
  EXPECT_NE(test::tc_run(ns_name(), "-s class show dev veth0").find("work 2840 bytes level 0"), std::string::npos);
}

TEST_F(ClassfulQdiscs, a_drr_tree_made_through_nlpp_reads_back_through_nlpp_and_tc) {
  const Result<io::Ack> added = ip_route().add(Qdisc{.ifindex = "veth0", .handle = TcHandle(1, 0), .kind = "drr"});
  if (kind_missing(added)) GTEST_SKIP() << "no drr qdisc in this kernel";
  ASSERT_TRUE(added) << added.error().describe();
  add(TcClass{.ifindex = "veth0",
              .handle = TcHandle(1, 1),
              .parent = TcHandle(1, 0),
              .options = tc::DrrClass{.quantum = 3000}});
  add(TcClass{.ifindex = "veth0", .handle = TcHandle(1, 2), .parent = TcHandle(1, 0), .options = tc::DrrClass{}});
  add(Qdisc{.ifindex = "veth0",
            .handle = TcHandle(0x10, 0),
            .parent = TcHandle(1, 1),
            .kind = "pfifo",
            .options = tc::Fifo{.limit = 50}});

  const Qdisc drr = qdisc_at("veth0", root);
  EXPECT_EQ(drr.kind, "drr");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(drr.options));
  const TcClass first = class_of("veth0", TcHandle(1, 1));
  EXPECT_EQ(first.parent, root);  // drr's classes hang at its root
  EXPECT_EQ(first.leaf, TcHandle(0x10, 0));
  EXPECT_EQ(first.options, ClassOptions{tc::DrrClass{.quantum = 3000}});
  // Without a quantum, the link's mtu and ethernet header.
  EXPECT_EQ(class_of("veth0", TcHandle(1, 2)).options, ClassOptions{tc::DrrClass{.quantum = 1514}});

  const std::string tc_classes = test::tc_run(ns_name(), "-d class show dev veth0");
  EXPECT_NE(tc_classes.find("class drr 1:1 root leaf 10: quantum 3000b"), std::string::npos) << tc_classes;
  EXPECT_NE(tc_classes.find("class drr 1:2 root quantum 1514b"), std::string::npos) << tc_classes;
  EXPECT_EQ(test::tc_json(ns_name(), "qdisc show dev veth0")[0]["kind"], "drr");
}

TEST_F(ClassfulQdiscs, an_ets_qdisc_made_through_nlpp_reads_back_with_its_bands_as_classes) {
  const Result<io::Ack> added = ip_route().add(
      Qdisc{.ifindex = "veth0",
            .handle = TcHandle(1, 0),
            .options = tc::Ets{.bands = 4, .strict = 1, .quanta = {3000, 2000}, .priomap = {0, 1, 2, 3, 3, 2, 1, 0}}});
  if (kind_missing(added)) GTEST_SKIP() << "no ets qdisc in this kernel";
  ASSERT_TRUE(added) << added.error().describe();
  ASSERT_TRUE(ip_route().set(TcClass{.ifindex = "veth0",
                                     .handle = TcHandle(1, 3),
                                     .parent = TcHandle(1, 0),
                                     .options = tc::EtsClass{.quantum = 2500}}));
  add(Qdisc{.ifindex = "veth0",
            .handle = TcHandle(0x20, 0),
            .parent = TcHandle(1, 2),
            .kind = "pfifo",
            .options = tc::Fifo{.limit = 100}});

  // The band left without a quantum gets the link's 1514; the priorities
  // left out go to the last band.
  const tc::Ets expected{.bands = 4,
                         .strict = 1,
                         .quanta = {3000, 2500, 1514},
                         .priomap = {0, 1, 2, 3, 3, 2, 1, 0, 3, 3, 3, 3, 3, 3, 3, 3}};
  EXPECT_EQ(qdisc_at("veth0", root).options, QdiscOptions{expected});
  const std::vector<TcClass> bands = classes("veth0");
  ASSERT_EQ(bands.size(), 4u);
  EXPECT_EQ(class_of("veth0", TcHandle(1, 1)).options, ClassOptions{tc::EtsClass{}});  // strict: no quantum
  const TcClass second = class_of("veth0", TcHandle(1, 2));
  EXPECT_EQ(second.options, ClassOptions{tc::EtsClass{.quantum = 3000}});
  EXPECT_EQ(second.leaf, TcHandle(0x20, 0));
  EXPECT_EQ(class_of("veth0", TcHandle(1, 3)).options, ClassOptions{tc::EtsClass{.quantum = 2500}});

  const nlohmann::json shown = test::tc_json(ns_name(), "-d qdisc show dev veth0");
  ASSERT_FALSE(shown.empty());
  EXPECT_EQ(shown[0]["kind"], "ets");
  EXPECT_EQ(shown[0]["options"]["strict"], 1);
  EXPECT_EQ(shown[0]["options"]["quanta"], nlohmann::json::parse("[3000,2500,1514]"));
  EXPECT_EQ(shown[0]["options"]["priomap"], nlohmann::json::parse("[0,1,2,3,3,2,1,0,3,3,3,3,3,3,3,3]"));
  EXPECT_NE(test::tc_run(ns_name(), "-d class show dev veth0").find("class ets 1:3 root quantum 2500"),
            std::string::npos);

  // A strict band has no quantum to change.
  const Result<io::Ack> strict = ip_route().set(TcClass{.ifindex = "veth0",
                                                        .handle = TcHandle(1, 1),
                                                        .parent = TcHandle(1, 0),
                                                        .options = tc::EtsClass{.quantum = 1000}});
  ASSERT_FALSE(strict);
  EXPECT_EQ(strict.error().code(), kernel_error(EINVAL));
}

TEST_F(ClassfulQdiscs, an_mqprio_qdisc_maps_classes_to_queues_whose_classes_the_kernel_makes) {
  // mqprio needs a link of several transmit queues; down, so that nothing moves.
  ip_commands({"link add mq0 numtxqueues 4 numrxqueues 4 type veth peer name mq1 numtxqueues 4 numrxqueues 4"});
  const tc::Mqprio two_classes{
      .num_tc = 2, .prio_tc_map = {0, 0, 0, 0, 1, 1, 1, 1}, .hw = 0, .count = {2, 2}, .offset = {0, 2}};
  const Result<io::Ack> added =
      ip_route().add(Qdisc{.ifindex = "mq0", .handle = TcHandle(1, 0), .options = two_classes});
  if (kind_missing(added)) GTEST_SKIP() << "no mqprio qdisc in this kernel";
  ASSERT_TRUE(added) << added.error().describe();
  add(Qdisc{.ifindex = "mq0",
            .handle = TcHandle(0x30, 0),
            .parent = TcHandle(1, 3),
            .kind = "pfifo",
            .options = tc::Fifo{.limit = 30}});

  const auto mqprio = std::get<tc::Mqprio>(qdisc_at("mq0", root).options);
  EXPECT_EQ(mqprio.num_tc, 2);
  EXPECT_EQ(mqprio.prio_tc_map, two_classes.prio_tc_map);
  EXPECT_EQ(mqprio.hw, 0);
  EXPECT_EQ(mqprio.count, two_classes.count);
  EXPECT_EQ(mqprio.offset, two_classes.offset);
  EXPECT_FALSE(mqprio.mode);
  EXPECT_TRUE(mqprio.min_rate.empty());

  // A class per traffic class (ffe0 on) at root, a class per queue under its traffic class.
  const std::vector<TcClass> made = classes("mq0");
  ASSERT_EQ(made.size(), 6u);
  for (const TcClass& tc_class : made) {
    EXPECT_EQ(tc_class.kind, "mqprio");
    EXPECT_TRUE(std::holds_alternative<std::monostate>(tc_class.options));
  }
  EXPECT_EQ(class_of("mq0", TcHandle(1, 0xffe1)).parent, root);
  EXPECT_EQ(class_of("mq0", TcHandle(1, 2)).parent, TcHandle(1, 0xffe0));
  const TcClass third_queue = class_of("mq0", TcHandle(1, 3));
  EXPECT_EQ(third_queue.parent, TcHandle(1, 0xffe1));
  EXPECT_EQ(third_queue.leaf, TcHandle(0x30, 0));

  // tc reads the same, and nlpp prints what tc prints.
  const nlohmann::json shown = test::tc_json(ns_name(), "-s -d qdisc show dev mq0");
  ASSERT_FALSE(shown.empty());
  EXPECT_EQ(shown[0]["options"]["tc"], 2);
  EXPECT_EQ(shown[0]["options"]["queues"], nlohmann::json::parse("[[0,1],[2,3]]"));
  const format::LinkNames names(ip_route().dump<Link>().value());
  EXPECT_EQ(nlohmann::json::parse(format::qdiscs_json(ip_route().dump<Qdisc>({.ifindex = "mq0"}).value(), names,
                                                      {.one_device = true, .details = true, .stats = true})),
            shown);

  // Hardware offload (tc's default) on a link without it: the kernel refuses.
  const Result<io::Ack> offload =
      ip_route().add(Qdisc{.ifindex = "mq1", .handle = TcHandle(1, 0), .options = tc::Mqprio{}});
  ASSERT_FALSE(offload);
  EXPECT_EQ(offload.error().code(), kernel_error(EINVAL));
}

TEST_F(ClassfulQdiscs, an_hfsc_class_without_a_curve_is_refused_before_it_is_sent) {
  const Result<io::Ack> added = ip_route().add(
      TcClass{.ifindex = "veth0", .handle = TcHandle(1, 1), .parent = TcHandle(1, 0), .options = tc::HfscClass{}});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), make_error_code(errc::invalid_argument)) << added.error().describe();
  const Result<io::Ack> too_many = ip_route().add(
      Qdisc{.ifindex = "veth0", .handle = TcHandle(1, 0), .options = tc::Ets{.bands = 2, .quanta = {1, 2, 3}}});
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().code(), make_error_code(errc::invalid_argument)) << too_many.error().describe();
}

}  // namespace
}  // namespace nlpp::rtnl
