// nlpp route add | append | replace | change | del | get | show
#include "commands.hpp"
#include "names.hpp"
#include "output.hpp"

#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/route_query.hpp>

#include <array>

namespace nlpp::cli {
namespace {

using nlpp::IpAddress;
using rtnl::Route;
using rtnl::RouteMetrics;
using rtnl::RouteType;

constexpr std::array route_types{RouteType::unicast,     RouteType::local,     RouteType::broadcast,
                                 RouteType::anycast,     RouteType::multicast, RouteType::blackhole,
                                 RouteType::unreachable, RouteType::prohibit,  RouteType::throw_,
                                 RouteType::nat,         RouteType::xresolve};

std::optional<RouteType> route_type(std::string_view word) {
  for (RouteType type : route_types)
    if (to_string(type) == word) return type;
  return std::nullopt;
}

// The metrics `ip route` takes by name, each a 32-bit number.
struct MetricWord {
  std::string_view word;
  std::optional<uint32_t> RouteMetrics::*member;
};
constexpr std::array metric_words{
    MetricWord{"mtu", &RouteMetrics::mtu},
    MetricWord{"window", &RouteMetrics::window},
    MetricWord{"rtt", &RouteMetrics::rtt},
    MetricWord{"rttvar", &RouteMetrics::rttvar},
    MetricWord{"ssthresh", &RouteMetrics::ssthresh},
    MetricWord{"cwnd", &RouteMetrics::cwnd},
    MetricWord{"advmss", &RouteMetrics::advmss},
    MetricWord{"reordering", &RouteMetrics::reordering},
    MetricWord{"hoplimit", &RouteMetrics::hoplimit},
    MetricWord{"initcwnd", &RouteMetrics::initcwnd},
    MetricWord{"features", &RouteMetrics::features},
    MetricWord{"rto_min", &RouteMetrics::rto_min},
    MetricWord{"initrwnd", &RouteMetrics::initrwnd},
    MetricWord{"quickack", &RouteMetrics::quickack},
    MetricWord{"fastopen_no_cookie", &RouteMetrics::fastopen_no_cookie},
};

bool parse_metric(Words& words, Route& route) {
  for (const MetricWord& metric : metric_words) {
    if (!words.take_if(metric.word)) continue;
    words.take_if("lock");  // a locked metric is not modelled: the value still applies
    route.extras.edit().metrics.*metric.member = words.number_of<uint32_t>(metric.word);
    return true;
  }
  return false;
}

IpAddress parse_address(std::string_view word, std::string_view keyword) {
  Result<IpAddress> address = IpAddress::parse(word);
  if (!address) throw UsageError(quoted(keyword) + ": " + address.error().context());
  return *address;
}

// `via [inet|inet6] ADDRESS`: the family word is optional, and must agree.
IpAddress parse_via(Words& words) {
  std::string_view word = words.value_of("via");
  int family = AF_UNSPEC;
  if (word == "inet" || word == "inet6") {
    family = word == "inet" ? AF_INET : AF_INET6;
    word = words.take("\"via\" needs an address after the family");
  }
  IpAddress gateway = parse_address(word, "via");
  if (family != AF_UNSPEC && gateway.family() != family)
    throw UsageError("\"via\": " + quoted(word) + " is not of the family given");
  return gateway;
}

// "100/200/300": an MPLS label stack, outermost first.
std::vector<uint32_t> parse_labels(std::string_view text, std::string_view keyword) {
  std::vector<uint32_t> labels;
  while (true) {
    const size_t slash = text.find('/');
    const uint32_t label = parse_number<uint32_t>(text.substr(0, slash), keyword);
    if (label > rtnl::max_mpls_label)
      throw UsageError(quoted(keyword) + ": label " + std::to_string(label) + " is beyond 20 bits");
    labels.push_back(label);
    if (slash == std::string_view::npos) return labels;
    text.remove_prefix(slash + 1);
  }
}

// `as [to] LABELS`: the labels an MPLS route swaps in.
std::vector<uint32_t> parse_swap_labels(Words& words) {
  words.take_if("to");
  return parse_labels(words.value_of("as"), "as");
}

// `encap mpls LABELS [ttl N]`; other encapsulations come through the library.
rtnl::Encap parse_encap(Words& words) {
  const std::string_view type = words.value_of("encap");
  if (type != "mpls") throw UsageError("encap " + quoted(type) + " is not supported by the tool (mpls)");
  rtnl::MplsEncap encap{.labels = parse_labels(words.value_of("encap mpls"), "encap mpls")};
  if (words.take_if("ttl")) encap.ttl = words.number_of<uint8_t>("ttl");
  return encap;
}

// `nexthop via ADDRESS dev DEV weight N onlink`, one path of a multipath route.
rtnl::RouteNexthop parse_path(Session& session, Words& words) {
  rtnl::RouteNexthop path;
  words.begin_section();
  while (!words.empty() && words.peek() != "nexthop") {
    if (words.take_if("via"))
      path.gateway = parse_via(words);
    else if (words.take_if("dev"))
      path.ifindex = session.link_ref(words.value_of("dev"));
    else if (words.take_if("weight"))
      path.weight = words.number_of<uint16_t>("weight");
    else if (words.take_if("onlink"))
      path.flags |= RTNH_F_ONLINK;
    else if (words.take_if("as"))
      path.newdst = parse_swap_labels(words);
    else if (words.take_if("encap"))
      path.encap = parse_encap(words);
    else
      words.unknown();
  }
  if (path.weight < 1 || path.weight > 256) throw UsageError("\"weight\" is 1 to 256");
  return path;
}

// The family of a route whose dst and gateway do not say it (`default`,
// `default dev eth0`): its preferred source's, its first path's gateway's,
// else IPv4, as `ip route` assumes.
uint8_t unsaid_family(const Route& route) {
  if (!route.prefsrc.empty()) return static_cast<uint8_t>(route.prefsrc.family());
  for (const rtnl::RouteNexthop& path : route.extras->multipath)
    if (!path.gateway.empty()) return static_cast<uint8_t>(path.gateway.family());
  return AF_INET;
}

Route parse_route(Session& session, Words& words) {
  Route route;
  route.family = static_cast<uint8_t>(session.options().family);
  bool have_dst = false;
  while (!words.empty()) {
    if (words.take_if("via")) {
      route.gateway = parse_via(words);
    } else if (words.take_if("dev") || words.take_if("oif")) {
      route.oif = session.link_ref(words.value_of("dev"));
    } else if (words.take_if("table")) {
      route.table = parse_table(words.value_of("table"));
    } else if (words.take_if("proto") || words.take_if("protocol")) {
      route.protocol = parse_protocol(words.value_of("proto"));
    } else if (words.take_if("scope")) {
      route.scope = parse_scope(words.value_of("scope"));
    } else if (words.take_if("metric") || words.take_if("priority") || words.take_if("preference")) {
      route.priority = words.number_of<uint32_t>("metric");
    } else if (words.take_if("tos") || words.take_if("dsfield")) {
      route.tos = words.number_of<uint8_t>("tos");
    } else if (words.take_if("src")) {
      route.prefsrc = parse_address(words.value_of("src"), "src");
    } else if (words.take_if("onlink")) {
      route.flags |= RTNH_F_ONLINK;
    } else if (words.take_if("nhid")) {
      route.nh_id = words.number_of<uint32_t>("nhid");
    } else if (words.take_if("nexthop")) {
      route.extras.edit().multipath.push_back(parse_path(session, words));
    } else if (words.take_if("encap")) {
      route.extras.edit().encap = parse_encap(words);
    } else if (words.take_if("as")) {
      route.extras.edit().newdst = parse_swap_labels(words);
    } else if (parse_metric(words, route)) {
      continue;
    } else if (const std::optional<RouteType> type = route_type(words.peek()); type && !have_dst) {
      words.take("");
      route.type = *type;
    } else if (!have_dst) {
      const std::string_view word = words.take("");
      have_dst = true;
      if (route.family == AF_MPLS) {
        route.extras.edit().label = parse_labels(word, "label").front();
      } else if (word != "default") {
        Result<nlpp::IpPrefix> dst = nlpp::IpPrefix::parse(word);
        if (!dst) throw UsageError("destination: " + dst.error().context());
        route.dst = *dst;
      }
    } else {
      words.unknown();
    }
  }
  if (!have_dst) throw UsageError("the command needs a destination (a prefix, or \"default\")");
  if (route.resolved_family() == AF_UNSPEC) route.family = unsaid_family(route);
  return route;
}

rtnl::RouteFilter parse_filter(Session& session, Words& words) {
  // As `ip route show`: IPv4 unless -6 or -f says otherwise, the main table unless `table` does.
  // `table all` without a family lists every family, as in ip.
  const int family = session.options().family;
  rtnl::RouteFilter filter{.family = static_cast<uint8_t>(family != AF_UNSPEC ? family : AF_INET),
                           .table = RT_TABLE_MAIN};
  while (!words.empty()) {
    if (words.take_if("table")) {
      const std::string_view table = words.value_of("table");
      filter.table = table == "all" ? std::nullopt : std::optional(parse_table(table));
      if (table == "all" && family == AF_UNSPEC) filter.family = AF_UNSPEC;
    } else if (words.take_if("proto") || words.take_if("protocol")) {
      filter.protocol = parse_protocol(words.value_of("proto"));
    } else if (words.take_if("type")) {
      filter.type = route_type(words.value_of("type"));
      if (!filter.type) throw UsageError("unknown route type");
    } else if (words.take_if("dev") || words.take_if("oif")) {
      filter.oif = session.ifindex(words.value_of("dev"));
    } else if (words.take_if("scope")) {
      filter.scope = parse_scope(words.value_of("scope"));
    } else if (words.take_if("via")) {
      filter.gateway = parse_via(words);
    } else if (words.take_if("nhid")) {
      filter.nh_id = words.number_of<uint32_t>("nhid");
    } else {
      words.take_if("root");
      Result<nlpp::IpPrefix> dst = nlpp::IpPrefix::parse(words.take("\"root\" needs a prefix"));
      if (!dst) throw UsageError("destination: " + dst.error().context());
      filter.dst = *dst;
    }
  }
  return filter;
}

void show(Session& session, Words& words) {
  const rtnl::RouteFilter filter = parse_filter(session, words);
  print_routes(session, session.ipr().dump<Route>(filter).value(),
               filter.table ? format::RouteView::one_table : format::RouteView::all_tables);
}

}  // namespace

void run_route(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "show") || is_command(command, "list")) return show(session, words);
  const auto route = [&] { return parse_route(session, words); };
  if (is_command(command, "add")) return session.apply(Verb::add, route());
  if (is_command(command, "replace")) return session.apply(Verb::replace, route());
  if (is_command(command, "change") || command == "chg") return session.apply(Verb::set, route());
  if (is_command(command, "append")) return session.apply(Verb::append, route());
  if (is_command(command, "prepend")) return session.apply(Verb::prepend, route());
  if (is_command(command, "delete")) return session.apply(Verb::del, route());
  if (is_command(command, "get")) {
    const Route found = session.ipr().get(route()).value();
    return print_routes(session, std::span(&found, 1));
  }
  throw UsageError("route has no command " + quoted(command) + " (show, add, replace, change, append, prepend, del, get)");
}

}  // namespace nlpp::cli
