#include <nlpp/rtnl/link_resolution.hpp>

#include <nlpp/io/request_object.hpp>
#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/binding.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/link_name.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/qdisc.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/route_filter.hpp>
#include <nlpp/rtnl/route_query.hpp>
#include <nlpp/rtnl/tc_action.hpp>
#include <nlpp/rtnl/tc_chain.hpp>
#include <nlpp/rtnl/tc_class.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include <cerrno>
#include <string>
#include <utility>

namespace nlpp::rtnl {

Result<uint32_t> ifindex_of(io::RequestEngine& engine, std::string_view name) {
  // RTM_GETLINK finds a name or an altname through IFLA_IFNAME, which holds
  // 15 bytes; a longer altname goes as IFLA_ALT_IFNAME.
  const bool long_altname = name.size() > max_link_name_length;
  const std::string field = "link '" + std::string(name) + "'";
  Result<void> valid = long_altname ? validate_altname(name, field) : validate_link_name(name, field);
  if (!valid) return std::move(valid).error();
  Link query;
  if (long_altname) query.altnames = {std::string(name)};
  else query.name = std::string(name);
  wire::MessageBuilder request;
  ObjectTraits<Link>::emit(query, request, RTM_GETLINK, 0);
  Result<Link> link = io::request_object<Link>(engine, RtnlBinding{}, request);
  if (!link) {
    const Error& error = link.error();
    const bool missing = error.code() == std::error_code(ENODEV, std::system_category());
    return Error(error.code(), field + ": " + (missing ? "no such link" : error.context()), error.ext_ack());
  }
  return link->ifindex;
}

template <RefersToLinks Filter>
Result<void> resolve_links(io::RequestEngine& engine, Filter& filter) {
  Result<void> resolved;
  visit_links(filter, [&](LinkRef& link) {
    if (!resolved || !link.is_name()) return;
    Result<uint32_t> ifindex = ifindex_of(engine, link.name());
    if (ifindex) link = *ifindex;
    else resolved = std::move(ifindex).error();
  });
  return resolved;
}

template <RefersToLinks T>
Result<const T*> links_resolved(io::RequestEngine& engine, const T& object, std::optional<T>& storage) {
  if (!names_a_link(object)) return &object;
  T& copy = storage.emplace(object);
  if (Result<void> links = resolve_links(engine, copy); !links) return std::move(links).error();
  return &copy;
}

// Every filter and object with a visit_links() beside it.
template Result<void> resolve_links(io::RequestEngine&, AddressFilter&);
template Result<void> resolve_links(io::RequestEngine&, BridgeVlanFilter&);
template Result<void> resolve_links(io::RequestEngine&, FdbFilter&);
template Result<void> resolve_links(io::RequestEngine&, LinkFilter&);
template Result<void> resolve_links(io::RequestEngine&, NeighbourFilter&);
template Result<void> resolve_links(io::RequestEngine&, NexthopFilter&);
template Result<void> resolve_links(io::RequestEngine&, QdiscFilter&);
template Result<void> resolve_links(io::RequestEngine&, RouteFilter&);
template Result<void> resolve_links(io::RequestEngine&, TcChainSelector&);
template Result<void> resolve_links(io::RequestEngine&, TcClassFilter&);
template Result<void> resolve_links(io::RequestEngine&, TcFilterSelector&);

template Result<const Address*> links_resolved(io::RequestEngine&, const Address&, std::optional<Address>&);
template Result<const BridgeVlan*> links_resolved(io::RequestEngine&, const BridgeVlan&, std::optional<BridgeVlan>&);
template Result<const FdbEntry*> links_resolved(io::RequestEngine&, const FdbEntry&, std::optional<FdbEntry>&);
template Result<const Link*> links_resolved(io::RequestEngine&, const Link&, std::optional<Link>&);
template Result<const Neighbour*> links_resolved(io::RequestEngine&, const Neighbour&, std::optional<Neighbour>&);
template Result<const Nexthop*> links_resolved(io::RequestEngine&, const Nexthop&, std::optional<Nexthop>&);
template Result<const Qdisc*> links_resolved(io::RequestEngine&, const Qdisc&, std::optional<Qdisc>&);
template Result<const Route*> links_resolved(io::RequestEngine&, const Route&, std::optional<Route>&);
template Result<const RouteQuery*> links_resolved(io::RequestEngine&, const RouteQuery&, std::optional<RouteQuery>&);
template Result<const TcClass*> links_resolved(io::RequestEngine&, const TcClass&, std::optional<TcClass>&);
template Result<const TcAction*> links_resolved(io::RequestEngine&, const TcAction&, std::optional<TcAction>&);
template Result<const TcChain*> links_resolved(io::RequestEngine&, const TcChain&, std::optional<TcChain>&);
template Result<const TcFilter*> links_resolved(io::RequestEngine&, const TcFilter&, std::optional<TcFilter>&);

}  // namespace nlpp::rtnl
