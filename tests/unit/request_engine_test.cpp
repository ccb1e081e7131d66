#include <nlpp/io/request_engine.hpp>
#include <nlpp/nltest/fake_kernel.hpp>

#include <gtest/gtest.h>

#include <linux/rtnetlink.h>

#include <cerrno>

namespace nlpp::io {
namespace {

using nltest::datagram;
using nltest::FakeDatagram;
using nltest::FakeKernel;
using nltest::KernelReplies;

const KernelReplies kernel(FakeKernel::default_port_id);

// A data message whose one u32 attribute (type 1 = value) tells the tests
// which message the engine handed on; the engine does not read it.
std::vector<std::byte> data_message(uint32_t seq, uint32_t value, uint16_t flags = NLM_F_MULTI) {
  wire::MessageBuilder builder;
  builder.begin_message(RTM_NEWLINK, flags).add_u32(1, value);
  return kernel.messages(builder, seq);
}

// An engine over a fake kernel that answers with script; kernel_ observes it.
class RequestEngineTest : public ::testing::Test {
 protected:
  RequestEngine engine_with(FakeKernel::Script script) {
    auto fake = std::make_unique<FakeKernel>(std::move(script));
    fake_ = fake.get();
    return RequestEngine(std::move(fake));
  }

  static wire::MessageBuilder get_link() {
    wire::MessageBuilder builder;
    builder.begin_message(RTM_GETLINK, 0).append_header(ifinfomsg{});
    return builder;
  }

  static uint32_t seq_of(const wire::MessageRange& sent) { return sent.begin()->seq(); }

