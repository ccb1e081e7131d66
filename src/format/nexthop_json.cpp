// Nexthop objects as `ip -j -d nexthop show` (ip/nh_common.c,
// __print_nexthop_entry()) prints them, member for member in its order.
#include <nlpp/format/json.hpp>

#include "encap_json.hpp"
#include "iproute2_words.hpp"
#include "json_fields.hpp"

#include <cstdio>

namespace nlpp::format {
namespace {

using namespace detail;

// print_nh_group(): a member's weight only when it is not 1.
void write_group(JsonWriter& json, const std::vector<rtnl::NexthopGroupMember>& group) {
  json.key("group");
  json.begin_array();
  for (const rtnl::NexthopGroupMember& member : group) {
    json.begin_object();
    number_field(json, "id", member.id);
    if (member.weight != 1) number_field(json, "weight", member.weight);
    json.end_object();
  }
  json.end_array();
}

// print_tv() of a clock_t count: seconds as a C "%g" double.
void seconds_field(JsonWriter& json, std::string_view key, uint64_t ticks) {
  constexpr double user_hz = 100;
  char text[32];
  std::snprintf(text, sizeof text, "%g", static_cast<double>(ticks) / user_hz);
  json.key(key);
  json.raw_number(text);
}

// print_nh_res_group(): every parameter, timers in seconds.
void write_resilient(JsonWriter& json, const rtnl::ResilientGroup& resilient) {
  json.key("resilient_args");
  json.begin_object();
  number_field(json, "buckets", resilient.buckets.value_or(0));
  seconds_field(json, "idle_timer", resilient.idle_timer.value_or(0));
  seconds_field(json, "unbalanced_timer", resilient.unbalanced_timer.value_or(0));
  seconds_field(json, "unbalanced_time", resilient.unbalanced_time.value_or(0));
  json.end_object();
}

}  // namespace

void write_nexthop(JsonWriter& json, const rtnl::Nexthop& nexthop, const LinkNames& names) {
  json.begin_object();
  number_field(json, "id", nexthop.id);
  if (!nexthop.group.empty()) write_group(json, nexthop.group);
  // The default type, mpath, is not printed ("not to break existing output").
  if (nexthop.group_type == rtnl::NexthopGroupType::resilient)
    text_field(json, "type", rtnl::to_string(*nexthop.group_type));
  if (nexthop.resilient) write_resilient(json, *nexthop.resilient);
  write_encap(json, nexthop.encap);
  if (!nexthop.gateway.empty()) text_field(json, "gateway", nexthop.gateway.to_string());
  if (nexthop.oif != 0) text_field(json, "dev", names.name(nexthop.oif));
  // -d prints the scope and protocol even when they are the defaults.
  text_field(json, "scope", scope_name(nexthop.scope));
  if (nexthop.blackhole) null_field(json, "blackhole");
  text_field(json, "protocol", protocol_name(nexthop.protocol));
  text_array(json, "flags", route_flag_names(nexthop.flags));
  if (nexthop.fdb) null_field(json, "fdb");
  json.end_object();
}

std::string nexthops_json(std::span<const rtnl::Nexthop> nexthops, const LinkNames& names) {
  return json_array(nexthops,
                    [&](JsonWriter& json, const rtnl::Nexthop& nexthop) { write_nexthop(json, nexthop, names); });
}

}  // namespace nlpp::format
