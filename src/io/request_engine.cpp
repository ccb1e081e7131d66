#include <nlpp/io/request_engine.hpp>

#include "kernel_status.hpp"

#include <linux/netlink.h>

#include <iterator>
#include <vector>


namespace nlpp::io {
namespace {

Result<void> check_single_message(const wire::MessageBuilder& message) {
  if (auto status = message.status(); !status) return status;
  if (message.message_count() != 1)
    return Error(errc::invalid_argument,
                 "a request holds exactly one message, this one holds " + std::to_string(message.message_count()));
  return {};
}

}  // namespace

RequestEngine::RequestEngine(std::unique_ptr<Transport> transport) : receiver_(std::move(transport)) {}

Result<RequestEngine> RequestEngine::open(int protocol, const SocketOptions& options) {
  Result<Socket> socket = Socket::open(protocol, options);
  if (!socket) return std::move(socket).error();
  return RequestEngine(std::make_unique<Socket>(std::move(*socket)));
}

RequestEngine::RequestEngine(RequestEngine&&) noexcept = default;
RequestEngine& RequestEngine::operator=(RequestEngine&&) noexcept = default;
RequestEngine::~RequestEngine() = default;

uint32_t RequestEngine::next_seq(size_t count) noexcept {
  const uint32_t first = seq_ + 1;
  seq_ += static_cast<uint32_t>(count);
  return first;
}

void RequestEngine::stamp(wire::MessageBuilder& messages, uint32_t first_seq, uint16_t flags) noexcept {
  uint32_t seq = first_seq;
  const uint32_t port_id = transport().port_id();
  std::span<std::byte> bytes = messages.mutable_bytes();
  for (const wire::Message& message : wire::MessageRange(bytes)) {
    std::byte* header = bytes.data() + (message.bytes().data() - bytes.data());
    const auto new_flags = static_cast<uint16_t>(message.flags() | flags);
    std::memcpy(header + offsetof(nlmsghdr, nlmsg_flags), &new_flags, sizeof new_flags);
    std::memcpy(header + offsetof(nlmsghdr, nlmsg_seq), &seq, sizeof seq);
    std::memcpy(header + offsetof(nlmsghdr, nlmsg_pid), &port_id, sizeof port_id);
    ++seq;
  }
}

Result<wire::MessageRange> RequestEngine::receive_from_kernel() {
  Result<wire::Bytes> datagram = receiver_.receive();
  if (!datagram) return std::move(datagram).error();
  const wire::MessageRange messages(*datagram);
  if (auto valid = messages.validate(); !valid) return std::move(valid).error();
  return messages;
}

Result<std::optional<wire::MessageRange>> RequestEngine::receive_queued_from_kernel() {
  Result<std::optional<wire::Bytes>> datagram = receiver_.receive_queued();
  if (!datagram) return std::move(datagram).error();
  if (!*datagram) return std::optional<wire::MessageRange>();
  const wire::MessageRange messages(**datagram);
  if (auto valid = messages.validate(); !valid) return std::move(valid).error();
  return std::optional<wire::MessageRange>(messages);
}

bool RequestEngine::is_reply_to(const wire::Message& message, uint32_t first_seq, uint32_t last_seq) {
  if (message.seq() >= first_seq && message.seq() <= last_seq && message.port_id() == transport().port_id())
    return true;
  ++stale_messages_;
  return false;
}

std::string RequestEngine::request_name(const wire::Message& request) const {
  std::string name = describer_ ? describer_->name(request) : std::string();
  return name.empty() ? "nlmsg_type " + std::to_string(request.type()) : name;
}

Error RequestEngine::kernel_error(const KernelStatus& status, const wire::Message& request) const {
  ExtendedAck ack = status.ack;
  if (describer_) describer_->name_attributes(ack, request);
  return Error(std::error_code(-status.error, std::system_category()), request_name(request), std::move(ack));
}

Result<Ack> RequestEngine::request(wire::MessageBuilder& message, const MessageHandler& on_reply) {
  if (auto valid = check_single_message(message); !valid) return std::move(valid).error();
  if (framing_ && framing_->frames(*wire::MessageRange(message.bytes()).begin()))
    return request_framed(message, on_reply);
  const uint32_t seq = next_seq(1);
  stamp(message, seq, NLM_F_REQUEST | NLM_F_ACK);
  if (auto sent = transport().send(message.bytes()); !sent) return std::move(sent).error();
  return await_ack(wire::MessageRange(message.bytes()), seq, seq, on_reply);
}

Result<Ack> RequestEngine::request_framed(wire::MessageBuilder& message, const MessageHandler& on_reply) {
  const wire::Message request = *wire::MessageRange(message.bytes()).begin();
  wire::MessageBuilder begin;
  wire::MessageBuilder end;
  framing_->begin(request, begin);
  framing_->end(request, end);
  // Only the request asks for an ACK: the frame's messages are answered
  // only when the kernel refuses them.
  const uint32_t first_seq = next_seq(3);
  stamp(begin, first_seq, NLM_F_REQUEST);
  stamp(message, first_seq + 1, NLM_F_REQUEST | NLM_F_ACK);
  stamp(end, first_seq + 2, NLM_F_REQUEST);
  std::vector<std::byte> datagram;
  datagram.reserve(begin.bytes().size() + message.bytes().size() + end.bytes().size());
  for (const wire::MessageBuilder* part : {&begin, &message, &end})
    datagram.insert(datagram.end(), part->bytes().begin(), part->bytes().end());
  if (auto sent = transport().send(datagram); !sent) return std::move(sent).error();
  return await_ack(wire::MessageRange(datagram), first_seq, first_seq + 1, on_reply);
}

Result<Ack> RequestEngine::await_ack(const wire::MessageRange& sent, uint32_t first_seq, uint32_t ack_seq,
                                     const MessageHandler& on_reply) {
  const auto sent_count = static_cast<uint32_t>(std::distance(sent.begin(), sent.end()));
  const uint32_t last_seq = first_seq + sent_count - 1;
  for (;;) {
    Result<wire::MessageRange> received = receive_from_kernel();
    if (!received) return std::move(received).error();
    for (const wire::Message& reply : *received) {
      if (!is_reply_to(reply, first_seq, last_seq)) continue;
      if (reply.type() == NLMSG_ERROR) {
        Result<KernelStatus> status = parse_error_message(reply);
        if (!status) return std::move(status).error();
        if (status->error != 0) {
          auto answered = sent.begin();
          std::advance(answered, reply.seq() - first_seq);
          return kernel_error(*status, *answered);
        }
        if (reply.seq() == ack_seq) return Ack{std::move(status->ack.message)};
        continue;
      }
      if (reply.type() >= NLMSG_MIN_TYPE && on_reply) on_reply(reply);
    }
  }
}

Result<void> RequestEngine::dump(wire::MessageBuilder& request_message, const MessageHandler& on_message,
                                 const RestartHandler& on_restart) {
  if (auto valid = check_single_message(request_message); !valid) return std::move(valid).error();
  for (unsigned attempt = 0;; ++attempt) {
    const uint32_t seq = next_seq(1);
    stamp(request_message, seq, NLM_F_REQUEST | NLM_F_DUMP);
    if (auto sent = transport().send(request_message.bytes()); !sent) return std::move(sent).error();
    const wire::Message request = *wire::MessageRange(request_message.bytes()).begin();

    // Read to NLMSG_DONE (or the error that replaces it) whatever happens,
    // so no half dump is left in the socket for the next request to trip on.
    bool interrupted = false;
    std::optional<Error> failure;
    for (bool done = false; !done;) {
      Result<wire::MessageRange> received = receive_from_kernel();
      if (!received) return std::move(received).error();
      for (const wire::Message& reply : *received) {
        if (!is_reply_to(reply, seq, seq)) continue;
        interrupted |= (reply.flags() & NLM_F_DUMP_INTR) != 0;
        if (reply.type() == NLMSG_DONE || reply.type() == NLMSG_ERROR) {
          Result<KernelStatus> status =
              reply.type() == NLMSG_DONE ? parse_done_message(reply) : parse_error_message(reply);
          if (!status) failure = std::move(status).error();
          else if (status->error != 0) failure = kernel_error(*status, request);
          done = true;
          break;
        }
        if (reply.type() >= NLMSG_MIN_TYPE && on_message) on_message(reply);
      }
    }
    if (failure) return std::move(*failure);
    if (!interrupted) return {};
    if (!on_restart || attempt >= max_dump_retries_)
      return Error(errc::dump_interrupted, request_name(request) + " after " +
                                               std::to_string(attempt + 1) + " attempts");
    on_restart();
  }
}

}  // namespace nlpp::io
