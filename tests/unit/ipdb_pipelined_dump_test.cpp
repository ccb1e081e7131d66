// IPDB's start-up dump, read and parsed on a thread of its own
// (src/ipdb/pipelined_dump.hpp), over the fake kernel: the objects arrive
// in order whichever side waits, an interrupted dump starts over on the
// caller's thread, and neither an error nor an exception leaves half a
// dump in the socket. These tests also run under ThreadSanitizer
// (tests/CMakeLists.txt).
#include <nlpp/nltest/fake_kernel.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/route.hpp>

#include "ipdb/pipelined_dump.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <memory>
#include <stdexcept>
#include <vector>

namespace nlpp::ipdb::detail {
namespace {

using nltest::FakeDatagram;
using nltest::FakeKernel;

constexpr uint32_t route_count = 1000;
constexpr size_t routes_per_datagram = 7;

rtnl::Route route(uint32_t index) {
  return rtnl::Route{
      .family = AF_INET, .dst = {IpAddress::v4(0x0a000000 + index), 32}, .table = RT_TABLE_MAIN, .oif = 2};
}

// What the kernel sends for a dump of route_count routes, a few per
// datagram, the first time flagged interrupted when asked.
std::vector<FakeDatagram> route_dump(uint32_t seq, bool interrupted) {
  const nltest::KernelReplies kernel(FakeKernel::default_port_id);
  const uint16_t flags = interrupted ? NLM_F_MULTI | NLM_F_DUMP_INTR : NLM_F_MULTI;
  std::vector<FakeDatagram> datagrams;
  for (uint32_t first = 0; first < route_count; first += routes_per_datagram) {
    wire::MessageBuilder builder;
    for (uint32_t index = first; index < std::min<uint32_t>(first + routes_per_datagram, route_count); ++index)
      rtnl::ObjectTraits<rtnl::Route>::emit(route(index), builder, RTM_NEWROUTE, flags);
    datagrams.emplace_back(kernel.messages(builder, seq));
  }
  datagrams.emplace_back(kernel.done(seq, flags));
  return datagrams;
}

struct PipelinedDumpTest : testing::Test {
  // An IpRoute whose kernel answers each dump with route_dump(); the
  // first `interrupted` dumps are flagged NLM_F_DUMP_INTR.
  rtnl::IpRoute ipr_answering(int interrupted = 0) {
    auto fake = std::make_unique<FakeKernel>([this, interrupted](const wire::MessageRange& sent) {
      return route_dump(sent.begin()->seq(), ++dumps <= interrupted);
    });
    kernel = fake.get();
    return rtnl::IpRoute(io::RequestEngine(std::move(fake)));
  }
  static std::vector<rtnl::Route> expected() {
    std::vector<rtnl::Route> routes;
    for (uint32_t index = 0; index < route_count; ++index) {
      routes.push_back(route(index));
      routes.back().protocol = RTPROT_BOOT;  // what emit() fills in, parsed back
      routes.back().scope = RT_SCOPE_LINK;
      routes.back().type = rtnl::RouteType::unicast;
    }
    return routes;
  }

  const FakeKernel* kernel = nullptr;
  int dumps = 0;
};

TEST_F(PipelinedDumpTest, every_object_arrives_in_order_whichever_side_waits) {
  // Small batches and a short queue make the reader wait for the caller,
  // and the caller for the reader, many times over.
  for (const PipelineDepth depth :
       {PipelineDepth{.batch_size = 1, .max_ready = 1}, PipelineDepth{3, 2}, PipelineDepth{}}) {
    rtnl::IpRoute ipr = ipr_answering();
    std::vector<rtnl::Route> seen;
    ASSERT_TRUE(pipelined_dump<rtnl::Route>(
        ipr, [&](rtnl::Route&& object) { seen.push_back(std::move(object)); }, [] { FAIL() << "no restart"; }, depth));
    EXPECT_EQ(seen, expected()) << "batch size " << depth.batch_size << ", " << depth.max_ready << " ready";
    EXPECT_EQ(kernel->pending(), 0u);
  }
}

TEST_F(PipelinedDumpTest, an_interrupted_dump_restarts_on_the_callers_thread_and_repeats) {
  rtnl::IpRoute ipr = ipr_answering(2);
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<rtnl::Route> seen;
  int restarts = 0;
  ASSERT_TRUE(pipelined_dump<rtnl::Route>(
      ipr,
      [&](rtnl::Route&& object) {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        seen.push_back(std::move(object));
      },
      [&] {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        ++restarts;
        seen.clear();
      },
      {.batch_size = 16, .max_ready = 4}));
  EXPECT_EQ(restarts, 2);
  EXPECT_EQ(seen, expected());
  EXPECT_EQ(dumps, 3);
}

TEST_F(PipelinedDumpTest, a_throwing_consumer_leaves_no_half_dump_behind) {
  rtnl::IpRoute ipr = ipr_answering();
  size_t used = 0;
  EXPECT_THROW(pipelined_dump<rtnl::Route>(
                   ipr,
                   [&](rtnl::Route&&) {
                     if (++used == 50) throw std::runtime_error("out of room");
                   },
                   [] {}, {.batch_size = 8, .max_ready = 2}),
               std::runtime_error);
  EXPECT_EQ(used, 50u);
  EXPECT_EQ(kernel->pending(), 0u) << "the rest of the dump was read";
  // The socket is fit for the next request.
  Result<std::vector<rtnl::Route>> again = ipr.dump<rtnl::Route>();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->size(), route_count);
}

TEST_F(PipelinedDumpTest, the_kernels_refusal_is_the_result) {
  const nltest::KernelReplies replies(FakeKernel::default_port_id);
  rtnl::IpRoute ipr(io::RequestEngine(std::make_unique<FakeKernel>([&](const wire::MessageRange& sent) {
    return std::vector<FakeDatagram>{{replies.error(sent.begin()->seq(), -EPERM, "not allowed")}};
  })));
  bool used = false;
  const Result<void> dumped = pipelined_dump<rtnl::Route>(
      ipr, [&](rtnl::Route&&) { used = true; }, [] {});
  ASSERT_FALSE(dumped);
  EXPECT_EQ(dumped.error().code().value(), EPERM);
  EXPECT_EQ(dumped.error().ext_ack().message, "not allowed");
  EXPECT_FALSE(used);
}

}  // namespace
}  // namespace nlpp::ipdb::detail
