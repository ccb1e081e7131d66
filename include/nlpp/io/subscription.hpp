// Multicast subscriptions: a socket that joined groups and hands over the
// notifications the kernel broadcasts to them.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/request_engine.hpp>
#include <nlpp/io/socket.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace nlpp::io {

/// A socket subscribed to multicast groups. ENOBUFS from receive() is the
/// overrun signal (Error::is_overrun()): the kernel dropped notifications,
/// so whatever mirrors kernel state must resync by dumping again.
class Subscription {
 public:
  /// Opens a socket of the protocol and joins every group in groups (numbers
  /// such as RTNLGRP_LINK; any value, groups above 31 included).
  static Result<Subscription> open(int protocol, std::span<const uint32_t> groups, const SocketOptions& options = {});

  /// The descriptor, for poll/epoll.
  int fileno() const noexcept { return socket_.fileno(); }
  Socket& socket() noexcept { return socket_; }

  /// Receives one datagram (waiting for it unless the socket is
  /// non-blocking, when EAGAIN means nothing is pending) and calls
  /// on_message for each notification in it. Returns how many there were.
  /// Datagrams not from the kernel are dropped; an empty handler discards.
  Result<size_t> receive(const MessageHandler& on_message);

 private:
  explicit Subscription(Socket socket);

  Socket socket_;
  std::vector<std::byte> buffer_;
};

}  // namespace nlpp::io
