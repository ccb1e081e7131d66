// rtnl::ChangeBatch over a scripted kernel: objects are validated when
// queued (a bad one is refused at once and leaves the batch as it was),
// every change goes out in one batch with the flags of its operation, and
// the kernel's refusals come back by the index queuing returned.
#include <nlpp/rtnl/change_batch.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/nltest/fake_kernel.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <linux/rtnetlink.h>

#include <cerrno>
#include <memory>
#include <vector>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::prefix;

const nltest::KernelReplies replies_of_kernel(nltest::FakeKernel::default_port_id);

// A kernel that refuses every request for 10.0.0.2/32 with EEXIST and an
// extended ACK, and acks what asks for one.
std::vector<nltest::FakeDatagram> refuse_second_address(const wire::MessageRange& sent) {
  std::vector<nltest::FakeDatagram> replies;
  for (const wire::Message& message : sent) {
    Result<Route> route = ObjectTraits<Route>::parse(message);
    const bool refused = route && route->dst.address == ip("10.0.0.2");
    if (refused) replies.emplace_back(replies_of_kernel.error(message.seq(), -EEXIST, "route exists"));
    else if (message.flags() & NLM_F_ACK) replies.emplace_back(replies_of_kernel.error(message.seq(), 0));
  }
  return replies;
}

// An engine over the kernel above; kernel observes what it was sent.
io::RequestEngine engine_over_fake_kernel(const nltest::FakeKernel*& kernel) {
  auto fake = std::make_unique<nltest::FakeKernel>(refuse_second_address);
  kernel = fake.get();
  return io::RequestEngine(std::move(fake));
}

Route route_to(const char* dst) { return Route{.dst = prefix(dst), .gateway = ip("192.0.2.1")}; }

TEST(ChangeBatch, queuing_returns_indexes_and_a_bad_object_is_refused_without_a_trace) {
  ChangeBatch batch;
  EXPECT_EQ(batch.add(route_to("10.0.0.1/32")).value(), 0u);
  const Result<size_t> refused = batch.add(Route{.oif = 1});  // no family to tell
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_EQ(refused.error().context().rfind("route family:", 0), 0u) << refused.error().context();
  EXPECT_EQ(batch.size(), 1u);
  EXPECT_EQ(batch.del(route_to("10.0.0.2/32")).value(), 1u);
}

TEST(ChangeBatch, sends_every_change_with_its_operations_type_and_flags_in_one_datagram) {
  const nltest::FakeKernel* kernel = nullptr;
  IpRoute ipr(engine_over_fake_kernel(kernel));
  ChangeBatch batch;
  (void)batch.add(route_to("10.0.0.1/32")).value();
  (void)batch.replace(route_to("10.0.0.3/32")).value();
  (void)batch.set(route_to("10.0.0.4/32")).value();
  (void)batch.del(route_to("10.0.0.5/32")).value();
  (void)batch.request(FdbEntry{.ifindex = 3, .lladdr = test::mac("02:00:00:00:00:01")}, RTM_NEWNEIGH,
                      NLM_F_CREATE | NLM_F_APPEND)
      .value();
  const io::BatchResult result = ipr.send(batch).value();
  EXPECT_TRUE(result.all_succeeded());
  EXPECT_EQ(result.size(), 5u);
  EXPECT_TRUE(batch.empty()) << "sending empties the batch";
  ASSERT_EQ(kernel->sent().size(), 1u);
  std::vector<std::pair<uint16_t, uint16_t>> sent;
  for (const wire::Message& message : wire::MessageRange(kernel->sent()[0]))
    sent.emplace_back(message.type(), message.flags() & ~(NLM_F_REQUEST | NLM_F_ACK));
  const std::vector<std::pair<uint16_t, uint16_t>> expected{{RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL},
                                                            {RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE},
                                                            {RTM_NEWROUTE, NLM_F_REPLACE},
                                                            {RTM_DELROUTE, 0},
                                                            {RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_APPEND}};
  EXPECT_EQ(sent, expected);
}

TEST(ChangeBatch, reports_the_kernels_refusal_by_index_with_errno_and_extended_ack) {
  const nltest::FakeKernel* kernel = nullptr;
  io::RequestEngine engine = engine_over_fake_kernel(kernel);
  ChangeBatch batch;
  for (const char* dst : {"10.0.0.1/32", "10.0.0.2/32", "10.0.0.3/32"}) (void)batch.add(route_to(dst)).value();
  const io::BatchResult result = batch.send(engine).value();
  ASSERT_EQ(result.failed(), 1u);
  EXPECT_EQ(result.refusals()[0].first, 1u);
  EXPECT_TRUE(result[0]);
  EXPECT_EQ(result[1].error().code(), std::error_code(EEXIST, std::system_category()));
  EXPECT_EQ(result[1].error().ext_ack().message, "route exists");
  EXPECT_TRUE(result[2]);
}

}  // namespace
}  // namespace nlpp::rtnl
