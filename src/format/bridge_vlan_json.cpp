// Bridge vlan filters as `bridge -j -c vlan show` (bridge/vlan.c
// print_vlan_info()) prints them: one object per device with its vids,
// a range as "vlan" and "vlanEnd". (Without -c, iproute2 6.1 asks the
// kernel for one entry per vid; nlpp always dumps them compressed.)
#include <nlpp/format/json.hpp>

#include "json_fields.hpp"

namespace nlpp::format {
namespace {

using namespace detail;

// print_vlan_flags(): nothing at all when the kernel's flags are 0. A
// range's end always carries BRIDGE_VLAN_INFO_RANGE_END, so a range gets
// "flags", empty when it is neither pvid nor untagged.
void write_vlan_flags(JsonWriter& json, const rtnl::BridgeVlanRange& range) {
  std::vector<std::string_view> names;
  if (range.flags.contains(rtnl::BridgeVlanFlag::pvid)) names.push_back("PVID");
  if (range.flags.contains(rtnl::BridgeVlanFlag::untagged)) names.push_back("Egress Untagged");
  const bool is_range = range.vid_end && *range.vid_end != range.vid;
  if (!names.empty() || is_range) text_array(json, "flags", names);
}

}  // namespace

void write_bridge_vlan(JsonWriter& json, const rtnl::BridgeVlan& vlans, const LinkNames& names) {
  json.begin_object();
  text_field(json, "ifname", names.name(vlans.ifindex));
  json.key("vlans");
  json.begin_array();
  for (const rtnl::BridgeVlanRange& range : vlans.vlans) {
    json.begin_object();
    number_field(json, "vlan", range.vid);
    if (range.vid_end && *range.vid_end != range.vid) number_field(json, "vlanEnd", *range.vid_end);
    write_vlan_flags(json, range);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

std::string bridge_vlans_json(std::span<const rtnl::BridgeVlan> vlans, const LinkNames& names) {
  JsonWriter json;
  json.begin_array();
  // print_vlan(): a device without vids prints nothing.
  for (const rtnl::BridgeVlan& device : vlans)
    if (!device.vlans.empty()) write_bridge_vlan(json, device, names);
  json.end_array();
  return std::move(json).take();
}

}  // namespace nlpp::format
