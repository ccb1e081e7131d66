// Multicast subscriptions: a socket that joined groups and hands out the
// notifications the kernel broadcasts to them, one at a time. Any
// protocol's event stream is built on it (rtnl::EventStream decodes RTNL's).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/receiver.hpp>
#include <nlpp/io/socket.hpp>
#include <nlpp/wire/message.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <variant>

namespace nlpp::io {

/// Notifications were lost: the kernel dropped some (ENOBUFS,
/// Error::is_overrun()) or one did not fit the buffer
/// (errc::truncated_message). Whatever mirrors kernel state must resync by
/// dumping again.
struct NotificationsLost {
  Error cause;
};

/// A datagram whose messages do not tile it: nothing in it can be trusted.
struct MalformedDatagram {
  wire::Bytes bytes;  ///< the datagram, valid until the next call
  Error error;        ///< what validation found
};

/// What Subscription::next() got: a notification (a view valid until the
/// next call), lost notifications, a malformed datagram, or nothing within
/// the time allowed (std::monostate).
using Received = std::variant<std::monostate, wire::Message, NotificationsLost, MalformedDatagram>;

/// A socket subscribed to multicast groups. Move-only; not thread-safe.
class Subscription {
 public:
  /// Opens a socket of the protocol and joins every group in groups (numbers
  /// such as RTNLGRP_LINK; any value, groups above 31 included). A
  /// receive_buffer of 0 means 32 MiB here, not the system's ~208 KiB, so
  /// that bursts of changes do not overrun (as root; otherwise
  /// net.core.rmem_max caps it).
  static Result<Subscription> open(int protocol, std::span<const uint32_t> groups, const SocketOptions& options = {});
  /// Takes over a transport that is already subscribed (a socket set up by
  /// hand, or a test's fake kernel).
  explicit Subscription(std::unique_ptr<Transport> transport);

  /// The descriptor to poll for readability (POLLIN; an overrun shows as
  /// POLLERR); -1 over a fake transport.
  int fileno() const noexcept { return receiver_.transport().fileno(); }
  Transport& transport() noexcept { return receiver_.transport(); }
  const ReceiveStats& stats() const noexcept { return receiver_.stats(); }

  /// The next notification, waiting up to timeout (negative: as long as it
  /// takes; 0: only what is ready now). Control messages (NLMSG_NOOP...)
  /// are skipped. Errors are the socket's (EBADF...); lost notifications
  /// and malformed datagrams are what they are, and the subscription goes on.
  Result<Received> next(std::chrono::milliseconds timeout = std::chrono::milliseconds(-1));

 private:
  Receiver receiver_;
  // The notifications of the current datagram not handed out yet.
  wire::Bytes rest_;
};

}  // namespace nlpp::io
