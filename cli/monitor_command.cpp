// nlpp monitor [all|link|address|route|neigh|rule]...: the kernel's change
// notifications as they come, one line each: "new link {...}" in text, or a
// JSON object per line with -j. An overrun (the kernel dropped
// notifications: ENOBUFS) is printed as such and followed by a resync: the
// current state of the objects watched, so nothing is silently lost.
#include "commands.hpp"

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/netns/netns.hpp>
#include <nlpp/rtnl/events.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <ostream>
#include <type_traits>

namespace nlpp::cli {
namespace {

using rtnl::EventGroup;
using rtnl::EventGroups;

struct Watched {
  std::string_view word;
  EventGroups groups;
};
constexpr std::array watched_groups{
    Watched{"link", EventGroups{EventGroup::links}},
    Watched{"address", rtnl::address_events},
    Watched{"addr", rtnl::address_events},
    Watched{"route", rtnl::route_events},
    Watched{"neighbour", EventGroups{EventGroup::neighbours}},
    Watched{"neigh", EventGroups{EventGroup::neighbours}},
    Watched{"rule", rtnl::rule_events},
    Watched{"all", EventGroups{EventGroup::links, EventGroup::ipv4_addresses, EventGroup::ipv6_addresses,
                               EventGroup::ipv4_routes, EventGroup::ipv6_routes, EventGroup::neighbours,
                               EventGroup::ipv4_rules, EventGroup::ipv6_rules}},
};

template <class E>
constexpr bool is_new_event = false;
template <class T>
constexpr bool is_new_event<rtnl::NewEvent<T>> = true;

// Prints events one line each, naming links as of the last link event.
class Printer {
 public:
  explicit Printer(Session& session) : session_(session) {}

  void print(std::string_view action, const rtnl::Link& link) {
    line(action, "link", [&](JsonWriter& json) { format::write_link(json, link, names()); });
  }
  void print(std::string_view action, const rtnl::Address& address) {
    line(action, "address", [&](JsonWriter& json) { format::write_address(json, address); });
  }
  void print(std::string_view action, const rtnl::Route& route) {
    line(action, "route", [&](JsonWriter& json) { format::write_route(json, route, names()); });
  }
  void print(std::string_view action, const rtnl::Neighbour& neighbour) {
    line(action, "neighbour", [&](JsonWriter& json) { format::write_neighbour(json, neighbour, names()); });
  }
  void print(std::string_view action, const rtnl::Rule& rule) {
    line(action, "rule", [&](JsonWriter& json) { format::write_rule(json, rule); });
  }

  void overrun(const std::error_code& cause) {
    if (session_.options().json)
      session_.out() << "{\"event\":\"overrun\",\"error\":\"" << cause.message() << "\"}\n";
    else
      session_.out() << "overrun: the kernel dropped notifications (" << cause.message() << "); resyncing\n";
  }

  /// Links were added, renamed or deleted: read their names again when needed.
  void forget_links() {
    names_.reset();
    session_.forget_links();
  }

 private:
  // `ACTION OBJECT {...}`, or with -j `{"event":"ACTION","object":"OBJECT","OBJECT":{...}}`.
  template <class WriteObject>
  void line(std::string_view action, std::string_view object, WriteObject&& write_object) {
    const bool json_lines = session_.options().json;
    JsonWriter json;
    if (json_lines) {
      json.begin_object();
      json.key("event");
      json.string(action);
      json.key("object");
      json.string(object);
      json.key(object);
    }
    write_object(json);
    if (json_lines)
      json.end_object();
    else
      session_.out() << action << ' ' << object << ' ';
    session_.out() << std::move(json).take() << '\n' << std::flush;
  }

  const format::LinkNames& names() {
    if (!names_) names_ = session_.link_names();
    return *names_;
  }

  Session& session_;
  std::optional<format::LinkNames> names_;
};

// The current state of every object watched, printed as "resync" lines.
void resync(Session& session, Printer& printer, EventGroups groups) {
  printer.forget_links();
  rtnl::IPRoute& ipr = session.ipr();
  const auto print_all = [&](const auto& objects) {
    for (const auto& object : objects) printer.print("resync", object);
  };
  if (groups.contains(EventGroup::links)) print_all(ipr.dump<rtnl::Link>().value());
  if (groups.intersects(rtnl::address_events)) print_all(ipr.dump<rtnl::Address>().value());
  if (groups.intersects(rtnl::route_events)) print_all(ipr.dump<rtnl::Route>().value());
  if (groups.contains(EventGroup::neighbours)) print_all(ipr.dump<rtnl::Neighbour>().value());
  if (groups.intersects(rtnl::rule_events)) print_all(ipr.dump<rtnl::Rule>().value());
}

}  // namespace

void run_monitor(Session& session, std::string_view first, Words& words) {
  EventGroups groups;
  for (std::string_view word = first; !word.empty(); word = words.empty() ? "" : words.take("")) {
    const auto watched = std::ranges::find_if(watched_groups, [&](const Watched& w) { return w.word == word; });
    if (watched == watched_groups.end()) throw UsageError("monitor: unknown object " + quoted(word));
    groups = EventGroups(groups.bits() | watched->groups.bits());
  }
  if (groups.empty()) groups = std::ranges::find_if(watched_groups, [](const Watched& w) { return w.word == "all"; })->groups;

  io::SocketOptions options;
  if (session.options().netns) options.netns = netns::Ref::name(*session.options().netns);
  rtnl::EventStream stream = rtnl::EventStream::open(groups, options).value();
  Printer printer(session);
  for (;;) {
    rtnl::Event event = stream.next().value();
    std::visit(
        [&]<class E>(const E& e) {
          if constexpr (std::is_same_v<E, rtnl::Overrun>) {
            printer.overrun(e.cause);
            stream.drain([](rtnl::Event&&) {}).value();  // the kernel sends nothing new until the queue is empty
            resync(session, printer, groups);
          } else if constexpr (requires { printer.print("new", e.object); }) {
            if constexpr (std::is_same_v<decltype(e.object), rtnl::Link>) printer.forget_links();
            printer.print(is_new_event<E> ? "new" : "del", e.object);
          }
          // FDB entries, nexthops and what nlpp does not parse are not printed.
        },
        event);
  }
}

}  // namespace nlpp::cli
