// EventStream: RTNL's notifications, decoded as they come out of the
// subscription.
#include <nlpp/rtnl/event_stream.hpp>

#include <linux/rtnetlink.h>

#include <utility>
#include <vector>

namespace nlpp::rtnl {

Result<EventStream> EventStream::open(EventGroups groups, const io::SocketOptions& options) {
  if (groups.empty()) return Error(errc::invalid_argument, "event groups: the set is empty, nothing to subscribe to");
  Result<io::Subscription> subscription = io::Subscription::open(NETLINK_ROUTE, multicast_groups(groups), options);
  if (!subscription) return std::move(subscription).error();
  return EventStream(std::move(*subscription));
}

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
  if (!pending_.empty()) {
    Event event = std::move(pending_.front());
    pending_.pop_front();
    return count(std::move(event));
  }
  Result<io::Received> received = subscription_.next(timeout);
  if (!received) return std::move(received).error();
  if (const auto* message = std::get_if<wire::Message>(&*received)) {
    std::vector<Event> events = decode_events(*message);
    for (size_t more = 1; more < events.size(); ++more) pending_.push_back(std::move(events[more]));
    return count(std::move(events.front()));
  }
  if (const auto* lost = std::get_if<io::NotificationsLost>(&*received)) return count(Overrun{lost->cause.code()});
  if (const auto* malformed = std::get_if<io::MalformedDatagram>(&*received))
    return count(UnknownEvent{.message = std::vector<std::byte>(malformed->bytes.begin(), malformed->bytes.end()),
                              .error = malformed->error});
  return std::optional<Event>();  // nothing within the timeout
}

EventStats EventStream::stats() const noexcept {
  EventStats stats = counted_;
  stats.datagrams = subscription_.stats().datagrams;
  stats.foreign_datagrams = subscription_.stats().foreign_datagrams;
  return stats;
}

Event EventStream::count(Event event) {
  ++counted_.events;
  if (std::holds_alternative<Overrun>(event)) ++counted_.overruns;
  if (std::holds_alternative<UnknownEvent>(event)) ++counted_.unknown;
  return event;
}

}  // namespace nlpp::rtnl
