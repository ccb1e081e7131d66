// nlpp filter add | del | replace | change | get | show, in `tc filter`'s
// words (tc/tc_filter.c); the kinds' words are in tc_filter_arguments.hpp.
#include "commands.hpp"
#include "output.hpp"
#include "tc_filter_arguments.hpp"
#include "tc_filter_place.hpp"

#include <nlpp/rtnl/tc_filter.hpp>

#include <linux/if_ether.h>

#include <array>
#include <span>
#include <string>

namespace nlpp::cli {
namespace {

using rtnl::TcFilter;
using rtnl::TcHandle;

// How a command treats what the words leave out.
enum class Use {
  create,  // add, replace: a kind nlpp knows; no protocol is every protocol (the library sends ETH_P_ALL), as in tc
  change,  // change: a kind nlpp knows, if any; no protocol is any (0)
  name,    // del, get: any kind, which takes no words
};

// `dev DEV|block N [root|ingress|egress|parent ID] [handle H] [pref N]
// [protocol P] [chain N] [KIND [OPTIONS]]`: the kind is the first other word.
TcFilter parse_filter(Session& session, Words& words, Use use, FilterPlace& place) {
  std::string_view kind;
  while (!words.empty() && kind.empty()) {
    if (place.take(session, words)) continue;
    if (words.peek() == "estimator") throw UsageError("\"estimator\" is not supported yet");
    kind = words.take("");
  }
  place.require_link_or_block();
  if (kind.empty() && place.handle) throw UsageError("must specify filter type when using \"handle\"");
  if (kind.empty() && use == Use::create)
    throw UsageError("the command needs the filter's kind (u32, matchall, fw, bpf, flower, route, flow, cgroup)");
  if (!kind.empty() && use != Use::name && !is_known_filter_kind(kind))
    throw UsageError(quoted(kind) +
                     " is not a filter kind nlpp knows (u32, matchall, fw, bpf, flower, route, flow, cgroup)");
  // The protocol as the request carries it (flower matches on it): a new
  // or changed filter's is all unless given, as the library sends it.
  FilterHandle handle{.word = place.handle,
                      .protocol = place.protocol.value_or(use == Use::name ? 0 : ETH_P_ALL),
                      .parent = place.parent.value_or(TcHandle())};
  rtnl::FilterOptions options = parse_filter_options(kind, session, words, handle);
  return TcFilter{.ifindex = place.ifindex.value_or(rtnl::LinkRef()),
                  .block = place.block,
                  .parent = place.parent.value_or(TcHandle()),
                  .priority = place.priority.value_or(0),
                  .protocol = place.protocol.value_or(0),  // 0: the library sends all when adding
                  .handle = handle.value,
                  .kind = std::string(kind),
                  .chain = place.chain,
                  .options = std::move(options)};
}

TcFilter parse_filter(Session& session, Words& words, Use use) {
  FilterPlace place;
  return parse_filter(session, words, use, place);
}

// One filter, named whole: the kernel finds it by all of these.
void get(Session& session, Words& words) {
  FilterPlace place;
  const TcFilter filter = parse_filter(session, words, Use::name, place);
  const std::array<std::pair<bool, std::string_view>, 5> needed{{
      {place.protocol.has_value(), "\"protocol PROTO\""},
      {place.priority.has_value(), "\"pref PRIO\""},
      {place.parent.has_value(), "\"parent ID\" (or root, ingress, egress)"},
      {!filter.kind.empty(), "the filter's kind"},
      {place.handle.has_value(), "\"handle H\""},
  }};
  for (const auto& [given, what] : needed)
    if (!given) throw UsageError("filter get needs " + std::string(what));
  const TcFilter found = session.ipr().get(filter).value();
  print_filters(session, std::span(&found, 1), {});  // tc names only the link of what it got
}

// `dev DEV|block N [root|ingress|egress|parent ID] [pref N] [protocol P]
// [chain N] [handle H]`: one parent's filters (the root qdisc's when none
// is named), as the kernel lists them.
void show(Session& session, Words& words) {
  FilterPlace place;
  while (!words.empty())
    if (!place.take(session, words)) words.unknown();
  place.require_link_or_block();
  rtnl::TcFilterSelector selector{.ifindex = place.ifindex,
                                  .block = place.block,
                                  .parent = place.parent,
                                  .chain = place.chain,
                                  .priority = place.priority,
                                  .protocol = place.protocol};
  if (place.handle) selector.handle = parse_filter_handle("", *place.handle);
  print_filters(session, session.ipr().dump<TcFilter>(selector).value(), selector);
}

}  // namespace

void run_filter(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "show") || is_command(command, "list") || command == "ls" ||
      command == "lst")
    return show(session, words);
  if (is_command(command, "add")) return session.apply(Verb::add, parse_filter(session, words, Use::create));
  if (is_command(command, "change")) return session.apply(Verb::set, parse_filter(session, words, Use::change));
  if (is_command(command, "replace")) return session.apply(Verb::replace, parse_filter(session, words, Use::create));
  if (is_command(command, "delete")) return session.apply(Verb::del, parse_filter(session, words, Use::name));
  if (is_command(command, "get")) return get(session, words);
  throw UsageError("filter has no command " + quoted(command) + " (show, add, del, replace, change, get)");
}

}  // namespace nlpp::cli
