// A bridge port's vids one by one (src/ipdb/vid_set.hpp): what a
// transaction's vlan change does to a port, how its vids are listed again
// as the kernel lists them, and how a request names the bridge itself.
#include "ipdb/vid_set.hpp"

#include <gtest/gtest.h>

namespace nlpp::ipdb {
namespace {

using rtnl::BridgeVlan;
using rtnl::BridgeVlanFlag;
using rtnl::BridgeVlanFlags;

const BridgeVlanFlags pvid_untagged{BridgeVlanFlag::pvid, BridgeVlanFlag::untagged};
const BridgeVlanFlags untagged{BridgeVlanFlag::untagged};

// What a new port of a bridge with the default pvid has.
BridgeVlan new_port() { return BridgeVlan{.ifindex = 4, .vlans = {{.vid = 1, .flags = pvid_untagged}}, .master = 2}; }

TEST(IpdbVidSet, ranges_are_expanded_and_master_dropped) {
  const VidFlags vids =
      vids_of(BridgeVlan{.ifindex = 4, .vlans = {{.vid = 20, .vid_end = 22, .flags = {BridgeVlanFlag::master}}}});
  EXPECT_EQ(vids, (VidFlags{{20, {}}, {21, {}}, {22, {}}}));
}

TEST(IpdbVidSet, consecutive_vids_with_the_same_flags_are_one_range_and_the_pvid_stands_alone) {
  const VidFlags vids{{1, pvid_untagged}, {2, untagged}, {3, untagged}, {5, {}}, {6, {}}, {7, untagged}};
  EXPECT_EQ(rtnl::vlans_text(BridgeVlan{.vlans = ranges_of(vids)}), "1 pvid untagged, 2-3 untagged, 5-6, 7 untagged");
  EXPECT_EQ(vids_of(BridgeVlan{.vlans = ranges_of(vids)}), vids);
}

TEST(IpdbVidSet, adding_a_pvid_takes_it_from_the_vid_that_had_it_and_keeps_the_other_vids) {
  const VidFlags after = after_change(
      io::Verb::add, vids_of(new_port()),
      BridgeVlan{.ifindex = 4, .vlans = {{.vid = 10, .flags = pvid_untagged}, {.vid = 20, .vid_end = 21}}});
  EXPECT_EQ(after, (VidFlags{{1, untagged}, {10, pvid_untagged}, {20, {}}, {21, {}}}));
}

TEST(IpdbVidSet, adding_a_vid_again_gives_it_exactly_the_flags_asked) {
  const VidFlags after =
      after_change(io::Verb::set, vids_of(new_port()), BridgeVlan{.ifindex = 4, .vlans = {{.vid = 1}}});
  EXPECT_EQ(after, (VidFlags{{1, {}}}));
}

TEST(IpdbVidSet, deleting_takes_away_only_the_vids_named) {
  const BridgeVlan port{.ifindex = 4, .vlans = {{.vid = 1, .flags = pvid_untagged}, {.vid = 20, .vid_end = 25}}};
  const VidFlags after = after_change(io::Verb::del, vids_of(port),
                                      BridgeVlan{.ifindex = 4, .vlans = {{.vid = 1}, {.vid = 21, .vid_end = 24}}});
  EXPECT_EQ(after, (VidFlags{{20, {}}, {25, {}}}));
}

TEST(IpdbVidSet, apart_from_is_what_one_side_lacks_or_flags_otherwise) {
  const VidFlags was{{1, pvid_untagged}, {10, {}}, {11, {}}};
  const VidFlags now{{1, untagged}, {10, {}}, {12, pvid_untagged}};
  EXPECT_EQ(apart_from(was, now), (VidFlags{{1, pvid_untagged}, {11, {}}}));
  EXPECT_EQ(apart_from(now, was), (VidFlags{{1, untagged}, {12, pvid_untagged}}));
  EXPECT_TRUE(apart_from(was, was).empty());
}

TEST(IpdbVidSet, a_request_for_a_port_goes_to_its_bridge_and_one_for_the_bridge_to_itself) {
  const BridgeVlan for_port = request_for(new_port(), VidFlags{{30, {}}});
  EXPECT_EQ(uint32_t{for_port.ifindex}, 4u);
  EXPECT_TRUE(for_port.bridge_flags.empty());
  EXPECT_EQ(rtnl::vlans_text(for_port), "30");
  const BridgeVlan bridge{.ifindex = 2, .vlans = {{.vid = 1, .flags = pvid_untagged}}, .master = 2};
  EXPECT_TRUE(request_for(bridge, VidFlags{{30, {}}}).bridge_flags.contains(rtnl::BridgeFlag::self));
}

}  // namespace
}  // namespace nlpp::ipdb
