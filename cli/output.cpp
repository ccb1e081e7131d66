#include "output.hpp"

#include "colour.hpp"

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/format/table.hpp>

#include <ostream>

namespace nlpp::cli {
namespace {

void print_json(Session& session, const std::string& json) {
  session.out() << (session.options().pretty ? format::indented_json(json) : json) << '\n';
}

format::TextStyle style_of(const Session& session) { return text_style(session.options().colour); }

}  // namespace

void print_links(Session& session, std::span<const rtnl::Link> links) {
  if (session.options().json) return print_json(session, format::links_json(links));
  session.out() << format::links_table(links, style_of(session));
}

void print_addresses(Session& session, std::span<const rtnl::Link> links, std::span<const rtnl::Address> addresses) {
  if (session.options().json) return print_json(session, format::addresses_json(links, addresses));
  session.out() << format::addresses_table(links, addresses, style_of(session));
}

void print_routes(Session& session, std::span<const rtnl::Route> routes, format::RouteView view) {
  if (session.options().json) return print_json(session, format::routes_json(routes, session.link_names(), view));
  session.out() << format::routes_table(routes, session.link_names(), style_of(session));
}

void print_neighbours(Session& session, std::span<const rtnl::Neighbour> neighbours) {
  if (session.options().json) return print_json(session, format::neighbours_json(neighbours, session.link_names()));
  session.out() << format::neighbours_table(neighbours, session.link_names(), style_of(session));
}

void print_rules(Session& session, std::span<const rtnl::Rule> rules) {
  if (session.options().json) return print_json(session, format::rules_json(rules));
  session.out() << format::rules_table(rules, style_of(session));
}

void print_nexthops(Session& session, std::span<const rtnl::Nexthop> nexthops) {
  if (session.options().json) return print_json(session, format::nexthops_json(nexthops, session.link_names()));
  session.out() << format::nexthops_table(nexthops, session.link_names(), style_of(session));
}

void print_fdb(Session& session, std::span<const rtnl::FdbEntry> entries, format::FdbView view) {
  if (session.options().json) return print_json(session, format::fdb_json(entries, session.link_names(), view));
  session.out() << format::fdb_table(entries, session.link_names(), style_of(session));
}

void print_bridge_vlans(Session& session, std::span<const rtnl::BridgeVlan> vlans) {
  if (session.options().json) return print_json(session, format::bridge_vlans_json(vlans, session.link_names()));
  session.out() << format::bridge_vlans_table(vlans, session.link_names(), style_of(session));
}

format::TcView tc_view(const Session& session, bool one_device) {
  return {.one_device = one_device, .details = session.options().details, .stats = session.options().stats};
}

void print_qdiscs(Session& session, std::span<const rtnl::Qdisc> qdiscs, bool one_device) {
  if (session.options().json)
    return print_json(session, format::qdiscs_json(qdiscs, session.link_names(), tc_view(session, one_device)));
  session.out() << format::qdiscs_table(qdiscs, session.link_names(), session.options().stats, style_of(session));
}

void print_classes(Session& session, std::span<const rtnl::TcClass> classes, bool one_device) {
  if (session.options().json)
    return print_json(session, format::classes_json(classes, session.link_names(), tc_view(session, one_device)));
  session.out() << format::classes_table(classes, session.link_names(), session.options().stats, style_of(session));
}

void print_filters(Session& session, std::span<const rtnl::TcFilter> filters, const rtnl::TcFilterSelector& listed) {
  if (session.options().json) {
    format::TcView view = tc_view(session, true);
    view.block = listed.block;
    view.parent = listed.parent;
    view.priority = listed.priority;
    view.protocol = listed.protocol;
    view.chain = listed.chain;
    return print_json(session, format::filters_json(filters, session.link_names(), view));
  }
  session.out() << format::filters_table(filters, session.link_names(), session.options().stats, style_of(session));
}

void print_chains(Session& session, std::span<const rtnl::TcChain> chains, const rtnl::TcChainSelector& listed) {
  if (session.options().json) {
    format::TcView view = tc_view(session, true);
    view.block = listed.block;
    view.parent = listed.parent;
    view.chain = listed.chain;
    return print_json(session, format::chains_json(chains, session.link_names(), view));
  }
  session.out() << format::chains_table(chains, session.link_names(), style_of(session));
}

void print_actions(Session& session, std::span<const rtnl::TcAction> actions, format::ActionsView command) {
  if (session.options().json)
    return print_json(session, format::actions_json(actions, session.link_names(), tc_view(session, false), command));
  session.out() << format::actions_table(actions, session.link_names(), session.options().stats, style_of(session));
}

void print_netns_names(Session& session, std::span<const std::string> names) {
  if (session.options().json) {
    JsonWriter json;
    json.begin_array();
    for (const std::string& name : names) {
      json.begin_object();
      json.key("name");
      json.string(name);
      json.end_object();
    }
    json.end_array();
    return print_json(session, std::move(json).take());
  }
  for (const std::string& name : names) session.out() << name << '\n';
}

}  // namespace nlpp::cli
