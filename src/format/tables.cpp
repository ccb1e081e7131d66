// The readable tables of table.hpp, in the words iproute2 uses.
#include <nlpp/format/names.hpp>
#include <nlpp/format/table.hpp>

#include "iproute2_words.hpp"
#include "tc_filter_words.hpp"
#include "tc_words.hpp"

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

// A cell of colour class colour, unless it says there is no value ("-").
TextCell value_cell(std::string text, ColourClass colour) {
  const ColourClass shown = text == "-" ? ColourClass::none : colour;
  return {std::move(text), shown};
}

TextCell link_cell(const LinkNames& names, uint32_t ifindex) {
  return ifindex ? value_cell(names.name(ifindex), ColourClass::ifname) : "-";
}

TextCell address_cell(const nlpp::IpAddress& address) {
  return value_cell(or_dash(address.to_string()), address_colour(address.family()));
}

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

// A rule's prefix as `ip rule` prints it: "all" (for from) or "-" when unset.
std::string rule_prefix(const nlpp::IpPrefix& prefix, std::string_view unset) {
  if (prefix.address.empty()) return prefix.length == 0 ? std::string(unset) : "0/" + std::to_string(prefix.length);
  return prefix.to_string();
}

std::string port_range(const rtnl::PortRange& range) {
  return range.start == range.end ? std::to_string(range.start)
                                  : std::to_string(range.start) + "-" + std::to_string(range.end);
}

// The selectors of a rule beyond from and to, in `ip rule`'s words.
std::string rule_selectors(const rtnl::Rule& rule) {
  std::vector<std::string> words;
  if (rule.flags & FIB_RULE_INVERT) words.emplace_back("not");
  if (rule.tos != 0) words.push_back("tos " + hex_0x(rule.tos));
  if (rule.fwmark || rule.fwmask) {
    std::string mark = "fwmark " + hex_0x(rule.fwmark.value_or(0));
    if (rule.fwmask && *rule.fwmask != 0xffffffff) mark += "/" + hex_0x(*rule.fwmask);
    words.push_back(mark);
  }
  if (!rule.iifname.empty()) words.push_back("iif " + rule.iifname);
  if (!rule.oifname.empty()) words.push_back("oif " + rule.oifname);
  if (rule.l3mdev) words.emplace_back("l3mdev");
  if (rule.uid_range)
    words.push_back("uidrange " + std::to_string(rule.uid_range->start) + "-" + std::to_string(rule.uid_range->end));
  if (rule.ip_proto != 0) words.push_back("ipproto " + ip_protocol_name(rule.ip_proto));
  if (rule.sport) words.push_back("sport " + port_range(*rule.sport));
  if (rule.dport) words.push_back("dport " + port_range(*rule.dport));
  if (rule.tun_id) words.push_back("tun_id " + std::to_string(*rule.tun_id));
  if (rule.suppress_prefixlen && *rule.suppress_prefixlen != 0xffffffff)
    words.push_back("suppress_prefixlength " + std::to_string(*rule.suppress_prefixlen));
  if (rule.suppress_ifgroup && *rule.suppress_ifgroup != 0xffffffff)
    words.push_back("suppress_ifgroup " + std::to_string(*rule.suppress_ifgroup));
  return or_dash(joined(words, " "));
}

std::string rule_action(const rtnl::Rule& rule) {
  switch (rule.action) {
    case rtnl::RuleAction::unspec:
    case rtnl::RuleAction::to_tbl:
      return "lookup " + table_name(rule.table);
    case rtnl::RuleAction::goto_:
      return "goto " + (rule.goto_target ? std::to_string(*rule.goto_target) : std::string("none"));
    case rtnl::RuleAction::nop:
      return "nop";
    default:
      // The drop actions share their numbers with the route types.
      return std::string(rtnl::to_string(static_cast<rtnl::RouteType>(rule.action)));
  }
}

// `ip nexthop`'s group words: "1/3,5", a weight only when not 1.
std::string nexthop_group(const std::vector<rtnl::NexthopGroupMember>& group) {
  std::vector<std::string> members;
  for (const rtnl::NexthopGroupMember& member : group)
    members.push_back(std::to_string(member.id) + (member.weight != 1 ? "," + std::to_string(member.weight) : ""));
  return or_dash(joined(members, "/"));
}

