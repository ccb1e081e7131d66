#include <nlpp/io/subscription.hpp>

#include <linux/netlink.h>

#include <algorithm>

namespace nlpp::io {
namespace {

// The socket's receive buffer when the caller sets none. The system default
// (~208 KiB) overflows after a few thousand route changes in a burst while
// the reader is descheduled; 32 MiB held 100,000 route adds and deletes
// without a loss (bench/run.sh, events). The kernel charges it only while
// notifications are queued, so an idle subscription costs nothing.
constexpr int default_notification_buffer = 32 * 1024 * 1024;

}  // namespace

Subscription::Subscription(std::unique_ptr<Transport> transport) : receiver_(std::move(transport)) {}

Result<Subscription> Subscription::open(int protocol, std::span<const uint32_t> groups, const SocketOptions& options) {
  SocketOptions socket_options = options;
  if (socket_options.receive_buffer == 0) socket_options.receive_buffer = default_notification_buffer;
  Result<Socket> socket = Socket::open(protocol, socket_options);
  if (!socket) return std::move(socket).error();
  for (const uint32_t group : groups)
    if (auto joined = socket->join_group(group); !joined) return std::move(joined).error();
  return Subscription(std::make_unique<Socket>(std::move(*socket)));
}

Result<Received> Subscription::next(std::chrono::milliseconds timeout) {
  for (;;) {
    while (!rest_.empty()) {
      const wire::Message message = *wire::MessageRange(rest_).begin();
      // validate() checked that the messages tile the datagram, so the
      // message's aligned length is where the next one starts.
      rest_ = rest_.subspan(std::min(rest_.size(), static_cast<size_t>(NLMSG_ALIGN(message.length()))));
      if (message.type() >= NLMSG_MIN_TYPE) return Received(message);
    }
    Result<std::optional<wire::Bytes>> datagram = receiver_.receive_within(timeout);
    if (!datagram) {
      Error error = std::move(datagram).error();
      if (error.is_overrun() || error.code() == errc::truncated_message)
        return Received(NotificationsLost{std::move(error)});
      // Nothing there on a non-blocking transport read directly.
      if (error.code() == std::errc::resource_unavailable_try_again) return Received();
      return error;
    }
    if (!*datagram) return Received();
    if (Result<void> valid = wire::MessageRange(**datagram).validate(); !valid)
      return Received(MalformedDatagram{**datagram, std::move(valid).error()});
    rest_ = **datagram;
  }
}

}  // namespace nlpp::io
