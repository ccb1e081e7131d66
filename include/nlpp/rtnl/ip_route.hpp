// IPRoute: RTNL's objects over one socket, the way pyroute2's IPRoute works,
// typed. Every operation is written once for every object through
// ObjectTraits; include the header of the objects you use
// (nlpp/rtnl/link.hpp, route.hpp, ...).
#pragma once

#include <nlpp/io/request_engine.hpp>
#include <nlpp/rtnl/dump_growth.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/rtnl/verb.hpp>

#include <linux/netlink.h>

#include <concepts>
#include <optional>
#include <utility>
#include <vector>

namespace nlpp::rtnl {

class ChangeBatch;

/// One NETLINK_ROUTE socket (optionally inside a namespace) and the typed
/// operations on it. Not thread-safe: one IPRoute per thread.
class IPRoute {
 public:
  /// Opens a NETLINK_ROUTE socket; options.netns puts it in a namespace.
  static Result<IPRoute> open(const io::SocketOptions& options = {});
  /// Takes over an engine (a test's, over a fake kernel) and installs
  /// RTNL's request describer in it, so errors name requests and attributes.
  explicit IPRoute(io::RequestEngine engine);

  /// Every object of type T the filter selects. The kernel filters what it
  /// can (strict checking); nlpp filters the rest. A big result has spare
  /// capacity that takes no memory (dump_growth.hpp).
  template <RtnlObject T>
  Result<std::vector<T>> dump(const typename ObjectTraits<T>::Filter& filter = {}) {
    std::vector<T> objects;
    if (Result<void> dumped = dump_into(objects, filter); !dumped) return std::move(dumped).error();
    return objects;
  }

  /// dump(), appending to objects: what it held stays in front, and its
  /// capacity serves. Reusing one vector for repeated dumps of a big table
  /// (or reserving what the table is expected to hold) spares the
  /// reallocations a new vector goes through while it grows. On an error
  /// objects holds what it held before plus what arrived until then.
  template <RtnlObject T>
  Result<void> dump_into(std::vector<T>& objects, const typename ObjectTraits<T>::Filter& filter = {}) {
    const size_t kept = objects.size();
    return dump_each<T>(
        filter,
        [&](T&& object) {
          reserve_for_one_more(objects);
          objects.push_back(std::move(object));
        },
        [&] { objects.erase(objects.begin() + static_cast<std::ptrdiff_t>(kept), objects.end()); });
  }

  /// Streams the dump: on_object gets each selected object; on_restart is
  /// called when an interrupted dump starts over (forget what you got).
  template <RtnlObject T, class OnObject, class OnRestart>
  Result<void> dump_each(const typename ObjectTraits<T>::Filter& filter, OnObject&& on_object, OnRestart&& on_restart) {
    wire::MessageBuilder dump_request;
    ObjectTraits<T>::emit_dump_request(filter, dump_request);
    std::optional<Error> bad_message;
    Result<void> dumped = engine_.dump(
        dump_request,
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
    Result<io::Ack> asked = request(query, ObjectTraits<T>::get_type, 0, [&](const wire::Message& message) {
      if (!reply && message.type() == ObjectTraits<T>::new_type) reply = ObjectTraits<T>::parse(message);
    });
    if (!asked) return std::move(asked).error();
    if (!reply) return Error(errc::protocol_error, std::string(ObjectTraits<T>::name) + ": no reply to get");
    return std::move(*reply);
  }

  /// Asks the kernel for verb on the object, with the message type and
  /// flags iproute2 sends for it (verb.hpp). Verb::add of an object that
  /// one request cannot create runs its traits' plan (HasAddPlan).
  template <RtnlObject T>
  Result<io::Ack> change(Verb verb, const T& object) {
    if constexpr (HasAddPlan<T>) {
      if (verb == Verb::add) {
        Result<io::Plan> plan = ObjectTraits<T>::plan_add(object);
        if (!plan) return std::move(plan).error();
        return io::run_plan(engine_, *plan);
      }
    }
    if (Result<void> valid = ObjectTraits<T>::validate(object); !valid) return std::move(valid).error();
    Result<RequestHeader> header = request_header<T>(verb);
    if (!header) return std::move(header).error();
    return send_valid(object, header->type, header->flags);
  }
  /// Creates the object; EEXIST if it is there already.
  template <RtnlObject T>
  Result<io::Ack> add(const T& object) {
    return change(Verb::add, object);
  }
  /// Creates the object or replaces the one with its key.
  template <RtnlObject T>
  Result<io::Ack> replace(const T& object) {
    return change(Verb::replace, object);
  }
  /// Changes an existing object (ENODEV / ENOENT if it is not there).
  template <RtnlObject T>
  Result<io::Ack> set(const T& object) {
    return change(Verb::set, object);
  }
  /// Deletes the object with object's key.
  template <RtnlObject T>
  Result<io::Ack> del(const T& object) {
    return change(Verb::del, object);
  }

  /// One request: validates object (nothing is sent when that fails),
  /// emits it as one message of type with flags (NLM_F_REQUEST and
  /// NLM_F_ACK are added) and waits for the kernel's answer; on_reply sees
  /// the data messages before it. For requests the verbs do not make (a
  /// get, NLM_F_ECHO).
  template <RtnlObject T>
  Result<io::Ack> request(const T& object, uint16_t type, uint16_t flags, const io::MessageHandler& on_reply = {}) {
    if (Result<void> valid = ObjectTraits<T>::validate(object); !valid) return std::move(valid).error();
    return send_valid(object, type, flags, on_reply);
  }

  /// Sends a batch of changes on this socket and empties it: one result
  /// per change (nlpp/rtnl/change_batch.hpp).
  Result<io::BatchResult> send(ChangeBatch& batch, const io::BatchOptions& options = {});

  io::RequestEngine& engine() noexcept { return engine_; }
  /// The socket's descriptor, for poll/epoll.
  int fileno() const noexcept { return engine_.fileno(); }

 private:
  template <RtnlObject T>
  Result<io::Ack> send_valid(const T& object, uint16_t type, uint16_t flags, const io::MessageHandler& on_reply = {}) {
    wire::MessageBuilder message;
    ObjectTraits<T>::emit(object, message, type, flags);
    return engine_.request(message, on_reply);
  }

  io::RequestEngine engine_;
};

}  // namespace nlpp::rtnl
