#include "ipdb/kernel_removals.hpp"

#include <net/if.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace nlpp::ipdb {
namespace {

// Removes the routes of family (AF_UNSPEC: any) through ifindex.
size_t remove_routes_through(KeptObjects& sets, uint32_t ifindex, int family) {
  return std::get<ObjectSet<rtnl::Route>>(sets).erase_if([&](const rtnl::Route& route) {
    return (family == AF_UNSPEC || route.family == family) && route_uses_link(route, ifindex);
  });
}

// Removes what goes with a link set down: its IPv4 routes but the local
// ones of its addresses (which stay, in table local).
size_t remove_routes_of_down_link(KeptObjects& sets, uint32_t ifindex) {
  return std::get<ObjectSet<rtnl::Route>>(sets).erase_if([&](const rtnl::Route& route) {
    return route.family == AF_INET && route.type != rtnl::RouteType::local && route_uses_link(route, ifindex);
  });
}

// Removes the nexthop objects through ifindex, and the routes that use them.
size_t remove_nexthops_through(KeptObjects& sets, uint32_t ifindex) {
  std::vector<uint32_t> ids;
  std::get<ObjectSet<rtnl::Nexthop>>(sets).erase_if([&](const rtnl::Nexthop& nexthop) {
    if (nexthop.oif != ifindex) return false;
    ids.push_back(nexthop.id);
    return true;
  });
  const size_t routes = std::get<ObjectSet<rtnl::Route>>(sets).erase_if(
      [&](const rtnl::Route& route) { return route.nh_id != 0 && std::ranges::find(ids, route.nh_id) != ids.end(); });
  return ids.size() + routes;
}

}  // namespace

bool is_cached(const rtnl::Neighbour& neighbour) {
  const bool multicast_v6 = neighbour.dst.is_v6() && std::to_integer<uint8_t>(neighbour.dst.bytes()[0]) == 0xff;
  return !(multicast_v6 && neighbour.state.contains(rtnl::NeighbourState::noarp));
}

bool route_uses_link(const rtnl::Route& route, uint32_t ifindex) {
  if (route.oif == ifindex) return true;
  const auto& paths = route.extras->multipath;
  return std::ranges::any_of(paths, [&](const rtnl::RouteNexthop& path) { return path.ifindex == ifindex; });
}

Consequence changed(KeptObjects& sets, const rtnl::NewEvent<rtnl::Link>& event) {
  const rtnl::Link& link = event.object;
  ObjectSet<rtnl::Link>& links = std::get<ObjectSet<rtnl::Link>>(sets);
  Consequence consequence;
  if (const rtnl::Link* before = links.find(link.ifindex)) {
    if (before->is_up() && !link.is_up()) {
      consequence.removed =
          remove_routes_of_down_link(sets, link.ifindex) + remove_nexthops_through(sets, link.ifindex);
    } else if (link.is_up() && ((before->flags ^ link.flags) & IFF_LOWER_UP) != 0) {
      // Carrier lost or regained: the routes' linkdown flag changes, and a
      // lost carrier takes the link's nexthop objects along.
      if ((link.flags & IFF_LOWER_UP) == 0) consequence.removed = remove_nexthops_through(sets, link.ifindex);
      consequence.reread_routes_of = link.ifindex;
    }
  }
  links.put(link);
  return consequence;
}

Consequence changed(KeptObjects& sets, const rtnl::NewEvent<rtnl::Route>& event) {
  ObjectSet<rtnl::Route>& routes = std::get<ObjectSet<rtnl::Route>>(sets);
  if (event.replaced()) {
    // The route took the place of the one with its key, whatever its link
    // and gateway were.
    const rtnl::RouteKey key = rtnl::ObjectTraits<rtnl::Route>::key(event.object);
    routes.erase_if([&](const rtnl::Route& route) { return rtnl::ObjectTraits<rtnl::Route>::key(route) == key; });
  }
  routes.put(event.object);
  return {};
}

Consequence removed(KeptObjects& sets, const rtnl::Link& link) {
  const uint32_t ifindex = link.ifindex;
  std::get<ObjectSet<rtnl::Link>>(sets).erase(ifindex);
  const auto on_link = [&](const auto& object) { return object.ifindex == ifindex; };
  Consequence consequence;
  consequence.removed += std::get<ObjectSet<rtnl::Address>>(sets).erase_if(on_link);
  consequence.removed += std::get<ObjectSet<rtnl::Neighbour>>(sets).erase_if(on_link);
  consequence.removed += std::get<ObjectSet<rtnl::FdbEntry>>(sets).erase_if(on_link);
  consequence.removed += remove_nexthops_through(sets, ifindex);
  consequence.removed += remove_routes_through(sets, ifindex, AF_UNSPEC);
  return consequence;
}

Consequence removed(KeptObjects& sets, const rtnl::Address& address) {
  ObjectSet<rtnl::Address>& addresses = std::get<ObjectSet<rtnl::Address>>(sets);
  addresses.erase(rtnl::ObjectTraits<rtnl::Address>::key(address));
  if (address.local.family() != AF_INET) return {};
  const bool last_ipv4 = std::ranges::none_of(addresses, [&](const rtnl::Address& other) {
    return other.ifindex == address.ifindex && other.local.family() == AF_INET;
  });
  if (!last_ipv4) return {};
  // Routes through a nexthop object stay: the object keeps them.
  return {.removed = std::get<ObjectSet<rtnl::Route>>(sets).erase_if([&](const rtnl::Route& route) {
    return route.family == AF_INET && route.nh_id == 0 && route_uses_link(route, address.ifindex);
  })};
}

Consequence removed(KeptObjects& sets, const rtnl::Nexthop& nexthop) {
  std::get<ObjectSet<rtnl::Nexthop>>(sets).erase(nexthop.id);
  return {.removed = std::get<ObjectSet<rtnl::Route>>(sets).erase_if(
              [&](const rtnl::Route& route) { return route.nh_id == nexthop.id; })};
}

}  // namespace nlpp::ipdb
