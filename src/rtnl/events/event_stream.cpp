// EventStream: receiving notifications and handing them out one by one.
#include <nlpp/rtnl/event_stream.hpp>

#include <linux/rtnetlink.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>

namespace nlpp::rtnl {
namespace {

// The socket's receive buffer when the caller sets none. The system default
// (~208 KiB) overflows after a few thousand route changes in a burst while
// the reader is descheduled; 32 MiB held 100,000 route adds and deletes
// without a loss (bench/run.sh, events). The kernel charges it only while
// notifications are queued, so an idle stream costs nothing.
constexpr int default_event_buffer = 32 * 1024 * 1024;

// Waits up to timeout (negative: no limit) for fd to be readable or in
// error. Returns false on timeout.
Result<bool> wait_readable(int fd, std::chrono::milliseconds timeout) {
  using clock = std::chrono::steady_clock;
  const bool forever = timeout.count() < 0;
  const clock::time_point deadline = clock::now() + (forever ? std::chrono::milliseconds(0) : timeout);
  for (;;) {
    int wait_ms = -1;
    if (!forever) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - clock::now());
      wait_ms = static_cast<int>(std::max<std::chrono::milliseconds::rep>(left.count(), 0));
    }
    pollfd descriptor{.fd = fd, .events = POLLIN, .revents = 0};
    const int ready = ::poll(&descriptor, 1, wait_ms);
    if (ready > 0) return true;
    if (ready == 0) return false;
    if (errno != EINTR) return Error::from_errno(errno, "poll event stream");
  }
}

}  // namespace

Result<EventStream> EventStream::open(EventGroups groups, const io::SocketOptions& options) {
  if (groups.empty()) return Error(errc::invalid_argument, "event groups: the set is empty, nothing to subscribe to");
  io::SocketOptions socket_options = options;
  if (socket_options.receive_buffer == 0) socket_options.receive_buffer = default_event_buffer;
  Result<io::Socket> socket = io::Socket::open(NETLINK_ROUTE, socket_options);
  if (!socket) return std::move(socket).error();
  for (const uint32_t group : multicast_groups(groups))
    if (Result<void> joined = socket->join_group(group); !joined) return std::move(joined).error();
  return EventStream(std::make_unique<io::Socket>(std::move(*socket)));
}

EventStream::EventStream(std::unique_ptr<io::Transport> transport)
    : transport_(std::move(transport)), buffer_(io::max_datagram_size) {}

EventStream::EventStream(EventStream&&) noexcept = default;
EventStream& EventStream::operator=(EventStream&&) noexcept = default;
EventStream::~EventStream() = default;

Result<Event> EventStream::next() {
  for (;;) {
    // Without a timeout, wait() comes back empty only when the socket was
    // readable and then had nothing (EAGAIN): wait again.
    Result<std::optional<Event>> event = wait(std::chrono::milliseconds(-1));
    if (!event) return std::move(event).error();
    if (*event) return std::move(**event);
  }
}

Result<std::optional<Event>> EventStream::wait(std::chrono::milliseconds timeout) {
  for (;;) {
    if (std::optional<Event> buffered = next_buffered()) return buffered;
    Result<std::optional<Event>> received = receive(timeout);
    if (!received || *received) return received;
    if (next_ == end_) return std::optional<Event>();  // nothing came in time
    // A datagram arrived: the loop decodes it.
  }
}

Result<std::optional<Event>> EventStream::receive(std::chrono::milliseconds timeout) {
  for (;;) {
    if (fileno() >= 0) {
      Result<bool> ready = wait_readable(fileno(), timeout);
      if (!ready) return std::move(ready).error();
      if (!*ready) return std::optional<Event>();
    }
    Result<io::Datagram> datagram = transport_->receive(buffer_);
    if (!datagram) {
      const Error& error = datagram.error();
      if (error.is_overrun() || error.code() == errc::truncated_message)
        return std::optional<Event>(count(Overrun{error.code()}));
      // Readable but nothing there (another reader of a shared descriptor,
      // or a non-blocking socket): nothing yet.
      if (error.code() == std::errc::resource_unavailable_try_again) return std::optional<Event>();
      return std::move(datagram).error();
    }
    if (datagram->sender_port_id != 0) {
      ++stats_.foreign_datagrams;
      continue;
    }
    ++stats_.datagrams;
    const wire::MessageRange messages(wire::Bytes(buffer_).first(datagram->length));
    if (Result<void> valid = messages.validate(); !valid) {
      UnknownEvent malformed{.message = std::vector<std::byte>(buffer_.begin(), buffer_.begin() + datagram->length),
                             .error = std::move(valid).error()};
      return std::optional<Event>(count(std::move(malformed)));
    }
    next_ = 0;
    end_ = datagram->length;
    return std::optional<Event>();
  }
}

std::optional<Event> EventStream::next_buffered() {
  while (next_ < end_) {
    const wire::MessageRange rest(wire::Bytes(buffer_).subspan(next_, end_ - next_));
    const wire::Message message = *rest.begin();
    // validate() checked that the messages tile the datagram, so the
    // message's length (aligned) is where the next one starts.
    next_ += std::min(end_ - next_, static_cast<size_t>(NLMSG_ALIGN(message.length())));
    if (message.type() < NLMSG_MIN_TYPE) continue;  // NLMSG_NOOP, _DONE...: nothing to report
    return count(decode_event(message));
  }
  return std::nullopt;
}

Event EventStream::count(Event event) {
  ++stats_.events;
  if (std::holds_alternative<Overrun>(event)) ++stats_.overruns;
  if (std::holds_alternative<UnknownEvent>(event)) ++stats_.unknown;
  return event;
}

}  // namespace nlpp::rtnl
