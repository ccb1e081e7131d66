// netem, multiq and plug against the kernel through the library, each test
// in a fresh namespace with a veth pair: made from the typed options, read
// back through nlpp (each value) and through `tc -j -s -d` (tc's values,
// and nlpp's JSON equal to tc's), changed, and, for plug, whose kernel
// reports nothing, judged by what it does to traffic. The build machines'
// kernel has none of these kinds: the tests skip there and run in the
// guest (tests/vm/must_run.txt).
#include <nlpp/format/json.hpp>
#include <nlpp/rtnl/qdisc.hpp>

#include "kernel/route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/udp_sender.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace nlpp::rtnl {
namespace {

using namespace std::chrono_literals;
using tc::Probability;
using test::kernel_error;

Probability percent(double value) { return Probability::from_percent(value); }

class NetemQdiscs : public test::QuietRoutingTest {
 protected:
  // Adds qdisc; false when the kernel has no such kind (ENOENT: the build
  // machines' kernel), for the test to skip.
  bool added(const Qdisc& qdisc) {
    const Result<io::Ack> done = ip_route().add(qdisc);
    if (!done && done.error().code() == kernel_error(ENOENT)) return false;
    EXPECT_TRUE(done) << done.error().describe();
    return true;
  }

  void change(const Qdisc& qdisc) {
    const Result<io::Ack> changed = ip_route().set(qdisc);
    ASSERT_TRUE(changed) << changed.error().describe();
  }

  Qdisc root_of(LinkRef link) {
    for (Qdisc& qdisc : ip_route().dump<Qdisc>({.ifindex = link}).value())
      if (qdisc.parent == TcHandle::root()) return qdisc;
    ADD_FAILURE() << "no root qdisc";
    return {};
  }

  // The root netem of veth0, as nlpp reads it.
  tc::Netem netem_of_veth0() {
    const Qdisc qdisc = root_of("veth0");
    EXPECT_EQ(qdisc.kind, "netem");
    if (!std::holds_alternative<tc::Netem>(qdisc.options)) {
      ADD_FAILURE() << "not read as netem options";
      return {};
    }
    return std::get<tc::Netem>(qdisc.options);
  }