std::string nexthop_details(const rtnl::Nexthop& nexthop) {
  std::vector<std::string> words;
  if (nexthop.blackhole) words.emplace_back("blackhole");
  if (nexthop.fdb) words.emplace_back("fdb");
  if (nexthop.group_type == rtnl::NexthopGroupType::resilient) words.emplace_back("type resilient");
  if (nexthop.resilient && nexthop.resilient->buckets)
    words.push_back("buckets " + std::to_string(*nexthop.resilient->buckets));
  if (const auto* mpls = nexthop.encap ? std::get_if<rtnl::MplsEncap>(&*nexthop.encap) : nullptr) {
    std::vector<std::string> labels;
    for (const uint32_t label : mpls->labels) labels.push_back(std::to_string(label));
    words.push_back("encap mpls " + joined(labels, "/"));
  }
  for (std::string_view flag : route_flag_names(nexthop.flags)) words.emplace_back(flag);
  return joined(words, " ");
}

// A vxlan entry's remote: "dst 192.0.2.9 port 4789 vni 42".
std::string fdb_remote(const rtnl::FdbEntry& entry) {
  std::vector<std::string> words;
  if (entry.dst) words.push_back("dst " + entry.dst->to_string());
  if (entry.port) words.push_back("port " + std::to_string(*entry.port));
  if (entry.vni) words.push_back("vni " + std::to_string(*entry.vni));
  if (entry.nh_id) words.push_back("nhid " + std::to_string(*entry.nh_id));
  return or_dash(joined(words, " "));
}

}  // namespace

std::string links_table(std::span<const rtnl::Link> links, TextStyle style) {
  const LinkNames names(links);
  TextTable table({"IFINDEX", "NAME", "KIND", "STATE", "MTU", "MASTER", "ADDRESS", "FLAGS"});
  for (const rtnl::Link& link : links) {
    std::string name = link.name.value_or("");
    if (link.link && *link.link != 0)
      name += "@" + (link.link_netnsid ? "if" + std::to_string(*link.link) : names.name(*link.link));
    table.add_row({std::to_string(link.ifindex),
                   {name, ColourClass::ifname},
                   or_dash(link.info ? link.info->kind : ""),
                   link.operstate ? TextCell(rtnl::to_string(*link.operstate), operstate_colour(*link.operstate)) : "-",
                   link.mtu ? std::to_string(*link.mtu) : "-",
                   link_cell(names, link.master.value_or(0)),
                   link.address ? TextCell(link.address->to_string(), ColourClass::mac) : "-",
                   joined(link_flag_names(link.flags), ",")});
  }
  return table.to_string(style);
}

std::string addresses_table(std::span<const rtnl::Link> links, std::span<const rtnl::Address> addresses,
                            TextStyle style) {
  const LinkNames names(links);
  TextTable table({"LINK", "FAMILY", "ADDRESS", "SCOPE", "BROADCAST", "FLAGS", "VALID", "PREFERRED"});
  for (const rtnl::Link& link : links) {
    for (const rtnl::Address& address : addresses) {
      if (address.ifindex != link.ifindex) continue;
      std::string local = address.local.to_string();
      if (address.peer && *address.peer != address.local) local += " peer " + address.peer->to_string();
      local += "/" + std::to_string(address.prefix_length);
      const rtnl::AddressLifetimes lifetimes = address.lifetimes.value_or(rtnl::AddressLifetimes{});
      table.add_row({link_cell(names, address.ifindex),
                     std::string(family_name(address.family())),
                     {local, address_colour(address.family())},
                     scope_name(address.scope),
                     address.broadcast ? address_cell(*address.broadcast) : "-",
                     or_dash(address.flags.to_string()),
                     lifetime(lifetimes.valid),
                     lifetime(lifetimes.preferred)});
    }
  }
  return table.to_string(style);
}

std::string routes_table(std::span<const rtnl::Route> routes, const LinkNames& names, TextStyle style) {
  TextTable table({"TABLE", "TYPE", "DESTINATION", "GATEWAY", "DEV", "PROTO", "SCOPE", "METRIC", "DETAILS"});
  for (const rtnl::Route& route : routes) {
    table.add_row({table_name(route.table),
                   std::string(rtnl::to_string(route.type)),
                   {destination(route), address_colour(route.resolved_family())},
                   address_cell(route.gateway),
                   link_cell(names, route.oif),
                   protocol_name(route.protocol),
                   route.scope ? scope_name(*route.scope) : "-",
                   std::to_string(route.priority),
                   route_details(route)});
    for (const rtnl::RouteNexthop& path : route.extras->multipath)
      table.add_row({"",
                     "",
                     "  nexthop",
                     address_cell(path.gateway),
                     {names.name(path.ifindex), ColourClass::ifname},
                     "",
                     "",
                     "",
                     "weight " + std::to_string(path.weight)});
  }
  return table.to_string(style);
}

