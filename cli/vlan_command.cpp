// nlpp vlan add | del | show, in `bridge vlan`'s words.
#include "commands.hpp"
#include "output.hpp"

#include <nlpp/rtnl/bridge_vlan.hpp>

namespace nlpp::cli {
namespace {

using rtnl::BridgeVlan;

// `vid N` or `vid N-M`.
rtnl::BridgeVlanRange parse_vids(std::string_view word) {
  const size_t dash = word.find('-');
  rtnl::BridgeVlanRange range{.vid = parse_number<uint16_t>(word.substr(0, dash), "vid")};
  if (dash != std::string_view::npos) {
    range.vid_end = parse_number<uint16_t>(word.substr(dash + 1), "vid");
    if (*range.vid_end <= range.vid) throw UsageError("\"vid\": " + quoted(word) + " does not end after it starts");
  }
  return range;
}

// `dev DEV vid N[-M] [pvid] [untagged] [self] [master]`.
BridgeVlan parse_vlans(Session& session, Words& words) {
  BridgeVlan vlans;
  std::optional<rtnl::BridgeVlanRange> range;
  rtnl::BridgeVlanFlags flags;
  while (!words.empty()) {
    if (words.take_if("dev"))
      vlans.ifindex = session.link_ref(words.value_of("dev"));
    else if (words.take_if("vid"))
      range = parse_vids(words.value_of("vid"));
    else if (words.take_if("pvid"))
      flags.insert(rtnl::BridgeVlanFlag::pvid);
    else if (words.take_if("untagged"))
      flags.insert(rtnl::BridgeVlanFlag::untagged);
    else if (words.take_if("self"))
      vlans.bridge_flags.insert(rtnl::BridgeFlag::self);
    else if (words.take_if("master"))
      vlans.bridge_flags.insert(rtnl::BridgeFlag::master);
    else
      words.unknown();
  }
  if (vlans.ifindex == 0) throw UsageError("the command needs \"dev DEVICE\"");
  if (!range) throw UsageError("the command needs \"vid VID\"");
  range->flags = flags;
  vlans.vlans.push_back(*range);
  return vlans;
}

// `[dev DEV]`.
void show(Session& session, Words& words) {
  rtnl::BridgeVlanFilter filter;
  while (!words.empty()) {
    if (words.take_if("dev"))
      filter.ifindex = session.ifindex(words.value_of("dev"));
    else
      words.unknown();
  }
  print_bridge_vlans(session, session.ipr().dump<BridgeVlan>(filter).value());
}

}  // namespace

void run_vlan(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "show") || is_command(command, "list")) return show(session, words);
  if (is_command(command, "add")) return session.apply(Verb::add, parse_vlans(session, words));
  if (is_command(command, "delete")) return session.apply(Verb::del, parse_vlans(session, words));
  throw UsageError("vlan has no command " + quoted(command) + " (show, add, del)");
}

}  // namespace nlpp::cli
