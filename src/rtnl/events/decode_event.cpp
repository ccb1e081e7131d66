// A notification -> a typed Event: the first object of rtnl::EventObjects
// whose traits claim the message (is_notification_of) parses it.
#include <nlpp/rtnl/event.hpp>

#include <optional>
#include <utility>
#include <vector>

namespace nlpp::rtnl {
namespace {

UnknownEvent unknown(const wire::Message& message, Error error = {}) {
  const wire::Bytes bytes = message.bytes();
  return UnknownEvent{.nlmsg_type = message.type(),
                      .nlmsg_flags = message.flags(),
                      .message = std::vector<std::byte>(bytes.begin(), bytes.end()),
                      .error = std::move(error)};
}

// An object of a new_type or del_type message of T as the matching event.
template <EventObject T>
Event as_event(const wire::Message& message, T&& object) {
  if (message.type() == ObjectTraits<T>::del_type) return DelEvent<T>{std::move(object), message.flags()};
  return NewEvent<T>{std::move(object), message.flags()};
}

template <EventObject T>
Event decode_as(const wire::Message& message) {
  Result<T> object = ObjectTraits<T>::parse(message);
  if (!object) return unknown(message, std::move(object).error());
  return as_event<T>(message, std::move(*object));
}

// Every object of the message as an event; one UnknownEvent when it does
// not parse.
template <EventObject T>
void decode_all_as(const wire::Message& message, std::vector<Event>& events) {
  if constexpr (ParsesSeveral<T>) {
    Result<std::vector<T>> objects = ObjectTraits<T>::parse_all(message);
    if (!objects) return events.push_back(unknown(message, std::move(objects).error()));
    for (T& object : *objects) events.push_back(as_event<T>(message, std::move(object)));
    if (objects->empty()) events.push_back(decode_as<T>(message));  // parse()'s error says why
  } else {
    events.push_back(decode_as<T>(message));
  }
}

}  // namespace

Event decode_event(const wire::Message& message) {
  std::optional<Event> event;
  for_each_object(EventObjects{}, [&]<class T>(std::type_identity<T>) {
    if (!event && is_notification_of<T>(message)) event = decode_as<T>(message);
  });
  return event ? std::move(*event) : unknown(message);
}

std::vector<Event> decode_events(const wire::Message& message) {
  std::vector<Event> events;
  bool claimed = false;
  for_each_object(EventObjects{}, [&]<class T>(std::type_identity<T>) {
    if (claimed || !is_notification_of<T>(message)) return;
    claimed = true;
    decode_all_as<T>(message, events);
  });
  if (!claimed) events.push_back(unknown(message));
  return events;
}

bool is_deletion(const Event& event) noexcept {
  bool deletion = false;
  for_each_object(EventObjects{}, [&]<class T>(std::type_identity<T>) {
    deletion = deletion || std::holds_alternative<DelEvent<T>>(event);
  });
  return deletion;
}

}  // namespace nlpp::rtnl
