// Session: one netlink socket and the typed operations on the objects of
// its protocol, written once for every protocol. What differs between
// protocols is a binding: RTNL's message types and flags
// (rtnl::RtnlBinding, whose session is rtnl::IpRoute), generic netlink's
// family id resolved at run time with a command and version, nfnetlink's
// subsystem, nfgenmsg header and begin/end batch framing. The session does
// the rest the same way for all: validate, emit, send, collect replies,
// repeat interrupted dumps, run plans.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/dump_growth.hpp>
#include <nlpp/io/plan.hpp>
#include <nlpp/io/request_engine.hpp>
#include <nlpp/io/request_object.hpp>
#include <nlpp/io/socket.hpp>
#include <nlpp/io/verb.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <concepts>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nlpp::io {

/// What a protocol binding B provides for an object type T it binds (not compiled):
///
///     static constexpr int netlink_protocol;          // NETLINK_ROUTE...
///     template <class T> using Filter = ...;           // what a dump of T selects on
///     std::shared_ptr<const RequestDescriber> describer() const;  // names requests in errors
///     static std::string_view object_name<T>();        // "route": for errors
///
///     // The requests, checked first (nothing is sent when that fails).
///     // The engine is there for what a binding must ask the kernel
///     // first (a generic netlink family's id, resolved once and cached;
///     // the ifindex of a link named by name). emit_dump may complete the
///     // filter (a session's own copy), which then selects the objects.
///     Result<Plan> plan_change(RequestEngine&, Verb, const T&);  // usually one request
///     Result<void> emit_get(RequestEngine&, const T& query, wire::MessageBuilder&);
///     Result<void> emit_dump<T>(RequestEngine&, Filter<T>&, wire::MessageBuilder&);
///
///     // The replies: which messages are T's, T from one, and the
///     // selection the kernel could not make itself.
///     bool is_object<T>(const wire::Message&) const;
///     Result<T> parse<T>(const wire::Message&) const;
///     bool matches(const Filter<T>&, const T&) const;
///
/// and, optionally, whether a dump's error means there is nothing to dump
/// (a route dump filtered on a table nobody has made: ENOENT), which the
/// session then returns as an empty result, and every T of a message that
/// may carry several (RTNL's actions: one reply holds many), which a dump
/// then returns instead of parse()'s one (not compiled):
///
///     bool is_empty_dump<T>(const Filter<T>&, const Error&) const;
///     Result<std::vector<T>> parse_all<T>(const wire::Message&) const;
template <class B, class T>
concept BindingFor = requires(B& binding, const B& bound, RequestEngine& engine, const T& object,
                              typename B::template Filter<T>& filter, const wire::Message& message,
                              wire::MessageBuilder& out) {
  { B::netlink_protocol } -> std::convertible_to<int>;
  { bound.describer() } -> std::same_as<std::shared_ptr<const RequestDescriber>>;
  { B::template object_name<T>() } -> std::convertible_to<std::string_view>;
  { binding.plan_change(engine, Verb::add, object) } -> std::same_as<Result<Plan>>;
  { binding.emit_get(engine, object, out) } -> std::same_as<Result<void>>;
  { binding.template emit_dump<T>(engine, filter, out) } -> std::same_as<Result<void>>;
  { bound.template is_object<T>(message) } -> std::same_as<bool>;
  { bound.template parse<T>(message) } -> std::same_as<Result<T>>;
  { bound.matches(filter, object) } -> std::same_as<bool>;
};

/// An operation that is not the change of one object (a route lookup, a
/// flush, a scan), run on a session with the same request primitive.
/// Specialised beside the operation:
///
///     template <> struct OperationTraits<rtnl::RouteQuery> {
///       using Reply = rtnl::Route;
///       static Result<Reply> run(rtnl::IpRoute&, const rtnl::RouteQuery&);
///     };
template <class Operation>
struct OperationTraits;

/// A socket of the binding's protocol (optionally inside a namespace) and
/// the typed operations on it. Not thread-safe: one session per thread
/// (sockets are cheap).
template <class Binding>
class Session {
 public:
  template <class T>
  using Filter = typename Binding::template Filter<T>;

  /// Opens a socket of the protocol; options.netns puts it in a namespace.
  static Result<Session> open(const SocketOptions& options = {}) {
    Result<RequestEngine> engine = RequestEngine::open(Binding::netlink_protocol, options);
    if (!engine) return std::move(engine).error();
    return Session(std::move(*engine));
  }
  /// Takes over an engine (a test's, over a fake kernel) and installs the
  /// binding's request describer in it, so errors name requests and
  /// attributes.
  explicit Session(RequestEngine engine, Binding binding = {})
      : engine_(std::move(engine)), binding_(std::move(binding)) {
    engine_.set_request_describer(binding_.describer());
  }

  /// Every object of type T the filter selects. The kernel filters what it
  /// can; the binding filters the rest. A big result has spare capacity
  /// that takes no memory (dump_growth.hpp).
  template <class T>
    requires BindingFor<Binding, T>
  Result<std::vector<T>> dump(const Filter<T>& filter = {}) {
    std::vector<T> objects;
    if (Result<void> dumped = dump_into(objects, filter); !dumped) return std::move(dumped).error();
    return objects;
  }