std::string neighbours_table(std::span<const rtnl::Neighbour> neighbours, const LinkNames& names, TextStyle style) {
  TextTable table({"ADDRESS", "DEV", "LLADDR", "STATE", "FLAGS"});
  for (const rtnl::Neighbour& neighbour : neighbours)
    table.add_row({address_cell(neighbour.dst), link_cell(names, neighbour.ifindex),
                   neighbour.lladdr ? TextCell(neighbour.lladdr->to_string(), ColourClass::mac) : "-",
                   or_dash(neighbour.state.to_string()), or_dash(neighbour.flags.to_string())});
  return table.to_string(style);
}

std::string rules_table(std::span<const rtnl::Rule> rules, TextStyle style) {
  TextTable table({"PRIORITY", "FAMILY", "FROM", "TO", "MATCH", "ACTION", "PROTO"});
  for (const rtnl::Rule& rule : rules)
    table.add_row({rule.priority ? std::to_string(*rule.priority) : "-",
                   std::string(family_name(rule.resolved_family())),
                   {rule_prefix(rule.src, "all"), address_colour(rule.resolved_family())},
                   value_cell(rule_prefix(rule.dst, "-"), address_colour(rule.resolved_family())),
                   rule_selectors(rule),
                   rule_action(rule),
                   protocol_name(rule.protocol)});
  return table.to_string(style);
}

std::string nexthops_table(std::span<const rtnl::Nexthop> nexthops, const LinkNames& names, TextStyle style) {
  TextTable table({"ID", "GROUP", "GATEWAY", "DEV", "SCOPE", "PROTO", "DETAILS"});
  for (const rtnl::Nexthop& nexthop : nexthops)
    table.add_row({std::to_string(nexthop.id), nexthop_group(nexthop.group), address_cell(nexthop.gateway),
                   link_cell(names, nexthop.oif), scope_name(nexthop.scope), protocol_name(nexthop.protocol),
                   nexthop_details(nexthop)});
  return table.to_string(style);
}

std::string fdb_table(std::span<const rtnl::FdbEntry> entries, const LinkNames& names, TextStyle style) {
  TextTable table({"LLADDR", "DEV", "VLAN", "REMOTE", "MASTER", "STATE", "FLAGS"});
  for (const rtnl::FdbEntry& entry : entries)
    table.add_row({{entry.lladdr.to_string(), ColourClass::mac},
                   link_cell(names, entry.ifindex),
                   entry.vlan ? std::to_string(*entry.vlan) : "-",
                   fdb_remote(entry),
                   link_cell(names, entry.master.value_or(0)),
                   or_dash(fdb_state_name(entry.state.bits())),
                   or_dash(entry.flags.to_string())});
  return table.to_string(style);
}

std::string bridge_vlans_table(std::span<const rtnl::BridgeVlan> vlans, const LinkNames& names, TextStyle style) {
  TextTable table({"DEV", "VLAN", "FLAGS"});
  for (const rtnl::BridgeVlan& device : vlans)
    for (const rtnl::BridgeVlanRange& range : device.vlans)
      table.add_row({link_cell(names, device.ifindex),
                     std::to_string(range.vid) + (range.vid_end ? "-" + std::to_string(*range.vid_end) : ""),
                     or_dash(range.flags.to_string())});
  return table.to_string(style);
}

namespace {

std::vector<TextCell> tc_header(std::vector<TextCell> columns, bool statistics) {
  if (statistics)
    for (const char* column : {"SENT", "PACKETS", "DROPS", "OVERLIMITS", "BACKLOG", "QLEN"})
      columns.emplace_back(column);
  return columns;
}

void add_tc_row(TextTable& table, std::vector<TextCell> cells, const std::optional<rtnl::TcStats>& stats,
                bool statistics) {
  if (statistics) {
    const rtnl::TcStats shown = stats.value_or(rtnl::TcStats{});
    for (const uint64_t value : {shown.bytes, shown.packets, uint64_t{shown.drops}, uint64_t{shown.overlimits},
                                 uint64_t{shown.backlog}, uint64_t{shown.qlen}})
      cells.emplace_back(std::to_string(value));
  }
  table.add_row(std::move(cells));
}

std::string tc_parent_text(rtnl::TcHandle parent) { return parent == rtnl::TcHandle() ? "-" : parent.to_string(); }

// A filter's parent in the words tc takes: clsact's hooks by name.
std::string filter_parent_text(rtnl::TcHandle parent) {
  if (parent == rtnl::TcHandle::clsact_ingress()) return "ingress";
  if (parent == rtnl::TcHandle::clsact_egress()) return "egress";
  return tc_parent_text(parent);
}

std::string filter_actions_text(std::span<const rtnl::tc::Action> actions, const LinkNames& names) {
  std::vector<std::string> words;
  for (const rtnl::tc::Action& action : actions) words.push_back(tc_action_text(action, names));
  return joined(words, ", ");
}

// A filter's counters are its first action's: every packet it matched went
// through that one, not always through those after it.
std::optional<rtnl::TcStats> filter_stats(std::span<const rtnl::tc::Action> actions) {
  return actions.empty() ? std::nullopt : actions.front().stats;
}

}  // namespace