  // `tc -j -s -d qdisc show dev DEV`, and nlpp's JSON of the same listing.
  nlohmann::json tc_qdiscs(const std::string& dev) { return test::tc_json(ns_name(), "-s -d qdisc show dev " + dev); }
  nlohmann::json nlpp_qdiscs(const std::string& dev) {
    const std::vector<Qdisc> listed = ip_route().dump<Qdisc>({.ifindex = dev}).value();
    const format::LinkNames names(ip_route().dump<Link>().value());
    return nlohmann::json::parse(
        format::qdiscs_json(listed, names, {.one_device = true, .details = true, .stats = true}));
  }
};

// What a netem reads back as: what was sent, less the table the kernel
// never reports and the seed it reports when none was given.
tc::Netem as_reported(tc::Netem netem) {
  netem.delay_distribution.clear();
  if (netem.slot) netem.slot->distribution.clear();
  return netem;
}

TEST_F(NetemQdiscs, every_option_made_through_nlpp_reads_back_through_nlpp_and_tc) {
  const tc::Netem sent{
      .limit = 500,
      .latency = 100ms,
      .jitter = 10ms,
      .delay_correlation = percent(25),
      .delay_distribution = {-8192, -4096, 0, 4096, 8192},
      .loss = percent(1),
      .loss_correlation = percent(10),
      .ecn = true,
      .duplicate = percent(5),
      .duplicate_correlation = percent(20),
      .reorder = percent(25),
      .reorder_correlation = percent(50),
      .gap = 5,
      .corrupt = percent(0.1),
      .corrupt_correlation = percent(30),
      .rate = {.bytes_per_second = 125000, .packet_overhead = -4, .cell_size = 100, .cell_overhead = 5}};
  if (!added(Qdisc{.ifindex = "veth0", .handle = TcHandle(1, 0), .options = sent}))
    GTEST_SKIP() << "no netem qdisc in this kernel";

  tc::Netem read = netem_of_veth0();
  EXPECT_TRUE(read.delay_distribution.empty());  // the kernel keeps the table and never reports it
  EXPECT_TRUE(read.prng_seed.has_value());       // a random one (Linux 6.3 and later)
  read.prng_seed.reset();
  EXPECT_EQ(read, as_reported(sent));

  const nlohmann::json shown = tc_qdiscs("veth0");
  ASSERT_EQ(shown.size(), 1u);
  const nlohmann::json& options = shown[0]["options"];
  EXPECT_EQ(shown[0]["kind"], "netem");
  EXPECT_EQ(options["limit"], 500);
  EXPECT_DOUBLE_EQ(options["delay"]["delay"].get<double>(), 0.1);
  EXPECT_DOUBLE_EQ(options["delay"]["jitter"].get<double>(), 0.01);
  EXPECT_DOUBLE_EQ(options["delay"]["correlation"].get<double>(), 0.25);
  EXPECT_DOUBLE_EQ(options["loss-random"]["loss"].get<double>(), 0.01);
  EXPECT_DOUBLE_EQ(options["duplicate"]["correlation"].get<double>(), 0.2);
  EXPECT_DOUBLE_EQ(options["reorder"]["reorder"].get<double>(), 0.25);
  EXPECT_DOUBLE_EQ(options["corrupt"]["corrupt"].get<double>(), 0.001);
  EXPECT_EQ(options["rate"]["rate"], 125000);
  EXPECT_EQ(options["rate"]["packetoverhead"], -4);
  EXPECT_EQ(options["ecn"], true);
  EXPECT_EQ(options["gap"], 5);
  EXPECT_EQ(nlpp_qdiscs("veth0"), shown);
}

TEST_F(NetemQdiscs, times_rates_and_seeds_tc_cannot_say_read_back_exactly) {
  const tc::Netem sent{.latency = 1000001ns,  // not whole 64 ns ticks: carried in TCA_NETEM_LATENCY64
                       .jitter = 5000033ns,
                       .rate = {.bytes_per_second = uint64_t{5} << 30},  // above 32 bits: TCA_NETEM_RATE64
                       .prng_seed = 0x1234};
  if (!added(Qdisc{.ifindex = "veth0", .options = sent})) GTEST_SKIP() << "no netem qdisc in this kernel";
  EXPECT_EQ(netem_of_veth0(), sent);

  // tc reads the 32-bit ticks: 1000001 ns are 15625 ticks, 1000 us.
  const nlohmann::json shown = tc_qdiscs("veth0");
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_DOUBLE_EQ(shown[0]["options"]["delay"]["delay"].get<double>(), 0.001);
  EXPECT_EQ(shown[0]["options"]["rate"]["rate"], uint64_t{5} << 30);
  EXPECT_EQ(nlpp_qdiscs("veth0"), shown);
}

TEST_F(NetemQdiscs, loss_models_and_slots_read_back_and_a_change_replaces_the_model) {
  const tc::Netem state{
      .latency = 10ms,
      .loss_model =
          tc::NetemLossState{
              .p13 = percent(1), .p31 = percent(20), .p32 = percent(3), .p23 = percent(90), .p14 = percent(0.5)},
      .ecn = true,
      .slot = tc::NetemSlot{.min_delay = 1ms, .max_delay = 5ms, .max_packets = 10, .max_bytes = 65536}};
  if (!added(Qdisc{.ifindex = "veth0", .handle = TcHandle(1, 0), .options = state}))
    GTEST_SKIP() << "no netem qdisc in this kernel";
  tc::Netem read = netem_of_veth0();
  read.prng_seed.reset();
  EXPECT_EQ(read, state);
  nlohmann::json shown = tc_qdiscs("veth0");
  EXPECT_EQ(shown[0]["options"]["loss-state"]["p23"], 0.9);  // tc's "%g"
  EXPECT_DOUBLE_EQ(shown[0]["options"]["slot"]["max-delay"].get<double>(), 0.005);
  EXPECT_EQ(shown[0]["options"]["slot"]["bytes"], 65536);
  EXPECT_EQ(nlpp_qdiscs("veth0"), shown);

  // The Gilbert-Elliott model in its place, and a slot drawn from a table.
  const tc::Netem gemodel{
      .loss_model =
          tc::NetemLossGemodel{
              .p = percent(1), .r = percent(10), .one_minus_h = percent(70), .one_minus_k = percent(0.1)},
      .slot = tc::NetemSlot{
          .distribution_delay = 2ms, .distribution_jitter = 1ms, .max_packets = 5, .distribution = {-8192, 0, 8192}}};
  change(Qdisc{.ifindex = "veth0", .handle = TcHandle(1, 0), .options = gemodel});
  read = netem_of_veth0();
  read.prng_seed.reset();
  EXPECT_EQ(read.loss_model, gemodel.loss_model);
  EXPECT_EQ(read.slot, as_reported(gemodel).slot);
  // A change sends what is set, as tc does: the kernel keeps the ecn it had.
  EXPECT_TRUE(read.ecn);
  shown = tc_qdiscs("veth0");
  EXPECT_EQ(shown[0]["options"]["loss-gemodel"]["1-h"], 0.7);
  EXPECT_DOUBLE_EQ(shown[0]["options"]["slot"]["distribution"].get<double>(), 0.002);
  EXPECT_EQ(nlpp_qdiscs("veth0"), shown);
}

TEST_F(NetemQdiscs, a_table_too_long_is_refused_before_sending_and_an_unknown_loss_model_by_the_kernel) {
  // A table past the kernel's NETEM_DIST_MAX is refused before sending.
  const Result<io::Ack> too_long = ip_route().add(
      Qdisc{.ifindex = "veth0",
            .options = tc::Netem{.latency = 1ms, .jitter = 1ms, .delay_distribution = std::vector<int16_t>(16385)}});
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().code(), make_error_code(errc::invalid_argument));
  // A loss model the kernel does not know (sent raw) is refused by the kernel.
  if (!added(Qdisc{.ifindex = "veth0", .options = tc::Netem{}})) GTEST_SKIP() << "no netem qdisc in this kernel";
  tc::Netem unknown_model;
  unknown_model.unknown.push_back(
      RawAttribute{.type = TCA_NETEM_LOSS, .payload = {std::byte{8}, {}, std::byte{9}, {}, {}, {}, {}, {}}});
  const Result<io::Ack> refused = ip_route().set(Qdisc{.ifindex = "veth0", .options = unknown_model});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), kernel_error(EINVAL));
}

