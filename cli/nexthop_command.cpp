// nlpp nexthop add | replace | del | show | get, in `ip nexthop`'s words.
#include "commands.hpp"
#include "names.hpp"
#include "output.hpp"

#include <nlpp/rtnl/nexthop.hpp>

#include <vector>

namespace nlpp::cli {
namespace {

using rtnl::Nexthop;

// `group ID[,WEIGHT]/ID[,WEIGHT]...` (ip/ipnexthop.c add_nh_group_attr()).
std::vector<rtnl::NexthopGroupMember> parse_group(std::string_view word) {
  std::vector<rtnl::NexthopGroupMember> members;
  while (true) {
    const size_t slash = word.find('/');
    const std::string_view member = word.substr(0, slash);
    const size_t comma = member.find(',');
    rtnl::NexthopGroupMember parsed{.id = parse_number<uint32_t>(member.substr(0, comma), "group id")};
    if (comma != std::string_view::npos) parsed.weight = parse_number<uint32_t>(member.substr(comma + 1), "group weight");
    if (parsed.weight == 0) throw UsageError("\"group\": weight 0 in " + quoted(word));
    members.push_back(parsed);
    if (slash == std::string_view::npos) return members;
    word.remove_prefix(slash + 1);
  }
}

// `type mpath|resilient [buckets N] [idle_timer S] [unbalanced_timer S]`;
// timers in seconds, which the kernel takes as clock ticks.
void parse_group_type(Nexthop& nexthop, Words& words) {
  const std::string_view type = words.value_of("type");
  if (type == "mpath") {
    nexthop.group_type = rtnl::NexthopGroupType::mpath;
    return;
  }
  if (type != "resilient") throw UsageError("\"type\": unknown group type " + quoted(type) + " (mpath, resilient)");
  nexthop.group_type = rtnl::NexthopGroupType::resilient;
  rtnl::ResilientGroup& resilient = nexthop.resilient.emplace();
  constexpr uint32_t ticks_per_second = 100;
  while (true) {
    if (words.take_if("buckets"))
      resilient.buckets = words.number_of<uint16_t>("buckets");
    else if (words.take_if("idle_timer"))
      resilient.idle_timer = words.number_of<uint32_t>("idle_timer") * ticks_per_second;
    else if (words.take_if("unbalanced_timer"))
      resilient.unbalanced_timer = words.number_of<uint32_t>("unbalanced_timer") * ticks_per_second;
    else
      return;
  }
}

// `id N` plus one of: `[via ADDRESS] [dev DEV] [onlink]`, `blackhole`,
// `group GROUP [type TYPE]`; `[fdb]`, `[protocol P]` for any.
Nexthop parse_nexthop(Session& session, Words& words) {
  Nexthop nexthop{.family = static_cast<uint8_t>(session.options().family)};
  while (!words.empty()) {
    if (words.take_if("id")) {
      nexthop.id = words.number_of<uint32_t>("id");
    } else if (words.take_if("via")) {
      const std::string_view word = words.value_of("via");
      Result<nlpp::IpAddress> gateway = nlpp::IpAddress::parse(word);
      if (!gateway) throw UsageError("\"via\": " + gateway.error().context());
      nexthop.gateway = *gateway;
    } else if (words.take_if("dev")) {
      nexthop.oif = session.link_ref(words.value_of("dev"));
    } else if (words.take_if("blackhole")) {
      nexthop.blackhole = true;
    } else if (words.take_if("onlink")) {
      nexthop.flags |= RTNH_F_ONLINK;
    } else if (words.take_if("fdb")) {
      nexthop.fdb = true;
    } else if (words.take_if("group")) {
      nexthop.group = parse_group(words.value_of("group"));
    } else if (words.take_if("type")) {
      parse_group_type(nexthop, words);
    } else if (words.take_if("protocol") || words.take_if("proto")) {
      nexthop.protocol = parse_protocol(words.value_of("protocol"));
    } else {
      words.unknown();
    }
  }
  return nexthop;
}

// `id N`, all that get and del take.
Nexthop parse_id(Words& words) {
  if (words.empty()) throw UsageError("the command needs \"id ID\"");
  if (!words.take_if("id")) words.unknown();
  Nexthop nexthop{.id = words.number_of<uint32_t>("id")};
  if (!words.empty()) words.unknown();
  return nexthop;
}

void print_one(Session& session, uint32_t id) {
  const Nexthop nexthop = session.ipr().get(Nexthop{.id = id}).value();
  print_nexthops(session, std::span(&nexthop, 1));
}

void show(Session& session, Words& words) {
  const int family = session.options().family;
  rtnl::NexthopFilter filter{.family = static_cast<uint8_t>(family)};
  std::optional<uint32_t> id;
  while (!words.empty()) {
    if (words.take_if("id"))
      id = words.number_of<uint32_t>("id");
    else if (words.take_if("dev"))
      filter.oif = session.ifindex(words.value_of("dev"));
    else if (words.take_if("master"))
      filter.master = session.ifindex(words.value_of("master"));
    else if (words.take_if("groups"))
      filter.groups = true;
    else if (words.take_if("fdb"))
      filter.fdb = true;
    else
      words.unknown();
  }
  // `show id N` is a get (ipnh_list_flush() calls ipnh_get()).
  if (id) return print_one(session, *id);
  print_nexthops(session, session.ipr().dump<Nexthop>(filter).value());
}

}  // namespace

void run_nexthop(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "show") || is_command(command, "list")) return show(session, words);
  if (is_command(command, "get")) return print_one(session, parse_id(words).id);
  const auto nexthop = [&] { return parse_nexthop(session, words); };
  if (is_command(command, "add")) return session.apply(Verb::add, nexthop());
  if (is_command(command, "replace")) return session.apply(Verb::replace, nexthop());
  if (is_command(command, "delete")) return session.apply(Verb::del, parse_id(words));
  throw UsageError("nexthop has no command " + quoted(command) + " (show, get, add, replace, del)");
}

}  // namespace nlpp::cli
