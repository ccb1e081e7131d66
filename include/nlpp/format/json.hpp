// RTNL objects as the JSON `ip -j -d` prints (iproute2 6.1): the same keys,
// nesting and value formats, so scripts written against iproute2 read nlpp's
// output unchanged. docs/FORMAT.md lists the deliberate differences.
//
//     std::vector<rtnl::Link> links = ipr.dump<rtnl::Link>().value();
//     std::vector<rtnl::Address> addresses = ipr.dump<rtnl::Address>().value();
//     std::puts(format::addresses_json(links, addresses).c_str());  // ip -j -d addr show
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/rule.hpp>

#include <span>
#include <string>
#include <string_view>

namespace nlpp::format {

/// Which iproute2 command a link object imitates: `ip link show` adds
/// "linkmode" and "inet6_addr_gen_mode", `ip addr show` leaves them out.
enum class LinkView { link_show, addr_show };

/// `ip -j -d link show`: an array of link objects. Other links (master,
/// IFLA_LINK, a vxlan's dev) are named through the links given.
std::string links_json(std::span<const rtnl::Link> links);
/// `ip -j -d addr show`: an array of link objects, each with its addresses
/// in "addr_info", in the order given.
std::string addresses_json(std::span<const rtnl::Link> links, std::span<const rtnl::Address> addresses);
/// `ip -j -d route show table all` (also `-6`): an array of route objects.
std::string routes_json(std::span<const rtnl::Route> routes, const LinkNames& names);
/// `ip -j -d neigh show`: an array of neighbour objects.
std::string neighbours_json(std::span<const rtnl::Neighbour> neighbours, const LinkNames& names);
/// `ip -j -d rule show` (also `-6`): an array of rule objects.
std::string rules_json(std::span<const rtnl::Rule> rules);

/// Compact JSON (what the functions above return) indented the way
/// `ip -j -p` indents it: four spaces, one member per line; `{}` and `[]`
/// stay on one line, strings are copied untouched.
std::string indented_json(std::string_view compact);

/// One object each, into a writer, for callers that build larger documents.
void write_link(JsonWriter& json, const rtnl::Link& link, const LinkNames& names, LinkView view = LinkView::link_show);
void write_address(JsonWriter& json, const rtnl::Address& address);
void write_route(JsonWriter& json, const rtnl::Route& route, const LinkNames& names);
void write_neighbour(JsonWriter& json, const rtnl::Neighbour& neighbour, const LinkNames& names);
void write_rule(JsonWriter& json, const rtnl::Rule& rule);

}  // namespace nlpp::format
