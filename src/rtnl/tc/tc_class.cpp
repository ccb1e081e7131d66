// RTM_NEWTCLASS <-> TcClass, through the class's table (tc_table.hpp).
#include <nlpp/rtnl/tc_class.hpp>

#include "rtnl/tc/tc_common.hpp"
#include "rtnl/tc/tc_table.hpp"

namespace nlpp::rtnl {

std::string TcClass::resolved_kind() const { return tc::resolved_kind_of(*this); }

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
  tc::emit_request<tc::class_fields>(sent, builder, type, flags);
}

Result<void> ObjectTraits<TcClass>::validate(const TcClass& tc_class) {
  if (tc_class.ifindex == LinkRef()) return Error(errc::invalid_argument, "class ifindex: required (the link)");
  if (tc_class.handle.minor_id() == 0)
    return Error(errc::invalid_argument,
                 "class handle " + tc_class.handle.to_string() + ": a class id has a minor (\"1:10\")");
  return tc::validate_kind(tc_class);
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
