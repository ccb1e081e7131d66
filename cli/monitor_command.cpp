// nlpp monitor [all|OBJECT]...: the kernel's change notifications as they
// come, one line each: "new link {...}" in text, or a JSON object per line
// with -j. OBJECT is an event object's event_name (link, address, route,
// neighbour, fdb, rule, nexthop, vlan, qdisc, class, filter, action, chain)
// or a prefix of it ("addr", "neigh"); the
// objects come from rtnl::EventObjects. An overrun (the kernel dropped
// notifications: ENOBUFS) is printed as such and followed by a resync: the
// current state of the objects watched, so nothing is silently lost.
#include "commands.hpp"

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/netns/netns.hpp>
#include <nlpp/rtnl/events.hpp>

#include <optional>
#include <ostream>
#include <type_traits>
#include <vector>

namespace nlpp::cli {
namespace {

using rtnl::EventGroups;
using rtnl::EventObjects;
using rtnl::ObjectTraits;

// T's bit in a set of event objects: its place in rtnl::EventObjects.
template <class T>
constexpr uint32_t object_bit = [] {
  uint32_t bit = 1, found = 0;
  rtnl::for_each_object(EventObjects{}, [&]<class U>(std::type_identity<U>) {
    if (std::is_same_v<T, U>) found = bit;
    bit <<= 1;
  });
  return found;
}();

// The objects watched, and the groups that bring their notifications.
class Watched {
 public:
  // Adds the object a word names: its event_name or a prefix of one (the
  // first in EventObjects order, as iproute2 takes "r" for route); "all"
  // adds every object.
  void add(std::string_view word) {
    bool found = false;
    rtnl::for_each_object(EventObjects{}, [&]<class T>(std::type_identity<T>) {
      if (word != "all" && (found || !is_command(word, ObjectTraits<T>::event_name))) return;
      objects_ |= object_bit<T>;
      groups_ = EventGroups(static_cast<EventGroups::Bits>(groups_.bits() | rtnl::event_groups_of<T>.bits()));
      found = true;
    });
    if (!found) throw UsageError("monitor: unknown object " + quoted(word));
  }

  template <class T>
  bool contains() const {
    return (objects_ & object_bit<T>) != 0;
  }
  bool empty() const { return objects_ == 0; }
  EventGroups groups() const { return groups_; }

 private:
  uint32_t objects_ = 0;
  EventGroups groups_;
};

template <class E>
constexpr bool is_new_event = false;
template <class T>
constexpr bool is_new_event<rtnl::NewEvent<T>> = true;

// Prints events one line each, naming links as of the last link event.
class Printer {
 public:
  explicit Printer(Session& session) : session_(session) {}

  template <rtnl::EventObject T>
  void print(std::string_view action, const T& object) {
    line(action, ObjectTraits<T>::event_name, [&](JsonWriter& json) { format::write_json(json, object, names()); });
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

// Every object of type T. The kernel lists actions one kind's table at a
// time and names no kinds: those nlpp has words for (a kind the kernel
// lacks lists nothing).
template <class T>
std::vector<T> dump_all(rtnl::IpRoute& ipr) {
  if constexpr (std::is_same_v<T, rtnl::TcAction>) {
    std::vector<T> actions;
    for (const char* kind : {"gact", "mirred", "police", "skbedit", "vlan", "csum", "nat", "pedit", "connmark", "ct",
                             "tunnel_key", "sample", "bpf"})
      ipr.dump_into<T>(actions, {.kind = kind}).value();
    return actions;
  } else {
    return ipr.dump<T>().value();
  }
}

// The current state of every object watched, printed as "resync" lines.
void resync(Session& session, Printer& printer, const Watched& watched) {
  printer.forget_links();
  rtnl::IpRoute& ipr = session.ipr();
  rtnl::for_each_object(EventObjects{}, [&]<class T>(std::type_identity<T>) {
    if (!watched.contains<T>()) return;
    for (const T& object : dump_all<T>(ipr)) printer.print("resync", object);
  });
}

}  // namespace

void run_monitor(Session& session, std::string_view first, Words& words) {
  Watched watched;
  for (std::string_view word = first; !word.empty(); word = words.empty() ? "" : words.take("")) watched.add(word);
  if (watched.empty()) watched.add("all");

  io::SocketOptions options;
  if (session.options().netns) options.netns = netns::Ref::name(*session.options().netns);
  rtnl::EventStream stream = rtnl::EventStream::open(watched.groups(), options).value();
  Printer printer(session);
  for (;;) {
    rtnl::Event event = stream.next().value();
    std::visit(
        [&]<class E>(const E& e) {
          if constexpr (std::is_same_v<E, rtnl::Overrun>) {
            printer.overrun(e.cause);
            stream.drain([](rtnl::Event&&) {}).value();  // the kernel sends nothing new until the queue is empty
            resync(session, printer, watched);
          } else if constexpr (requires { e.object; }) {
            using T = std::remove_cvref_t<decltype(e.object)>;
            // A group may carry another object's notifications too (fdb and neighbour share theirs).
            if (!watched.contains<T>()) return;
            if constexpr (std::is_same_v<T, rtnl::Link>) printer.forget_links();
            printer.print(is_new_event<E> ? "new" : "del", e.object);
          }
          // What nlpp does not parse (UnknownEvent) is not printed.
        },
        event);
  }
}

}  // namespace nlpp::cli
