// Neighbours as `ip -j -d neigh show` (ip/ipneigh.c print_neigh()) prints
// them; without -s, so no cache times or probes.
#include <nlpp/format/json.hpp>

#include "iproute2_words.hpp"
#include "json_fields.hpp"

#include <linux/neighbour.h>

namespace nlpp::format {
namespace {

using namespace detail;

// print_neigh_state(): upper-case NUD_* names in bit order.
void write_state(JsonWriter& json, rtnl::NeighbourStates states) {
  if (states.empty()) return;
  static constexpr std::pair<uint16_t, std::string_view> names[] = {
      {NUD_INCOMPLETE, "INCOMPLETE"}, {NUD_REACHABLE, "REACHABLE"}, {NUD_STALE, "STALE"}, {NUD_DELAY, "DELAY"},
      {NUD_PROBE, "PROBE"},           {NUD_FAILED, "FAILED"},       {NUD_NOARP, "NOARP"}, {NUD_PERMANENT, "PERMANENT"},
  };
  json.key("state");
  json.begin_array();
  for (const auto& [bit, name] : names)
    if (states.bits() & bit) json.string(name);
  json.end_array();
}

}  // namespace

void write_neighbour(JsonWriter& json, const rtnl::Neighbour& neighbour, const LinkNames& names) {
  json.begin_object();
  if (!neighbour.dst.empty()) text_field(json, "dst", neighbour.dst.to_string());
  if (neighbour.ifindex != 0) text_field(json, "dev", names.name(neighbour.ifindex));
  if (neighbour.lladdr) text_field(json, "lladdr", neighbour.lladdr->to_string());
  using rtnl::NeighbourFlag;
  if (neighbour.flags.contains(NeighbourFlag::router)) null_field(json, "router");
  if (neighbour.flags.contains(NeighbourFlag::proxy)) null_field(json, "proxy");
  if (neighbour.ext_flags && neighbour.ext_flags->contains(rtnl::NeighbourExtFlag::managed))
    null_field(json, "managed");
  if (neighbour.flags.contains(NeighbourFlag::extern_learn)) null_field(json, "extern_learn");
  if (neighbour.flags.contains(NeighbourFlag::offloaded)) null_field(json, "offload");
  write_state(json, neighbour.state);
  if (neighbour.protocol.value_or(0) != 0) text_field(json, "protocol", protocol_name(*neighbour.protocol));
  json.end_object();
}

std::string neighbours_json(std::span<const rtnl::Neighbour> neighbours, const LinkNames& names) {
  return json_array(
      neighbours, [&](JsonWriter& json, const rtnl::Neighbour& neighbour) { write_neighbour(json, neighbour, names); });
}

}  // namespace nlpp::format
