// How a BridgeVlan maps onto an AF_BRIDGE struct ifinfomsg and its
// attributes: one line per member. The vlans and the bridge flags share
// the IFLA_AF_SPEC nest, which one codec writes; diffs compare them by
// their own lines.
#pragma once

#include <nlpp/rtnl/bridge_vlan.hpp>

#include "codec/field.hpp"
#include "codec/field_table.hpp"
#include "codec/header_codecs.hpp"
#include "codec/object_accessors.hpp"
#include "codec/reported.hpp"

#include <linux/if_link.h>

#include <array>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

namespace nlpp::rtnl {

/// IFLA_AF_SPEC as `bridge vlan` and br_fill_ifinfo() write it:
/// IFLA_BRIDGE_FLAGS when set, then one IFLA_BRIDGE_VLAN_INFO per vid, a
/// range being a RANGE_BEGIN entry and a RANGE_END one. Each entry is read
/// as it is, range markers in its flags, and join_ranges() joins them after
/// the attributes, so that its errors name the object. Other entries
/// (tunnel info, MRP, MST) are not modelled.
struct AfSpecCodec {
  static constexpr bool compared = false;  // vlans and bridge_flags have their lines

  constexpr std::array<uint16_t, 1> types() const noexcept { return {IFLA_AF_SPEC}; }
  Result<void> parse(const wire::Attribute& attribute, BridgeVlan& vlans) const;
  void emit(const BridgeVlan& vlans, wire::MessageBuilder& out) const;
};

/// After the attributes: each RANGE_BEGIN entry and the RANGE_END one after
/// it as one range; an error for a range that does not begin or end.
Result<void> join_ranges(std::vector<BridgeVlanRange>& vlans);

inline constexpr auto bridge_vlan_fields = std::tuple{
    codec::field("ifindex", &BridgeVlan::ifindex, codec::in_header(&ifinfomsg::ifi_index)),
    codec::field("af_spec", codec::WholeObject<BridgeVlan>{}, AfSpecCodec{}),
    codec::field("vlans", codec::Derived<BridgeVlan, std::string>{&vlans_text}, codec::Compared{}),
    codec::field("bridge_flags", &BridgeVlan::bridge_flags, codec::Compared{}),
    codec::field("master", &BridgeVlan::master, codec::Reported{IFLA_MASTER}),
};

}  // namespace nlpp::rtnl
