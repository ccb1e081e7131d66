// The readable tables of table.hpp, in the words iproute2 uses.
#include <nlpp/format/table.hpp>

#include "iproute2_words.hpp"

namespace nlpp::format {
namespace {

using namespace detail;

template <class Strings>
std::string joined(const Strings& words, std::string_view separator) {
  std::string text;
  for (const auto& word : words) {
    if (!text.empty()) text += separator;
    text += word;
  }
  return text;
}

std::string or_dash(std::string text) { return text.empty() ? "-" : text; }

std::string lifetime(uint32_t seconds) {
  return seconds == rtnl::AddressLifetimes::forever ? "forever" : std::to_string(seconds) + "sec";
}

// What a route row says beyond its columns: source, metrics, pref, flags.
std::string route_details(const rtnl::Route& route) {
  std::vector<std::string> words;
  if (!route.prefsrc.empty()) words.push_back("src " + route.prefsrc.to_string());
  const rtnl::RouteMetrics& metrics = route.extras->metrics;
  const auto metric = [&](std::string_view name, const std::optional<uint32_t>& value) {
    if (value) words.push_back(std::string(name) + " " + std::to_string(*value));
  };
  metric("mtu", metrics.mtu);
  metric("window", metrics.window);
  metric("advmss", metrics.advmss);
  metric("hoplimit", metrics.hoplimit);
  metric("initcwnd", metrics.initcwnd);
  metric("initrwnd", metrics.initrwnd);
  if (!metrics.cc_algo.empty()) words.push_back("congctl " + metrics.cc_algo);
  static constexpr std::string_view prefs[] = {"medium", "high", "", "low"};
  if (route.pref && *route.pref < 4 && *route.pref != 2) words.push_back("pref " + std::string(prefs[*route.pref]));
  for (std::string_view flag : route_flag_names(route.flags)) words.emplace_back(flag);
  return joined(words, " ");
}

std::string destination(const rtnl::Route& route) {
  if (route.dst.address.empty()) return route.dst.length == 0 ? "default" : "0/" + std::to_string(route.dst.length);
  return route.dst.to_string();
}

}  // namespace

std::string links_table(std::span<const rtnl::Link> links) {
  const LinkNames names(links);
  TextTable table({"IFINDEX", "NAME", "KIND", "STATE", "MTU", "MASTER", "ADDRESS", "FLAGS"});
  for (const rtnl::Link& link : links) {
    std::string name = link.name.value_or("");
    if (link.link && *link.link != 0)
      name += "@" + (link.link_netnsid ? "if" + std::to_string(*link.link) : names.name(*link.link));
    table.add_row({std::to_string(link.ifindex), name, or_dash(link.info ? link.info->kind : ""),
                   link.operstate ? rtnl::to_string(*link.operstate) : "-", link.mtu ? std::to_string(*link.mtu) : "-",
                   link.master ? names.name(*link.master) : "-", link.address ? link.address->to_string() : "-",
                   joined(link_flag_names(link.flags), ",")});
  }
  return table.to_string();
}

std::string addresses_table(std::span<const rtnl::Link> links, std::span<const rtnl::Address> addresses) {
  const LinkNames names(links);
  TextTable table({"LINK", "FAMILY", "ADDRESS", "SCOPE", "BROADCAST", "FLAGS", "VALID", "PREFERRED"});
  for (const rtnl::Link& link : links) {
    for (const rtnl::Address& address : addresses) {
      if (address.ifindex != link.ifindex) continue;
      std::string local = address.local.to_string();
      if (address.peer && *address.peer != address.local) local += " peer " + address.peer->to_string();
      local += "/" + std::to_string(address.prefix_length);
      const rtnl::AddressLifetimes lifetimes = address.lifetimes.value_or(rtnl::AddressLifetimes{});
      table.add_row({names.name(address.ifindex), std::string(family_name(address.family())), local,
                     scope_name(address.scope), address.broadcast ? address.broadcast->to_string() : "-",
                     or_dash(address.flags.to_string()), lifetime(lifetimes.valid), lifetime(lifetimes.preferred)});
    }
  }
  return table.to_string();
}

std::string routes_table(std::span<const rtnl::Route> routes, const LinkNames& names) {
  TextTable table({"TABLE", "TYPE", "DESTINATION", "GATEWAY", "DEV", "PROTO", "SCOPE", "METRIC", "DETAILS"});
  for (const rtnl::Route& route : routes) {
    table.add_row({table_name(route.table), std::string(rtnl::to_string(route.type)), destination(route),
                   or_dash(route.gateway.to_string()), route.oif ? names.name(route.oif) : "-",
                   protocol_name(route.protocol), route.scope ? scope_name(*route.scope) : "-",
                   std::to_string(route.priority), route_details(route)});
    for (const rtnl::RouteNexthop& path : route.extras->multipath)
      table.add_row({"", "", "  nexthop", or_dash(path.gateway.to_string()), names.name(path.ifindex), "", "", "",
                     "weight " + std::to_string(path.weight)});
  }
  return table.to_string();
}

std::string neighbours_table(std::span<const rtnl::Neighbour> neighbours, const LinkNames& names) {
  TextTable table({"ADDRESS", "DEV", "LLADDR", "STATE", "FLAGS"});
  for (const rtnl::Neighbour& neighbour : neighbours)
    table.add_row({neighbour.dst.to_string(), neighbour.ifindex ? names.name(neighbour.ifindex) : "-",
                   neighbour.lladdr ? neighbour.lladdr->to_string() : "-", or_dash(neighbour.state.to_string()),
                   or_dash(neighbour.flags.to_string())});
  return table.to_string();
}

}  // namespace nlpp::format
