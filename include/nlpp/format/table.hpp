// RTNL objects as readable text tables: aligned columns in the spirit of
// `ip -br`, with the details people look for (kind, master, metrics, the
// paths of a multipath route). Each takes a TextStyle: plain, or coloured
// as `ip -c` colours (text_colour.hpp).
//
//     std::puts(format::links_table(links).c_str());
//
// prints (not compiled):
//
//     IFINDEX  NAME  KIND    STATE  MTU   MASTER  ADDRESS            FLAGS
//     2        br0   bridge  UP     1500  -       4e:d4:35:43:56:c6  BROADCAST,MULTICAST,UP,LOWER_UP
#pragma once

#include <nlpp/format/link_names.hpp>
#include <nlpp/format/text_colour.hpp>
#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/qdisc.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/rule.hpp>
#include <nlpp/rtnl/tc_action.hpp>
#include <nlpp/rtnl/tc_chain.hpp>
#include <nlpp/rtnl/tc_class.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include <span>
#include <string>
#include <utility>
#include <vector>

namespace nlpp::format {

/// A cell of a TextTable: its text and what that text is, for colour.
/// Implicit from a string, so rows of plain text read as lists of strings.
struct TextCell {
  TextCell(std::string cell_text, ColourClass cell_colour = ColourClass::none)  // NOLINT: implicit by design
      : text(std::move(cell_text)), colour(cell_colour) {}
  TextCell(const char* cell_text) : text(cell_text) {}  // NOLINT: implicit by design

  std::string text;
  ColourClass colour = ColourClass::none;
};

/// Rows of cells printed as left-aligned columns two spaces apart, under a
/// header row. Each line ends at its last cell (no trailing spaces).
class TextTable {
 public:
  explicit TextTable(std::vector<TextCell> header);

  /// A row; missing cells are empty, extra cells widen the table.
  void add_row(std::vector<TextCell> cells);
  /// The header and the rows, one line each, every line ending in '\n'.
  /// With a colour style, each cell's text is wrapped in its class's
  /// escapes; columns are aligned by the text alone, so they line up on
  /// the terminal.
  std::string to_string(TextStyle style = TextStyle::plain) const;

 private:
  std::vector<std::vector<TextCell>> rows_;
};

/// One row per link: ifindex, name (name@parent for a link with a parent),
/// kind, operstate, mtu, master, MAC address, flags.
std::string links_table(std::span<const rtnl::Link> links, TextStyle style = TextStyle::plain);
/// One row per address: link, family, address/prefix, scope, broadcast,
/// flags, lifetimes.
std::string addresses_table(std::span<const rtnl::Link> links, std::span<const rtnl::Address> addresses,
                            TextStyle style = TextStyle::plain);
/// One row per route: table, type, destination, gateway, dev, protocol,
/// scope, metric and details (source, metrics, pref); a multipath route adds
/// one row per path below it.
std::string routes_table(std::span<const rtnl::Route> routes, const LinkNames& names,
                         TextStyle style = TextStyle::plain);
/// One row per neighbour: address, link, link-layer address, state, flags.
std::string neighbours_table(std::span<const rtnl::Neighbour> neighbours, const LinkNames& names,
                             TextStyle style = TextStyle::plain);
/// One row per rule: priority, family, source, destination, the other
/// selectors in `ip rule`'s words (not, fwmark, iif, ipproto...), the action
/// (lookup TABLE, goto N, blackhole...), protocol.
std::string rules_table(std::span<const rtnl::Rule> rules, TextStyle style = TextStyle::plain);
/// One row per nexthop: id, group (`ip nexthop`'s "1/3,5"), gateway, dev,
/// scope, protocol, and the rest (blackhole, fdb, type, flags).
std::string nexthops_table(std::span<const rtnl::Nexthop> nexthops, const LinkNames& names,
                          TextStyle style = TextStyle::plain);
/// One row per FDB entry: link-layer address, dev, vlan, remote (dst, port,
/// vni), master, state, flags.
std::string fdb_table(std::span<const rtnl::FdbEntry> entries, const LinkNames& names,
                      TextStyle style = TextStyle::plain);
/// One row per vid or range of a device: dev, vids, flags (PVID, untagged).
std::string bridge_vlans_table(std::span<const rtnl::BridgeVlan> vlans, const LinkNames& names,
                               TextStyle style = TextStyle::plain);

/// One row per qdisc: kind, handle, dev, parent, the options in tc's words
/// ("r2q 10 default 0x10..."); with statistics, what it sent and dropped and
/// its queue.
std::string qdiscs_table(std::span<const rtnl::Qdisc> qdiscs, const LinkNames& names, bool statistics = false,
                         TextStyle style = TextStyle::plain);
/// One row per class: kind, class id, dev, parent, leaf qdisc, options;
/// statistics as for qdiscs.
std::string classes_table(std::span<const rtnl::TcClass> classes, const LinkNames& names, bool statistics = false,
                          TextStyle style = TextStyle::plain);
/// One row per filter: kind, dev (or block), parent, pref, protocol, chain,
/// handle, what it matches and where it sends (in tc's words), its actions;
/// with statistics, the actions' counters.
std::string filters_table(std::span<const rtnl::TcFilter> filters, const LinkNames& names, bool statistics = false,
                          TextStyle style = TextStyle::plain);
/// One row per chain: dev (or block), parent, chain, the template's kind
/// and its options in tc's words.
std::string chains_table(std::span<const rtnl::TcChain> chains, const LinkNames& names,
                         TextStyle style = TextStyle::plain);
/// One row per action of a kind's table: kind, index, references,
/// bindings, what it does in tc's words ("mirred egress mirror dev veth1
/// pipe"), cookie; with statistics, its counters.
std::string actions_table(std::span<const rtnl::TcAction> actions, const LinkNames& names, bool statistics = false,
                          TextStyle style = TextStyle::plain);

}  // namespace nlpp::format
