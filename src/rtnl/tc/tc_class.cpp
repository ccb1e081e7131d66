// RTM_NEWTCLASS <-> TcClass, through the class's table (tc_table.hpp).
#include <nlpp/rtnl/tc_class.hpp>

#include "rtnl/tc/tc_common.hpp"
#include "rtnl/tc/tc_table.hpp"

namespace nlpp::rtnl {

std::string TcClass::resolved_kind() const { return kind.empty() ? std::string(tc::only_kind_of(options)) : kind; }

Result<TcClass> ObjectTraits<TcClass>::parse(const wire::Message& message) {
  TcClass tc_class;
  Result<tcmsg> parsed =
      codec::parse_message<tc::class_fields, tcmsg>(message, tc_class, name, codec::ErrorNaming::attribute_type);
  if (!parsed) return std::move(parsed).error();
  return tc_class;
}

void ObjectTraits<TcClass>::emit(const TcClass& tc_class, wire::MessageBuilder& builder, uint16_t type,
                                 uint16_t flags) {
  TcClass sent = tc_class;
  sent.kind = tc_class.resolved_kind();
  // The kernel answers a get by notifying; only NLM_F_ECHO sends that back to the asker.
  if (type == ObjectTraits<TcClass>::get_type) flags |= NLM_F_ECHO;
  builder.begin_message(type, flags).append_header(tc::request_tcmsg(sent.ifindex, sent.handle, sent.parent));
  if (type != RTM_NEWTCLASS) {  // a delete or a get names the class
    if (!sent.kind.empty()) builder.add_string(TCA_KIND, sent.kind);
    return;
  }
  codec::emit_attributes<tc::class_fields>(sent, builder);
  codec::emit_unknown(sent.unknown, builder);
}

Result<void> ObjectTraits<TcClass>::validate(const TcClass& tc_class) {
  if (tc_class.ifindex == LinkRef()) return Error(errc::invalid_argument, "class ifindex: required (the link)");
  if (tc_class.handle.minor_id() == 0)
    return Error(errc::invalid_argument,
                 "class handle " + tc_class.handle.to_string() + ": a class id has a minor (\"1:10\")");
  const std::string kind = tc_class.resolved_kind();
  if (Result<void> named = tc::check_kind(kind, !std::holds_alternative<std::monostate>(tc_class.options), name);
      !named)
    return named;
  return tc::validate_options(tc_class.options, kind);
}

ObjectTraits<TcClass>::Key ObjectTraits<TcClass>::key(const TcClass& tc_class) {
  return TcClassKey{tc_class.ifindex, tc_class.handle};
}

std::vector<FieldChange> ObjectTraits<TcClass>::diff(const TcClass& before, const TcClass& after) {
  FieldDiff changes;
  codec::diff_fields<tc::class_fields>(before, after, changes);
  return std::move(changes).take();
}

void ObjectTraits<TcClass>::emit_dump_request(const Filter& filter, wire::MessageBuilder& builder) {
  builder.begin_message(RTM_GETTCLASS, NLM_F_DUMP)
      .append_header(tc::request_tcmsg(filter.ifindex.value_or(LinkRef()), TcHandle(), TcHandle()));
}

bool ObjectTraits<TcClass>::matches(const Filter& filter, const TcClass& tc_class) {
  return tc::selects(filter.ifindex, tc_class.ifindex) && tc::selects(filter.handle, tc_class.handle) &&
         tc::selects(filter.parent, tc_class.parent);
}

}  // namespace nlpp::rtnl
