// Qdiscs and classes against the kernel, each test in a fresh namespace
// with a veth pair: the host's kinds (htb and its classes, tbf, the fifos,
// pfifo_fast, ingress, clsact) made through nlpp and read back through
// nlpp and `tc -j -s -d`; made by tc and read through nlpp, whose JSON is
// compared with tc's whole; changes, deletions, events and the kernel's
// errors.
#include <nlpp/format/json.hpp>
#include <nlpp/rtnl/events.hpp>
#include <nlpp/rtnl/qdisc.hpp>
#include <nlpp/rtnl/tc_class.hpp>

#include "kernel/route_fixture.hpp"
#include "support/event_wait.hpp"
#include "support/iproute2.hpp"
#include "support/scoped_netns.hpp"
#include "support/udp_sender.hpp"

#include <gtest/gtest.h>

#include <cerrno>

namespace nlpp::rtnl {
namespace {

using test::kernel_error;

class TrafficControl : public test::QuietRoutingTest {
 protected:
  template <RtnlObject T>
  void add(const T& object) {
    Result<io::Ack> added = ip_route().add(object);
    ASSERT_TRUE(added) << added.error().describe();
  }

  std::vector<Qdisc> qdiscs(LinkRef link) { return ip_route().dump<Qdisc>({.ifindex = link}).value(); }

  Qdisc qdisc_at(LinkRef link, TcHandle parent) {
    for (Qdisc& qdisc : qdiscs(link))
      if (qdisc.parent == parent) return qdisc;
    ADD_FAILURE() << "no qdisc at " << parent.to_string();
    return {};
  }

