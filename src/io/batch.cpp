// RequestEngine::send_batch: many requests per sendmsg, one result each.
#include <nlpp/io/request_engine.hpp>

#include "kernel_status.hpp"

#include <linux/netlink.h>

#include <algorithm>

namespace nlpp::io {
namespace {

// Where each message starts in the builder, so a reply's seq leads back to
// its request (for the chunk boundaries and for naming ext-ack attributes).
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

Result<BatchResult> RequestEngine::send_batch(wire::MessageBuilder& messages, const BatchOptions& options) {
  if (auto status = messages.status(); !status) return std::move(status).error();
  if (options.chunk_size == 0) return Error(errc::invalid_argument, "batch chunk_size must be at least 1");
  const size_t count = messages.message_count();
  BatchResult result(count);
  if (count == 0) return result;

  const std::vector<size_t> offsets = message_offsets(messages);
  const uint32_t first_seq = next_seq(count);
  stamp(messages, first_seq, static_cast<uint16_t>(NLM_F_REQUEST | (options.ack_each ? NLM_F_ACK : 0)));
  const auto message_at = [&](size_t index) {
    return wire::Message(messages.bytes().subspan(offsets[index], offsets[index + 1] - offsets[index]));
  };

  for (size_t first = 0; first < count; first += options.chunk_size) {
    const size_t last = std::min(first + options.chunk_size, count) - 1;
    // The kernel errors a failing request whether or not it asked for an
    // ACK; acking the chunk's last request tells when the chunk is done.
    set_flag(messages.mutable_bytes().subspan(offsets[last]), NLM_F_ACK);
    Result<void> outcome = transport_->send(messages.bytes().subspan(offsets[first], offsets[last + 1] - offsets[first]));
    for (bool chunk_done = false; outcome && !chunk_done;) {
      Result<wire::MessageRange> received = receive_from_kernel();
      if (!received) {
        outcome = std::move(received).error();
        break;
      }
      for (const wire::Message& reply : *received) {
        if (reply.type() != NLMSG_ERROR || !is_reply_to(reply, first_seq + first, first_seq + last)) continue;
        Result<KernelStatus> status = parse_error_message(reply);
        const size_t index = reply.seq() - first_seq;
        if (!status) result.record_failure(index, std::move(status).error());
        else if (status->error != 0) result.record_failure(index, kernel_error(*status, message_at(index)));
        chunk_done |= index == last;
      }
    }
    if (!outcome) {
      // The transport failed (an overrun, say): from this chunk on, no
      // request's outcome is known, so none is reported as a success.
      result.fail_unsettled(first, outcome.error());
      return result;
    }
  }
  return result;
}

}  // namespace nlpp::io
