#include "ipdb/object_names.hpp"

namespace nlpp::ipdb {
namespace {

std::string dev(rtnl::LinkRef link) { return " dev " + rtnl::to_string(link); }

}  // namespace

std::string name_of(const rtnl::Link& link) {
  if (link.name) return "link " + *link.name;
  return "link " + std::to_string(link.ifindex);
}

std::string name_of(const rtnl::Address& address) {
  return "address " + address.local.to_string() + "/" + std::to_string(address.prefix_length) + dev(address.ifindex);
}

std::string name_of(const rtnl::Route& route) {
  const rtnl::RouteKey key = rtnl::ObjectTraits<rtnl::Route>::key(route);
  std::string text = "route " + (key.dst.length == 0 ? std::string("default") : key.dst.to_string()) + " table " +
                     std::to_string(key.table);
  if (key.priority != 0) text += " metric " + std::to_string(key.priority);
  if (!route.gateway.empty()) text += " via " + route.gateway.to_string();
  if (route.oif != 0) text += dev(route.oif);
  return text;
}

std::string name_of(const rtnl::Neighbour& neighbour) {
  return "neighbour " + neighbour.dst.to_string() + dev(neighbour.ifindex);
}

std::string name_of(const rtnl::FdbEntry& entry) {
  std::string text = "fdb " + entry.lladdr.to_string() + dev(entry.ifindex);
  if (entry.vlan) text += " vlan " + std::to_string(*entry.vlan);
  if (entry.dst) text += " dst " + entry.dst->to_string();
  return text;
}

std::string name_of(const rtnl::Rule& rule) {
  std::string text = "rule";
  if (rule.priority) text += " priority " + std::to_string(*rule.priority);
  if (rule.src.length != 0) text += " from " + rule.src.to_string();
  if (rule.dst.length != 0) text += " to " + rule.dst.to_string();
  if (rule.table != 0) text += " table " + std::to_string(rule.table);
  return text;
}

std::string name_of(const rtnl::Nexthop& nexthop) { return "nexthop id " + std::to_string(nexthop.id); }

std::string name_of(const rtnl::BridgeVlan& vlans) {
  return "bridge vlan " + rtnl::vlans_text(vlans) + dev(vlans.ifindex);
}

}  // namespace nlpp::ipdb
