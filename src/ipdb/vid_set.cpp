#include "ipdb/vid_set.hpp"

namespace nlpp::ipdb {
namespace {

rtnl::BridgeVlanFlags state_of(rtnl::BridgeVlanFlags flags) { return flags.erase(rtnl::BridgeVlanFlag::master); }

}  // namespace

VidFlags vids_of(const rtnl::BridgeVlan& vlans) {
  VidFlags vids;
  for (const rtnl::BridgeVlanRange& range : vlans.vlans)
    for (uint32_t vid = range.vid; vid <= range.vid_end.value_or(range.vid); ++vid)
      vids[static_cast<uint16_t>(vid)] = state_of(range.flags);
  return vids;
}

std::vector<rtnl::BridgeVlanRange> ranges_of(const VidFlags& vids) {
  std::vector<rtnl::BridgeVlanRange> ranges;
  for (const auto& [vid, flags] : vids) {
    const bool joins = !ranges.empty() && !flags.contains(rtnl::BridgeVlanFlag::pvid) && ranges.back().flags == flags &&
                       ranges.back().vid_end.value_or(ranges.back().vid) + 1 == vid;
    if (joins)
      ranges.back().vid_end = vid;
    else
      ranges.push_back({.vid = vid, .flags = flags});
  }
  return ranges;
}

VidFlags after_change(io::Verb verb, VidFlags vids, const rtnl::BridgeVlan& asked) {
  const VidFlags changed = vids_of(asked);
  for (const auto& [vid, flags] : changed) {
    if (verb == io::Verb::del) {
      vids.erase(vid);
      continue;
    }
    if (flags.contains(rtnl::BridgeVlanFlag::pvid))
      for (auto& [other, other_flags] : vids)
        if (other != vid) other_flags.erase(rtnl::BridgeVlanFlag::pvid);
    vids[vid] = flags;
  }
  return vids;
}

VidFlags apart_from(const VidFlags& of, const VidFlags& besides) {
  VidFlags apart;
  for (const auto& [vid, flags] : of)
    if (const auto found = besides.find(vid); found == besides.end() || found->second != flags) apart[vid] = flags;
  return apart;
}

rtnl::BridgeVlan request_for(const rtnl::BridgeVlan& vlans, const VidFlags& vids) {
  // A port's messages name its bridge (IFLA_MASTER), the bridge's own
  // itself (and a request nothing).
  const bool bridge_itself = !vlans.master || *vlans.master == uint32_t{vlans.ifindex};
  return rtnl::BridgeVlan{
      .ifindex = vlans.ifindex,
      .vlans = ranges_of(vids),
      .bridge_flags = bridge_itself ? rtnl::BridgeFlags{rtnl::BridgeFlag::self} : rtnl::BridgeFlags{}};
}

}  // namespace nlpp::ipdb
