// Qdiscs and classes on the wire without a kernel: tc's scheduler-clock
// arithmetic, each kind's options through a round trip, what a request
// carries for what it leaves out, and the checks before sending.
#include <nlpp/rtnl/qdisc.hpp>
#include <nlpp/rtnl/tc_class.hpp>

#include "rtnl/tc/psched.hpp"
#include "unit/golden.hpp"

#include <gtest/gtest.h>

namespace nlpp::rtnl {
namespace {

using test::reparsed;

TEST(TcClock, converts_sizes_and_ticks_as_tc_does) {
  // 10 KiB at 1 Mbit/s take 81920 us, 64 ns a tick.
  EXPECT_EQ(tc::transmit_ticks(125000, 10240), 1280000u);
  EXPECT_EQ(tc::transmit_bytes(125000, 1280000), 10240u);
  EXPECT_EQ(tc::ticks_to_microseconds(1280000), 81920u);
  // tc truncates the time to whole microseconds before scaling it.
  EXPECT_EQ(tc::transmit_ticks(3, 1), 5208328u);
  EXPECT_EQ(tc::transmit_ticks(0, 1000), 0u);
}

TEST(TcClock, builds_tc_s_rate_table) {
  const auto table = tc::rate_table({.bytes_per_second = 125000});
  EXPECT_EQ(table[0], tc::transmit_ticks(125000, 8));  // cells of 8 bytes (mtu 2047 or 1600)
  EXPECT_EQ(table[255], tc::transmit_ticks(125000, 2048));
  const auto atm = tc::rate_table({.bytes_per_second = 125000, .mpu = 64, .linklayer = tc::LinkLayer::atm});
  EXPECT_EQ(atm[0], tc::transmit_ticks(125000, 106));  // 64 bytes: two 53-byte cells
}

// Bucket sizes go through tc's whole microseconds: the sizes below are
// those that come back whole at their rates.
TEST(TcCodec, every_qdisc_kind_round_trips) {
  const std::vector<Qdisc> qdiscs{
      {.ifindex = 2,
       .handle = TcHandle(1, 0),
       .kind = "htb",
       .options = tc::Htb{.r2q = 5, .default_class = 0x10, .direct_qlen = 50, .offload = true}},
      {.ifindex = 2,
       .handle = TcHandle(2, 0),
       .parent = TcHandle(1, 0x10),
       .kind = "tbf",
       .options = tc::Tbf{.rate = {.bytes_per_second = 125000, .overhead = 4},
                          .burst = 10240,
                          .limit = 20000,
                          .peakrate = {.bytes_per_second = 250000, .overhead = 4},
                          .minburst = 1600}},
      {.ifindex = 2,
       .handle = TcHandle(3, 0),
       .kind = "tbf",
       .options = tc::Tbf{.rate = {.bytes_per_second = 10000000000}, .burst = 80000, .limit = 2000000}},
      {.ifindex = 3, .kind = "bfifo", .options = tc::Fifo{.limit = 30000}},
      {.ifindex = 3, .kind = "prio", .options = tc::Prio{.bands = 4}},
      {.ifindex = 3,
       .kind = "unmodelled",
       .options = tc::GenericOptions{{std::byte{1}, std::byte{2}, std::byte{3}, std::byte{4}}}},
      {.ifindex = 3, .handle = TcHandle(0xffff, 0), .parent = TcHandle::ingress(), .kind = "clsact"},
  };
  for (const Qdisc& qdisc : qdiscs) {
    const Qdisc back = reparsed(qdisc);
    std::string changed;
    for (const FieldChange& change : ObjectTraits<Qdisc>::diff(qdisc, back))
      changed += std::string(change.field) + " " + change.before + " -> " + change.after + "; ";
    EXPECT_EQ(back, qdisc) << qdisc.kind << ": " << changed;
  }
}

TEST(TcCodec, an_htb_class_round_trips_with_64_bit_rates) {
  const TcClass fast{.ifindex = 2,
                     .handle = TcHandle(1, 0x10),
                     .parent = TcHandle(1, 1),
                     .kind = "htb",
                     .options = tc::HtbClass{.rate = {.bytes_per_second = 5000000000},
                                             .ceil = {.bytes_per_second = 6000000000},
                                             .burst = 40000,
                                             .cburst = 48000,
                                             .quantum = 60000,
                                             .prio = 1}};
  EXPECT_EQ(reparsed(fast), fast);
}

TEST(TcCodec, a_request_fills_in_what_tc_fills_in) {
  const TcClass bare{.ifindex = 2,
                     .handle = TcHandle(1, 0x10),
                     .parent = TcHandle(1, 0),
                     .options = tc::HtbClass{.rate = {.bytes_per_second = 125000}}};
  const TcClass sent = reparsed(bare);
  EXPECT_EQ(sent.kind, "htb");
  const auto& options = std::get<tc::HtbClass>(sent.options);
  EXPECT_EQ(options.ceil, options.rate);
  EXPECT_EQ(options.burst, 1600u);
  EXPECT_EQ(options.cburst, 1600u);

  // clsact and ingress hang at the ingress hook with handle ffff:, as tc puts them.
  const Qdisc clsact = reparsed(Qdisc{.ifindex = 2, .kind = "clsact"});
  EXPECT_EQ(clsact.parent, TcHandle::ingress());
  EXPECT_EQ(clsact.handle, TcHandle(0xffff, 0));
  EXPECT_EQ(ObjectTraits<Qdisc>::key(Qdisc{.ifindex = 2, .kind = "ingress"}).parent, TcHandle::ingress());
}

TEST(TcCodec, a_deletion_names_the_qdisc_and_nothing_else) {
  const Qdisc deleted = reparsed(Qdisc{.ifindex = 2, .options = tc::Htb{}}, RTM_DELQDISC);
  EXPECT_EQ(deleted.kind, "htb");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(deleted.options));
}

std::string refusal(const Qdisc& qdisc) {
  const Result<void> valid = ObjectTraits<Qdisc>::validate(qdisc);
  return valid ? "" : valid.error().context();
}

TEST(TcValidate, names_what_is_missing_or_wrong) {
  EXPECT_EQ(refusal(Qdisc{.kind = "pfifo"}), "qdisc ifindex: required (the link)");
  EXPECT_EQ(refusal(Qdisc{.ifindex = 2}), "");  // a delete of whatever hangs at root
  EXPECT_EQ(refusal(Qdisc{.ifindex = 2, .options = tc::Fifo{}}),
            "qdisc kind: required with options (\"htb\", \"pfifo\"...)");
  EXPECT_EQ(refusal(Qdisc{.ifindex = 2, .options = tc::GenericOptions{}}),
            "qdisc kind: required with options (\"htb\", \"pfifo\"...)");
  EXPECT_EQ(refusal(Qdisc{.ifindex = 2, .kind = "htb", .options = tc::Tbf{}}), "qdisc kind 'htb': the data is for tbf");
  EXPECT_EQ(refusal(Qdisc{.ifindex = 2, .options = tc::Tbf{.rate = {.bytes_per_second = 1}, .limit = 1}}),
            "tbf burst: required");
  EXPECT_EQ(refusal(Qdisc{.ifindex = 2, .handle = TcHandle(1, 1), .kind = "pfifo"}),
            "qdisc handle 1:1: a qdisc's minor is 0 (\"1:\")");
  EXPECT_EQ(refusal(Qdisc{.ifindex = 2, .kind = "prio", .options = tc::Prio{.bands = 2}}),
            "prio priomap: a band is not below bands");
  const Result<void> class_without_minor = ObjectTraits<TcClass>::validate(
      TcClass{.ifindex = 2, .handle = TcHandle(1, 0), .options = tc::HtbClass{.rate = {.bytes_per_second = 1}}});
  ASSERT_FALSE(class_without_minor);
  EXPECT_EQ(class_without_minor.error().context(), "class handle 1:: a class id has a minor (\"1:10\")");
}

TEST(TcDiff, names_each_option_that_changed) {
  const Qdisc before{
      .ifindex = 2, .kind = "tbf", .options = tc::Tbf{.rate = {.bytes_per_second = 1000}, .burst = 100, .limit = 500}};
  Qdisc after = before;
  std::get<tc::Tbf>(after.options).burst = 200;
  std::get<tc::Tbf>(after.options).rate.overhead = 4;
  after.stats = TcStats{.bytes = 5};
  const std::vector<FieldChange> changes = ObjectTraits<Qdisc>::diff(before, after);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0], (FieldChange{"rate", "1000B/s", "1000B/s overhead 4"}));
  EXPECT_EQ(changes[1], (FieldChange{"burst", "100", "200"}));
}

}  // namespace
}  // namespace nlpp::rtnl
