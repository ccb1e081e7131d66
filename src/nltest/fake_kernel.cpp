#include <nlpp/nltest/fake_kernel.hpp>

#include <cerrno>
#include <cstring>

namespace nlpp::nltest {

std::vector<std::byte> KernelReplies::messages(const wire::MessageBuilder& builder, uint32_t seq) const {
  std::vector<std::byte> bytes(builder.bytes().begin(), builder.bytes().end());
  for (const wire::Message& message : wire::MessageRange(builder.bytes())) {
    std::byte* header = bytes.data() + (message.bytes().data() - builder.bytes().data());
    std::memcpy(header + offsetof(nlmsghdr, nlmsg_seq), &seq, sizeof seq);
    std::memcpy(header + offsetof(nlmsghdr, nlmsg_pid), &port_id_, sizeof port_id_);
  }
  return bytes;
}

std::vector<std::byte> KernelReplies::error(uint32_t seq, int error, std::string_view text,
                                            std::optional<uint32_t> offset) const {
  const bool tlvs = !text.empty() || offset;
  wire::MessageBuilder builder;
  builder.begin_message(NLMSG_ERROR, static_cast<uint16_t>(NLM_F_CAPPED | (tlvs ? NLM_F_ACK_TLVS : 0)));
  nlmsgerr header{};
  header.error = error;
  header.msg.nlmsg_len = sizeof(nlmsghdr);
  header.msg.nlmsg_seq = seq;
  header.msg.nlmsg_pid = port_id_;
  builder.append_header(header);
  if (!text.empty()) builder.add_string(NLMSGERR_ATTR_MSG, text);
  if (offset) builder.add_u32(NLMSGERR_ATTR_OFFS, *offset);
  return messages(builder, seq);
}

std::vector<std::byte> KernelReplies::done(uint32_t seq, uint16_t flags, int error, std::string_view text) const {
  wire::MessageBuilder builder;
  builder.begin_message(NLMSG_DONE, static_cast<uint16_t>(flags | (text.empty() ? 0 : NLM_F_ACK_TLVS)));
  builder.append_header(error);
  if (!text.empty()) builder.add_string(NLMSGERR_ATTR_MSG, text);
  return messages(builder, seq);
}

std::vector<std::byte> datagram(std::initializer_list<std::vector<std::byte>> messages) {
  std::vector<std::byte> bytes;
  for (const auto& message : messages) bytes.insert(bytes.end(), message.begin(), message.end());
  return bytes;
}

Result<void> FakeKernel::send(wire::Bytes bytes) {
  sent_.emplace_back(bytes.begin(), bytes.end());
  for (FakeDatagram& reply : script_(wire::MessageRange(sent_.back()))) queue_.push_back(std::move(reply));
  return {};
}

Result<io::Datagram> FakeKernel::receive(std::span<std::byte> buffer) {
  // A real socket would block forever here; a test that gets this far has
  // a scripting bug or an engine that reads more than the kernel sent.
  if (queue_.empty()) return Error(errc::protocol_error, "fake kernel: nothing queued to receive");
  FakeDatagram next = std::move(queue_.front());
  queue_.pop_front();
  if (next.error) return Error::from_errno(*next.error, "fake receive");
  if (next.bytes.size() > buffer.size()) return Error(errc::truncated_message, "fake datagram too large");
  std::memcpy(buffer.data(), next.bytes.data(), next.bytes.size());
  return io::Datagram{next.bytes.size(), next.sender_port_id, 0};
}

Result<std::optional<io::Datagram>> FakeKernel::receive_queued(std::span<std::byte> buffer) {
  if (queue_.empty()) return std::optional<io::Datagram>();
  Result<io::Datagram> datagram = receive(buffer);
  if (!datagram) return std::move(datagram).error();
  return std::optional<io::Datagram>(*datagram);
}

}  // namespace nlpp::nltest
