#include "ipdb/kernel_removals.hpp"

#include <net/if.h>
#include <sys/socket.h>

#include <algorithm>
#include <utility>
#include <variant>
#include <vector>

namespace nlpp::ipdb {
namespace {

// Removes the routes of family (AF_UNSPEC: any) through ifindex.
void remove_routes_through(KeptObjects& sets, uint32_t ifindex, int family, ChangeLog& log) {
  std::get<ObjectSet<rtnl::Route>>(sets).erase_if(
      [&](const rtnl::Route& route) {
        return (family == AF_UNSPEC || route.family == family) && route_uses_link(route, ifindex);
      },
      log);
}

// True for a multipath route with a path through ifindex and a path
// through another link: when ifindex goes down the kernel keeps it, that
// path marked dead (alive again when the link comes back up), and says
// nothing.
bool has_paths_beside(const rtnl::Route& route, uint32_t ifindex) {
  const auto& paths = route.extras->multipath;
  const auto through = [&](const rtnl::RouteNexthop& path) { return path.ifindex == ifindex; };
  return std::ranges::any_of(paths, through) && !std::ranges::all_of(paths, through);
}

bool any_route_has_paths_beside(const KeptObjects& sets, uint32_t ifindex) {
  return std::ranges::any_of(std::get<ObjectSet<rtnl::Route>>(sets),
                             [&](const rtnl::Route& route) { return has_paths_beside(route, ifindex); });
}

// Removes what goes with a link set down: its IPv4 routes but the local
// ones of its addresses (which stay, in table local) and the multipath
// ones with another path (whose change the caller re-reads).
void remove_routes_of_down_link(KeptObjects& sets, uint32_t ifindex, ChangeLog& log) {
  std::get<ObjectSet<rtnl::Route>>(sets).erase_if(
      [&](const rtnl::Route& route) {
        return route.family == AF_INET && route.type != rtnl::RouteType::local && route_uses_link(route, ifindex) &&
               !has_paths_beside(route, ifindex);
      },
      log);
}

// Removes the nexthop objects through ifindex, and the routes that use them.
void remove_nexthops_through(KeptObjects& sets, uint32_t ifindex, ChangeLog& log) {
  std::vector<uint32_t> ids;
  std::get<ObjectSet<rtnl::Nexthop>>(sets).erase_if(
      [&](const rtnl::Nexthop& nexthop) {
        if (nexthop.oif != ifindex) return false;
        ids.push_back(nexthop.id);
        return true;
      },
      log);
  std::get<ObjectSet<rtnl::Route>>(sets).erase_if(
      [&](const rtnl::Route& route) { return route.nh_id != 0 && std::ranges::find(ids, route.nh_id) != ids.end(); },
      log);
}

// What a bridge's vids follow: whether it filters, and its default pvid
// (which the kernel gives new ports, and moves on the ports that have it
// when it changes); nothing for a link that is no bridge.
std::optional<std::pair<std::optional<bool>, std::optional<uint16_t>>> vlan_settings(const rtnl::Link& link) {
  const auto* bridge = link.info ? std::get_if<rtnl::link::Bridge>(&link.info->data) : nullptr;
  if (!bridge) return std::nullopt;
  return std::pair(bridge->vlan_filtering, bridge->vlan_default_pvid);
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

Rereads changed(KeptObjects& sets, const rtnl::NewEvent<rtnl::Link>& event, ChangeLog& log) {
  const rtnl::Link& link = event.object;
  ObjectSet<rtnl::Link>& links = std::get<ObjectSet<rtnl::Link>>(sets);
  Rereads reread;
  const rtnl::Link* before = links.find(link.ifindex);
  if (before) {
    if (before->is_up() != link.is_up()) {
      if (!link.is_up()) {
        remove_routes_of_down_link(sets, link.ifindex, log);
        remove_nexthops_through(sets, link.ifindex, log);
      }
      // A path of a multipath route dies or revives with its link.
      if (any_route_has_paths_beside(sets, link.ifindex)) reread.routes_of = link.ifindex;
    } else if (link.is_up() && ((before->flags ^ link.flags) & (uint32_t{IFF_LOWER_UP} | uint32_t{IFF_RUNNING})) != 0) {
      // Carrier lost or regained: the routes' linkdown flag changes, and a
      // lost carrier takes the link's nexthop objects along. Read again
      // when the operstate follows too: the kernel notifies a link set up
      // before its handlers revive the dead paths through it, and the
      // link watch that then sets the operstate waits for them.
      if ((link.flags & IFF_LOWER_UP) == 0) remove_nexthops_through(sets, link.ifindex, log);
      reread.routes_of = link.ifindex;
    }
  }
  if (const auto settings = vlan_settings(link); settings && (!before || vlan_settings(*before) != settings))
    reread.vlans_of = link.ifindex;
  links.put(link, log);
  return reread;
}

Rereads changed(KeptObjects& sets, const rtnl::NewEvent<rtnl::Route>& event, ChangeLog& log) {
  ObjectSet<rtnl::Route>& routes = std::get<ObjectSet<rtnl::Route>>(sets);
  if (event.replaced()) {
    // The route took the place of the one with its kernel key, whatever
    // its link and gateway were: that one is gone, which the notification
    // says by its flag. One route replaced by one is one change.
    const rtnl::RouteKey key = rtnl::ObjectTraits<rtnl::Route>::key(event.object);
    const ObjectSet<rtnl::Route>::Key own = CacheKey<rtnl::Route>::of(event.object);
    std::vector<rtnl::Route> replaced = routes.take_if([&](const rtnl::Route& route) {
      return rtnl::ObjectTraits<rtnl::Route>::key(route) == key && CacheKey<rtnl::Route>::of(route) != own;
    });
    if (replaced.size() == 1 && !routes.find(own)) {
      routes.put_replacing(event.object, std::move(replaced.front()), log);
      return {};
    }
    for (rtnl::Route& route : replaced) log.record<rtnl::Route>(std::move(route), nullptr, false);
  }
  routes.put(event.object, log);
  return {};
}

void removed(KeptObjects& sets, const rtnl::Link& link, ChangeLog& log) {
  const uint32_t ifindex = link.ifindex;
  std::get<ObjectSet<rtnl::Link>>(sets).erase(ifindex, log);
  const auto on_link = [&](const auto& object) { return object.ifindex == ifindex; };
  std::get<ObjectSet<rtnl::Address>>(sets).erase_if(on_link, log);
  std::get<ObjectSet<rtnl::Neighbour>>(sets).erase_if(on_link, log);
  std::get<ObjectSet<rtnl::FdbEntry>>(sets).erase_if(on_link, log);
  // A port's go with a notification of their own, a bridge's own without.
  std::get<ObjectSet<rtnl::BridgeVlan>>(sets).erase(ifindex, log);
  remove_nexthops_through(sets, ifindex, log);
  remove_routes_through(sets, ifindex, AF_UNSPEC, log);
}

void removed(KeptObjects& sets, const rtnl::Address& address, ChangeLog& log) {
  ObjectSet<rtnl::Address>& addresses = std::get<ObjectSet<rtnl::Address>>(sets);
  addresses.erase(rtnl::ObjectTraits<rtnl::Address>::key(address), log);
  if (address.local.family() != AF_INET) return;
  const bool last_ipv4 = std::ranges::none_of(addresses, [&](const rtnl::Address& other) {
    return other.ifindex == address.ifindex && other.local.family() == AF_INET;
  });
  if (!last_ipv4) return;
  // Routes through a nexthop object stay: the object keeps them.
  std::get<ObjectSet<rtnl::Route>>(sets).erase_if(
      [&](const rtnl::Route& route) {
        return route.family == AF_INET && route.nh_id == 0 && route_uses_link(route, address.ifindex);
      },
      log);
}

void removed(KeptObjects& sets, const rtnl::Nexthop& nexthop, ChangeLog& log) {
  std::get<ObjectSet<rtnl::Nexthop>>(sets).erase(nexthop.id, log);
  std::get<ObjectSet<rtnl::Route>>(sets).erase_if([&](const rtnl::Route& route) { return route.nh_id == nexthop.id; },
                                                  log);
}

}  // namespace nlpp::ipdb
