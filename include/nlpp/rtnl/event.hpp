// Typed RTNL change events: what the kernel broadcasts to the RTNLGRP_*
// multicast groups, decoded into the objects IpRoute works with. One
// notification is one Event, a std::variant of NewEvent<T> and DelEvent<T>
// for each object, Overrun and UnknownEvent:
//
//     if (const rtnl::Link* link = rtnl::object_if<rtnl::Link>(event))
//       std::cout << (rtnl::is_deletion(event) ? "deleted " : "new ") << link->name.value_or("") << '\n';
//     else if (std::holds_alternative<rtnl::Overrun>(event))
//       resync();  // events were lost: dump again
//
// EventStream (event_stream.hpp) receives them; docs/RTNL_EVENTS.md says how.
#pragma once

#include <nlpp/rtnl/event_group.hpp>
#include <nlpp/rtnl/object_event.hpp>
#include <nlpp/rtnl/objects.hpp>
#include <nlpp/wire/message.hpp>

#include <cstddef>
#include <cstdint>
#include <system_error>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace nlpp::rtnl {

/// The groups an object's notifications go to (ObjectTraits<T>::groups).
template <EventObject T>
inline constexpr EventGroups event_groups_of = [] {
  EventGroups groups;
  for (const NotificationGroup& entry : ObjectTraits<T>::groups) groups.insert(entry.group);
  return groups;
}();

/// Both address families, every route family, both rule families; every
/// object's groups.
inline constexpr EventGroups address_events = event_groups_of<Address>;
inline constexpr EventGroups route_events = event_groups_of<Route>;
inline constexpr EventGroups rule_events = event_groups_of<Rule>;
inline constexpr EventGroups all_events = [] {
  EventGroups groups;
  for_each_object(EventObjects{}, [&]<class T>(std::type_identity<T>) {
    groups = EventGroups(static_cast<EventGroups::Bits>(groups.bits() | event_groups_of<T>.bits()));
  });
  return groups;
}();

/// The RTNLGRP_* numbers of the groups in the set, in EventGroup order.
std::vector<uint32_t> multicast_groups(EventGroups groups);

/// The kernel dropped notifications for this socket (ENOBUFS: its receive
/// buffer was full), or one did not fit the receive buffer. Everything
/// received afterwards is accurate, but changes in between are lost: a
/// mirror of kernel state must resync with a dump.
struct Overrun {
  /// ENOBUFS in std::system_category(), or errc::truncated_message.
  std::error_code cause;

  friend bool operator==(const Overrun&, const Overrun&) = default;
};

/// A notification nlpp does not turn into an object: a message type or
/// family it does not model (RTM_NEWNETCONF, for one), or one whose parse
/// failed. The stream goes on.
struct UnknownEvent {
  uint16_t nlmsg_type = 0;
  uint16_t nlmsg_flags = 0;
  std::vector<std::byte> message;  ///< the whole message, header included
  /// Why it was not parsed: empty for a type or family nlpp does not model,
  /// else the parse error (or, with nlmsg_type 0, a malformed datagram).
  Error error{};
};

namespace detail {
template <class... Alternatives>
std::variant<Alternatives...> as_variant(std::tuple<Alternatives...>);
template <class... T>
auto event_variant(ObjectList<T...>)
    -> decltype(as_variant(std::tuple_cat(std::declval<std::tuple<Overrun>>(),
                                          std::declval<std::tuple<NewEvent<T>, DelEvent<T>>>()...,
                                          std::declval<std::tuple<UnknownEvent>>())));
}  // namespace detail

/// One notification: Overrun, then NewLink, DelLink, NewAddress... (each
/// EventObject's NewEvent and DelEvent, in the order of rtnl::Objects),
/// then UnknownEvent.
using Event = decltype(detail::event_variant(EventObjects{}));

/// The object a NewEvent<T> or DelEvent<T> carries; nullptr for any other
/// event (another object's, an Overrun, an UnknownEvent).
template <EventObject T>
const T* object_if(const Event& event) noexcept {
  if (const auto* created = std::get_if<NewEvent<T>>(&event)) return &created->object;
  if (const auto* deleted = std::get_if<DelEvent<T>>(&event)) return &deleted->object;
  return nullptr;
}

/// Whether event says an object is gone (a DelEvent of any object).
bool is_deletion(const Event& event) noexcept;

/// Decodes one notification. Never fails: what it cannot parse becomes an
/// UnknownEvent holding a copy of the message and the reason. Of a message
/// that carries several objects (ParsesSeveral: the actions one request
/// changed), the first; decode_events() gives them all.
Event decode_event(const wire::Message& message);

/// Decodes one notification into its events: one, or one per object of a
/// message that carries several (each with the message's nlmsg_flags), in
/// the message's order. Never empty; never fails, as decode_event().
/// EventStream hands out these.
std::vector<Event> decode_events(const wire::Message& message);

}  // namespace nlpp::rtnl