TEST_F(NetemQdiscs, multiq_reads_back_a_band_per_transmit_queue) {
  ip_commands({"link add mq0 numtxqueues 4 numrxqueues 4 type veth peer name mq1 numtxqueues 4 numrxqueues 4",
               "link set mq0 up", "link set mq1 up"});
  if (!added(Qdisc{.ifindex = "mq0", .handle = TcHandle(1, 0), .options = tc::Multiq{}}))
    GTEST_SKIP() << "no multiq qdisc in this kernel";
  const Qdisc multiq = root_of("mq0");
  EXPECT_EQ(multiq.kind, "multiq");
  EXPECT_EQ(multiq.options, QdiscOptions(tc::Multiq{.bands = 4, .max_bands = 4}));

  // tc 6.1 prints multiq's options as text, even with -j: its words, then nlpp's JSON.
  EXPECT_NE(test::tc_run(ns_name(), "-d qdisc show dev mq0").find("qdisc multiq 1: root"), std::string::npos);
  EXPECT_NE(test::tc_run(ns_name(), "-d qdisc show dev mq0").find("bands 4/4"), std::string::npos);
  nlohmann::json multiq_json;
  for (const nlohmann::json& qdisc : nlpp_qdiscs("mq0"))
    if (qdisc["kind"] == "multiq") multiq_json = qdisc;
  EXPECT_EQ(multiq_json["options"], nlohmann::json::parse(R"({"bands": 4, "max_bands": 4})"));

  // A link with one transmit queue has no bands to share out.
  const Result<io::Ack> single = ip_route().add(Qdisc{.ifindex = "lo", .options = tc::Multiq{}});
  ASSERT_FALSE(single);
  EXPECT_EQ(single.error().code(), kernel_error(EOPNOTSUPP));
}

TEST_F(NetemQdiscs, plug_buffers_up_to_its_limit_and_releases_on_command) {
  using Action = tc::Plug::Action;
  // 1042 bytes a datagram on the wire: two fit in 3000 bytes.
  if (!added(Qdisc{.ifindex = "veth0", .options = tc::Plug{.action = Action::limit, .limit = 3000}}))
    GTEST_SKIP() << "no plug qdisc in this kernel";
  ip_commands({"neigh replace 192.0.2.2 lladdr 02:00:00:00:00:02 dev veth0"});
  const auto stats = [&] {
    const Qdisc plug = root_of("veth0");
    EXPECT_EQ(plug.kind, "plug");
    EXPECT_TRUE(std::holds_alternative<std::monostate>(plug.options));  // the kernel reports none
    return plug.stats.value_or(TcStats{});
  };
  // Until the queue drains (the kernel sends from its softirq).
  const auto drained = [&] {
    for (int tries = 0; tries < 100 && stats().qlen != 0; ++tries) std::this_thread::sleep_for(10ms);
    return stats();
  };

  test::send_udp(ns_ref(), "192.0.2.2", 10, 1000);
  TcStats held = stats();
  EXPECT_EQ(held.qlen, 2u);
  EXPECT_EQ(held.backlog, 2084u);
  EXPECT_EQ(held.drops, 8u);
  EXPECT_EQ(held.packets, 0u);

  change(Qdisc{.ifindex = "veth0", .options = tc::Plug{.action = Action::release_indefinite}});
  held = drained();
  EXPECT_EQ(held.qlen, 0u);
  EXPECT_EQ(held.packets, 2u);

  // Buffering again: a buffer is let out once another one starts.
  change(Qdisc{.ifindex = "veth0", .options = tc::Plug{.action = Action::buffer}});
  test::send_udp(ns_ref(), "192.0.2.2", 1, 1000);
  EXPECT_EQ(stats().qlen, 1u);
  change(Qdisc{.ifindex = "veth0", .options = tc::Plug{.action = Action::buffer}});
  change(Qdisc{.ifindex = "veth0", .options = tc::Plug{.action = Action::release_one}});
  held = drained();
  EXPECT_EQ(held.qlen, 0u);
  EXPECT_EQ(held.packets, 3u);

  // tc prints no options for it.
  EXPECT_EQ(test::tc_json(ns_name(), "qdisc show dev veth0")[0]["options"], nlohmann::json::object());
}

}  // namespace
}  // namespace nlpp::rtnl
