// Every public RTNL enum as text: to_string(value) and `out << value` give
// iproute2's words, flags one by one through their flag_names() table, and
// values nlpp does not name their number.
#include <nlpp/format/json.hpp>
#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/event_group.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/link/bond.hpp>
#include <nlpp/rtnl/link/bridge_port.hpp>
#include <nlpp/rtnl/link/ipvlan.hpp>
#include <nlpp/rtnl/link/macvlan.hpp>
#include <nlpp/rtnl/link/schema_data.hpp>
#include <nlpp/rtnl/link/tun.hpp>
#include <nlpp/rtnl/link/vlan_protocol.hpp>
#include <nlpp/rtnl/neighbour_fields.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/route_encap.hpp>
#include <nlpp/rtnl/route_type.hpp>
#include <nlpp/rtnl/rule.hpp>

#include <gtest/gtest.h>

#include <ostream>
#include <sstream>
#include <string>

namespace {

// Called from outside nlpp, as a user's code calls them: to_string and
// operator<< are found by argument-dependent lookup alone.
template <class E>
std::string text_of(E value) {
  return std::string(to_string(value));
}

template <class E>
std::string streamed(E value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

template <class T>
concept Streamable = requires(std::ostream& out, T value) {
  out << value;
};

}  // namespace

// Another library's enum with a to_string of its own.
namespace elsewhere {
enum class Colour { red };
inline std::string to_string(Colour) { return "red"; }
}  // namespace elsewhere

namespace nlpp::rtnl {
namespace {

// Here, inside nlpp::rtnl, ordinary lookup finds RTNL's operator<< too.
template <class T>
concept StreamableInRtnl = requires(std::ostream& out, T value) {
  out << value;
};

// operator<< is RTNL's, for RTNL's enums: another library's enum stays
// unprintable, even where ordinary lookup finds the operator.
static_assert(Streamable<OperState> && Streamable<link::BondMode> && Streamable<NeighbourState>);
static_assert(!Streamable<elsewhere::Colour> && !StreamableInRtnl<elsewhere::Colour>);
static_assert(!enum_text::RtnlTextEnum<elsewhere::Colour>);
// The objects' operator<< (format/json.hpp) takes no enum, so the two never compete.
static_assert(!format::JsonWritable<OperState> && !format::JsonWritable<NeighbourState>);

TEST(EnumText, enums_with_a_to_string_stream_as_its_text) {
  EXPECT_EQ(streamed(RouteType::blackhole), "blackhole");
  EXPECT_EQ(streamed(OperState::up), "UP");
  EXPECT_EQ(streamed(link::VlanProtocol::ieee802_1ad), "802.1ad");
  EXPECT_EQ(streamed(link::TunType::tap), "tap");
  EXPECT_EQ(streamed(link::IpvlanMode::l3s), "l3s");
  EXPECT_EQ(streamed(link::BondMode::ieee802_3ad), "802.3ad");
  EXPECT_EQ(streamed(link::BondXmitHashPolicy::layer3_4), "layer3+4");
  EXPECT_EQ(streamed(link::BondLacpRate::fast), "fast");
  EXPECT_EQ(streamed(link::MacvlanMode::passthru), "passthru");
  EXPECT_EQ(streamed(link::BridgePortState::forwarding), "forwarding");
}

TEST(EnumText, nexthop_rule_seg6_macvlan_and_nest_enums_use_iproute2_words) {
  EXPECT_EQ(text_of(NexthopGroupType::mpath), "mpath");
  EXPECT_EQ(streamed(NexthopGroupType::resilient), "resilient");
  EXPECT_EQ(text_of(Seg6Mode::inline_), "inline");
  EXPECT_EQ(streamed(Seg6Mode::l2encap_red), "l2encap.red");
  EXPECT_EQ(text_of(Seg6LocalAction::end_dx6), "End.DX6");
  EXPECT_EQ(streamed(Seg6LocalAction::end_b6_encap), "End.B6.Encaps");
  EXPECT_EQ(text_of(link::MacvlanMacaddrMode::flush), "flush");
  EXPECT_EQ(streamed(link::MacvlanMacaddrMode::del), "del");
  EXPECT_EQ(text_of(link::DataNest::data), "data");
  EXPECT_EQ(streamed(link::DataNest::slave_data), "slave-data");
}

TEST(EnumText, rule_actions_are_ip_rules_words_and_drops_share_the_route_types) {
  EXPECT_EQ(text_of(RuleAction::to_tbl), "lookup");
  EXPECT_EQ(text_of(RuleAction::goto_), "goto");
  EXPECT_EQ(text_of(RuleAction::nop), "nop");
  EXPECT_EQ(streamed(RuleAction::unreachable), "unreachable");
  for (const RuleAction drop : {RuleAction::blackhole, RuleAction::unreachable, RuleAction::prohibit})
    EXPECT_EQ(text_of(drop), to_string(static_cast<RouteType>(drop)));
}

TEST(EnumText, a_single_flag_is_the_word_of_its_flag_names_table) {
  EXPECT_EQ(text_of(NeighbourState::permanent), "permanent");
  EXPECT_EQ(streamed(NeighbourState::stale), "stale");
  EXPECT_EQ(streamed(NeighbourFlag::offloaded), "offload");
  EXPECT_EQ(streamed(NeighbourExtFlag::managed), "managed");
  EXPECT_EQ(text_of(AddressFlag::managetempaddr), "mngtmpaddr");
  EXPECT_EQ(streamed(AddressFlag::stable_privacy), "stable-privacy");
  EXPECT_EQ(streamed(BridgeVlanFlag::pvid), "pvid");
  EXPECT_EQ(streamed(BridgeFlag::self), "self");
  EXPECT_EQ(streamed(EventGroup::nexthops), "nexthops");
  // The same word the set of that flag alone prints.
  EXPECT_EQ(text_of(AddressFlag::nodad), AddressFlags{AddressFlag::nodad}.to_string());
}

TEST(EnumText, values_nlpp_does_not_name_read_as_their_number) {
  EXPECT_EQ(text_of(static_cast<NexthopGroupType>(7)), "7");
  // A rule action of no name of its own is the route type of its number,
  // as `ip rule` prints it: FR_ACT_RES3 is "anycast".
  EXPECT_EQ(streamed(static_cast<RuleAction>(4)), "anycast");
  EXPECT_EQ(text_of(static_cast<RuleAction>(200)), "unknown");
  EXPECT_EQ(streamed(static_cast<Seg6Mode>(9)), "9");
  EXPECT_EQ(text_of(static_cast<Seg6LocalAction>(99)), "99");
  EXPECT_EQ(streamed(static_cast<link::MacvlanMacaddrMode>(8)), "8");
  EXPECT_EQ(streamed(static_cast<link::DataNest>(5)), "5");
  EXPECT_EQ(streamed(static_cast<OperState>(9)), "9");
  EXPECT_EQ(streamed(static_cast<link::VlanProtocol>(0x9100)), "0x9100");
  // A bit no flag names, in hex as in a set.
  EXPECT_EQ(streamed(static_cast<NeighbourState>(0x100)), "0x100");
  // RouteType keeps its own word for numbers beyond RTN_MAX.
  EXPECT_EQ(streamed(static_cast<RouteType>(200)), "unknown");
}

TEST(EnumText, objects_still_stream_as_json_beside_the_enums) {
  std::ostringstream out;
  out << Nexthop{.id = 3, .blackhole = true} << ' ' << RouteType::unicast;
  EXPECT_EQ(out.str().substr(0, 9), R"({"id":3,")");
  EXPECT_EQ(out.str().substr(out.str().size() - 8), " unicast");
}

}  // namespace
}  // namespace nlpp::rtnl
