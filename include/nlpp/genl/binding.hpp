// Generic netlink's protocol binding for io::Session: a family's id is not
// a constant but handed out by the kernel when the family registers, so
// the binding asks nlctrl for it (CTRL_CMD_GETFAMILY by name) the first
// time a family is used, through the session's own engine, and keeps it
// for the session's life. Every message is then nlmsghdr (type: the
// family's id) + genlmsghdr (command, version) + attributes.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/genl/family.hpp>
#include <nlpp/genl/object_traits.hpp>
#include <nlpp/io/plan.hpp>
#include <nlpp/io/request_engine.hpp>
#include <nlpp/io/verb.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <memory>
#include <string>
#include <string_view>

namespace nlpp::genl {

/// The family ids a session resolved, by name (shared with its request
/// describer, which names requests by family).
class FamilyIds;

/// How generic netlink objects become requests (io::BindingFor).
class GenlBinding {
 public:
  static constexpr int netlink_protocol = NETLINK_GENERIC;

  template <GenlObject T>
  using Filter = typename ObjectTraits<T>::Filter;

  GenlBinding();

  /// Names a request by its family and command ("nlctrl getfamily"), and
  /// the attributes an extended ACK points at, through the YNL tables.
  std::shared_ptr<const io::RequestDescriber> describer() const;

  template <GenlObject T>
  static constexpr std::string_view object_name() {
    return ObjectTraits<T>::name;
  }

  /// The id of the family with that name: nlctrl's is fixed (GENL_ID_CTRL),
  /// the others are asked of nlctrl once and remembered. ENOENT, naming
  /// the family, when the kernel has none by that name (not built, or its
  /// module not loaded).
  Result<uint16_t> family_id(io::RequestEngine& engine, std::string_view family);

  /// The objects bound so far are only read (a family's description).
  template <GenlObject T>
  Result<io::Plan> plan_change(io::RequestEngine&, io::Verb verb, const T&) {
    return Error(errc::invalid_argument, std::string(ObjectTraits<T>::name) + ": generic netlink has no " +
                                             std::string(io::verb_name(verb)) + " for it");
  }

  /// The get command with the query's key attributes.
  template <GenlObject T>
  Result<void> emit_get(io::RequestEngine& engine, const T& query, wire::MessageBuilder& out) {
    if (Result<void> begun = begin_request<T>(engine, 0, out); !begun) return begun;
    return ObjectTraits<T>::emit_key(query, out);
  }

  /// The get command as a dump, with what the kernel can filter.
  template <GenlObject T>
  Result<void> emit_dump(io::RequestEngine& engine, const Filter<T>& filter, wire::MessageBuilder& out) {
    if (Result<void> begun = begin_request<T>(engine, 0, out); !begun) return begun;
    ObjectTraits<T>::emit_dump_filter(filter, out);
    return {};
  }

  /// A message of T's family (resolved by now: a request for T came
  /// first) with T's reply command.
  template <GenlObject T>
  bool is_object(const wire::Message& message) const {
    const wire::Bytes payload = message.payload();
    return message.type() == known_id(ObjectTraits<T>::family) && !payload.empty() &&
           static_cast<uint8_t>(payload[0]) == ObjectTraits<T>::reply_command;
  }
  template <GenlObject T>
  Result<T> parse(const wire::Message& message) const {
    return ObjectTraits<T>::parse(message);
  }
  template <GenlObject T>
  bool matches(const Filter<T>& filter, const T& object) const {
    return ObjectTraits<T>::matches(filter, object);
  }

 private:
  // nlmsghdr and genlmsghdr of T's get command in T's family.
  template <GenlObject T>
  Result<void> begin_request(io::RequestEngine& engine, uint16_t flags, wire::MessageBuilder& out) {
    Result<uint16_t> id = family_id(engine, ObjectTraits<T>::family);
    if (!id) return std::move(id).error();
    out.begin_message(*id, flags)
        .append_header(genlmsghdr{.cmd = ObjectTraits<T>::get_command, .version = ObjectTraits<T>::version,
                                  .reserved = 0});
    return {};
  }
  // The id resolved for family, 0 (no family's) when it was not.
  uint16_t known_id(std::string_view family) const noexcept;

  std::shared_ptr<FamilyIds> ids_;
};

}  // namespace nlpp::genl
