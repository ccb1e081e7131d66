// Internal: an object named the way a person would in an error or a
// review, by its kind and what identifies it ("route 10.1.0.0/16 table 254
// via 10.0.0.2 dev 3"), links by the number a request or the kernel gave.
#pragma once

#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/rule.hpp>

#include <string>

namespace nlpp::ipdb {

std::string name_of(const rtnl::Link& link);
std::string name_of(const rtnl::Address& address);
std::string name_of(const rtnl::Route& route);
std::string name_of(const rtnl::Neighbour& neighbour);
std::string name_of(const rtnl::FdbEntry& entry);
std::string name_of(const rtnl::Rule& rule);
std::string name_of(const rtnl::Nexthop& nexthop);
std::string name_of(const rtnl::BridgeVlan& vlans);

}  // namespace nlpp::ipdb