  FakeKernel* fake_ = nullptr;
};

TEST_F(RequestEngineTest, request_stamps_seq_port_and_flags_and_returns_the_ack_warning) {
  RequestEngine engine = engine_with([](const wire::MessageRange& sent) {
    return std::vector<FakeDatagram>{{kernel.error(seq_of(sent), 0, "deprecated option ignored")}};
  });
  wire::MessageBuilder message = get_link();
  Result<Ack> ack = engine.request(message);
  ASSERT_TRUE(ack) << ack.error().describe();
  EXPECT_EQ(ack->warning, "deprecated option ignored");
  const wire::Message sent = *wire::MessageRange(fake_->sent().at(0)).begin();
  EXPECT_EQ(sent.flags(), NLM_F_REQUEST | NLM_F_ACK);
  EXPECT_EQ(sent.port_id(), FakeKernel::default_port_id);
  EXPECT_NE(sent.seq(), 0u);
}

TEST_F(RequestEngineTest, request_error_carries_errno_extended_ack_text_and_offset) {
  RequestEngine engine = engine_with([](const wire::MessageRange& sent) {
    return std::vector<FakeDatagram>{{kernel.error(seq_of(sent), -EINVAL, "Invalid MTU", 20)}};
  });
  wire::MessageBuilder message = get_link();
  Result<Ack> ack = engine.request(message);
  ASSERT_FALSE(ack);
  EXPECT_EQ(ack.error().code(), std::error_code(EINVAL, std::system_category()));
  EXPECT_EQ(ack.error().ext_ack().message, "Invalid MTU");
  EXPECT_EQ(ack.error().ext_ack().offset, 20u);
}

TEST_F(RequestEngineTest, request_delivers_replies_that_precede_the_ack) {
  RequestEngine engine = engine_with([](const wire::MessageRange& sent) {
    const uint32_t seq = seq_of(sent);
    return std::vector<FakeDatagram>{{data_message(seq, 7, 0)}, {kernel.error(seq, 0)}};
  });
  std::vector<uint32_t> values;
  wire::MessageBuilder message = get_link();
  ASSERT_TRUE(engine.request(message, [&](const wire::Message& reply) {
    values.push_back(*(*reply.attributes(0)).begin()->u32());
  }));
  EXPECT_EQ(values, std::vector<uint32_t>{7});
}

TEST_F(RequestEngineTest, request_skips_stale_seq_and_wrong_port_and_counts_them) {
  RequestEngine engine = engine_with([](const wire::MessageRange& sent) {
    const uint32_t seq = seq_of(sent);
    return std::vector<FakeDatagram>{{KernelReplies(FakeKernel::default_port_id).error(seq - 1, -EEXIST)},
                                     {KernelReplies(1234).error(seq, -EPERM)},
                                     {kernel.error(seq, 0)}};
  });
  wire::MessageBuilder message = get_link();
  EXPECT_TRUE(engine.request(message));
  EXPECT_EQ(engine.stats().stale_messages, 2u);
}

TEST_F(RequestEngineTest, request_ignores_a_datagram_from_a_spoofed_sender) {
  RequestEngine engine = engine_with([](const wire::MessageRange& sent) {
    const uint32_t seq = seq_of(sent);
    return std::vector<FakeDatagram>{{kernel.error(seq, -EPERM), 777},
                                     {kernel.error(seq, 0)}};
  });
  wire::MessageBuilder message = get_link();
  EXPECT_TRUE(engine.request(message));
  EXPECT_EQ(engine.stats().foreign_datagrams, 1u);
}

TEST_F(RequestEngineTest, request_reports_an_overrun_as_enobufs) {
  RequestEngine engine = engine_with([](const wire::MessageRange&) {
    return std::vector<FakeDatagram>{FakeDatagram::failure(ENOBUFS)};
  });
  wire::MessageBuilder message = get_link();
  Result<Ack> ack = engine.request(message);
  ASSERT_FALSE(ack);
  EXPECT_TRUE(ack.error().is_overrun());
}

TEST_F(RequestEngineTest, request_rejects_a_truncated_datagram) {
  RequestEngine engine = engine_with([](const wire::MessageRange& sent) {
    std::vector<std::byte> reply = kernel.error(seq_of(sent), 0);
    reply.resize(reply.size() - 4);  // nlmsg_len now points past the end
    return std::vector<FakeDatagram>{{reply}};
  });
  wire::MessageBuilder message = get_link();
  Result<Ack> ack = engine.request(message);
  ASSERT_FALSE(ack);
  EXPECT_EQ(ack.error().code(), errc::truncated_message);
}

TEST_F(RequestEngineTest, request_refuses_bad_builders_before_sending) {
  RequestEngine engine = engine_with([](const wire::MessageRange&) { return std::vector<FakeDatagram>{}; });
  wire::MessageBuilder two = get_link();
  two.begin_message(RTM_GETLINK, 0);
  EXPECT_EQ(engine.request(two).error().code(), errc::invalid_argument);
  wire::MessageBuilder unclosed = get_link();
  (void)unclosed.begin_nested(IFLA_LINKINFO);
  EXPECT_EQ(engine.request(unclosed).error().code(), errc::invalid_argument);
  EXPECT_TRUE(fake_->sent().empty());
}

TEST_F(RequestEngineTest, dump_reads_multipart_replies_across_datagrams_until_done) {
  RequestEngine engine = engine_with([](const wire::MessageRange& sent) {
    const uint32_t seq = seq_of(sent);
    return std::vector<FakeDatagram>{{datagram({data_message(seq, 1), data_message(seq, 2)})},
                                     {datagram({data_message(seq, 3), kernel.done(seq)})}};
  });
  std::vector<uint32_t> values;
  wire::MessageBuilder request = get_link();
  ASSERT_TRUE(engine.dump(request, [&](const wire::Message& m) { values.push_back(*(*m.attributes(0)).begin()->u32()); }));
  EXPECT_EQ(values, (std::vector<uint32_t>{1, 2, 3}));
  EXPECT_EQ(wire::MessageRange(fake_->sent().at(0)).begin()->flags(), NLM_F_REQUEST | NLM_F_DUMP);
  EXPECT_EQ(fake_->pending(), 0u);
}

TEST_F(RequestEngineTest, dump_error_in_done_carries_the_extended_ack) {
  RequestEngine engine = engine_with([](const wire::MessageRange& sent) {
    const uint32_t seq = seq_of(sent);
    return std::vector<FakeDatagram>{{datagram({data_message(seq, 1), kernel.done(seq, NLM_F_MULTI, -EINVAL, "Invalid header for route dump request")})}};
  });
  wire::MessageBuilder request = get_link();
  Result<void> dumped = engine.dump(request, [](const wire::Message&) {});
  ASSERT_FALSE(dumped);
  EXPECT_EQ(dumped.error().code().value(), EINVAL);
  EXPECT_EQ(dumped.error().ext_ack().message, "Invalid header for route dump request");
}

TEST_F(RequestEngineTest, dump_intr_restarts_the_consumer_and_repeats_the_dump) {
  int attempt = 0;
  RequestEngine engine = engine_with([&](const wire::MessageRange& sent) {
    const uint32_t seq = seq_of(sent);
    const uint16_t flags = ++attempt == 1 ? NLM_F_MULTI | NLM_F_DUMP_INTR : NLM_F_MULTI;
    return std::vector<FakeDatagram>{{datagram({data_message(seq, 10 * attempt, flags), kernel.done(seq, flags)})}};
  });
  std::vector<uint32_t> values;
  int restarts = 0;
  wire::MessageBuilder request = get_link();
  ASSERT_TRUE(engine.dump(
      request, [&](const wire::Message& m) { values.push_back(*(*m.attributes(0)).begin()->u32()); },
      [&] {
        ++restarts;
        values.clear();
      }));
  EXPECT_EQ(restarts, 1);
  EXPECT_EQ(values, std::vector<uint32_t>{20});
  EXPECT_EQ(fake_->sent().size(), 2u);
}

TEST_F(RequestEngineTest, dump_intr_on_every_attempt_is_a_distinct_error_after_bounded_retries) {
  RequestEngine engine = engine_with([](const wire::MessageRange& sent) {
    const uint32_t seq = seq_of(sent);
    const uint16_t flags = NLM_F_MULTI | NLM_F_DUMP_INTR;
    return std::vector<FakeDatagram>{{datagram({data_message(seq, 1, flags)})}, {kernel.done(seq, flags)}};
  });
  engine.set_max_dump_retries(3);
  wire::MessageBuilder request = get_link();
  Result<void> dumped = engine.dump(request, [](const wire::Message&) {}, [] {});
  ASSERT_FALSE(dumped);
  EXPECT_EQ(dumped.error().code(), errc::dump_interrupted);
  EXPECT_EQ(fake_->sent().size(), 4u);
  EXPECT_EQ(fake_->pending(), 0u) << "every attempt is read to NLMSG_DONE";
}

TEST_F(RequestEngineTest, dump_intr_without_a_restart_handler_fails_after_reading_to_done) {
  RequestEngine engine = engine_with([](const wire::MessageRange& sent) {
    const uint32_t seq = seq_of(sent);
    return std::vector<FakeDatagram>{{data_message(seq, 1, NLM_F_MULTI | NLM_F_DUMP_INTR)},
                                     {data_message(seq, 2)},
                                     {kernel.done(seq)}};
  });
  wire::MessageBuilder request = get_link();
  Result<void> dumped = engine.dump(request, [](const wire::Message&) {});
  ASSERT_FALSE(dumped);
  EXPECT_EQ(dumped.error().code(), errc::dump_interrupted);
  EXPECT_EQ(fake_->sent().size(), 1u);
  EXPECT_EQ(fake_->pending(), 0u);
}

// Answers a batch the way the kernel does: an error for each failing
// request (failing: those whose u32 attribute is odd), and an ACK for
// every request that asked for one and succeeded.
std::vector<FakeDatagram> answer_batch(const wire::MessageRange& sent) {
  std::vector<FakeDatagram> replies;
  for (const wire::Message& request : sent) {
    const uint32_t value = *(*request.attributes(0)).begin()->u32();
    if (value % 2 == 1) replies.push_back({kernel.error(request.seq(), -EEXIST, "already there", 16)});
    else if (request.flags() & NLM_F_ACK) replies.push_back({kernel.error(request.seq(), 0)});
  }
  return replies;
}

wire::MessageBuilder batch_of(std::initializer_list<uint32_t> values) {
  wire::MessageBuilder builder;
  for (const uint32_t value : values) builder.begin_message(RTM_NEWLINK, NLM_F_CREATE).add_u32(1, value);
  return builder;
}

TEST_F(RequestEngineTest, batch_sends_chunks_acking_only_the_last_request_of_each) {
  RequestEngine engine = engine_with(answer_batch);
  wire::MessageBuilder messages = batch_of({0, 2, 4, 6, 8});
  Result<BatchResult> result = engine.send_batch(messages, {.chunk_size = 2});
  ASSERT_TRUE(result) << result.error().describe();
  EXPECT_TRUE(result->all_succeeded());
  EXPECT_EQ(result->size(), 5u);
  ASSERT_EQ(fake_->sent().size(), 3u);
  std::vector<bool> acked;
  for (const auto& chunk : fake_->sent())
    for (const wire::Message& m : wire::MessageRange(chunk)) acked.push_back(m.flags() & NLM_F_ACK);
  EXPECT_EQ(acked, (std::vector<bool>{false, true, false, true, true}));
}

TEST_F(RequestEngineTest, batch_reports_each_failing_request_by_index_with_its_ack) {
  RequestEngine engine = engine_with(answer_batch);
  wire::MessageBuilder messages = batch_of({0, 1, 2, 3, 4});
  Result<BatchResult> result = engine.send_batch(messages, {.chunk_size = 4});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->failed(), 2u);
  EXPECT_TRUE((*result)[0]);
  ASSERT_FALSE((*result)[1]);
  EXPECT_EQ((*result)[1].error().code().value(), EEXIST);
  EXPECT_EQ((*result)[1].error().ext_ack().message, "already there");
  EXPECT_TRUE((*result)[2]);
  EXPECT_FALSE((*result)[3]);
  EXPECT_TRUE((*result)[4]);
}

// The kernel drops a tail of a chunk's answers when they overflow the
// receive buffer; ENOBUFS comes first, then what was queued before the drop.
TEST_F(RequestEngineTest, batch_overrun_reports_the_lost_answers_as_unknown_and_sends_the_rest) {
  int chunk = 0;
  RequestEngine engine = engine_with([&](const wire::MessageRange& sent) {
    if (++chunk != 2) return answer_batch(sent);
    const uint32_t first_seq = (*sent.begin()).seq();
    return std::vector<FakeDatagram>{FakeDatagram::failure(ENOBUFS),
                                     {kernel.error(first_seq, -EEXIST, "already there")}};
  });
  wire::MessageBuilder messages = batch_of({1, 2, 4, 5, 6, 8, 10, 11, 12});
  Result<BatchResult> result = engine.send_batch(messages, {.chunk_size = 3});
  ASSERT_TRUE(result);
  EXPECT_EQ(fake_->sent().size(), 3u) << "the chunks after an overrun are sent";
  EXPECT_EQ(result->sent(), 9u);
  const std::vector<Outcome> expected{Outcome::refused, Outcome::applied, Outcome::applied,
                                      Outcome::refused, Outcome::unknown, Outcome::unknown,
                                      Outcome::applied, Outcome::refused, Outcome::applied};
  for (size_t index = 0; index < expected.size(); ++index) EXPECT_EQ(result->outcome(index), expected[index]) << index;
  EXPECT_EQ((*result)[3].error().code().value(), EEXIST);
  EXPECT_EQ((*result)[4].error().code(), errc::outcome_unknown);
  ASSERT_EQ(result->unknown().size(), 1u);
  EXPECT_EQ(result->unknown()[0].first, (IndexRange{4, 5}));
  EXPECT_EQ(result->failed(), 5u);
  EXPECT_EQ(fake_->pending(), 0u) << "what the overrun left queued was read";
}

TEST_F(RequestEngineTest, batch_chunks_hold_no_more_requests_than_the_receive_buffer_has_room_for_answers) {
  RequestEngine engine = engine_with(answer_batch);
  fake_->set_receive_room(2 * 2048 + 1);
  wire::MessageBuilder messages = batch_of({1, 3, 5, 7, 9});
  Result<BatchResult> result = engine.send_batch(messages);
  ASSERT_TRUE(result);
  EXPECT_EQ(fake_->sent().size(), 3u);
  EXPECT_EQ(result->refusals().size(), 5u) << "every refusal is reported";
}

TEST_F(RequestEngineTest, batch_that_stops_after_a_failure_sends_no_later_chunk) {
  RequestEngine engine = engine_with(answer_batch);
  wire::MessageBuilder messages = batch_of({0, 1, 2, 4});
  Result<BatchResult> result = engine.send_batch(messages, {.chunk_size = 2, .stop_after_failure = true});
  ASSERT_TRUE(result);
  EXPECT_EQ(fake_->sent().size(), 1u);
  EXPECT_EQ(result->sent(), 2u);
  EXPECT_EQ(result->outcome(0), Outcome::applied);
  EXPECT_EQ(result->outcome(1), Outcome::refused);
  EXPECT_EQ(result->outcome(2), Outcome::not_sent);
  EXPECT_EQ((*result)[3].error().code(), errc::not_sent);
  EXPECT_EQ(result->failed(), 3u);
}

TEST_F(RequestEngineTest, batch_whose_socket_fails_reports_the_unanswered_as_unknown_and_the_rest_as_not_sent) {
  int chunk = 0;
  RequestEngine engine = engine_with([&](const wire::MessageRange& sent) {
    if (++chunk == 2) return std::vector<FakeDatagram>{FakeDatagram::failure(EBADF)};
    return answer_batch(sent);
  });
  wire::MessageBuilder messages = batch_of({0, 2, 4, 6, 8, 10});
  Result<BatchResult> result = engine.send_batch(messages, {.chunk_size = 2});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->outcome(1), Outcome::applied);
  EXPECT_EQ(result->outcome(2), Outcome::unknown);
  EXPECT_EQ(result->outcome(3), Outcome::unknown);
  EXPECT_EQ(result->outcome(4), Outcome::not_sent);
  EXPECT_EQ(fake_->sent().size(), 2u);
}

}  // namespace
}  // namespace nlpp::io
