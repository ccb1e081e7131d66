// Throwing<Session>: a session for scripts, where an error should stop the
// program rather than be checked line by line. Each call returns its value
// or throws nlpp::Exception, a std::system_error that carries the errno,
// the kernel's extended ACK and the attribute path (Exception::error()).
// The session underneath, whose calls return Result, is one call away for
// the places that handle an error themselves.
//
//     auto ipr = rtnl::ThrowingIpRoute::open();
//     ipr.add(rtnl::Link{.name = "br0", .info = rtnl::LinkInfo{.kind = "bridge"}}.set_up());
//     for (const rtnl::Route& route : ipr.dump<rtnl::Route>()) std::cout << route << '\n';
//     if (!ipr.session().del(rtnl::Link{.name = "old0"})) { /* not there: fine */ }
#pragma once

#include <nlpp/io/request_engine.hpp>
#include <nlpp/io/socket.hpp>
#include <nlpp/io/verb.hpp>

#include <utility>
#include <vector>

namespace nlpp::io {

/// Session's operations, returning values and throwing errors.
template <class Session>
class Throwing {
 public:
  template <class T>
  using Filter = typename Session::template Filter<T>;

  /// Opens the session, or throws what Session::open() would have returned.
  static Throwing open(const SocketOptions& options = {}) { return Throwing(Session::open(options).value()); }
  explicit Throwing(Session session) : session_(std::move(session)) {}

  /// The objects of a dump (Session::dump()).
  template <class T>
  std::vector<T> dump(const Filter<T>& filter = {}) {
    return session_.template dump<T>(filter).value();
  }
  /// One object, by the key fields of query (Session::get()).
  template <class T>
  T get(const T& query) {
    return session_.get(query).value();
  }
  /// Session::change() and its verbs. The Ack holds the kernel's warning, if any.
  template <class T>
  auto change(Verb verb, const T& object) {
    return session_.change(verb, object).value();
  }
  template <class T>
  auto add(const T& object) {
    return session_.add(object).value();
  }
  template <class T>
  auto replace(const T& object) {
    return session_.replace(object).value();
  }
  template <class T>
  auto set(const T& object) {
    return session_.set(object).value();
  }
  template <class T>
  auto del(const T& object) {
    return session_.del(object).value();
  }
  /// An operation's reply (Session::run()).
  template <class Operation>
  auto run(const Operation& operation) {
    return session_.run(operation).value();
  }
  /// A batch's outcome, one result per change (Session::send()); throws
  /// only when the batch could not be sent at all.
  template <class Batch>
  auto send(Batch& batch, const BatchOptions& options = {}) {
    return session_.send(batch, options).value();
  }

  /// The session itself, whose calls return Result instead of throwing.
  Session& session() noexcept { return session_; }

 private:
  Session session_;
};

}  // namespace nlpp::io
