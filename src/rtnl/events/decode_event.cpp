// A notification -> a typed Event: the first object of rtnl::EventObjects
// whose traits claim the message (is_notification_of) parses it.
#include <nlpp/rtnl/event.hpp>

#include <optional>

namespace nlpp::rtnl {
namespace {

UnknownEvent unknown(const wire::Message& message, Error error = {}) {
  const wire::Bytes bytes = message.bytes();
  return UnknownEvent{.nlmsg_type = message.type(),
                      .nlmsg_flags = message.flags(),
                      .message = std::vector<std::byte>(bytes.begin(), bytes.end()),
                      .error = std::move(error)};
}

// The object of a new_type or del_type message of T as the matching event.
template <EventObject T>
Event decode_as(const wire::Message& message) {
  Result<T> object = ObjectTraits<T>::parse(message);
  if (!object) return unknown(message, std::move(object).error());
  if (message.type() == ObjectTraits<T>::del_type) return DelEvent<T>{std::move(*object), message.flags()};
  return NewEvent<T>{std::move(*object), message.flags()};
}

}  // namespace

Event decode_event(const wire::Message& message) {
  std::optional<Event> event;
  for_each_object(EventObjects{}, [&]<class T>(std::type_identity<T>) {
    if (!event && is_notification_of<T>(message)) event = decode_as<T>(message);
  });
  return event ? std::move(*event) : unknown(message);
}

bool is_deletion(const Event& event) noexcept {
  bool deletion = false;
  for_each_object(EventObjects{}, [&]<class T>(std::type_identity<T>) {
    deletion = deletion || std::holds_alternative<DelEvent<T>>(event);
  });
  return deletion;
}

}  // namespace nlpp::rtnl
