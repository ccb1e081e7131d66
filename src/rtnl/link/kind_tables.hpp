// Every kind's field table, for the engine that serves them all
// (link_data.cpp) and for options set from text (field_text.cpp).
#pragma once

#include "rtnl/link/bond_table.hpp"
#include "rtnl/link/bond_port_table.hpp"
#include "rtnl/link/bridge_table.hpp"
#include "rtnl/link/bridge_port_table.hpp"
#include "rtnl/link/geneve_table.hpp"
#include "rtnl/link/gre_table.hpp"
#include "rtnl/link/ip6_tunnel_table.hpp"
#include "rtnl/link/ip_tunnel_table.hpp"
#include "rtnl/link/ipvlan_table.hpp"
#include "rtnl/link/macvlan_table.hpp"
#include "rtnl/link/tun_table.hpp"
#include "rtnl/link/veth_table.hpp"
#include "rtnl/link/vlan_table.hpp"
#include "rtnl/link/vrf_table.hpp"
#include "rtnl/link/vti_table.hpp"
#include "rtnl/link/vxlan_table.hpp"
#include "rtnl/link/xfrm_table.hpp"