std::string qdiscs_table(std::span<const rtnl::Qdisc> qdiscs, const LinkNames& names, bool statistics,
                         TextStyle style) {
  TextTable table(tc_header({"KIND", "HANDLE", "DEV", "PARENT", "OPTIONS"}, statistics));
  for (const rtnl::Qdisc& qdisc : qdiscs)
    add_tc_row(table,
               {qdisc.kind, tc_major_text(qdisc.handle), link_cell(names, qdisc.ifindex), tc_parent_text(qdisc.parent),
                or_dash(tc_options_text(qdisc.options))},
               qdisc.stats, statistics);
  return table.to_string(style);
}

std::string classes_table(std::span<const rtnl::TcClass> classes, const LinkNames& names, bool statistics,
                          TextStyle style) {
  TextTable table(tc_header({"KIND", "CLASSID", "DEV", "PARENT", "LEAF", "OPTIONS"}, statistics));
  for (const rtnl::TcClass& tc_class : classes)
    add_tc_row(
        table,
        {tc_class.kind, tc_class.handle.to_string(), link_cell(names, tc_class.ifindex),
         tc_parent_text(tc_class.parent), tc_parent_text(tc_class.leaf), or_dash(tc_options_text(tc_class.options))},
        tc_class.stats, statistics);
  return table.to_string(style);
}

std::string filters_table(std::span<const rtnl::TcFilter> filters, const LinkNames& names, bool statistics,
                          TextStyle style) {
  TextTable table(
      tc_header({"KIND", "DEV", "PARENT", "PREF", "PROTOCOL", "CHAIN", "HANDLE", "OPTIONS", "ACTIONS"}, statistics));
  for (const rtnl::TcFilter& filter : filters) {
    const std::span<const rtnl::tc::Action> actions = tc_filter_actions(filter.options);
    add_tc_row(
        table,
        {or_dash(filter.resolved_kind()),
         filter.block ? TextCell("block " + std::to_string(*filter.block)) : link_cell(names, filter.ifindex),
         filter.block ? "-" : filter_parent_text(filter.parent), std::to_string(filter.priority),
         ether_protocol_name(filter.protocol), std::to_string(filter.chain.value_or(0)), tc_filter_handle_text(filter),
         or_dash(tc_options_text(filter.options)), or_dash(filter_actions_text(actions, names))},
        filter_stats(actions), statistics);
  }
  return table.to_string(style);
}

std::string chains_table(std::span<const rtnl::TcChain> chains, const LinkNames& names, TextStyle style) {
  TextTable table({"DEV", "PARENT", "CHAIN", "TEMPLATE", "OPTIONS"});
  for (const rtnl::TcChain& chain : chains)
    table.add_row({chain.block ? TextCell("block " + std::to_string(*chain.block)) : link_cell(names, chain.ifindex),
                   chain.block ? "-" : filter_parent_text(chain.parent), std::to_string(chain.chain),
                   or_dash(chain.resolved_kind()), or_dash(tc_options_text(chain.options))});
  return table.to_string(style);
}

std::string actions_table(std::span<const rtnl::TcAction> actions, const LinkNames& names, bool statistics,
                          TextStyle style) {
  TextTable table(tc_header({"KIND", "INDEX", "REF", "BIND", "ACTION", "COOKIE"}, statistics));
  for (const rtnl::TcAction& entry : actions) {
    const rtnl::tc::Action& action = entry.action;
    if (entry.flushed) {
      table.add_row({or_dash(action.kind), "-", "-", "-", "flushed " + std::to_string(*entry.flushed), "-"});
      continue;
    }
    add_tc_row(table,
               {or_dash(action.resolved_kind()), std::to_string(action.index), std::to_string(action.refcnt),
                std::to_string(action.bindcnt), tc_action_text(action, names),
                action.cookie.empty() ? "-" : hex_string(action.cookie)},
               action.stats, statistics);
  }
  return table.to_string(style);
}

}  // namespace nlpp::format
