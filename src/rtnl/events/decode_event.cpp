// A notification -> a typed Event, through each object's ObjectTraits.
#include <nlpp/rtnl/event.hpp>

#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

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
template <RtnlObject T>
Event decode_as(const wire::Message& message) {
  Result<T> object = ObjectTraits<T>::parse(message);
  if (!object) return unknown(message, std::move(object).error());
  if (message.type() == ObjectTraits<T>::del_type) return DelEvent<T>{std::move(*object), message.flags()};
  return NewEvent<T>{std::move(*object), message.flags()};
}

// The family byte that starts every RTNL family header (ifi_family,
// ndm_family...); AF_UNSPEC when the payload is empty.
uint8_t family_of(const wire::Message& message) {
  const wire::Bytes payload = message.payload();
  return payload.empty() ? AF_UNSPEC : static_cast<uint8_t>(payload[0]);
}

}  // namespace

Event decode_event(const wire::Message& message) {
  switch (message.type()) {
    case RTM_NEWLINK:
    case RTM_DELLINK:
      // AF_BRIDGE link messages are a bridge's per-port notifications: an
      // RTM_DELLINK there means the port left the bridge, not that the link
      // is gone, so they must not look like link events.
      if (family_of(message) == AF_BRIDGE) return unknown(message);
      return decode_as<Link>(message);
    case RTM_NEWADDR:
    case RTM_DELADDR:
      return decode_as<Address>(message);
    case RTM_NEWROUTE:
    case RTM_DELROUTE:
      return decode_as<Route>(message);
    case RTM_NEWNEIGH:
    case RTM_DELNEIGH:
      if (family_of(message) == AF_BRIDGE) return decode_as<FdbEntry>(message);
      return decode_as<Neighbour>(message);
    case RTM_NEWRULE:
    case RTM_DELRULE:
      return decode_as<Rule>(message);
    case RTM_NEWNEXTHOP:
    case RTM_DELNEXTHOP:
      return decode_as<Nexthop>(message);
    default:
      return unknown(message);
  }
}

}  // namespace nlpp::rtnl
