// Printing what a show command read: JSON as `ip -j` prints it (-j, -p),
// or aligned text columns. Both come from the format layer.
#pragma once

#include "session.hpp"

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
void print_routes(Session& session, std::span<const rtnl::Route> routes);
void print_neighbours(Session& session, std::span<const rtnl::Neighbour> neighbours);
void print_netns_names(Session& session, std::span<const std::string> names);

}  // namespace nlpp::cli
