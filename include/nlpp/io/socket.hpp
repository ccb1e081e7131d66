// A netlink socket of any protocol: RAII, close-on-exec, optionally opened
// inside another network namespace.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/core/unique_fd.hpp>
#include <nlpp/io/transport.hpp>
#include <nlpp/netns/netns.hpp>

#include <optional>

namespace nlpp::io {

/// How to open a Socket. The defaults are what a request socket wants.
struct SocketOptions {
  /// Open the socket inside this namespace (the caller's own when empty).
  std::optional<netns::Ref> netns;
  /// SO_RCVBUF(FORCE) in bytes; 0 keeps the system default.
  int receive_buffer = 0;
  /// NETLINK_EXT_ACK: errors carry the kernel's message and attribute offset.
  bool extended_ack = true;
  /// NETLINK_CAP_ACK: errors do not echo the whole request back.
  bool capped_ack = true;
  /// NETLINK_GET_STRICT_CHK: dump requests are checked and filtered by the kernel.
  bool strict_checking = true;
  /// O_NONBLOCK: receive() returns EAGAIN instead of waiting.
  bool nonblocking = false;
};

/// Which of the requested socket options the kernel accepted.
struct SocketFeatures {
  bool extended_ack = false;
  bool capped_ack = false;
  bool strict_checking = false;
};

/// A bound netlink socket. Move-only; closes on destruction.
class Socket final : public Transport {
 public:
  /// Opens and binds a socket of the protocol (NETLINK_ROUTE...). Options
  /// the kernel refuses (EXT_ACK on an old kernel, say) are left off and
  /// reported by features(); a bad protocol or namespace is an error.
  static Result<Socket> open(int protocol, const SocketOptions& options = {});

  Socket(Socket&&) noexcept = default;
  Socket& operator=(Socket&&) noexcept = default;

  /// The descriptor, for poll/epoll. Still owned by the Socket.
  int fileno() const noexcept override { return fd_.get(); }
  uint32_t port_id() const noexcept override { return port_id_; }
  int protocol() const noexcept override { return protocol_; }
  const SocketFeatures& features() const noexcept { return features_; }

  /// Joins a multicast group by number (any number, via NETLINK_ADD_MEMBERSHIP).
  Result<void> join_group(uint32_t group);
  /// Leaves a multicast group.
  Result<void> leave_group(uint32_t group);
  /// Switches O_NONBLOCK on or off.
  Result<void> set_nonblocking(bool nonblocking);
  /// Sets the receive buffer: SO_RCVBUFFORCE (needs CAP_NET_ADMIN), else
  /// SO_RCVBUF (capped by net.core.rmem_max). Returns the size the kernel
  /// reports afterwards (it doubles the request for bookkeeping).
  Result<int> set_receive_buffer(int bytes);

  Result<void> send(wire::Bytes bytes) override;
  Result<Datagram> receive(std::span<std::byte> buffer) override;
  Result<std::optional<Datagram>> receive_queued(std::span<std::byte> buffer) override;
  size_t reserve_receive_buffer(size_t bytes) override;
  bool errors_echo_requests() const noexcept override { return !features_.capped_ack; }

 private:
  Socket(UniqueFd fd, int protocol) noexcept : fd_(std::move(fd)), protocol_(protocol) {}
  Result<void> configure(const SocketOptions& options);
  // recvmsg with flags; EAGAIN comes back as an error.
  Result<Datagram> receive_with(std::span<std::byte> buffer, int flags);
  Result<int> receive_buffer_size() const;

  UniqueFd fd_;
  int protocol_ = -1;
  uint32_t port_id_ = 0;
  SocketFeatures features_;
};

}  // namespace nlpp::io
