#include "output.hpp"

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/format/table.hpp>

#include <ostream>

namespace nlpp::cli {
namespace {

void print_json(Session& session, const std::string& json) {
  session.out() << (session.options().pretty ? format::indented_json(json) : json) << '\n';
}

}  // namespace

void print_links(Session& session, std::span<const rtnl::Link> links) {
  if (session.options().json) return print_json(session, format::links_json(links));
  session.out() << format::links_table(links);
}

void print_addresses(Session& session, std::span<const rtnl::Link> links, std::span<const rtnl::Address> addresses) {
  if (session.options().json) return print_json(session, format::addresses_json(links, addresses));
  session.out() << format::addresses_table(links, addresses);
}

void print_routes(Session& session, std::span<const rtnl::Route> routes) {
  if (session.options().json) return print_json(session, format::routes_json(routes, session.link_names()));
  session.out() << format::routes_table(routes, session.link_names());
}

void print_neighbours(Session& session, std::span<const rtnl::Neighbour> neighbours) {
  if (session.options().json) return print_json(session, format::neighbours_json(neighbours, session.link_names()));
  session.out() << format::neighbours_table(neighbours, session.link_names());
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