  // `tc -j -s -d qdisc show [dev DEV]`, and nlpp's JSON of the same listing.
  nlohmann::json tc_qdiscs(std::string_view dev = "") {
    return test::tc_json(ns_name(), dev.empty() ? "-s -d qdisc show" : "-s -d qdisc show dev " + std::string(dev));
  }
  nlohmann::json nlpp_qdiscs(std::string_view dev = "") {
    const std::vector<Qdisc> listed = dev.empty() ? ip_route().dump<Qdisc>().value() : qdiscs(std::string(dev));
    const format::LinkNames names(ip_route().dump<Link>().value());
    return nlohmann::json::parse(
        format::qdiscs_json(listed, names, {.one_device = !dev.empty(), .details = true, .stats = true}));
  }
};

const TcHandle root = TcHandle::root();

TEST_F(TrafficControl, htb_tree_made_through_nlpp_reads_back_through_nlpp_and_tc) {
  add(Qdisc{.ifindex = "veth0",
            .handle = TcHandle(1, 0),
            .options = tc::Htb{.r2q = 5, .default_class = 0x10, .direct_qlen = 100}});
  add(TcClass{
      .ifindex = "veth0",
      .handle = TcHandle(1, 0x10),
      .parent = TcHandle(1, 0),
      .options = tc::HtbClass{
          .rate = {.bytes_per_second = 125000}, .ceil = {.bytes_per_second = 250000}, .burst = 15360, .prio = 2}});
  add(Qdisc{.ifindex = "veth0",
            .handle = TcHandle(0x10, 0),
            .parent = TcHandle(1, 0x10),
            .options = tc::Tbf{.rate = {.bytes_per_second = 125000}, .burst = 10240, .limit = 20000}});

  const Qdisc htb = qdisc_at("veth0", root);
  EXPECT_EQ(htb.kind, "htb");
  EXPECT_EQ(htb.handle, TcHandle(1, 0));
  ASSERT_TRUE(std::holds_alternative<tc::Htb>(htb.options));
  const auto& htb_options = std::get<tc::Htb>(htb.options);
  EXPECT_EQ(htb_options.r2q, 5u);
  EXPECT_EQ(htb_options.default_class, 0x10u);
  EXPECT_EQ(htb_options.direct_qlen, 100u);
  EXPECT_EQ(htb_options.version, 0x30011u);  // "3.17"
  EXPECT_TRUE(htb.stats.has_value());

  const Qdisc tbf = qdisc_at("veth0", TcHandle(1, 0x10));
  ASSERT_TRUE(std::holds_alternative<tc::Tbf>(tbf.options));
  const auto& tbf_options = std::get<tc::Tbf>(tbf.options);
  EXPECT_EQ(tbf_options.rate.bytes_per_second, 125000u);
  EXPECT_EQ(tbf_options.burst, 10240u);
  EXPECT_EQ(tbf_options.limit, 20000u);

  // The htb class, and the tbf's one class (10:1).
  const std::vector<TcClass> classes =
      ip_route().dump<TcClass>({.ifindex = "veth0", .handle = TcHandle(1, 0x10)}).value();
  ASSERT_EQ(classes.size(), 1u);
  const TcClass& web = classes.front();
  EXPECT_EQ(web.kind, "htb");
  EXPECT_EQ(web.handle, TcHandle(1, 0x10));
  EXPECT_EQ(web.parent, root);  // a class right under its qdisc hangs at root
  EXPECT_EQ(web.leaf, TcHandle(0x10, 0));
  ASSERT_TRUE(std::holds_alternative<tc::HtbClass>(web.options));
  const auto& web_options = std::get<tc::HtbClass>(web.options);
  EXPECT_EQ(web_options.rate.bytes_per_second, 125000u);
  EXPECT_EQ(web_options.ceil.bytes_per_second, 250000u);
  EXPECT_EQ(web_options.burst, 15360u);
  EXPECT_EQ(web_options.cburst, 1600u);  // tc's default: ceil / HZ + 1600
  EXPECT_EQ(web_options.prio, 2u);
  EXPECT_EQ(web_options.quantum, 25000u);  // rate / r2q

  // tc reads what nlpp made (tc 6.1 prints classes as text only).
  const nlohmann::json shown = tc_qdiscs("veth0");
  ASSERT_EQ(shown.size(), 2u);
  EXPECT_EQ(shown[0]["kind"], "htb");
  EXPECT_EQ(shown[0]["options"]["r2q"], 5);
  EXPECT_EQ(shown[0]["options"]["default"], "0x10");
  EXPECT_EQ(shown[0]["options"]["direct_qlen"], 100);
  EXPECT_EQ(shown[1]["kind"], "tbf");
  EXPECT_EQ(shown[1]["parent"], "1:10");
  EXPECT_EQ(shown[1]["options"]["rate"], 125000);
  EXPECT_EQ(shown[1]["options"]["burst"], "10Kb/1");
  const std::string class_text = test::tc_run(ns_name(), "-d class show dev veth0");
  EXPECT_NE(class_text.find("class htb 1:10 root leaf 10: prio 2 quantum 25000 rate 1Mbit ceil 2Mbit"),
            std::string::npos)
      << class_text;
  EXPECT_NE(class_text.find("burst 15Kb/1"), std::string::npos) << class_text;
  EXPECT_NE(class_text.find("cburst 1600b/1"), std::string::npos) << class_text;

  // And nlpp's JSON is tc's.
  EXPECT_EQ(nlpp_qdiscs("veth0"), shown);
}

TEST_F(TrafficControl, every_host_kind_made_by_tc_reads_through_nlpp_as_tc_prints_it) {
  for (const char* command : {
           "qdisc add dev veth0 root handle 1: htb default 20 r2q 7",
           "class add dev veth0 parent 1: classid 1:1 htb rate 10mbit ceil 20mbit",
           "class add dev veth0 parent 1:1 classid 1:20 htb rate 2mbit ceil 10mbit burst 20k cburst 30k prio 3",
           "qdisc add dev veth0 parent 1:20 handle 20: pfifo limit 50",
           "qdisc add dev veth1 root handle 2: tbf rate 3mbit burst 12k latency 40ms peakrate 4mbit mtu 1600",
           "qdisc add dev lo root handle 3: bfifo limit 30000",
           "qdisc add dev veth0 clsact",
           "qdisc add dev veth1 ingress",
       })
    test::tc_run(ns_name(), command);

  EXPECT_EQ(nlpp_qdiscs(), tc_qdiscs());
  EXPECT_EQ(nlpp_qdiscs("veth1"), tc_qdiscs("veth1"));

  const Qdisc pfifo = qdisc_at("veth0", TcHandle(1, 0x20));
  EXPECT_EQ(pfifo.kind, "pfifo");
  EXPECT_EQ(std::get<tc::Fifo>(pfifo.options).limit, 50u);
  const Qdisc clsact = qdisc_at("veth0", TcHandle::ingress());
  EXPECT_EQ(clsact.kind, "clsact");
  EXPECT_EQ(clsact.handle, TcHandle(0xffff, 0));
  const Qdisc tbf = qdisc_at("veth1", root);
  const auto& tbf_options = std::get<tc::Tbf>(tbf.options);
  EXPECT_EQ(tbf_options.rate.bytes_per_second, 375000u);
  EXPECT_EQ(tbf_options.peakrate.bytes_per_second, 500000u);
  EXPECT_EQ(tbf_options.burst, 12287u);  // the kernel's ticks for 12 KiB: tc prints "12Kb" for it too
  EXPECT_EQ(tbf_options.minburst, 1600u);

  const std::vector<TcClass> classes =
      ip_route().dump<TcClass>({.ifindex = "veth0", .handle = TcHandle(1, 0x20)}).value();
  ASSERT_EQ(classes.size(), 1u);
  const TcClass& inner = classes[0];
  EXPECT_EQ(inner.parent, TcHandle(1, 1));
  EXPECT_EQ(inner.leaf, TcHandle(0x20, 0));
  const auto& options = std::get<tc::HtbClass>(inner.options);
  EXPECT_EQ(options.rate.bytes_per_second, 250000u);
  EXPECT_EQ(options.ceil.bytes_per_second, 1250000u);
  EXPECT_EQ(options.burst, 20480u);
  EXPECT_EQ(options.cburst, 30720u);
  EXPECT_EQ(options.prio, 3u);
}

TEST_F(TrafficControl, the_default_qdiscs_read_as_tc_prints_them) {
  // A veth's default root is noqueue; pfifo_fast is what a link gets once
  // its root qdisc is deleted after one was added with a txqueuelen.
  test::ip_run(ns_name(), "link set veth0 txqueuelen 1000");
  test::tc_run(ns_name(), "qdisc add dev veth0 root pfifo_fast");
  const Qdisc fast = qdisc_at("veth0", root);
  EXPECT_EQ(fast.kind, "pfifo_fast");
  EXPECT_EQ(std::get<tc::Prio>(fast.options).bands, 3u);
  EXPECT_EQ(nlpp_qdiscs(), tc_qdiscs());
}

TEST_F(TrafficControl, changed_replaced_and_deleted_through_nlpp) {
  Qdisc tbf{.ifindex = "veth0",
            .handle = TcHandle(1, 0),
            .options = tc::Tbf{.rate = {.bytes_per_second = 125000}, .burst = 10240, .limit = 20000}};
  add(tbf);
  std::get<tc::Tbf>(tbf.options).rate.bytes_per_second = 250000;
  Result<io::Ack> changed = ip_route().set(tbf);  // tc qdisc change
  ASSERT_TRUE(changed) << changed.error().describe();
  EXPECT_EQ(std::get<tc::Tbf>(qdisc_at("veth0", root).options).rate.bytes_per_second, 250000u);

  ASSERT_TRUE(ip_route().replace(Qdisc{.ifindex = "veth0", .kind = "pfifo", .options = tc::Fifo{.limit = 7}}));
  const Qdisc pfifo = qdisc_at("veth0", root);
  EXPECT_EQ(pfifo.kind, "pfifo");
  EXPECT_EQ(std::get<tc::Fifo>(pfifo.options).limit, 7u);
  EXPECT_EQ(test::tc_json(ns_name(), "qdisc show dev veth0")[0]["options"]["limit"], 7);

  ASSERT_TRUE(ip_route().del(Qdisc{.ifindex = "veth0"}));
  EXPECT_EQ(qdisc_at("veth0", root).kind, "noqueue");
  add(Qdisc{.ifindex = "veth0", .kind = "clsact"});
  EXPECT_EQ(test::tc_json(ns_name(), "qdisc show dev veth0 clsact")[0]["kind"], "clsact");
  ASSERT_TRUE(ip_route().del(Qdisc{.ifindex = "veth0", .kind = "clsact"}));
  EXPECT_TRUE(test::tc_json(ns_name(), "qdisc show dev veth0 clsact").empty());
}

TEST_F(TrafficControl, get_reads_one_qdisc_by_its_place_and_one_class_by_its_id) {
  add(Qdisc{.ifindex = "veth0", .handle = TcHandle(1, 0), .options = tc::Htb{.default_class = 0x10}});
  add(TcClass{.ifindex = "veth0", .handle = TcHandle(1, 0x10), .parent = TcHandle(1, 0),
              .options = tc::HtbClass{.rate = {.bytes_per_second = 125000}}});

  Result<Qdisc> qdisc = ip_route().get(Qdisc{.ifindex = "veth0"});
  ASSERT_TRUE(qdisc) << qdisc.error().describe();
  EXPECT_EQ(qdisc->kind, "htb");
  EXPECT_EQ(qdisc->handle, TcHandle(1, 0));
  EXPECT_EQ(std::get<tc::Htb>(qdisc->options).default_class, 0x10u);

  Result<TcClass> tc_class = ip_route().get(TcClass{.ifindex = "veth0", .handle = TcHandle(1, 0x10)});
  ASSERT_TRUE(tc_class) << tc_class.error().describe();
  EXPECT_EQ(std::get<tc::HtbClass>(tc_class->options).rate.bytes_per_second, 125000u);

  Result<TcClass> missing = ip_route().get(TcClass{.ifindex = "veth0", .handle = TcHandle(1, 0x99)});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), kernel_error(ENOENT)) << missing.error().describe();
}

