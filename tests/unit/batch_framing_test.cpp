// nfnetlink's batch framing over a scripted kernel: a framed change leaves
// as BATCH_BEGIN, the request and BATCH_END in one datagram, only the
// request asking for an ACK; an error for any of the three is the
// request's; what the policy does not frame leaves alone.
#include <nlpp/io/request_engine.hpp>
#include <nlpp/nfnl/batch_framing.hpp>
#include <nlpp/nltest/fake_kernel.hpp>

#include <gtest/gtest.h>

#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>

#include <cerrno>
#include <vector>

namespace nlpp::nfnl {
namespace {

using nltest::FakeDatagram;
using nltest::FakeKernel;

const nltest::KernelReplies kernel(FakeKernel::default_port_id);

wire::MessageBuilder nft_message(uint8_t message) {
  wire::MessageBuilder builder;
  builder.begin_message(static_cast<uint16_t>(NFNL_SUBSYS_NFTABLES << 8 | message), NLM_F_CREATE)
      .append_header(nfgenmsg{.nfgen_family = NFPROTO_INET, .version = NFNETLINK_V0, .res_id = 0})
      .add_string(NFTA_TABLE_NAME, "t");
  return builder;
}

struct FramedEngine {
  explicit FramedEngine(FakeKernel::Script script) {
    auto fake = std::make_unique<FakeKernel>(std::move(script));
    observed = fake.get();
    engine.emplace(std::move(fake));
    engine->set_batch_framing(batch_framing());
  }
  const FakeKernel* observed = nullptr;
  std::optional<io::RequestEngine> engine;
};

// ACKs every message that asks for one.
std::vector<FakeDatagram> ack_requests(const wire::MessageRange& sent) {
  std::vector<FakeDatagram> replies;
  for (const wire::Message& message : sent)
    if (message.flags() & NLM_F_ACK) replies.emplace_back(kernel.error(message.seq(), 0));
  return replies;
}

TEST(BatchFraming, a_change_leaves_between_begin_and_end_in_one_datagram) {
  FramedEngine framed(ack_requests);
  wire::MessageBuilder add = nft_message(NFT_MSG_NEWTABLE);
  ASSERT_TRUE(framed.engine->request(add));
  ASSERT_EQ(framed.observed->sent().size(), 1u);

  std::vector<wire::Message> messages;
  for (const wire::Message& message : wire::MessageRange(framed.observed->sent()[0])) messages.push_back(message);
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(messages[0].type(), NFNL_MSG_BATCH_BEGIN);
  EXPECT_EQ(messages[1].type(), NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWTABLE);
  EXPECT_EQ(messages[2].type(), NFNL_MSG_BATCH_END);
  for (const size_t frame : {size_t{0}, size_t{2}}) {
    const nfgenmsg header = messages[frame].fixed_header<nfgenmsg>().value();
    EXPECT_EQ(wire::network_to_host(header.res_id), NFNL_SUBSYS_NFTABLES);
    EXPECT_EQ(messages[frame].flags(), NLM_F_REQUEST);
  }
  EXPECT_EQ(messages[1].flags(), NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE);
  EXPECT_EQ(messages[1].seq(), messages[0].seq() + 1);
  EXPECT_EQ(messages[2].seq(), messages[0].seq() + 2);
}

TEST(BatchFraming, an_error_for_the_frame_is_the_requests) {
  FramedEngine framed([](const wire::MessageRange& sent) {
    return std::vector<FakeDatagram>{kernel.error(sent.begin()->seq(), -EPERM)};
  });
  wire::MessageBuilder add = nft_message(NFT_MSG_NEWTABLE);
  Result<io::Ack> added = framed.engine->request(add);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), std::error_code(EPERM, std::system_category()));
}

TEST(BatchFraming, gets_and_other_subsystems_go_unframed) {
  FramedEngine framed(ack_requests);
  wire::MessageBuilder get = nft_message(NFT_MSG_GETTABLE);
  ASSERT_TRUE(framed.engine->request(get));
  wire::MessageBuilder conntrack;
  conntrack.begin_message(NFNL_SUBSYS_CTNETLINK << 8, 0).append_header(nfgenmsg{});
  ASSERT_TRUE(framed.engine->request(conntrack));
  ASSERT_EQ(framed.observed->sent().size(), 2u);
  for (const std::vector<std::byte>& datagram : framed.observed->sent()) {
    const wire::MessageRange messages(datagram);
    EXPECT_EQ(std::distance(messages.begin(), messages.end()), 1);
  }
}

}  // namespace
}  // namespace nlpp::nfnl
