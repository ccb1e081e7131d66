// What the request engine needs from a netlink socket. Socket is the real
// one; tests script the kernel with a fake.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/bytes.hpp>

#include <cstdint>
#include <optional>
#include <span>

namespace nlpp::io {

/// The receive buffer every reader of a netlink socket uses: larger than
/// the 32 KiB the kernel puts in one dump datagram, with room for unicast
/// replies (a link with many VFs) and notifications that can be bigger.
inline constexpr size_t max_datagram_size = 64 * 1024;

/// One datagram as received.
struct Datagram {
  size_t length;            ///< bytes written into the caller's buffer
  uint32_t sender_port_id;  ///< nl_pid of the sender: 0 is the kernel
  uint32_t groups;          ///< nl_groups: the multicast group mask it came to, 0 for unicast
};

/// A datagram transport speaking one netlink protocol.
class Transport {
 public:
  virtual ~Transport() = default;

  /// Sends bytes (one or more messages) to the kernel in one datagram.
  virtual Result<void> send(wire::Bytes bytes) = 0;
  /// Receives one datagram. A datagram larger than buffer is an
  /// errc::truncated_message error; ENOBUFS (overrun) comes back as is.
  virtual Result<Datagram> receive(std::span<std::byte> buffer) = 0;
  /// Receives a datagram that is already queued, without waiting; nullopt
  /// when none is. The kernel answers a datagram of requests before the
  /// send returns, so this reads to the end of what a batch left behind.
  virtual Result<std::optional<Datagram>> receive_queued(std::span<std::byte> buffer) = 0;
  /// Grows the receive buffer to hold at least `bytes` (as the kernel
  /// counts them: what SO_RCVBUF reports) where that is allowed, and
  /// returns what it holds now. Replies that do not fit are dropped.
  virtual size_t reserve_receive_buffer(size_t bytes) = 0;
  /// Whether an error reply carries a copy of the whole request (the
  /// socket has no NETLINK_CAP_ACK), which makes it as large again.
  virtual bool errors_echo_requests() const noexcept = 0;
  /// The port id the kernel addresses replies to (nl_pid after bind).
  virtual uint32_t port_id() const noexcept = 0;
  /// The netlink protocol (NETLINK_ROUTE, NETLINK_GENERIC...).
  virtual int protocol() const noexcept = 0;
  /// The descriptor to poll for POLLIN, or -1 when there is none (a fake).
  virtual int fileno() const noexcept = 0;
};

}  // namespace nlpp::io