TEST_F(TrafficControl, the_kernels_refusals_and_bad_input_are_errors) {
  const Qdisc htb{.ifindex = "veth0", .handle = TcHandle(1, 0), .options = tc::Htb{}};
  add(htb);
  Result<io::Ack> again = ip_route().add(htb);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), kernel_error(EEXIST));

  Result<io::Ack> orphan = ip_route().add(TcClass{.ifindex = "veth0",
                                                  .handle = TcHandle(5, 1),
                                                  .parent = TcHandle(5, 0),
                                                  .options = tc::HtbClass{.rate = {.bytes_per_second = 1000}}});
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code(), kernel_error(ENOENT)) << orphan.error().describe();

  // Checked before anything is sent.
  Result<io::Ack> no_burst =
      ip_route().add(Qdisc{.ifindex = "veth1", .options = tc::Tbf{.rate = {.bytes_per_second = 1000}, .limit = 1000}});
  ASSERT_FALSE(no_burst);
  EXPECT_EQ(no_burst.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_NE(no_burst.error().describe().find("tbf burst"), std::string::npos) << no_burst.error().describe();
  Result<io::Ack> no_kind = ip_route().add(Qdisc{.ifindex = "veth1", .options = tc::Fifo{.limit = 5}});
  ASSERT_FALSE(no_kind);
  EXPECT_NE(no_kind.error().describe().find("qdisc kind"), std::string::npos);
  Result<io::Ack> wrong_kind = ip_route().add(Qdisc{.ifindex = "veth1", .kind = "tbf", .options = tc::Fifo{}});
  ASSERT_FALSE(wrong_kind);
  EXPECT_NE(wrong_kind.error().describe().find("pfifo/bfifo/pfifo_head_drop"), std::string::npos)
      << wrong_kind.error().describe();
  EXPECT_EQ(qdisc_at("veth1", root).kind, "noqueue");
}

