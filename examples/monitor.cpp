// monitor: prints the RTNL events of a namespace (`ip monitor`, typed).
//
//     monitor [NETNS]     NETNS: a name from `ip netns`; none: this namespace
//
// Every group is joined; an overrun is reported, as a program that mirrors
// kernel state would resync there with a dump.
#include <nlpp/rtnl/events.hpp>

#include <cstdio>
#include <string>
#include <type_traits>
#include <variant>

using namespace nlpp;

namespace {

template <class T>
std::string describe(const T& object);

template <>
std::string describe(const rtnl::Link& link) {
  return "link " + std::to_string(link.ifindex) + " " + link.name.value_or("?") +
         (link.info ? " " + link.info->kind : "") + (link.is_up() ? " up" : " down");
}
template <>
std::string describe(const rtnl::Address& address) {
  return "address " + address.local.to_string() + "/" + std::to_string(address.prefix_length) + " on " +
         std::to_string(address.ifindex);
}
template <>
std::string describe(const rtnl::Route& route) {
  std::string text = "route " + route.dst.to_string() + " table " + std::to_string(route.table);
  if (route.gateway.family() != 0) text += " via " + route.gateway.to_string();
  return text + " oif " + std::to_string(route.oif);
}
template <>
std::string describe(const rtnl::Neighbour& neighbour) {
  return "neighbour " + neighbour.dst.to_string() + " on " + std::to_string(neighbour.ifindex) + " " +
         neighbour.state.to_string();
}
template <>
std::string describe(const rtnl::FdbEntry& entry) {
  return "fdb " + entry.lladdr.to_string() + " on " + std::to_string(entry.ifindex);
}
template <>
std::string describe(const rtnl::Rule& rule) {
  return "rule " + std::to_string(rule.priority.value_or(0)) + " from " + rule.src.to_string() + " table " +
         std::to_string(rule.table);
}
template <>
std::string describe(const rtnl::Nexthop& nexthop) {
  return "nexthop " + std::to_string(nexthop.id) + " oif " + std::to_string(nexthop.oif);
}

template <>
std::string describe(const rtnl::BridgeVlan& vlans) {
  return "vlans of " + std::to_string(vlans.ifindex) + ": " + rtnl::vlans_text(vlans);
}

template <>
std::string describe(const rtnl::Qdisc& qdisc) {
  return "qdisc " + qdisc.kind + " " + qdisc.handle.to_string() + " on " + std::to_string(qdisc.ifindex) + " parent " +
         qdisc.parent.to_string();
}
template <>
std::string describe(const rtnl::TcClass& tc_class) {
  return "class " + tc_class.kind + " " + tc_class.handle.to_string() + " on " + std::to_string(tc_class.ifindex);
}
template <>
std::string describe(const rtnl::TcFilter& filter) {
  return "filter " + filter.kind + " pref " + std::to_string(filter.priority) + " on " +
         std::to_string(filter.ifindex) + " parent " + filter.parent.to_string();
}
template <>
std::string describe(const rtnl::TcAction& action) {
  if (action.flushed) return "actions " + action.action.kind + " flushed: " + std::to_string(*action.flushed);
  return "action " + action.action.kind + " index " + std::to_string(action.action.index) + " bind " +
         std::to_string(action.action.bindcnt);
}

template <>
std::string describe(const rtnl::TcChain& chain) {
  const std::string place = chain.block ? "block " + std::to_string(*chain.block)
                                        : std::to_string(chain.ifindex) + " parent " + chain.parent.to_string();
  return "chain " + std::to_string(chain.chain) + " on " + place +
         (chain.kind.empty() ? "" : " template " + chain.kind);
}

template <class E>
struct EventKind;
template <class T>
struct EventKind<rtnl::NewEvent<T>> {
  static constexpr const char* word = "new";
};
template <class T>
struct EventKind<rtnl::DelEvent<T>> {
  static constexpr const char* word = "del";
};

void print(const rtnl::Event& event) {
  std::visit(
      [](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, rtnl::Overrun>)
          std::printf("OVERRUN (%s): events were lost; dump to resync\n", e.cause.message().c_str());
        else if constexpr (std::is_same_v<E, rtnl::UnknownEvent>)
          std::printf("unknown message type %u (%zu bytes)%s%s\n", e.nlmsg_type, e.message.size(),
                      e.error.code() ? ": " : "", e.error.code() ? e.error.describe().c_str() : "");
        else
          std::printf("%s %s%s\n", EventKind<E>::word, describe(e.object).c_str(),
                      e.nlmsg_flags & NLM_F_REPLACE ? " (replace)" : "");
      },
      event);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  io::SocketOptions options;
  if (argc > 1) options.netns = netns::Ref::name(argv[1]);
  Result<rtnl::EventStream> events = rtnl::EventStream::open(rtnl::all_events, options);
  if (!events) {
    std::fprintf(stderr, "monitor: %s\n", events.error().describe().c_str());
    return 1;
  }
  for (;;) {
    Result<rtnl::Event> event = events->next();
    if (!event) {
      std::fprintf(stderr, "monitor: %s\n", event.error().describe().c_str());
      return 1;
    }
    print(*event);
  }
}