  /// dump(), appending to objects: what it held stays in front, and its
  /// capacity serves. Reusing one vector for repeated dumps of a big table
  /// (or reserving what the table is expected to hold) spares the
  /// reallocations a new vector goes through while it grows. On an error
  /// objects holds what it held before plus what arrived until then.
  template <class T>
    requires BindingFor<Binding, T>
  Result<void> dump_into(std::vector<T>& objects, const Filter<T>& filter = {}) {
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
  /// called when an interrupted dump starts over (forget what you got). A
  /// dump the binding says found nothing to dump (is_empty_dump) is a
  /// success with no object.
  template <class T, class OnObject, class OnRestart>
    requires BindingFor<Binding, T>
  Result<void> dump_each(const Filter<T>& requested, OnObject&& on_object, OnRestart&& on_restart) {
    Filter<T> filter = requested;  // the binding may complete it (names resolved to ifindexes)
    wire::MessageBuilder dump_request;
    if (Result<void> emitted = binding_.template emit_dump<T>(engine_, filter, dump_request); !emitted) return emitted;
    std::optional<Error> bad_message;
    Result<void> dumped = engine_.dump(
        dump_request,
        [&](const wire::Message& message) {
          if (!binding_.template is_object<T>(message)) return;
          if constexpr (requires { binding_.template parse_all<T>(message); }) {
            Result<std::vector<T>> objects = binding_.template parse_all<T>(message);
            if (!objects) {
              if (!bad_message) bad_message = std::move(objects).error();
              return;
            }
            for (T& object : *objects)
              if (binding_.matches(filter, object)) on_object(std::move(object));
          } else {
            Result<T> object = binding_.template parse<T>(message);
            if (!object) {
              if (!bad_message) bad_message = std::move(object).error();
              return;
            }
            if (binding_.matches(filter, *object)) on_object(std::move(*object));
          }
        },
        [&] {
          bad_message.reset();
          on_restart();
        });
    if (!dumped) {
      if constexpr (requires { binding_.template is_empty_dump<T>(filter, dumped.error()); }) {
        if (binding_.template is_empty_dump<T>(filter, dumped.error())) return {};
      }
      return dumped;
    }
    if (bad_message) return std::move(*bad_message);
    return {};
  }

  /// The kernel's view of one object, asked for by the key fields set in query.
  template <class T>
    requires BindingFor<Binding, T>
  Result<T> get(const T& query) {
    wire::MessageBuilder request;
    if (Result<void> emitted = binding_.emit_get(engine_, query, request); !emitted) return std::move(emitted).error();
    return request_object<T>(request);
  }

  /// Sends one request (NLM_F_ACK is added) and returns the object of type
  /// T the kernel answers with: the primitive under get() and under
  /// lookups that are not a get of one object (a route query).
  template <class T>
    requires BindingFor<Binding, T>
  Result<T> request_object(wire::MessageBuilder& request) {
    return io::request_object<T>(engine_, binding_, request);
  }


  /// Asks the kernel for verb on the object, as the binding says (for RTNL
  /// the message type and flags iproute2 sends, rtnl/verb.hpp). An object
  /// that one request cannot create is a plan of steps, run in order and
  /// undone on failure (plan.hpp).
  template <class T>
    requires BindingFor<Binding, T>
  Result<Ack> change(Verb verb, const T& object) {
    Result<Plan> plan = binding_.plan_change(engine_, verb, object);
    if (!plan) return std::move(plan).error();
    return run_plan(engine_, *plan);
  }
  /// Creates the object; EEXIST if it is there already.
  template <class T>
    requires BindingFor<Binding, T>
  Result<Ack> add(const T& object) {
    return change(Verb::add, object);
  }
  /// Creates the object or replaces the one with its key.
  template <class T>
    requires BindingFor<Binding, T>
  Result<Ack> replace(const T& object) {
    return change(Verb::replace, object);
  }
  /// Changes an existing object (ENODEV / ENOENT if it is not there).
  template <class T>
    requires BindingFor<Binding, T>
  Result<Ack> set(const T& object) {
    return change(Verb::set, object);
  }
  /// Deletes the object with object's key.
  template <class T>
    requires BindingFor<Binding, T>
  Result<Ack> del(const T& object) {
    return change(Verb::del, object);
  }

  /// Runs an operation that is not the change of one object (a route
  /// lookup, a flush...): what OperationTraits<Operation> says it does.
  template <class Operation>
  Result<typename OperationTraits<Operation>::Reply> run(const Operation& operation) {
    return OperationTraits<Operation>::run(*this, operation);
  }

  /// Sends a batch of changes (the protocol's batch: rtnl::ChangeBatch...)
  /// on this socket and empties it: one result per change.
  template <class Batch>
  Result<BatchResult> send(Batch& batch, const BatchOptions& options = {}) {
    return batch.send(engine_, options);
  }

  RequestEngine& engine() noexcept { return engine_; }
  Binding& binding() noexcept { return binding_; }
  /// The socket's descriptor, for poll/epoll.
  int fileno() const noexcept { return engine_.fileno(); }

 private:
  RequestEngine engine_;
  Binding binding_;
};

}  // namespace nlpp::io