TEST_F(TrafficControl, class_statistics_count_the_packets_the_tree_sent) {
  // veth1 in a namespace of its own, so that packets to it leave through veth0.
  Result<test::ScopedNetns> peer = test::ScopedNetns::create();
  ASSERT_TRUE(peer) << peer.error().describe();
  test::ip_run(ns_name(), "link set veth1 netns " + peer->name());
  test::ip_run(ns_name(), "addr add 10.9.0.1/24 dev veth0");
  test::ip_run(peer->name(), "addr add 10.9.0.2/24 dev veth1");
  test::ip_run(peer->name(), "link set veth1 up");
  // Nothing else leaves veth0: no ARP (a permanent neighbour), no IPv6 (SetUp).
  test::ip_run(ns_name(), "neigh replace 10.9.0.2 lladdr 02:00:00:00:00:02 dev veth0");
  add(Qdisc{.ifindex = "veth0", .handle = TcHandle(1, 0), .options = tc::Htb{.default_class = 0x10}});
  add(TcClass{.ifindex = "veth0",
              .handle = TcHandle(1, 0x10),
              .parent = TcHandle(1, 0),
              .options = tc::HtbClass{.rate = {.bytes_per_second = 12500000}, .burst = 102400}});

  constexpr int sent = 20;
  test::send_udp(ns_ref(), "10.9.0.2", sent);

  // 20 datagrams of 142 bytes on the wire, well within the class's bucket.
  const std::vector<TcClass> classes =
      ip_route().dump<TcClass>({.ifindex = "veth0", .handle = TcHandle(1, 0x10)}).value();
  ASSERT_EQ(classes.size(), 1u);
  ASSERT_TRUE(classes[0].stats);
  EXPECT_EQ(classes[0].stats->packets, uint64_t{sent});
  EXPECT_EQ(classes[0].stats->bytes, uint64_t{sent} * 142);
  EXPECT_EQ(classes[0].stats->drops, 0u);
  const nlohmann::json shown = test::tc_json(ns_name(), "-s qdisc show dev veth0");
  EXPECT_EQ(shown[0]["packets"], sent);
  EXPECT_EQ(qdisc_at("veth0", root).stats->packets, uint64_t{sent});
}

