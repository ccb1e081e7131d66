// EventStream: an io::Subscription to RTNL multicast groups (a socket of
// its own, optionally in another namespace) whose notifications it decodes
// into typed Events (event.hpp). Blocking (next, wait) or from an event
// loop (fileno, drain).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/socket.hpp>
#include <nlpp/io/subscription.hpp>
#include <nlpp/io/transport.hpp>
#include <nlpp/rtnl/event.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <iterator>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace nlpp::rtnl {

/// What a stream counted.
struct EventStats {
  uint64_t datagrams = 0;          ///< datagrams received from the kernel
  uint64_t events = 0;             ///< events handed out, overruns and unknown ones included
  uint64_t overruns = 0;           ///< Overrun events
  uint64_t unknown = 0;            ///< UnknownEvent events
  uint64_t foreign_datagrams = 0;  ///< datagrams from another port than the kernel's, dropped
};

/// Receives the notifications of the groups it joined, as Events. Move-only;
/// not thread-safe (one stream per thread; streams are cheap).
///
///     auto events = rtnl::EventStream::open({rtnl::EventGroup::links}, {.netns = ns}).value();
///     for (;;) {
///       rtnl::Event event = events.next().value();
///       if (std::holds_alternative<rtnl::Overrun>(event)) resync();
///     }
class EventStream {
 public:
  /// Opens a NETLINK_ROUTE socket with options (netns, receive_buffer,
  /// nonblocking) and joins the groups. A receive_buffer of 0 means 32 MiB
  /// here, not the system's ~208 KiB, so that bursts of changes do not
  /// overrun (as root; otherwise net.core.rmem_max caps it). An empty set
  /// joins nothing, which is an errc::invalid_argument naming "event groups".
  static Result<EventStream> open(EventGroups groups, const io::SocketOptions& options = {});

  /// Takes over a transport that is already subscribed (a test's fake
  /// kernel). Its fileno() is what wait() polls; when it has none (-1),
  /// wait() reads the transport directly, without a timeout.
  explicit EventStream(std::unique_ptr<io::Transport> transport) : subscription_(std::move(transport)) {}

  /// The descriptor to poll for readability (POLLIN; an overrun shows as
  /// POLLERR). Owned by the stream.
  int fileno() const noexcept { return subscription_.fileno(); }

  /// The next event, waiting as long as it takes. Errors are the socket's
  /// (EBADF...); an overrun is an Overrun event, not an error. A
  /// notification that carries several objects (the actions one request
  /// changed) is one event each, handed out one after the other.
  Result<Event> next();
  /// The next event, or std::nullopt when none came within timeout.
  Result<std::optional<Event>> wait(std::chrono::milliseconds timeout);
  /// The next event if one is ready now (from the last datagram or
  /// notification, or the socket), else std::nullopt.
  Result<std::optional<Event>> try_next() { return wait(std::chrono::milliseconds(0)); }

  /// For an event loop: hands every event that is ready now to on_event
  /// (called with an Event&&) and returns how many there were. Call it when
  /// fileno() is readable.
  template <class OnEvent>
  Result<size_t> drain(OnEvent&& on_event) {
    size_t count = 0;
    for (;;) {
      Result<std::optional<Event>> event = try_next();
      if (!event) return std::move(event).error();
      if (!*event) return count;
      on_event(std::move(**event));
      ++count;
    }
  }

  EventStats stats() const noexcept;
  io::Transport& transport() noexcept { return subscription_.transport(); }

 private:
  explicit EventStream(io::Subscription subscription) : subscription_(std::move(subscription)) {}
  // The event, counted.
  Event count(Event event);

  io::Subscription subscription_;
  EventStats counted_;  // events, overruns, unknown: the subscription counts datagrams
  // The events of the last notification not handed out yet (decode_events()).
  std::deque<Event> pending_;
};

/// An EventStream for scripts, as ThrowingIpRoute is for requests: next()
/// and wait() return events, and the socket's errors throw nlpp::Exception.
///
///     auto events = rtnl::ThrowingEventStream::open({rtnl::EventGroup::links});
///     for (const rtnl::Event& event : events)
///       if (const rtnl::Link* link = rtnl::object_if<rtnl::Link>(event)) use(*link, rtnl::is_deletion(event));
class ThrowingEventStream {
 public:
  class Iterator;
  /// Opens the stream, or throws what EventStream::open() would have returned.
  static ThrowingEventStream open(EventGroups groups, const io::SocketOptions& options = {}) {
    return ThrowingEventStream(EventStream::open(groups, options).value());
  }
  explicit ThrowingEventStream(EventStream stream) : stream_(std::move(stream)) {}

  /// The next event, waiting as long as it takes (EventStream::next()).
  Event next() { return stream_.next().value(); }
  /// The next event, or std::nullopt when none came within timeout.
  std::optional<Event> wait(std::chrono::milliseconds timeout) { return stream_.wait(timeout).value(); }

  /// The events as an endless input range, each received when the loop
  /// asks for it: `for (const rtnl::Event& event : events)`.
  Iterator begin();
  std::default_sentinel_t end() const noexcept { return {}; }

  /// The stream itself, whose calls return Result instead of throwing.
  EventStream& stream() noexcept { return stream_; }

 private:
  EventStream stream_;
};

/// An input iterator over a ThrowingEventStream: the current event, and
/// the next one received on ++. Never equal to end().
class ThrowingEventStream::Iterator {
 public:
  using value_type = Event;
  using difference_type = std::ptrdiff_t;

  explicit Iterator(ThrowingEventStream& stream) : stream_(&stream), event_(stream.next()) {}

  const Event& operator*() const noexcept { return event_; }
  Iterator& operator++() {
    event_ = stream_->next();
    return *this;
  }
  void operator++(int) { ++*this; }
  friend bool operator==(const Iterator&, std::default_sentinel_t) noexcept { return false; }

 private:
  ThrowingEventStream* stream_;
  Event event_;
};

inline ThrowingEventStream::Iterator ThrowingEventStream::begin() { return Iterator(*this); }

}  // namespace nlpp::rtnl
