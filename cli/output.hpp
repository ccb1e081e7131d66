// Printing what a show command read: JSON as `ip -j` prints it (-j, -p),
// or aligned text columns. Both come from the format layer.
#pragma once

#include "session.hpp"

#include <nlpp/format/json.hpp>
#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/route.hpp>

#include <span>
#include <string>

namespace nlpp::cli {

void print_links(Session& session, std::span<const rtnl::Link> links);
/// The links with their addresses, as `ip address show` groups them.
void print_addresses(Session& session, std::span<const rtnl::Link> links, std::span<const rtnl::Address> addresses);
/// view: whether the routes are of every table (then each names its table, as in ip).
void print_routes(Session& session, std::span<const rtnl::Route> routes,
                  format::RouteView view = format::RouteView::all_tables);
void print_neighbours(Session& session, std::span<const rtnl::Neighbour> neighbours);
void print_netns_names(Session& session, std::span<const std::string> names);
void print_rules(Session& session, std::span<const rtnl::Rule> rules);
void print_nexthops(Session& session, std::span<const rtnl::Nexthop> nexthops);
/// view: whether the entries are of one device (then they do not name it, as in bridge).
void print_fdb(Session& session, std::span<const rtnl::FdbEntry> entries,
               format::FdbView view = format::FdbView::all_devices);
void print_bridge_vlans(Session& session, std::span<const rtnl::BridgeVlan> vlans);
/// `tc qdisc show` / `tc class show`; one_device: the listing named its link.
void print_qdiscs(Session& session, std::span<const rtnl::Qdisc> qdiscs, bool one_device);
void print_classes(Session& session, std::span<const rtnl::TcClass> classes, bool one_device);
/// `tc filter show|get`: listed is what the command named (tc leaves its
/// parent, pref, protocol and chain out of each filter).
void print_filters(Session& session, std::span<const rtnl::TcFilter> filters, const rtnl::TcFilterSelector& listed);
/// `tc chain show|get`: listed is what the command named (tc leaves its
/// block, parent and chain out of each chain).
void print_chains(Session& session, std::span<const rtnl::TcChain> chains, const rtnl::TcChainSelector& listed);
/// `tc actions list|get`: command says which (tc counts a get's actions as 0).
void print_actions(Session& session, std::span<const rtnl::TcAction> actions, format::ActionsView command);

}  // namespace nlpp::cli
