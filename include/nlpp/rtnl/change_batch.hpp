// ChangeBatch: many typed changes (add, replace, set, del of any RtnlObject)
// sent together, pipelined through io::RequestEngine::send_batch, with one
// result per change. Each object is validated when it is queued, so a bad
// one fails at once and nothing of it is sent; the kernel's refusals come
// back per change, by the index queuing returned.
//
//     ChangeBatch batch;
//     for (const Route& route : routes) batch.add(route).value();
//     io::BatchResult result = ipr.send(batch).value();
//     for (const auto& [index, error] : result.refusals()) std::cerr << index << ' ' << error.describe() << '\n';
#pragma once

#include <nlpp/io/request_engine.hpp>
#include <nlpp/rtnl/link_resolution.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/rtnl/verb.hpp>

#include <linux/netlink.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace nlpp::rtnl {

/// Typed changes queued for one send. Queuing returns the change's index in
/// the batch (its index in the BatchResult); an object that fails
/// validation returns that error and leaves the batch as it was.
class ChangeBatch {
 public:
  ChangeBatch() = default;
  /// Reserves room for about bytes of requests (a route takes about 64).
  explicit ChangeBatch(size_t bytes) : messages_(bytes) {}

  /// Queues verb on the object, with the message type and flags iproute2
  /// sends for it (verb.hpp). An object whose add is a plan of more than
  /// one request (HasAddPlan: a tun link, a link with altnames) cannot be
  /// added in a batch: use IpRoute::add().
  template <RtnlObject T>
  Result<size_t> change(Verb verb, const T& object) {
    if constexpr (HasAddPlan<T>) {
      if (verb == Verb::add) {
        Result<io::Plan> plan = ObjectTraits<T>::plan_add(object);
        if (!plan) return std::move(plan).error();
        if (!plan->is_one_request())
          return Error(errc::invalid_argument, std::string(ObjectTraits<T>::name) +
                                                   ": takes more than one request to add; not in a batch (IpRoute::add)");
      }
    }
    if (Result<void> valid = checked(object); !valid) return std::move(valid).error();
    Result<RequestHeader> header = request_header<T>(verb);
    if (!header) return std::move(header).error();
    return queue_valid(object, header->type, header->flags);
  }
  /// Queues the object's creation (EEXIST when the kernel has it).
  template <RtnlObject T>
  Result<size_t> add(const T& object) {
    return change(Verb::add, object);
  }
  /// Queues creating the object or replacing the one with its key.
  template <RtnlObject T>
  Result<size_t> replace(const T& object) {
    return change(Verb::replace, object);
  }
  /// Queues a change of an existing object.
  template <RtnlObject T>
  Result<size_t> set(const T& object) {
    return change(Verb::set, object);
  }
  /// Queues deleting the object with object's key.
  template <RtnlObject T>
  Result<size_t> del(const T& object) {
    return change(Verb::del, object);
  }
  /// Queues object as one message of type with flags, for requests the
  /// verbs do not make; NLM_F_REQUEST is added when sent.
  template <RtnlObject T>
  Result<size_t> request(const T& object, uint16_t type, uint16_t flags) {
    if (Result<void> valid = checked(object); !valid) return std::move(valid).error();
    return queue_valid(object, type, flags);
  }

  /// How many changes are queued.
  size_t size() const noexcept { return messages_.message_count(); }
  bool empty() const noexcept { return messages_.message_count() == 0; }

  /// Sends every queued change through engine (see send_batch for
  /// options) and empties the batch, whatever the outcome: the result has
  /// one entry per change, failures with the kernel's errno and extended ACK.
  Result<io::BatchResult> send(io::RequestEngine& engine, const io::BatchOptions& options = {});

 private:
  // A change is emitted when queued, with no session to ask for the
  // ifindex of a link named by name: those are refused, then validate().
  template <RtnlObject T>
  static Result<void> checked(const T& object) {
    if (names_a_link(object))
      return Error(errc::invalid_argument, std::string(ObjectTraits<T>::name) +
                                               ": a batch takes links by ifindex, not by name "
                                               "(rtnl::ifindex_of() looks one up)");
    return ObjectTraits<T>::validate(object);
  }

  template <RtnlObject T>
  size_t queue_valid(const T& object, uint16_t type, uint16_t flags) {
    ObjectTraits<T>::emit(object, messages_, type, flags);
    return messages_.message_count() - 1;
  }

  wire::MessageBuilder messages_;
};

}  // namespace nlpp::rtnl
