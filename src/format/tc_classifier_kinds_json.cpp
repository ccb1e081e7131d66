// route, flow and cgroup filters as tc 6.8 and later print them with -j
// (f_route.c, f_flow.c, f_cgroup.c print_opt()); what tc prints of their
// ematches and old-style police, which nlpp keeps raw, is left out.
#include "json_fields.hpp"
#include "tc_action_json.hpp"
#include "tc_classifier_kinds.hpp"
#include "tc_words.hpp"

namespace nlpp::format::detail {

// tc prints both realms under "name" (a slip of the commit that made the
// JSON: one object, the key twice), the destination first; nlpp prints
// what tc prints.
void write_route_options(JsonWriter& json, const rtnl::tc::Route& route, uint32_t handle, const LinkNames& names,
                         const TcView& view) {
  if (handle != 0) text_field(json, "fh", tc_hex_text(handle));
  if (const uint32_t order = (handle >> 8) & 0x7f; order != 0) number_field(json, "order", order);
  if (route.classid) text_field(json, "flowid", route.classid->to_string());
  if (route.to) text_field(json, "name", realm_text(*route.to));
  if (route.from) text_field(json, "name", realm_text(*route.from));
  if (route.iif) text_field(json, "fromif", names.name(*route.iif));
  write_tc_actions(json, route.actions, names, view);
}

// The handle is printed even when it is 0 ("0"), as tc does for flow.
void write_flow_options(JsonWriter& json, const rtnl::tc::Flow& flow, uint32_t handle, const LinkNames& names,
                        const TcView& view) {
  text_field(json, "handle", tc_hex_text(handle));
  text_field(json, "mode", flow_mode_text(flow.mode));
  if (flow.keys != 0) text_array(json, "keys", flow_key_words(flow.keys));
  const FlowBitops bitops = flow_bitops(flow);
  if (bitops.and_mask != 0xffffffff) text_field(json, "and", tc_hex_text(bitops.and_mask));
  if (bitops.xor_bits != 0) text_field(json, "xor", tc_hex_text(bitops.xor_bits));
  if (bitops.or_bits != 0) text_field(json, "or", tc_hex_text(bitops.or_bits));
  if (flow.rshift) number_field(json, "rshift", *flow.rshift);
  if (flow.addend) text_field(json, "addend", tc_hex_text(*flow.addend));
  if (flow.divisor) number_field(json, "divisor", *flow.divisor);
  if (flow.baseclass) text_field(json, "baseclass", flow.baseclass->to_string());
  if (flow.perturb) number_field(json, "perturb", *flow.perturb);
  write_tc_actions(json, flow.actions, names, view);
}

void write_cgroup_options(JsonWriter& json, const rtnl::tc::Cgroup& cgroup, uint32_t handle, const LinkNames& names,
                          const TcView& view) {
  if (handle != 0) text_field(json, "handle", tc_hex_text(handle));
  write_tc_actions(json, cgroup.actions, names, view);
}

}  // namespace nlpp::format::detail
