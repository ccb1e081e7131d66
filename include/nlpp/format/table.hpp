// RTNL objects as readable text tables: aligned columns in the spirit of
// `ip -br`, with the details people look for (kind, master, metrics, the
// paths of a multipath route).
//
//     std::puts(format::links_table(links).c_str());
//
//     IFINDEX  NAME  KIND    STATE  MTU   MASTER  ADDRESS            FLAGS
//     2        br0   bridge  UP     1500  -       4e:d4:35:43:56:c6  BROADCAST,MULTICAST,UP,LOWER_UP
#pragma once

#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/route.hpp>

#include <span>
#include <string>
#include <vector>

namespace nlpp::format {

/// Rows of cells printed as left-aligned columns two spaces apart, under a
/// header row. Each line ends at its last cell (no trailing spaces).
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);

  /// A row; missing cells are empty, extra cells widen the table.
  void add_row(std::vector<std::string> cells);
  /// The header and the rows, one line each, every line ending in '\n'.
  std::string to_string() const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

/// One row per link: ifindex, name (name@parent for a link with a parent),
/// kind, operstate, mtu, master, MAC address, flags.
std::string links_table(std::span<const rtnl::Link> links);
/// One row per address: link, family, address/prefix, scope, broadcast,
/// flags, lifetimes.
std::string addresses_table(std::span<const rtnl::Link> links, std::span<const rtnl::Address> addresses);
/// One row per route: table, type, destination, gateway, dev, protocol,
/// scope, metric and details (source, metrics, pref); a multipath route adds
/// one row per path below it.
std::string routes_table(std::span<const rtnl::Route> routes, const LinkNames& names);
/// One row per neighbour: address, link, link-layer address, state, flags.
std::string neighbours_table(std::span<const rtnl::Neighbour> neighbours, const LinkNames& names);

}  // namespace nlpp::format
