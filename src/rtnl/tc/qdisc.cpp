// RTM_NEWQDISC <-> Qdisc, through the qdisc's table (tc_table.hpp).
#include <nlpp/rtnl/qdisc.hpp>

#include "rtnl/tc/tc_common.hpp"
#include "rtnl/tc/tc_table.hpp"

namespace nlpp::rtnl {
namespace {

// ingress and clsact hang at the ingress hook, with handle ffff:, whatever
// a request says of root (tc sets both from the word "ingress" / "clsact").
bool hangs_at_ingress(std::string_view kind) { return kind == "ingress" || kind == "clsact"; }

Qdisc as_sent(const Qdisc& qdisc) {
  Qdisc sent = qdisc;
  sent.kind = qdisc.resolved_kind();
  if (hangs_at_ingress(sent.kind) && sent.parent == TcHandle::root()) {
    sent.parent = TcHandle::ingress();
    if (sent.handle == TcHandle()) sent.handle = TcHandle(0xffff, 0);
  }
  return sent;
}

}  // namespace

std::string Qdisc::resolved_kind() const { return tc::resolved_kind_of(*this); }

Result<Qdisc> ObjectTraits<Qdisc>::parse(const wire::Message& message) {
  Qdisc qdisc;
  Result<tcmsg> parsed =
      codec::parse_message<tc::qdisc_fields, tcmsg>(message, qdisc, name, codec::ErrorNaming::attribute_type);
  if (!parsed) return std::move(parsed).error();
  return qdisc;
}

void ObjectTraits<Qdisc>::emit(const Qdisc& qdisc, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  tc::emit_request<tc::qdisc_fields>(as_sent(qdisc), builder, type, flags);
}

Result<void> ObjectTraits<Qdisc>::validate(const Qdisc& qdisc) {
  if (qdisc.ifindex == LinkRef()) return Error(errc::invalid_argument, "qdisc ifindex: required (the link)");
  if (qdisc.handle.minor_id() != 0)
    return Error(errc::invalid_argument,
                 "qdisc handle " + qdisc.handle.to_string() + ": a qdisc's minor is 0 (\"1:\")");
  return tc::validate_kind(qdisc);
}

ObjectTraits<Qdisc>::Key ObjectTraits<Qdisc>::key(const Qdisc& qdisc) {
  const Qdisc sent = as_sent(qdisc);
  return QdiscKey{sent.ifindex, sent.parent};
}

std::vector<FieldChange> ObjectTraits<Qdisc>::diff(const Qdisc& before, const Qdisc& after) {
  FieldDiff changes;
  codec::diff_fields<tc::qdisc_fields>(before, after, changes);
  return std::move(changes).take();
}

void ObjectTraits<Qdisc>::emit_dump_request(const Filter& filter, wire::MessageBuilder& builder) {
  builder.begin_message(RTM_GETQDISC, NLM_F_DUMP)
      .append_header(tc::request_tcmsg(filter.ifindex.value_or(LinkRef()), TcHandle(), TcHandle()));
  if (filter.invisible) builder.add_flag(TCA_DUMP_INVISIBLE);
}

bool ObjectTraits<Qdisc>::matches(const Filter& filter, const Qdisc& qdisc) {
  return tc::selects(filter.ifindex, qdisc.ifindex) && tc::selects(filter.handle, qdisc.handle) &&
         tc::selects(filter.parent, qdisc.parent) && tc::selects(filter.kind, qdisc.kind);
}

}  // namespace nlpp::rtnl
