// Chains as `tc -j chain show dev DEV` prints them (tc/tc_filter.c
// print_filter(), which prints filters and chains): the place, the
// template's kind, the index, the template's options. The kernel reports a
// chain's parent as its qdisc's handle, so tc prints it even after
// `ingress` (its parent is "ffff:"), and leaves it out after `parent 1:`.
#include <nlpp/format/json.hpp>

#include "json_fields.hpp"
#include "tc_filter_json.hpp"

namespace nlpp::format {

using namespace detail;

void write_tc_chain(JsonWriter& json, const rtnl::TcChain& chain, const LinkNames& names, const TcView& view) {
  json.begin_object();
  write_tc_place(json, chain.block, chain.ifindex, chain.parent, names, view);
  if (const std::string kind = chain.resolved_kind(); !kind.empty()) text_field(json, "kind", kind);
  if (view.chain != chain.chain) number_field(json, "chain", chain.chain);
  write_filter_options(json, chain.options, 0, names, view);
  json.end_object();
}

std::string chains_json(std::span<const rtnl::TcChain> chains, const LinkNames& names, const TcView& view) {
  return json_array(chains,
                    [&](JsonWriter& json, const rtnl::TcChain& chain) { write_tc_chain(json, chain, names, view); });
}

}  // namespace nlpp::format
