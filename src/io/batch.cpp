// RequestEngine::send_batch: many requests per sendmsg, one outcome each.
//
// What the kernel does, and what this relies on: it handles a datagram of
// requests before sendmsg returns and queues an answer for each refused
// request (and each that asked for an ACK) on the socket. An answer that
// does not fit the receive buffer is dropped, the socket reports ENOBUFS
// once, and every later answer is dropped too until the queue has been
// read empty, so what is lost is always a tail of the chunk's answers.
// Chunks are therefore cut to what the receive buffer holds if every
// request is refused; and if answers are lost all the same, the requests
// after the last answer read are reported unknown, not failed.
#include <nlpp/io/request_engine.hpp>

#include "kernel_status.hpp"

#include <linux/netlink.h>

#include <algorithm>
#include <cstring>

namespace nlpp::io {
namespace {

// What one answer takes of the receive buffer as the kernel counts it (the
// skb's truesize): an error with an extended ACK measured 832 bytes on
// 6.18; this leaves room for a long extended-ACK text and policy dump.
constexpr size_t answer_room = 2048;

// netlink_sendmsg refuses a datagram longer than the send buffer (208 KiB
// by default) with EMSGSIZE; chunks stay well below it.
constexpr size_t max_chunk_bytes = 128 * 1024;

// Where each message starts in the builder, and where the last one ends.
std::vector<size_t> message_offsets(const wire::MessageBuilder& messages) {
  std::vector<size_t> offsets;
  offsets.reserve(messages.message_count() + 1);
  for (const wire::Message& message : wire::MessageRange(messages.bytes()))
    offsets.push_back(static_cast<size_t>(message.bytes().data() - messages.bytes().data()));
  offsets.push_back(messages.bytes().size());
  return offsets;
}

void set_flag(std::span<std::byte> message, uint16_t flag) {
  uint16_t flags;
  std::memcpy(&flags, message.data() + offsetof(nlmsghdr, nlmsg_flags), sizeof flags);
  flags |= flag;
  std::memcpy(message.data() + offsetof(nlmsghdr, nlmsg_flags), &flags, sizeof flags);
}

}  // namespace

// One send_batch call: the messages, where they are, what came back.
class BatchRun {
 public:
  BatchRun(RequestEngine& engine, wire::MessageBuilder& messages, const BatchOptions& options)
      : engine_(engine),
        messages_(messages),
        options_(options),
        offsets_(message_offsets(messages)),
        echoed_(engine.transport().errors_echo_requests()),
        result_(messages.message_count()) {}

  BatchResult run() && {
    const size_t count = result_.size();
    if (count == 0) return std::move(result_);
    first_seq_ = engine_.next_seq(count);
    engine_.stamp(messages_, first_seq_, static_cast<uint16_t>(NLM_F_REQUEST | (options_.ack_each ? NLM_F_ACK : 0)));
    room_ = engine_.transport().reserve_receive_buffer(room_for_first(std::min(count, options_.chunk_size)));
    for (size_t first = 0; first < count;) {
      const size_t last = chunk_last(first);
      if (!send_chunk(first, last)) break;
      first = last + 1;
      if (options_.stop_after_failure && first < count && !result_.all_succeeded()) {
        result_.record_not_sent(first, Error(errc::not_sent, "the batch stopped after a failure"));
        break;
      }
    }
    return std::move(result_);
  }

 private:
  // The last request of the chunk that starts at first: as many as the
  // options, the send buffer and the receive buffer allow, and at least
  // one (the kernel always queues an answer on an empty receive queue).
  size_t chunk_last(size_t first) const {
    size_t last = first;
    size_t bytes = length(first);
    size_t room = answer_room_of(first);
    const size_t end = std::min(result_.size(), first + options_.chunk_size);
    while (last + 1 < end) {
      const size_t next = last + 1;
      if (bytes + length(next) > max_chunk_bytes || room + answer_room_of(next) > room_) break;
      bytes += length(next);
      room += answer_room_of(next);
      last = next;
    }
    return last;
  }

