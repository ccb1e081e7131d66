// How link::BondPort's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/bond_port.hpp>

#include "rtnl/link/kind_traits.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<BondPort> {
  static constexpr std::string_view kinds[] = {"bond"};
  static constexpr auto fields = std::tuple{
      field("state", &BondPort::state, IFLA_BOND_SLAVE_STATE),
      field("mii_status", &BondPort::mii_status, IFLA_BOND_SLAVE_MII_STATUS),
      field("link_failure_count", &BondPort::link_failure_count, IFLA_BOND_SLAVE_LINK_FAILURE_COUNT),
      field("perm_hwaddr", &BondPort::perm_hwaddr, IFLA_BOND_SLAVE_PERM_HWADDR),
      field("queue_id", &BondPort::queue_id, IFLA_BOND_SLAVE_QUEUE_ID),
      field("ad_aggregator_id", &BondPort::ad_aggregator_id, IFLA_BOND_SLAVE_AD_AGGREGATOR_ID),
      field("ad_actor_oper_port_state", &BondPort::ad_actor_oper_port_state, IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE),
      field("ad_partner_oper_port_state", &BondPort::ad_partner_oper_port_state,
            IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE),
      field("prio", &BondPort::prio, IFLA_BOND_SLAVE_PRIO),
  };
};

}  // namespace nlpp::rtnl::link
