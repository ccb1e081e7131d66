// RTM_NEWCHAIN <-> TcChain: the tcmsg by hand, as a filter's (a shared
// block takes the place of the link and the parent), the attributes through
// the chain's table (net/sched/cls_api.c tc_chain_fill_node(): the index,
// then a template's kind and options).
#include <nlpp/rtnl/tc_chain.hpp>

#include "codec/field_table.hpp"
#include "codec/object_accessors.hpp"
#include "codec/value_codecs.hpp"
#include "rtnl/tc/tc_common.hpp"
#include "rtnl/tc/tc_table.hpp"

#include <linux/pkt_cls.h>

#include <string>

namespace nlpp::rtnl {
namespace {

// In tc's order (tc_filter.c tc_filter_modify()): the chain, the kind, the
// kind's options.
inline constexpr auto chain_fields = std::tuple{
    codec::field("chain", &TcChain::chain, codec::Always{TCA_CHAIN}),
    codec::field("kind", &TcChain::kind, codec::NonDefault{TCA_KIND}),
    codec::field("options", codec::WholeObject<TcChain>{}, tc::OptionsIn{TCA_OPTIONS}),
};

tcmsg header_of(const TcChain& chain) { return tc::place_tcmsg(chain.ifindex, chain.block, chain.parent); }

}  // namespace

std::string TcChain::resolved_kind() const { return tc::resolved_kind_of(*this); }

Result<TcChain> ObjectTraits<TcChain>::parse(const wire::Message& message) {
  TcChain chain;
  Result<tcmsg> header =
      codec::parse_message<chain_fields, tcmsg>(message, chain, name, codec::ErrorNaming::attribute_type);
  if (!header) return std::move(header).error();
  tc::read_place(*header, chain);
  return chain;
}

void ObjectTraits<TcChain>::emit(const TcChain& chain, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  builder.begin_message(type, flags).append_header(header_of(chain));
  if (type != new_type) {
    // The kernel finds a chain by its block and index alone.
    builder.add_u32(TCA_CHAIN, chain.chain);
    return;
  }
  TcChain sent = chain;
  sent.kind = chain.resolved_kind();
  codec::emit_attributes<chain_fields>(sent, builder);
  codec::emit_unknown(sent.unknown, builder);
}

Result<void> ObjectTraits<TcChain>::validate(const TcChain& chain) {
  if (Result<void> placed = tc::check_place(chain.ifindex, chain.block, name); !placed) return placed;
  if (chain.chain > TC_ACT_EXT_VAL_MASK)
    return Error(errc::invalid_argument, "chain index: " + std::to_string(chain.chain) +
                                             " is above the kernel's largest, " + std::to_string(TC_ACT_EXT_VAL_MASK));
  return tc::validate_kind(chain);
}

ObjectTraits<TcChain>::Key ObjectTraits<TcChain>::key(const TcChain& chain) {
  return TcChainKey{static_cast<uint32_t>(chain.ifindex), chain.block, chain.parent, chain.chain};
}

std::vector<FieldChange> ObjectTraits<TcChain>::diff(const TcChain& before, const TcChain& after) {
  FieldDiff changes;
  codec::diff_fields<chain_fields>(before, after, changes);
  return std::move(changes).take();
}

void ObjectTraits<TcChain>::emit_dump_request(const Filter& selector, wire::MessageBuilder& builder) {
  builder.begin_message(RTM_GETCHAIN, NLM_F_DUMP)
      .append_header(
          tc::place_tcmsg(selector.ifindex.value_or(LinkRef()), selector.block, selector.parent.value_or(TcHandle())));
  if (selector.chain) builder.add_u32(TCA_CHAIN, *selector.chain);
}

// The kernel has selected the block by the place the dump named; the
// chains it lists report their qdisc's handle for a parent (not clsact's
// hook, not a class), and a link's block that is shared reports its index
// in place of the link: neither is compared again.
bool ObjectTraits<TcChain>::matches(const Filter& selector, const TcChain& chain) {
  return tc::selects(selector.chain, chain.chain) && tc::selects(selector.kind, chain.kind);
}

}  // namespace nlpp::rtnl
