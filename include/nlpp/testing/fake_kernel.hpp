// A scripted stand-in for the kernel behind the request engine: each test
// says what the "kernel" answers to what was sent, so multipart replies,
// DUMP_INTR, ENOBUFS, extended ACKs, stale seqs and spoofed senders are
// all tested deterministically.
#pragma once

#include <nlpp/io/transport.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <linux/netlink.h>

#include <deque>
#include <functional>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

namespace nlpp::testing {

/// One datagram the fake kernel hands to receive(), or an errno instead.
struct FakeDatagram {
  FakeDatagram(std::vector<std::byte> message_bytes, uint32_t sender = 0)  // NOLINT: implicit by design
      : bytes(std::move(message_bytes)), sender_port_id(sender) {}
  /// receive() fails with this errno instead.
  static FakeDatagram failure(int error) {
    FakeDatagram datagram({});
    datagram.error = error;
    return datagram;
  }

  std::vector<std::byte> bytes;
  uint32_t sender_port_id = 0;
  std::optional<int> error;
};

/// Builds the datagrams a kernel would send, addressed to a port id.
class KernelReplies {
 public:
  explicit KernelReplies(uint32_t port_id) : port_id_(port_id) {}

  /// NLMSG_ERROR for the request with this seq: an ACK when error is 0.
  /// A non-empty text or an offset adds NLMSGERR_ATTR_* (NLM_F_ACK_TLVS).
  std::vector<std::byte> error(uint32_t seq, int error, std::string_view text = {},
                               std::optional<uint32_t> offset = {}) const;
  /// NLMSG_DONE with an optional error and extended-ACK text.
  std::vector<std::byte> done(uint32_t seq, uint16_t flags = NLM_F_MULTI, int error = 0,
                              std::string_view text = {}) const;
  /// A data message (a "link") carrying one u32 attribute (type 1 = value).
  std::vector<std::byte> data(uint32_t seq, uint32_t value, uint16_t flags = NLM_F_MULTI, uint16_t type = 16) const;

 private:
  std::vector<std::byte> finish(wire::MessageBuilder& builder, uint32_t seq) const;
  uint32_t port_id_;
};

/// Concatenates messages into one datagram.
std::vector<std::byte> datagram(std::initializer_list<std::vector<std::byte>> messages);

/// The fake transport. The script is called with each datagram sent and
/// returns what the kernel queues in answer.
class FakeKernel final : public io::Transport {
 public:
  using Script = std::function<std::vector<FakeDatagram>(const wire::MessageRange& sent)>;

  static constexpr uint32_t default_port_id = 4242;

  explicit FakeKernel(Script script, uint32_t port_id = default_port_id)
      : script_(std::move(script)), port_id_(port_id) {}

  Result<void> send(wire::Bytes bytes) override;
  Result<io::Datagram> receive(std::span<std::byte> buffer) override;
  Result<std::optional<io::Datagram>> receive_queued(std::span<std::byte> buffer) override;
  /// The room set by set_receive_room() (unlimited by default); nothing is dropped for it.
  size_t reserve_receive_buffer(size_t) override { return receive_room_; }
  bool errors_echo_requests() const noexcept override { return false; }
  uint32_t port_id() const noexcept override { return port_id_; }
  int protocol() const noexcept override { return NETLINK_ROUTE; }
  int fileno() const noexcept override { return -1; }

  /// Every datagram sent so far.
  const std::vector<std::vector<std::byte>>& sent() const noexcept { return sent_; }
  /// Datagrams queued and not yet received.
  size_t pending() const noexcept { return queue_.size(); }
  /// What reserve_receive_buffer() reports, as a socket whose buffer cannot grow would.
  void set_receive_room(size_t bytes) noexcept { receive_room_ = bytes; }

 private:
  Script script_;
  uint32_t port_id_;
  std::vector<std::vector<std::byte>> sent_;
  std::deque<FakeDatagram> queue_;
  size_t receive_room_ = std::numeric_limits<size_t>::max();
};

}  // namespace nlpp::testing
