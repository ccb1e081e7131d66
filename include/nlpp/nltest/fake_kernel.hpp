// nlpp::nltest: a scripted stand-in for the kernel, to test code that talks
// netlink without a kernel, root or a namespace (as Go's netlink/nltest).
// FakeKernel is an io::Transport: give it to an io::RequestEngine (and that
// to rtnl::IpRoute) in place of a socket. Its Script says what the kernel
// answers to each datagram sent; KernelReplies builds those answers (ACKs,
// errors with an extended ACK, the end of a dump), so multipart replies,
// DUMP_INTR, ENOBUFS, stale seqs and spoofed senders are all deterministic.
//
//     using namespace nlpp;
//     const nltest::KernelReplies kernel(nltest::FakeKernel::default_port_id);
//     auto fake = std::make_unique<nltest::FakeKernel>([&](const wire::MessageRange& sent) {
//       const wire::Message request = *sent.begin();
//       const int error = request.type() == RTM_NEWROUTE ? 0 : -EOPNOTSUPP;  // 0: the ACK
//       return std::vector<nltest::FakeDatagram>{kernel.error(request.seq(), error)};
//     });
//     const nltest::FakeKernel& observed = *fake;  // sent() holds every request
//     rtnl::IpRoute ipr(io::RequestEngine(std::move(fake)));
//
// examples/fake_kernel_test.cpp is a complete program. The namespace is
// nltest, as Go's netlink package calls its own, so that GoogleTest's
// ::testing stays unambiguous after using namespace nlpp.
#pragma once

#include <nlpp/io/transport.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <linux/netlink.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace nlpp::nltest {

/// One datagram the fake kernel hands to receive(), or an errno instead.
struct FakeDatagram {
  /// The datagram message_bytes, from port id sender (0: the kernel).
  FakeDatagram(std::vector<std::byte> message_bytes, uint32_t sender = 0)  // NOLINT: implicit by design
      : bytes(std::move(message_bytes)), sender_port_id(sender) {}
  /// receive() fails with this errno instead (ENOBUFS: the socket overran).
  static FakeDatagram failure(int error) {
    FakeDatagram datagram({});
    datagram.error = error;
    return datagram;
  }

  std::vector<std::byte> bytes;  ///< the messages of the datagram, back to back
  uint32_t sender_port_id = 0;   ///< nl_pid it comes from: 0 is the kernel; io::RequestEngine drops others'
  std::optional<int> error;      ///< when set, receive() fails with this errno and bytes are unused
};

/// Builds the messages a kernel would send, addressed to a port id.
class KernelReplies {
 public:
  /// Replies to the socket whose port id is port_id (FakeKernel::port_id()).
  explicit KernelReplies(uint32_t port_id) : port_id_(port_id) {}

  /// NLMSG_ERROR for the request with this seq: an ACK when error is 0,
  /// else a negative errno. A non-empty text (NLMSGERR_ATTR_MSG) or an
  /// offset into the request (NLMSGERR_ATTR_OFFS) make it an extended ACK.
  std::vector<std::byte> error(uint32_t seq, int error, std::string_view text = {},
                               std::optional<uint32_t> offset = {}) const;
  /// NLMSG_DONE, which ends a dump, with an optional error and extended-ACK text.
  std::vector<std::byte> done(uint32_t seq, uint16_t flags = NLM_F_MULTI, int error = 0,
                              std::string_view text = {}) const;
  /// The messages built in builder (a dump's part, an event...), each with
  /// seq and the port id stamped in its header, as the kernel addresses them.
  std::vector<std::byte> messages(const wire::MessageBuilder& builder, uint32_t seq) const;

 private:
  uint32_t port_id_;
};

/// Concatenates messages into one datagram, as the kernel packs a dump.
std::vector<std::byte> datagram(std::initializer_list<std::vector<std::byte>> messages);

/// The fake transport. Each send() calls the script with the datagram sent
/// and queues what it returns; receive() hands the queue out in order. With
/// nothing queued, receive() fails (errc::protocol_error) where a socket
/// would block: the script answered less than the code under test waits for.
class FakeKernel final : public io::Transport {
 public:
  /// What the kernel answers to one datagram sent (all its messages).
  using Script = std::function<std::vector<FakeDatagram>(const wire::MessageRange& sent)>;

  /// The port id a FakeKernel has unless told another.
  static constexpr uint32_t default_port_id = 4242;

  /// A NETLINK_ROUTE "socket" bound to port_id, answering through script.
  explicit FakeKernel(Script script, uint32_t port_id = default_port_id)
      : script_(std::move(script)), port_id_(port_id) {}

  /// Records bytes (sent()) and queues the script's answer.
  Result<void> send(wire::Bytes bytes) override;
  /// The next queued datagram, or its errno; errc::truncated_message if it
  /// does not fit buffer.
  Result<io::Datagram> receive(std::span<std::byte> buffer) override;
  /// receive(), or nothing when the queue is empty.
  Result<std::optional<io::Datagram>> receive_queued(std::span<std::byte> buffer) override;
  /// The room set by set_receive_room() (unlimited by default); nothing is dropped for it.
  size_t reserve_receive_buffer(size_t) override { return receive_room_; }
  /// false: the fake has NETLINK_CAP_ACK, so errors never echo the request.
  bool errors_echo_requests() const noexcept override { return false; }
  /// The port id given to the constructor.
  uint32_t port_id() const noexcept override { return port_id_; }
  /// NETLINK_ROUTE.
  int protocol() const noexcept override { return NETLINK_ROUTE; }
  /// -1: there is no file descriptor to poll.
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

}  // namespace nlpp::nltest