  // Sends requests [first, last] and reads their answers; false when the
  // batch cannot go on.
  bool send_chunk(size_t first, size_t last) {
    // The kernel answers a refused request whether or not it asked for an
    // ACK; the ACK of the chunk's last request tells when the chunk is done.
    set_flag(messages_.mutable_bytes().subspan(offsets_[last]), NLM_F_ACK);
    if (Result<void> sent = engine_.transport().send(
            messages_.bytes().subspan(offsets_[first], offsets_[last + 1] - offsets_[first]));
        !sent) {
      result_.record_not_sent(first, not_sent_because(sent.error()));
      return false;
    }
    answered_ = first;  // one past the last request answered
    while (answered_ <= last) {
      Result<wire::MessageRange> received = engine_.receive_from_kernel();
      if (!received) {
        if (received.error().is_overrun()) return recover_from_overrun(first, last);
        return give_up(last, received.error());
      }
      take_answers(*received, first, last);
    }
    return true;
  }

  // Answers were dropped: read what is queued, and report the requests
  // after the last answer as unknown. Later chunks get half the room.
  bool recover_from_overrun(size_t first, size_t last) {
    for (;;) {
      Result<std::optional<wire::MessageRange>> queued = engine_.receive_queued_from_kernel();
      if (!queued && queued.error().is_overrun()) continue;
      if (!queued) return give_up(last, queued.error());
      if (!*queued) break;
      take_answers(**queued, first, last);
    }
    if (answered_ <= last)
      result_.record_unknown({answered_, last},
                             Error(errc::outcome_unknown,
                                   "the kernel's answers overflowed the socket's receive buffer (ENOBUFS)"));
    room_ = std::max(room_ / 2, answer_room);
    return true;
  }

  // A transport error: what it left unanswered is unknown, the rest unsent.
  bool give_up(size_t last, const Error& error) {
    if (answered_ <= last)
      result_.record_unknown({answered_, last}, Error(errc::outcome_unknown, "no answer: " + error.describe()));
    if (last + 1 < result_.size()) result_.record_not_sent(last + 1, not_sent_because(error));
    return false;
  }

  void take_answers(const wire::MessageRange& received, size_t first, size_t last) {
    for (const wire::Message& reply : received) {
      if (reply.type() != NLMSG_ERROR || !engine_.is_reply_to(reply, first_seq_ + first, first_seq_ + last)) continue;
      const size_t index = reply.seq() - first_seq_;
      Result<KernelStatus> status = parse_error_message(reply);
      if (!status) result_.record_refusal(index, std::move(status).error());
      else if (status->error != 0) result_.record_refusal(index, engine_.kernel_error(*status, message_at(index)));
      answered_ = std::max(answered_, index + 1);
    }
  }

  static Error not_sent_because(const Error& error) { return Error(errc::not_sent, error.describe()); }

  size_t length(size_t index) const { return offsets_[index + 1] - offsets_[index]; }
  // The room the answer to a request can take. An echoed request (no
  // NETLINK_CAP_ACK) adds up to twice its length: the kernel's allocation
  // is rounded up to a power of two.
  size_t answer_room_of(size_t index) const { return answer_room + (echoed_ ? 2 * length(index) : 0); }
  // The room the answers to the first count requests can take.
  size_t room_for_first(size_t count) const {
    size_t room = 0;
    for (size_t index = 0; index < count; ++index) room += answer_room_of(index);
    return room;
  }
  wire::Message message_at(size_t index) const {
    return wire::Message(messages_.bytes().subspan(offsets_[index], length(index)));
  }

  RequestEngine& engine_;
  wire::MessageBuilder& messages_;
  const BatchOptions& options_;
  const std::vector<size_t> offsets_;
  const bool echoed_;
  BatchResult result_;
  uint32_t first_seq_ = 0;
  size_t room_ = 0;      // what the receive buffer holds for one chunk's answers
  size_t answered_ = 0;  // in the chunk being read: one past the last request answered
};

Result<BatchResult> RequestEngine::send_batch(wire::MessageBuilder& messages, const BatchOptions& options) {
  if (auto status = messages.status(); !status) return std::move(status).error();
  if (options.chunk_size == 0) return Error(errc::invalid_argument, "batch chunk_size must be at least 1");
  if (framing_)
    for (const wire::Message& message : wire::MessageRange(messages.bytes()))
      if (framing_->frames(message))
        return Error(errc::invalid_argument, request_name(message) +
                                                 ": goes to the kernel inside a batch frame, one request at a time "
                                                 "(request()), not in a pipelined batch");
  return BatchRun(*this, messages, options).run();
}

}  // namespace nlpp::io
