// Comparing links field by field: what IPDB applies and verifies. Kind data
// is compared member by member under "data." and "slave_data."; counters
// and the attributes kept raw are not compared.
#include <nlpp/rtnl/link.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace nlpp::rtnl {
namespace {

using test::ip;

std::vector<FieldChange> diff(const Link& before, const Link& after) { return ObjectTraits<Link>::diff(before, after); }

TEST(LinkDiff, equal_links_have_no_changes) {
  const Link link{.ifindex = 3, .name = "eth0", .mtu = 1500};
  EXPECT_TRUE(diff(link, link).empty());
}

TEST(LinkDiff, generic_fields_are_named_and_shown_as_text) {
  Link before{.ifindex = 3, .name = "eth0", .mtu = 1500, .operstate = OperState::down};
  Link after = before;
  after.name = "wan0";
  after.mtu = 9000;
  after.operstate = OperState::up;
  after.set_up(true);
  EXPECT_EQ(
      diff(before, after),
      (std::vector<FieldChange>{
          {"flags", "0x0", "0x1"}, {"mtu", "1500", "9000"}, {"operstate", "DOWN", "UP"}, {"name", "eth0", "wan0"}}));
}

TEST(LinkDiff, counters_and_raw_attributes_are_not_compared) {
  const Link before{.stats = LinkStats{.rx_packets = 1}, .unknown = {{IFLA_CARRIER_CHANGES, {std::byte{1}}}}};
  const Link after{.stats = LinkStats{.rx_packets = 2}, .unknown = {{IFLA_CARRIER_CHANGES, {std::byte{2}}}}};
  EXPECT_TRUE(diff(before, after).empty());
}

TEST(LinkDiff, kind_data_is_compared_member_by_member) {
  const Link before{.info = LinkInfo{.kind = "vxlan", .data = link::Vxlan{.vni = 1, .group = ip("239.1.1.1")}}};
  const Link after{.info =
                       LinkInfo{.kind = "vxlan", .data = link::Vxlan{.vni = 2, .group = ip("239.1.1.1"), .gbp = true}}};
  EXPECT_EQ(diff(before, after), (std::vector<FieldChange>{{"data.vni", "1", "2"}, {"data.gbp", "false", "true"}}));
}

TEST(LinkDiff, kind_data_of_another_kind_is_one_change) {
  const Link before{.info = LinkInfo{.kind = "bridge", .data = link::Bridge{}}};
  const Link after{.info = LinkInfo{.kind = "bond", .data = link::Bond{}}};
  EXPECT_EQ(diff(before, after), (std::vector<FieldChange>{{"kind", "bridge", "bond"}, {"data", "bridge", "bond"}}));
}

TEST(LinkDiff, port_data_is_compared_under_slave_data) {
  const Link before{.info = LinkInfo{.slave_kind = "bridge", .slave_data = link::BridgePort{.cost = 10}}};
  const Link after{
      .info = LinkInfo{.slave_kind = "bridge",
                       .slave_data = link::BridgePort{.state = link::BridgePortState::forwarding, .cost = 20}}};
  EXPECT_EQ(diff(before, after),
            (std::vector<FieldChange>{{"slave_data.state", "", "forwarding"}, {"slave_data.cost", "10", "20"}}));
}

TEST(LinkDiff, a_link_that_gains_a_kind_shows_it) {
  const Link before{.name = "x"};
  const Link after{.name = "x", .info = LinkInfo{.kind = "dummy"}};
  EXPECT_EQ(diff(before, after), (std::vector<FieldChange>{{"kind", "", "dummy"}}));
}

}  // namespace
}  // namespace nlpp::rtnl
