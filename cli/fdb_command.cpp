// nlpp fdb add | append | replace | del | show, in `bridge fdb`'s words.
#include "commands.hpp"
#include "flag_words.hpp"
#include "output.hpp"

#include <nlpp/rtnl/fdb_entry.hpp>

#include <array>

namespace nlpp::cli {
namespace {

using rtnl::FdbEntry;

// The states as bridge/fdb.c fdb_modify() sends them: NOARP joins
// permanent and static, so a bridge keeps them (a vxlan wants PERMANENT
// or REACHABLE, a port's own table PERMANENT).
using rtnl::NeighbourState;
constexpr std::array<std::pair<std::string_view, rtnl::NeighbourStates>, 3> state_words{{
    {"permanent", {NeighbourState::noarp, NeighbourState::permanent}},
    {"static", {NeighbourState::noarp, NeighbourState::reachable}},
    {"dynamic", {NeighbourState::reachable}},
}};

template <class Value, size_t N>
std::optional<Value> named(const std::array<std::pair<std::string_view, Value>, N>& words, std::string_view word) {
  for (const auto& [name, value] : words)
    if (name == word) return value;
  return std::nullopt;
}

// `LLADDR dev DEV [dst IP] [vni N] [port N] [via DEV] [src_vni N] [nhid N]
// [vlan N] [self] [master] [permanent|static|dynamic] [extern_learn] [sticky]`.
FdbEntry parse_entry(Session& session, Words& words) {
  FdbEntry entry;  // no state, no table: the library assumes permanent and self, as bridge fdb does
  bool have_lladdr = false;
  while (!words.empty()) {
    if (words.take_if("dev")) {
      entry.ifindex = session.link_ref(words.value_of("dev"));
    } else if (words.take_if("dst")) {
      Result<nlpp::IpAddress> dst = nlpp::IpAddress::parse(words.value_of("dst"));
      if (!dst) throw UsageError("\"dst\": " + dst.error().context());
      entry.dst = *dst;
    } else if (words.take_if("vni")) {
      entry.vni = words.number_of<uint32_t>("vni");
    } else if (words.take_if("src_vni")) {
      entry.src_vni = words.number_of<uint32_t>("src_vni");
    } else if (words.take_if("port") || words.take_if("dst_port")) {
      entry.port = words.number_of<uint16_t>("port");
    } else if (words.take_if("via")) {
      entry.via_ifindex = session.link_ref(words.value_of("via"));
    } else if (words.take_if("nhid")) {
      entry.nh_id = words.number_of<uint32_t>("nhid");
    } else if (words.take_if("vlan")) {
      entry.vlan = words.number_of<uint16_t>("vlan");
    } else if (take_flag(words, entry.flags)) {  // self, master, extern_learn, sticky... by the library's names
      continue;
    } else if (const std::optional<rtnl::NeighbourStates> state = named(state_words, words.peek())) {
      words.take("");
      entry.state = *state;
    } else if (!have_lladdr) {
      const std::string_view word = words.take("");
      Result<nlpp::MacAddress> lladdr = nlpp::MacAddress::parse(word);
      if (!lladdr) throw UsageError("link-layer address " + quoted(word) + ": " + lladdr.error().context());
      entry.lladdr = *lladdr;
      have_lladdr = true;
    } else {
      words.unknown();
    }
  }
  if (!have_lladdr) throw UsageError("the command needs a link-layer address");
  if (entry.ifindex == 0) throw UsageError("the command needs \"dev DEVICE\"");
  return entry;
}

// `[dev DEV] [br BRIDGE] [vlan N]`.
void show(Session& session, Words& words) {
  rtnl::FdbFilter filter;
  while (!words.empty()) {
    if (words.take_if("dev"))
      filter.ifindex = session.ifindex(words.value_of("dev"));
    else if (words.take_if("br") || words.take_if("brport"))
      filter.master = session.ifindex(words.value_of("br"));
    else if (words.take_if("vlan"))
      filter.vlan = words.number_of<uint16_t>("vlan");
    else
      words.unknown();
  }
  const format::FdbView view = filter.ifindex ? format::FdbView::one_device : format::FdbView::all_devices;
  print_fdb(session, session.ipr().dump<FdbEntry>(filter).value(), view);
}

}  // namespace

void run_fdb(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "show") || is_command(command, "list")) return show(session, words);
  const auto entry = [&] { return parse_entry(session, words); };
  if (is_command(command, "add")) return session.apply(Verb::add, entry());
  if (is_command(command, "append")) return session.apply(Verb::append, entry());
  if (is_command(command, "replace")) return session.apply(Verb::replace, entry());
  if (is_command(command, "delete")) return session.apply(Verb::del, entry());
  throw UsageError("fdb has no command " + quoted(command) + " (show, add, append, replace, del)");
}

}  // namespace nlpp::cli
