// RTNL's protocol binding for io::Session: each object's ObjectTraits say
// what it is on the wire, verb.hpp how a verb becomes a message type and
// flags. IpRoute (ip_route.hpp) is the session it makes.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/plan.hpp>
#include <nlpp/io/request_engine.hpp>
#include <nlpp/rtnl/link_resolution.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/rtnl/verb.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <linux/netlink.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// How RTNL's objects become requests and replies become objects
/// (io::BindingFor). Stateless: RTNL's message types are constants.
class RtnlBinding {
 public:
  static constexpr int netlink_protocol = NETLINK_ROUTE;

  template <RtnlObject T>
  using Filter = typename ObjectTraits<T>::Filter;

  /// RTNL's request describer: errors name requests and attributes
  /// through the schema's tables.
  std::shared_ptr<const io::RequestDescriber> describer() const;

  template <RtnlObject T>
  static constexpr std::string_view object_name() {
    return ObjectTraits<T>::name;
  }

  /// One request with verb's type and flags (verb.hpp); for Verb::add of
  /// an object one request cannot create (HasAddPlan), its traits' plan.
  /// Links named rather than given by ifindex are resolved first, through
  /// engine, in the session's namespace.
  template <RtnlObject T>
  Result<io::Plan> plan_change(io::RequestEngine& engine, Verb verb, const T& object) const {
    return with_links_resolved(engine, object, [&](const T& sent) { return plan_resolved(verb, sent); });
  }

  /// RTM_GET* with the query's key fields (a named link resolved first).
  template <RtnlObject T>
  Result<void> emit_get(io::RequestEngine& engine, const T& query, wire::MessageBuilder& out) const {
    return with_links_resolved(engine, query, [&](const T& sent) -> Result<void> {
      if (Result<void> valid = ObjectTraits<T>::validate(sent); !valid) return valid;
      ObjectTraits<T>::emit(sent, out, ObjectTraits<T>::get_type, 0);
      return {};
    });
  }

  /// RTM_GET* with NLM_F_DUMP and what the kernel can filter itself, once
  /// the traits' checks of the filter (validate_dump) pass. The links the
  /// filter names are resolved in place, so that the session matches
  /// dumped objects against their ifindexes.
  template <RtnlObject T>
  Result<void> emit_dump(io::RequestEngine& engine, Filter<T>& filter, wire::MessageBuilder& out) const {
    if constexpr (requires { ObjectTraits<T>::validate_dump(filter); }) {
      if (Result<void> valid = ObjectTraits<T>::validate_dump(filter); !valid) return valid;
    }
    if constexpr (RefersToLinks<Filter<T>>) {
      if (Result<void> links = resolve_links(engine, filter); !links) return links;
    }
    ObjectTraits<T>::emit_dump_request(filter, out);
    return {};
  }

  /// A reply of T: new_type, or the traits' reply_type or reply_types
  /// where they have them.
  template <RtnlObject T>
  bool is_object(const wire::Message& message) const {
    if constexpr (requires { ObjectTraits<T>::reply_types; })
      return std::ranges::count(ObjectTraits<T>::reply_types, message.type()) != 0;
    else if constexpr (requires { ObjectTraits<T>::reply_type; })
      return message.type() == ObjectTraits<T>::reply_type;
    else
      return message.type() == ObjectTraits<T>::new_type;
  }
  template <RtnlObject T>
  Result<T> parse(const wire::Message& message) const {
    return ObjectTraits<T>::parse(message);
  }
  /// Every T of a message that may carry several (ParsesSeveral).
  template <RtnlObject T>
  requires ParsesSeveral<T> Result<std::vector<T>> parse_all(const wire::Message& message)
  const { return ObjectTraits<T>::parse_all(message); }
  template <RtnlObject T>
  bool matches(const Filter<T>& filter, const T& object) const {
    return ObjectTraits<T>::matches(filter, object);
  }
  /// What the object's traits say (is_empty_dump), where they say it.
  template <RtnlObject T>
  bool is_empty_dump(const Filter<T>& filter, const Error& error) const {
    if constexpr (requires { ObjectTraits<T>::is_empty_dump(filter, error); })
      return ObjectTraits<T>::is_empty_dump(filter, error);
    else
      return false;
  }
 private:
  template <RtnlObject T>
  static Result<io::Plan> plan_resolved(Verb verb, const T& object) {
    if constexpr (HasAddPlan<T>) {
      if (verb == Verb::add) return ObjectTraits<T>::plan_add(object);
    }
    if (Result<void> valid = ObjectTraits<T>::validate(object); !valid) return std::move(valid).error();
    Result<RequestHeader> header = request_header<T>(verb);
    if (!header) return std::move(header).error();
    io::Plan plan;
    ObjectTraits<T>::emit(object, plan.steps.emplace_back().request, header->type, header->flags);
    return plan;
  }

  // use(object), or use() of a copy with the links it names resolved
  // (links_resolved): one call of use, so that the emitter is compiled
  // into the caller once.
  template <RtnlObject T, class Use>
  static auto with_links_resolved(io::RequestEngine& engine, const T& object, Use&& use) -> decltype(use(object)) {
    if constexpr (RefersToLinks<T>) {
      std::optional<T> storage;
      Result<const T*> sent = links_resolved(engine, object, storage);
      if (!sent) return std::move(sent).error();
      return use(**sent);
    } else {
      return use(object);
    }
  }
};

}  // namespace nlpp::rtnl
