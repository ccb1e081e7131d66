// ObjectTraits<BridgeVlan>: input checks, diff and dumps; the text of a range and of a port's vlans.
#include <nlpp/rtnl/bridge_vlan.hpp>

#include "rtnl/bridge/bridge_vlan_table.hpp"

#include <linux/if_link.h>
#include <sys/socket.h>

#include <algorithm>

namespace nlpp::rtnl {
namespace {

constexpr uint16_t max_vid = 4094;  // 0 and 4095 are reserved (802.1Q)

constexpr FlagName<BridgeVlanFlag> vlan_flag_names[] = {
    {BridgeVlanFlag::master, "master"},
    {BridgeVlanFlag::pvid, "pvid"},
    {BridgeVlanFlag::untagged, "untagged"},
};

constexpr FlagName<BridgeFlag> bridge_flag_names[] = {
    {BridgeFlag::master, "master"},
    {BridgeFlag::self, "self"},
};

Error invalid(const BridgeVlanRange& range, const std::string& why) {
  return Error(errc::invalid_argument, "bridge vlan " + range.to_string() + ": " + why);
}

Result<void> check_range(const BridgeVlanRange& range) {
  if (range.vid == 0 || range.vid > max_vid) return invalid(range, "vids go from 1 to " + std::to_string(max_vid));
  if (range.vid_end && (*range.vid_end <= range.vid || *range.vid_end > max_vid))
    return invalid(range, "a range ends after its first vid and at " + std::to_string(max_vid) + " at most");
  if (range.vid_end && range.flags.contains(BridgeVlanFlag::pvid)) return invalid(range, "a range cannot be the pvid");
  if (range.flags.bits() & (BRIDGE_VLAN_INFO_RANGE_BEGIN | BRIDGE_VLAN_INFO_RANGE_END))
    return invalid(range, "range markers are set from vid_end, not in flags");
  return {};
}

}  // namespace

std::span<const FlagName<BridgeVlanFlag>> flag_names(BridgeVlanFlag) noexcept { return vlan_flag_names; }
std::span<const FlagName<BridgeFlag>> flag_names(BridgeFlag) noexcept { return bridge_flag_names; }

std::string vlans_text(const BridgeVlan& vlans) {
  std::string text;
  for (const BridgeVlanRange& range : vlans.vlans) text += (text.empty() ? "" : ", ") + range.to_string();
  return text;
}

std::string BridgeVlanRange::to_string() const {
  std::string text = std::to_string(vid);
  if (vid_end) text += "-" + std::to_string(*vid_end);
  if (!flags.empty()) text += " " + flags.to_string();
  return text;
}

Result<void> ObjectTraits<BridgeVlan>::validate(const BridgeVlan& vlans) {
  if (vlans.ifindex == 0) return Error(errc::invalid_argument, "bridge vlan ifindex: 0 names no link");
  if (vlans.vlans.empty()) return Error(errc::invalid_argument, "bridge vlan vlans: no vid to add or delete");
  for (const BridgeVlanRange& range : vlans.vlans) {
    if (Result<void> checked = check_range(range); !checked) return checked;
  }
  const auto is_pvid = [](const BridgeVlanRange& range) { return range.flags.contains(BridgeVlanFlag::pvid); };
  if (std::count_if(vlans.vlans.begin(), vlans.vlans.end(), is_pvid) > 1)
    return Error(errc::invalid_argument, "bridge vlan vlans: a port has one pvid, several are marked");
  return {};
}

std::vector<FieldChange> ObjectTraits<BridgeVlan>::diff(const BridgeVlan& before, const BridgeVlan& after) {
  FieldDiff diff;
  codec::diff_fields<bridge_vlan_fields>(before, after, diff);
  return std::move(diff).take();
}

void ObjectTraits<BridgeVlan>::emit_dump_request(const Filter&, wire::MessageBuilder& builder) {
  // valid_bridge_getlink_req() takes IFLA_EXT_MASK and a zero header but
  // for the family, so nothing else can be filtered by the kernel.
  builder.begin_message(get_type, 0)
      .append_header(ifinfomsg{
          .ifi_family = AF_BRIDGE, .__ifi_pad = 0, .ifi_type = 0, .ifi_index = 0, .ifi_flags = 0, .ifi_change = 0})
      .add_u32(IFLA_EXT_MASK, RTEXT_FILTER_BRVLAN_COMPRESSED);
}

bool ObjectTraits<BridgeVlan>::matches(const Filter& filter, const BridgeVlan& vlans) {
  return (!filter.ifindex || *filter.ifindex == vlans.ifindex) &&
         (!filter.master || filter.master == vlans.master || *filter.master == vlans.ifindex);
}

}  // namespace nlpp::rtnl
