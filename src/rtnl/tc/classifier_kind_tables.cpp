#include "classifier_kind_tables.hpp"

#include <bit>
#include <string>

namespace nlpp::rtnl::tc {
namespace {

// cls_route's handle: the destination realm in bits 0-7 (0x8000: any),
// tc's order in bits 8-14, and in bits 16-31 the source realm, 0x8000 |
// the incoming link, or 0xffff: any.
constexpr uint32_t any_destination = 0x8000;
constexpr uint32_t incoming_link = 0x8000;
constexpr uint32_t any_source = 0xffff;
constexpr uint32_t order_bits = 0x7f00;
constexpr uint32_t max_realm = 0xff;
constexpr uint32_t max_iif = 0x7fff;

Error invalid(std::string message) { return Error(errc::invalid_argument, std::move(message)); }

}  // namespace

uint32_t route_handle(const Route& route, uint8_t order) {
  const uint32_t destination = route.to ? (*route.to & max_realm) : any_destination;
  uint32_t source = any_source;
  if (route.from)
    source = *route.from & max_realm;
  else if (route.iif)
    source = incoming_link | (static_cast<uint32_t>(*route.iif) & max_iif);
  return source << 16 | ((uint32_t{order} << 8) & order_bits) | destination;
}

Result<void> KindTraits<Route>::validate(const Route& route, std::string_view) {
  if (route.from && route.iif) return invalid("route filter: from (a realm) and iif (a link) are mutually exclusive");
  if (route.to && *route.to > max_realm)
    return invalid("route filter: to " + std::to_string(*route.to) + " is not a realm (0-255)");
  if (route.from && *route.from > max_realm)
    return invalid("route filter: from " + std::to_string(*route.from) + " is not a realm (0-255)");
  if (route.iif && !route.iif->is_name() && *route.iif > max_iif)
    return invalid("route filter: iif " + std::to_string(static_cast<uint32_t>(*route.iif)) +
                   " is beyond the kernel's 0x7fff");
  return validate_actions(route.actions, "route action");
}

Result<void> FlowBitsIn::parse(const wire::Attribute& attribute, uint32_t& bits) const {
  Result<uint32_t> value = attribute.u32();
  if (!value) return std::move(value).error();
  bits = *value;
  return {};
}

void FlowBitsIn::emit(uint32_t bits, wire::MessageBuilder& out, const Flow& flow) const {
  if (flow.mask != 0xffffffff || flow.xor_bits != 0) out.add_u32(type, bits);
}

Result<void> KindTraits<Flow>::validate(const Flow& flow, std::string_view) {
  if ((flow.keys >> (FLOW_KEY_MAX + 1)) != 0)
    return invalid("flow filter: keys has bits beyond FLOW_KEY_MAX (" + std::to_string(FLOW_KEY_MAX) + ")");
  if (flow.mode == Flow::Mode::map && std::popcount(flow.keys) > 1)
    return invalid("flow filter: map mode takes one key; hash the keys for several");
  if (flow.perturb && flow.mode != Flow::Mode::hash) return invalid("flow filter: perturb is for hash mode");
  if (flow.baseclass && flow.baseclass->minor_id() == 0)
    return invalid("flow filter: baseclass " + flow.baseclass->to_string() + " has minor 0");
  return validate_actions(flow.actions, "flow action");
}

}  // namespace nlpp::rtnl::tc