// prio is a module the build machines' kernel does not have: the guest tier runs this.
TEST_F(TrafficControl, a_prio_qdisc_made_through_nlpp_and_by_tc_reads_the_same) {
  Result<io::Ack> added = ip_route().add(Qdisc{.ifindex = "veth0", .handle = TcHandle(1, 0), .kind = "prio",
                                               .options = tc::Prio{.bands = 4, .priomap = {3, 2, 1, 0, 3, 2, 1, 0, 3, 2,
                                                                                           1, 0, 3, 2, 1, 0}}});
  if (!added && added.error().code() == kernel_error(ENOENT)) GTEST_SKIP() << "no prio qdisc in this kernel";
  ASSERT_TRUE(added) << added.error().describe();
  test::tc_run(ns_name(), "qdisc add dev veth1 root handle 1: prio bands 4 priomap 3 2 1 0 3 2 1 0 3 2 1 0 3 2 1 0");

  const Qdisc made = qdisc_at("veth0", root);
  const auto& prio = std::get<tc::Prio>(made.options);
  EXPECT_EQ(prio.bands, 4u);
  EXPECT_EQ(prio.priomap[1], 2);
  const nlohmann::json made_by_nlpp = tc_qdiscs("veth0");
  const nlohmann::json made_by_tc = tc_qdiscs("veth1");
  EXPECT_EQ(made_by_nlpp[0]["options"]["bands"], 4);
  EXPECT_EQ(made_by_nlpp[0]["options"], made_by_tc[0]["options"]);
  EXPECT_EQ(nlpp_qdiscs("veth1"), made_by_tc);
  // Its bands are classes 1:1 to 1:4.
  EXPECT_EQ(ip_route().dump<TcClass>({.ifindex = "veth0"}).value().size(), 4u);
}

TEST_F(TrafficControl, qdisc_and_class_changes_arrive_as_events) {
  Result<EventStream> opened = EventStream::open({EventGroup::tc}, {.netns = ns_ref()});
  ASSERT_TRUE(opened) << opened.error().describe();
  EventStream stream = std::move(opened).value();
  test::tc_run(ns_name(), "qdisc add dev veth0 root handle 1: htb");
  test::tc_run(ns_name(), "class add dev veth0 parent 1: classid 1:5 htb rate 1mbit");
  test::tc_run(ns_name(), "qdisc del dev veth0 root");

  const std::vector<std::string> seen =
      test::described_events(stream, 3, [](const Event& event) -> std::optional<std::string> {
        if (const auto* added = std::get_if<NewQdisc>(&event); added && added->object.kind == "htb")
          return "new qdisc " + added->object.handle.to_string();
        if (const auto* added = std::get_if<NewTcClass>(&event)) return "new class " + added->object.handle.to_string();
        if (const auto* deleted = std::get_if<DelQdisc>(&event); deleted && deleted->object.kind == "htb")
          return "del qdisc " + deleted->object.handle.to_string();
        return std::nullopt;
      });
  EXPECT_EQ(seen, (std::vector<std::string>{"new qdisc 1:", "new class 1:5", "del qdisc 1:"}));
}

}  // namespace
}  // namespace nlpp::rtnl
