// One request, one typed reply: the primitive under Session::get(), and
// under the lookups a binding makes on its own (a generic netlink family's
// id, a link's ifindex by name), which have the engine but no session.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/request_engine.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <optional>
#include <string>
#include <utility>

namespace nlpp::io {

/// Sends request and returns the reply's object that binding recognises as
/// a T (its first one), parsed: the kernel's error, the parse error, or
/// errc::protocol_error when the kernel acknowledged without one.
template <class T, class Binding>
Result<T> request_object(RequestEngine& engine, const Binding& binding, wire::MessageBuilder& request) {
  std::optional<Result<T>> reply;
  Result<Ack> asked = engine.request(request, [&](const wire::Message& message) {
    if (!reply && binding.template is_object<T>(message)) reply = binding.template parse<T>(message);
  });
  if (!asked) return std::move(asked).error();
  if (!reply)
    return Error(errc::protocol_error, std::string(Binding::template object_name<T>()) + ": the kernel sent none");
  return std::move(*reply);
}

}  // namespace nlpp::io
