// nlpp neighbour add | replace | change | del | show
#include "commands.hpp"
#include "flag_words.hpp"
#include "names.hpp"
#include "output.hpp"

#include <nlpp/rtnl/neighbour.hpp>

#include <vector>

namespace nlpp::cli {
namespace {

// The word after `nud`: "permanent", "reachable", "noarp"...
rtnl::NeighbourState parse_state(Words& words) {
  const std::string_view word = words.value_of("nud");
  const std::optional<rtnl::NeighbourState> state = flag_named<rtnl::NeighbourState>(word);
  if (!state) throw UsageError("\"nud\": unknown state " + quoted(word));
  return *state;
}

// `ADDRESS [lladdr MAC] [nud STATE] [proxy] [router] [extern_learn] [protocol P] dev DEV`.
rtnl::Neighbour parse_neighbour(Session& session, Words& words) {
  rtnl::Neighbour neighbour;
  bool have_dst = false;
  while (!words.empty()) {
    if (words.take_if("dev")) {
      neighbour.ifindex = session.link_ref(words.value_of("dev"));
    } else if (words.take_if("lladdr")) {
      Result<nlpp::MacAddress> lladdr = nlpp::MacAddress::parse(words.value_of("lladdr"));
      if (!lladdr) throw UsageError("\"lladdr\": " + lladdr.error().context());
      neighbour.lladdr = *lladdr;
    } else if (words.take_if("nud")) {
      neighbour.state = rtnl::NeighbourStates{parse_state(words)};
    } else if (words.take_if("protocol") || words.take_if("proto")) {
      neighbour.protocol = parse_protocol(words.value_of("protocol"));
    } else if (take_flag(words, neighbour.flags)) {
      continue;
    } else if (!have_dst) {
      const std::string_view word = words.take("");
      Result<nlpp::IpAddress> dst = nlpp::IpAddress::parse(word);
      if (!dst) throw UsageError("neighbour address: " + dst.error().context());
      neighbour.dst = *dst;
      have_dst = true;
    } else {
      words.unknown();
    }
  }
  if (!have_dst) throw UsageError("the command needs a neighbour address");
  if (neighbour.ifindex == 0 && !neighbour.is_proxy()) throw UsageError("the command needs \"dev DEVICE\"");
  return neighbour;
}

void show(Session& session, Words& words) {
  rtnl::NeighbourFilter filter{.family = session.options().family};
  while (!words.empty()) {
    if (words.take_if("dev")) {
      filter.ifindex = session.ifindex(words.value_of("dev"));
    } else if (words.take_if("master")) {
      filter.master = session.ifindex(words.value_of("master"));
    } else if (words.take_if("proxy")) {
      filter.proxies = true;
    } else if (words.take_if("nud")) {
      filter.states.insert(parse_state(words));
    } else {
      words.unknown();
    }
  }
  std::vector<rtnl::Neighbour> neighbours = session.ipr().dump<rtnl::Neighbour>(filter).value();
  // Without `nud`, ip leaves out entries in no state but NOARP (multicast,
  // a bridge's own), unless they are proxies or externally learned.
  if (filter.states.empty())
    std::erase_if(neighbours, [](const rtnl::Neighbour& neighbour) {
      return (neighbour.state.bits() & 0xff & ~NUD_NOARP) == 0 &&
             !neighbour.flags.contains(rtnl::NeighbourFlag::proxy) &&
             !neighbour.flags.contains(rtnl::NeighbourFlag::extern_learn);
    });
  print_neighbours(session, neighbours);
}

}  // namespace

void run_neighbour(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "show") || is_command(command, "list")) return show(session, words);
  const auto neighbour = [&] { return parse_neighbour(session, words); };
  if (is_command(command, "add")) return session.apply(Verb::add, neighbour());
  if (is_command(command, "replace")) return session.apply(Verb::replace, neighbour());
  if (is_command(command, "change") || command == "chg") return session.apply(Verb::set, neighbour());
  if (is_command(command, "delete")) return session.apply(Verb::del, neighbour());
  throw UsageError("neighbour has no command " + quoted(command) + " (show, add, replace, change, del)");
}

}  // namespace nlpp::cli
