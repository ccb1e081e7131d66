// How an RTNL object (Link, Address, Route, Neighbour, Rule, Nexthop...)
// maps onto netlink. Each object specialises ObjectTraits once, and every
// generic operation (IpRoute's dump/get/add/replace/set/del, events, IPDB)
// is written once against this description: adding an object is adding a
// specialisation, not editing a switch in five places.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/plan.hpp>
#include <nlpp/codec/field_change.hpp>
#include <nlpp/rtnl/event_group.hpp>
#include <nlpp/rtnl/object_event.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

// glibc's <net/if.h> and <netinet/in.h> before any kernel header: the UAPI
// headers the object headers include (<linux/if_bridge.h>, <linux/seg6.h>,
// <linux/if_tunnel.h>...) then leave out what glibc defined, in whatever
// order a program includes nlpp's headers (linux/libc-compat.h).
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// Specialised per object type T; see RtnlObject for what it provides.
template <class T>
struct ObjectTraits;

/// What ObjectTraits<T> must provide (not compiled):
///
///     static constexpr std::string_view name;           // "route": for errors and docs
///     static constexpr uint16_t new_type, del_type, get_type;  // RTM_NEWROUTE...
///     static constexpr std::optional<uint16_t> set_flags;       // Verb::set's flags (verb.hpp)
///     using Key = ...;   // the kernel's identity: totally ordered, equality-comparable
///     using Filter = ...; // what a dump can select on; default-constructed selects all
///
///     static Result<T> parse(const wire::Message&);     // a kernel message -> object
///     static void emit(const T&, wire::MessageBuilder&, uint16_t type, uint16_t flags);  // object -> whole message
///     static Result<void> validate(const T&);           // input checks before sending, naming the field
///     static Key key(const T&);
///     static std::vector<FieldChange> diff(const T& before, const T& after);
///
///     // Dumps: the request, with what the kernel can filter itself under
///     // strict checking; matches() applies the rest in nlpp.
///     static void emit_dump_request(const Filter&, wire::MessageBuilder&);
///     static bool matches(const Filter&, const T&);
///     // Optional: whether the kernel's error for a dump means there is
///     // nothing to dump, so that the dump is empty, not failed.
///     static bool is_empty_dump(const Filter&, const Error&);
///     // Optional: what the kernel requires of a dump's filter, checked
///     // before anything is sent (an action dump names its kind).
///     static Result<void> validate_dump(const Filter&);
///     // Optional: the type of the kernel's replies to a get and a dump,
///     // when it is not new_type (actions: RTM_GETACTION).
///     static constexpr uint16_t reply_type;
///     // Optional, in its place: the types, when a get's replies and a
///     // dump's differ (chains: RTM_GETCHAIN, RTM_NEWCHAIN).
///     static constexpr uint16_t reply_types[];
///
/// An object whose changes the kernel broadcasts (an EventObject) adds (not compiled):
///
///     // The RTNLGRP_* groups its notifications go to.
///     static constexpr NotificationGroup groups[] = {{EventGroup::links, RTNLGRP_LINK, "links"}};
///     // One word naming it in printed events ("link", "fdb").
///     static constexpr std::string_view event_name;
///     // Only when another object's notifications share its new_type and
///     // del_type: whether this message is this object's (by family_of()).
///     static bool owns(const wire::Message&);
///
/// and its header names its events: `using NewLink = NewEvent<Link>;`.
/// Listing the type in rtnl/objects.hpp then gives it its place in
/// rtnl::Event, decode_event(), all_events and the format layer.
template <class T>
concept RtnlObject = requires(const T& object, const wire::Message& message, wire::MessageBuilder& builder,
                              const typename ObjectTraits<T>::Filter& filter) {
  { ObjectTraits<T>::name } -> std::convertible_to<std::string_view>;
  { ObjectTraits<T>::new_type } -> std::convertible_to<uint16_t>;
  { ObjectTraits<T>::del_type } -> std::convertible_to<uint16_t>;
  { ObjectTraits<T>::get_type } -> std::convertible_to<uint16_t>;
  { ObjectTraits<T>::set_flags } -> std::convertible_to<std::optional<uint16_t>>;
  { ObjectTraits<T>::parse(message) } -> std::same_as<Result<T>>;
  ObjectTraits<T>::emit(object, builder, uint16_t{}, uint16_t{});
  { ObjectTraits<T>::validate(object) } -> std::same_as<Result<void>>;
  { ObjectTraits<T>::key(object) } -> std::totally_ordered;
  { ObjectTraits<T>::diff(object, object) } -> std::same_as<std::vector<FieldChange>>;
  ObjectTraits<T>::emit_dump_request(filter, builder);
  { ObjectTraits<T>::matches(filter, object) } -> std::same_as<bool>;
};

/// An object of which one message may carry several (RTM_NEWACTION: the
/// kernel's table of actions, as many as fit in a dump's reply, those one
/// request changed in a notification). Its ObjectTraits add (not compiled):
///
///     static Result<std::vector<T>> parse_all(const wire::Message&);  // every one, in the message's order
///
/// and parse() is the first of them. A dump returns them all
/// (RtnlBinding::parse_all, io::Session), and each is an event of its own
/// (decode_events(), EventStream).
template <class T>
concept ParsesSeveral = requires(const wire::Message& message) {
  { ObjectTraits<T>::parse_all(message) } -> std::same_as<Result<std::vector<T>>>;
};

/// An object that one RTM_NEW* request cannot create: its ObjectTraits give
/// the steps instead,
///
///     static Result<io::Plan> plan_add(const T&);   // validated, or the error
///
/// (a "tun" link is made through an ioctl, a link's altnames through
/// RTM_NEWLINKPROP once it exists), which a session runs (io::run_plan) and
/// a batch carries when the plan is one request.
template <class T>
concept HasAddPlan = requires(const T& object) {
  { ObjectTraits<T>::plan_add(object) } -> std::same_as<Result<io::Plan>>;
};

/// An RtnlObject whose notifications EventStream decodes (see RtnlObject).
template <class T>
concept EventObject = RtnlObject<T> && requires {
  { std::span<const NotificationGroup>(ObjectTraits<T>::groups) };
  { ObjectTraits<T>::event_name } -> std::convertible_to<std::string_view>;
};

/// The family byte that starts every RTNL family header (ifi_family,
/// ndm_family...); AF_UNSPEC when the payload is empty. What owns() tells
/// objects that share message types apart by.
inline uint8_t family_of(const wire::Message& message) noexcept {
  const wire::Bytes payload = message.payload();
  return payload.empty() ? AF_UNSPEC : static_cast<uint8_t>(payload[0]);
}

/// Whether message is a notification of T: its new_type or del_type, and
/// T's owns() says so when T has one.
template <EventObject T>
bool is_notification_of(const wire::Message& message) {
  using Traits = ObjectTraits<T>;
  if (message.type() != Traits::new_type && message.type() != Traits::del_type) return false;
  if constexpr (requires { Traits::owns(message); })
    return Traits::owns(message);
  else
    return true;
}

}  // namespace nlpp::rtnl
