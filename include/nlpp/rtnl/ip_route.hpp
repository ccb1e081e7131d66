// IPRoute: RTNL's objects over one socket, the way pyroute2's IPRoute works,
// typed. Every operation is written once for every object through
// ObjectTraits; include the header of the objects you use
// (nlpp/rtnl/link.hpp, route.hpp, ...).
#pragma once

#include <nlpp/io/request_engine.hpp>
#include <nlpp/rtnl/object_traits.hpp>

#include <linux/netlink.h>

#include <optional>
#include <utility>
#include <vector>

namespace nlpp::rtnl {

/// One NETLINK_ROUTE socket (optionally inside a namespace) and the typed
/// operations on it. Not thread-safe: one IPRoute per thread.
class IPRoute {
 public:
  /// Opens a NETLINK_ROUTE socket; options.netns puts it in a namespace.
  static Result<IPRoute> open(const io::SocketOptions& options = {});
  explicit IPRoute(io::RequestEngine engine) : engine_(std::move(engine)) {}

  /// Every object of type T the filter selects. The kernel filters what it
  /// can (strict checking); nlpp filters the rest.
  template <RtnlObject T>
  Result<std::vector<T>> dump(const typename ObjectTraits<T>::Filter& filter = {}) {
    std::vector<T> objects;
    Result<void> dumped = dump_each<T>(filter, [&](T&& object) { objects.push_back(std::move(object)); },
                                       [&] { objects.clear(); });
    if (!dumped) return std::move(dumped).error();
    return objects;
  }

  /// Streams the dump: on_object gets each selected object; on_restart is
  /// called when an interrupted dump starts over (forget what you got).
  template <RtnlObject T, class OnObject, class OnRestart>
  Result<void> dump_each(const typename ObjectTraits<T>::Filter& filter, OnObject&& on_object, OnRestart&& on_restart) {
    wire::MessageBuilder request;
    ObjectTraits<T>::emit_dump_request(filter, request);
    std::optional<Error> bad_message;
    Result<void> dumped = engine_.dump(
        request,
        [&](const wire::Message& message) {
          if (message.type() != ObjectTraits<T>::new_type) return;
          Result<T> object = ObjectTraits<T>::parse(message);
          if (!object) {
            if (!bad_message) bad_message = std::move(object).error();
            return;
          }
          if (ObjectTraits<T>::matches(filter, *object)) on_object(std::move(*object));
        },
        [&] {
          bad_message.reset();
          on_restart();
        });
    if (!dumped) return dumped;
    if (bad_message) return std::move(*bad_message);
    return {};
  }

  /// The kernel's view of one object, asked for by the key fields set in query.
  template <RtnlObject T>
  Result<T> get(const T& query) {
    std::optional<Result<T>> reply;
    Result<io::Ack> asked = send(query, ObjectTraits<T>::get_type, 0, [&](const wire::Message& message) {
      if (!reply && message.type() == ObjectTraits<T>::new_type) reply = ObjectTraits<T>::parse(message);
    });
    if (!asked) return std::move(asked).error();
    if (!reply) return Error(errc::protocol_error, std::string(ObjectTraits<T>::name) + ": no reply to get");
    return std::move(*reply);
  }

  /// Creates the object; EEXIST if it is there already.
  template <RtnlObject T>
  Result<io::Ack> add(const T& object) {
    return send(object, ObjectTraits<T>::new_type, NLM_F_CREATE | NLM_F_EXCL);
  }
  /// Creates the object or replaces the one with its key.
  template <RtnlObject T>
  Result<io::Ack> replace(const T& object) {
    return send(object, ObjectTraits<T>::new_type, NLM_F_CREATE | NLM_F_REPLACE);
  }
  /// Changes an existing object (ENODEV / ENOENT if it is not there).
  template <RtnlObject T>
  Result<io::Ack> set(const T& object) {
    return send(object, ObjectTraits<T>::new_type, 0);
  }
  /// Deletes the object with object's key.
  template <RtnlObject T>
  Result<io::Ack> del(const T& object) {
    return send(object, ObjectTraits<T>::del_type, 0);
  }

  io::RequestEngine& engine() noexcept { return engine_; }

 private:
  template <RtnlObject T>
  Result<io::Ack> send(const T& object, uint16_t type, uint16_t flags, const io::MessageHandler& on_reply = {}) {
    if (Result<void> valid = ObjectTraits<T>::validate(object); !valid) return std::move(valid).error();
    wire::MessageBuilder request;
    ObjectTraits<T>::emit(object, request, type, flags);
    return engine_.request(request, on_reply);
  }

  io::RequestEngine engine_;
};

}  // namespace nlpp::rtnl
