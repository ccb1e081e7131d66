// RTM_NEWTFILTER <-> TcFilter: the tcmsg by hand (a shared block takes the
// place of the link and the parent; tcm_info holds the priority and the
// protocol), the attributes through the filter's table.
#include <nlpp/rtnl/tc_filter.hpp>

#include <nlpp/wire/bytes.hpp>

#include "codec/field_table.hpp"
#include "codec/object_accessors.hpp"
#include "rtnl/tc/tc_common.hpp"
#include "rtnl/tc/tc_options.hpp"
#include "rtnl/tc/tc_table.hpp"

#include <linux/pkt_sched.h>
#include <sys/socket.h>

namespace nlpp::rtnl {
namespace {

// In tc's order (tc_filter.c): the chain, the kind, the kind's options.
inline constexpr auto filter_fields = std::tuple{
    codec::field("chain", &TcFilter::chain, TCA_CHAIN),
    codec::field("kind", &TcFilter::kind, codec::NonDefault{TCA_KIND}),
    codec::field("options", codec::WholeObject<TcFilter>{}, tc::OptionsIn{TCA_OPTIONS}),
};

uint32_t info_of(uint16_t priority, uint16_t protocol) {
  return TC_H_MAKE(static_cast<uint32_t>(priority) << 16, wire::host_to_network(protocol));
}

void read_header(const tcmsg& header, TcFilter& filter) {
  tc::read_place(header, filter);
  filter.handle = header.tcm_handle;
  filter.priority = static_cast<uint16_t>(TC_H_MAJ(header.tcm_info) >> 16);
  filter.protocol = wire::network_to_host(static_cast<uint16_t>(TC_H_MIN(header.tcm_info)));
}

// What a new filter's request carries where the object leaves it out:
// the kind its options imply, every protocol (tc's default), and the
// handle a kind derives from its options (route's, which tc sends and the
// kernel requires).
TcFilter as_added(const TcFilter& filter) {
  TcFilter sent = filter;
  sent.kind = filter.resolved_kind();
  if (sent.protocol == 0) sent.protocol = ETH_P_ALL;
  if (sent.handle == 0) sent.handle = tc::implied_handle(sent.options);
  return sent;
}

}  // namespace

std::string TcFilter::resolved_kind() const { return tc::resolved_kind_of(*this); }

Result<TcFilter> ObjectTraits<TcFilter>::parse(const wire::Message& message) {
  TcFilter filter;
  Result<tcmsg> header =
      codec::parse_message<filter_fields, tcmsg>(message, filter, name, codec::ErrorNaming::attribute_type);
  if (!header) return std::move(header).error();
  read_header(*header, filter);
  tc::as_requested(filter.options, filter.protocol);
  return filter;
}

void ObjectTraits<TcFilter>::emit(const TcFilter& filter, wire::MessageBuilder& builder, uint16_t type,
                                  uint16_t flags) {
  const TcFilter sent = type == new_type ? as_added(filter) : filter;
  builder.begin_message(type, flags)
      .append_header(
          tc::place_tcmsg(sent.ifindex, sent.block, sent.parent, sent.handle, info_of(sent.priority, sent.protocol)));
  if (type == new_type) {
    codec::emit_attributes<filter_fields>(sent, builder);
    codec::emit_unknown(sent.unknown, builder);
    return;
  }
  // A delete or a get names the filter: its chain and kind, as tc sends them.
  if (sent.chain) builder.add_u32(TCA_CHAIN, *sent.chain);
  const std::string kind = sent.resolved_kind();
  if (!kind.empty()) builder.add_string(TCA_KIND, kind);
}

Result<void> ObjectTraits<TcFilter>::validate(const TcFilter& filter) {
  if (Result<void> placed = tc::check_place(filter.ifindex, filter.block, name); !placed) return placed;
  return tc::validate_kind(filter);
}

ObjectTraits<TcFilter>::Key ObjectTraits<TcFilter>::key(const TcFilter& filter) {
  const TcFilter sent = as_added(filter);
  return TcFilterKey{static_cast<uint32_t>(sent.ifindex),
                     sent.block,
                     sent.parent,
                     sent.chain.value_or(0),
                     sent.priority,
                     sent.protocol,
                     sent.handle};
}

std::vector<FieldChange> ObjectTraits<TcFilter>::diff(const TcFilter& before, const TcFilter& after) {
  FieldDiff changes;
  codec::diff_fields<filter_fields>(before, after, changes);
  return std::move(changes).take();
}

void ObjectTraits<TcFilter>::emit_dump_request(const Filter& selector, wire::MessageBuilder& builder) {
  builder.begin_message(RTM_GETTFILTER, NLM_F_DUMP)
      .append_header(tc::place_tcmsg(selector.ifindex.value_or(LinkRef()), selector.block,
                                     selector.parent.value_or(TcHandle()), 0,
                                     info_of(selector.priority.value_or(0), selector.protocol.value_or(0))));
  if (selector.chain) builder.add_u32(TCA_CHAIN, *selector.chain);
}

// A link's block that is shared lists its filters by the block's index, in
// place of the link and the parent the dump named.
bool ObjectTraits<TcFilter>::matches(const Filter& selector, const TcFilter& filter) {
  const bool at_place = filter.block ? tc::selects(selector.block, *filter.block)
                                     : !selector.block && tc::selects(selector.ifindex, filter.ifindex) &&
                                           tc::selects(selector.parent, filter.parent);
  return at_place && tc::selects(selector.chain, filter.chain.value_or(0)) &&
         tc::selects(selector.priority, filter.priority) && tc::selects(selector.protocol, filter.protocol) &&
         tc::selects(selector.kind, filter.kind) && tc::selects(selector.handle, filter.handle);
}

}  // namespace nlpp::rtnl
