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
#include <nlpp/rtnl/objects.hpp>

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace nlpp::format {

/// Which iproute2 command a link object imitates: `ip link show` adds
/// "linkmode" and "inet6_addr_gen_mode", `ip addr show` leaves them out.
enum class LinkView { link_show, addr_show };

/// Which routes a route object is listed among: iproute2 prints a route's
/// "table" when listing every table (`table all`, the default here), not
/// when listing one (`ip route show`, `ip route show table 100`).
enum class RouteView { all_tables, one_table };

/// Which FDB entries an entry is listed among: `bridge fdb show dev DEV`
/// leaves out each entry's "ifname", which the listing already says.
enum class FdbView { all_devices, one_device };

/// How a tc listing was asked for: `tc -j [-s] [-d] qdisc|class|filter|chain show [dev DEV]`.
struct TcView {
  bool one_device = false;  ///< `dev DEV` given: each object's "dev" is left out
  bool details = false;     ///< -d
  bool stats = false;       ///< -s
  /// What a `filter show` or `chain show` named beyond the link: tc leaves
  /// each out of the objects it lists when it holds the same ("block",
  /// "parent", "pref", "protocol", "chain").
  std::optional<uint32_t> block{};
  std::optional<rtnl::TcHandle> parent{};
  std::optional<uint16_t> priority{};
  std::optional<uint16_t> protocol{};
  std::optional<uint32_t> chain{};
};

/// `ip -j -d link show`: an array of link objects. Other links (master,
/// IFLA_LINK, a vxlan's dev) are named through the links given.
std::string links_json(std::span<const rtnl::Link> links);
/// `ip -j -d addr show`: an array of link objects, each with its addresses
/// in "addr_info", in the order given.
std::string addresses_json(std::span<const rtnl::Link> links, std::span<const rtnl::Address> addresses);
/// `ip -j -d route show table all` (also `-6`): an array of route objects.
std::string routes_json(std::span<const rtnl::Route> routes, const LinkNames& names,
                        RouteView view = RouteView::all_tables);
/// `ip -j -d neigh show`: an array of neighbour objects.
std::string neighbours_json(std::span<const rtnl::Neighbour> neighbours, const LinkNames& names);
/// `ip -j -d rule show` (also `-6`): an array of rule objects.
std::string rules_json(std::span<const rtnl::Rule> rules);
/// `ip -j -d nexthop show`: an array of nexthop objects.
std::string nexthops_json(std::span<const rtnl::Nexthop> nexthops, const LinkNames& names);
/// `bridge -j fdb show` (`show dev DEV` with FdbView::one_device): an array of entries.
std::string fdb_json(std::span<const rtnl::FdbEntry> entries, const LinkNames& names,
                     FdbView view = FdbView::all_devices);
/// `bridge -j -c vlan show`: an array of devices, each with its vids and
/// ranges in "vlans"; devices without vids are left out.
std::string bridge_vlans_json(std::span<const rtnl::BridgeVlan> vlans, const LinkNames& names);

/// `tc -j qdisc show`: an array of qdisc objects.
std::string qdiscs_json(std::span<const rtnl::Qdisc> qdiscs, const LinkNames& names, const TcView& view = {});
/// `tc -j class show dev DEV`: an array of class objects (as tc prints them
/// from 6.2 on; tc 6.1 prints classes as text).
std::string classes_json(std::span<const rtnl::TcClass> classes, const LinkNames& names, const TcView& view = {});
/// `tc -j [-s] filter show dev DEV [parent P]`: an array of filter objects,
/// each with its kind's "options" and their actions.
std::string filters_json(std::span<const rtnl::TcFilter> filters, const LinkNames& names, const TcView& view = {});

/// `tc -j chain show dev DEV|block N [root|ingress|egress|parent ID]` (or
/// `chain get`): each chain's place (its block; or "dev" and the "parent"
/// the kernel reports, the qdisc's handle, as tc prints them unless the
/// listing named them), its template's "kind", its index as "chain", and
/// the template's "options" as a filter of its kind prints them.
std::string chains_json(std::span<const rtnl::TcChain> chains, const LinkNames& names, const TcView& view = {});

/// Which `tc actions` command an action listing answers: `list` (the
/// kernel's dump: "total acts" is how many each reply held) or `get` (one
/// reply without a count: tc prints "total acts" 0).
enum class ActionsView { list, get };

/// `tc -j [-s] actions list action KIND` (or `get`): [{"total acts":N},
/// {"actions":[...]}], each action with the "order" the kernel gave it in
/// its message, and one such pair per reply message, as tc prints them
/// (the kernel splits a big table over several; a pair starts where the
/// order does not follow on). [] for no action.
std::string actions_json(std::span<const rtnl::TcAction> actions, const LinkNames& names, const TcView& view = {},
                         ActionsView command = ActionsView::list);

/// Compact JSON (what the functions above return) indented the way
/// `ip -j -p` indents it: four spaces, one member per line; `{}` and `[]`
/// stay on one line, strings are copied untouched.
std::string indented_json(std::string_view compact);

/// One object each, into a writer, for callers that build larger documents.
void write_link(JsonWriter& json, const rtnl::Link& link, const LinkNames& names, LinkView view = LinkView::link_show);
void write_address(JsonWriter& json, const rtnl::Address& address);
void write_route(JsonWriter& json, const rtnl::Route& route, const LinkNames& names,
                 RouteView view = RouteView::all_tables);
void write_neighbour(JsonWriter& json, const rtnl::Neighbour& neighbour, const LinkNames& names);
void write_rule(JsonWriter& json, const rtnl::Rule& rule);
void write_nexthop(JsonWriter& json, const rtnl::Nexthop& nexthop, const LinkNames& names);
void write_fdb_entry(JsonWriter& json, const rtnl::FdbEntry& entry, const LinkNames& names,
                     FdbView view = FdbView::all_devices);
void write_bridge_vlan(JsonWriter& json, const rtnl::BridgeVlan& vlans, const LinkNames& names);
void write_qdisc(JsonWriter& json, const rtnl::Qdisc& qdisc, const LinkNames& names, const TcView& view = {});
void write_tc_class(JsonWriter& json, const rtnl::TcClass& tc_class, const LinkNames& names, const TcView& view = {});
void write_tc_filter(JsonWriter& json, const rtnl::TcFilter& filter, const LinkNames& names, const TcView& view = {});
/// One action as `tc -j actions list` prints it, {"order":0,"kind":"mirred",...};
/// a flush's notification as {"kind":"mirred","flushed":N}.
void write_tc_action(JsonWriter& json, const rtnl::TcAction& action, const LinkNames& names, const TcView& view = {});
void write_tc_chain(JsonWriter& json, const rtnl::TcChain& chain, const LinkNames& names, const TcView& view = {});

/// The writers above under one name, found by overload from the object's
/// type, in their default view: for code written once for every object
/// of rtnl::Objects (`nlpp monitor` prints any event through it).
inline void write_json(JsonWriter& json, const rtnl::Link& link, const LinkNames& names) {
  write_link(json, link, names);
}
inline void write_json(JsonWriter& json, const rtnl::Address& address, const LinkNames&) {
  write_address(json, address);
}
inline void write_json(JsonWriter& json, const rtnl::Route& route, const LinkNames& names) {
  write_route(json, route, names);
}
inline void write_json(JsonWriter& json, const rtnl::Neighbour& neighbour, const LinkNames& names) {
  write_neighbour(json, neighbour, names);
}
inline void write_json(JsonWriter& json, const rtnl::Rule& rule, const LinkNames&) { write_rule(json, rule); }
inline void write_json(JsonWriter& json, const rtnl::Nexthop& nexthop, const LinkNames& names) {
  write_nexthop(json, nexthop, names);
}
inline void write_json(JsonWriter& json, const rtnl::FdbEntry& entry, const LinkNames& names) {
  write_fdb_entry(json, entry, names);
}
inline void write_json(JsonWriter& json, const rtnl::BridgeVlan& vlans, const LinkNames& names) {
  write_bridge_vlan(json, vlans, names);
}

inline void write_json(JsonWriter& json, const rtnl::Qdisc& qdisc, const LinkNames& names) {
  write_qdisc(json, qdisc, names);
}
inline void write_json(JsonWriter& json, const rtnl::TcClass& tc_class, const LinkNames& names) {
  write_tc_class(json, tc_class, names);
}
inline void write_json(JsonWriter& json, const rtnl::TcFilter& filter, const LinkNames& names) {
  write_tc_filter(json, filter, names);
}
inline void write_json(JsonWriter& json, const rtnl::TcAction& action, const LinkNames& names) {
  write_tc_action(json, action, names);
}
inline void write_json(JsonWriter& json, const rtnl::TcChain& chain, const LinkNames& names) {
  write_tc_chain(json, chain, names);
}

/// Whether write_json() takes T.
template <class T>
concept JsonWritable = requires(JsonWriter& json, const T& object, const LinkNames& names) {
  write_json(json, object, names);
};

/// One object as compact JSON, the object `ip -j -d` lists it as; other
/// links named through names (their ifindex, "if2", when not given):
/// `std::puts(format::to_json(route).c_str())`.
template <JsonWritable T>
std::string to_json(const T& object, const LinkNames& names = {}) {
  JsonWriter json;
  write_json(json, object, names);
  return std::move(json).take();
}

// An object added to rtnl::Objects needs its writer here.
static_assert([]<class... T>(rtnl::ObjectList<T...>) { return (JsonWritable<T> && ...); }(rtnl::Objects{}),
              "every object of rtnl::Objects has a write_json()");

}  // namespace nlpp::format

namespace nlpp::rtnl {

/// Any RTNL object streams as its format::to_json() text:
/// `std::cout << route` prints {"dst":"10.0.0.0/24","gateway":"10.0.0.2",...}.
template <format::JsonWritable T>
std::ostream& operator<<(std::ostream& out, const T& object) {
  return out << format::to_json(object);
}

}  // namespace nlpp::rtnl
