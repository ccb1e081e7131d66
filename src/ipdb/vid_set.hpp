// Internal: a bridge port's vids one by one. A BridgeVlan lists ranges,
// and a transaction's vlan change names some vids of a port and leaves its
// others: what the change does, how it is verified and undone, is worked
// out vid by vid here.
#pragma once

#include <nlpp/io/verb.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>

#include <cstdint>
#include <map>
#include <vector>

namespace nlpp::ipdb {

/// Each vid with its flags (pvid, untagged): the state of a vid, without
/// the words only requests carry (master).
using VidFlags = std::map<uint16_t, rtnl::BridgeVlanFlags>;

/// The vids of vlans, ranges expanded.
VidFlags vids_of(const rtnl::BridgeVlan& vlans);
/// The vids as ranges, each run of consecutive vids with the same flags
/// one range (the pvid always alone), in vid order: as the kernel lists them.
std::vector<rtnl::BridgeVlanRange> ranges_of(const VidFlags& vids);
/// What a port with vids has after verb with asked: del takes asked's
/// vids away; add, set and replace give each asked's flags, and when one
/// of them becomes the pvid the vid that was takes its pvid flag off.
VidFlags after_change(io::Verb verb, VidFlags vids, const rtnl::BridgeVlan& asked);
/// The vids of of that besides lacks, or has with other flags.
VidFlags apart_from(const VidFlags& of, const VidFlags& besides);
/// A request for vids of the port (or bridge) that vlans are: the bridge
/// itself (whose messages name it as its own master) is addressed with
/// bridge_flags self.
rtnl::BridgeVlan request_for(const rtnl::BridgeVlan& vlans, const VidFlags& vids);

}  // namespace nlpp::ipdb
