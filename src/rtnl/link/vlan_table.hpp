// How link::vlan's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/vlan.hpp>

#include "rtnl/link/kind_traits.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Vlan> {
  static constexpr std::string_view kinds[] = {"vlan"};
  static constexpr auto fields = std::tuple{
      field("id", &Vlan::id, IFLA_VLAN_ID),
      field("flags", &Vlan::flags, IFLA_VLAN_FLAGS),
      field("egress_qos", &Vlan::egress_qos, NestedList<VlanQosMapping>{IFLA_VLAN_EGRESS_QOS, IFLA_VLAN_QOS_MAPPING}),
      field("ingress_qos", &Vlan::ingress_qos,
            NestedList<VlanQosMapping>{IFLA_VLAN_INGRESS_QOS, IFLA_VLAN_QOS_MAPPING}),
      field("protocol", &Vlan::protocol, BigEndian{IFLA_VLAN_PROTOCOL}),
  };
  /// id at most 4094, protocol 802.1Q or 802.1ad, tag priorities (ingress
  /// from, egress to) at most 7.
  static Result<void> validate(const Vlan& vlan, std::string_view kind);
};

}  // namespace nlpp::rtnl::link
