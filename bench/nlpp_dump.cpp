// nlpp's dumps, three ways, to split where the time goes:
//
//   nlpp_dump route typed   IpRoute::dump<Route>() into std::vector<Route>,
//                           what a user of the library writes
//   nlpp_dump route each    IpRoute::dump_each<Route>(), each Route counted
//                           and dropped: typed minus each is the cost of
//                           keeping them (the vector's growth)
//   nlpp_dump route parse   io::RequestEngine::dump with a minimal parse
//                           into the same plain array as mnl_dump
//   nlpp_dump route count   io::RequestEngine::dump, only counting: the
//                           engine's overhead over bare_dump
//   nlpp_dump link typed|count
//                           the same for every link (IpRoute::dump<Link>())
#include "common/bench_common.h"

#include <nlpp/io/request_engine.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/route.hpp>

#include <linux/rtnetlink.h>

#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

using namespace nlpp;

namespace {

struct Measured {
  double seconds;
  size_t count;
};

template <class T, class Filter>
Measured dump_typed(const Filter& filter) {
  rtnl::IpRoute ipr = rtnl::IpRoute::open().value();
  const double start = bench_now();
  const std::vector<T> objects = ipr.dump<T>(filter).value();
  return {bench_now() - start, objects.size()};
}

// The dump request of a route (AF_INET) or link dump.
wire::MessageBuilder dump_request(bool links) {
  wire::MessageBuilder request;
  if (links) {
    request.begin_message(RTM_GETLINK, 0).append_header(ifinfomsg{});
  } else {
    rtmsg header{};
    header.rtm_family = AF_INET;
    request.begin_message(RTM_GETROUTE, 0).append_header(header);
  }
  return request;
}

// The typed parse without the vector: each Route is dropped once counted.
Measured dump_each_route() {
  rtnl::IpRoute ipr = rtnl::IpRoute::open().value();
  size_t count = 0;
  const double start = bench_now();
  ipr.dump_each<rtnl::Route>(
         {.family = AF_INET}, [&](rtnl::Route&&) { ++count; }, [&] { count = 0; })
      .value();
  return {bench_now() - start, count};
}

Measured dump_count(bool links) {
  io::RequestEngine engine = io::RequestEngine::open(NETLINK_ROUTE).value();
  wire::MessageBuilder request = dump_request(links);
  const uint16_t data_type = links ? RTM_NEWLINK : RTM_NEWROUTE;
  size_t count = 0;
  const double start = bench_now();
  engine
      .dump(
          request, [&](const wire::Message& message) { count += message.type() == data_type; }, [&] { count = 0; })
      .value();
  return {bench_now() - start, count};
}

// What mnl_dump does, through nlpp's engine and wire views.
bench_route parse_route(const wire::Message& message) {
  const rtmsg header = message.fixed_header<rtmsg>().value();
  bench_route route{};
  route.table = header.rtm_table;
  route.dst_len = header.rtm_dst_len;
  route.protocol = header.rtm_protocol;
  route.scope = header.rtm_scope;
  route.type = header.rtm_type;
  for (const wire::Attribute& attribute : message.attributes(sizeof(rtmsg)).value()) {
    switch (attribute.type()) {
      case RTA_DST:
        route.dst = attribute.u32().value();
        break;
      case RTA_GATEWAY:
        route.gateway = attribute.u32().value();
        break;
      case RTA_PREFSRC:
        route.prefsrc = attribute.u32().value();
        break;
      case RTA_OIF:
        route.oif = attribute.u32().value();
        break;
      case RTA_PRIORITY:
        route.priority = attribute.u32().value();
        break;
      case RTA_TABLE:
        route.table = attribute.u32().value();
        break;
      default:
        break;
    }
  }
  return route;
}

Measured dump_parse() {
  io::RequestEngine engine = io::RequestEngine::open(NETLINK_ROUTE).value();
  wire::MessageBuilder request = dump_request(false);
  std::vector<bench_route> routes;
  const double start = bench_now();
  engine
      .dump(
          request,
          [&](const wire::Message& message) {
            if (message.type() == RTM_NEWROUTE) routes.push_back(parse_route(message));
          },
          [&] { routes.clear(); })
      .value();
  return {bench_now() - start, routes.size()};
}

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: nlpp_dump route typed|each|parse|count\n       nlpp_dump link typed|count\n");
  std::exit(2);
}

Measured run(std::string_view object, std::string_view how) {
  if (object == "route" && how == "typed") return dump_typed<rtnl::Route>(rtnl::RouteFilter{.family = AF_INET});
  if (object == "route" && how == "each") return dump_each_route();
  if (object == "route" && how == "parse") return dump_parse();
  if (object == "link" && how == "typed") return dump_typed<rtnl::Link>(rtnl::LinkFilter{});
  if ((object == "route" || object == "link") && how == "count") return dump_count(object == "link");
  usage();
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 3) usage();
  const Measured measured = run(argv[1], argv[2]);
  bench_report(measured.seconds, measured.count, bench_maxrss_kib(), "");
  return 0;
} catch (const std::exception& error) {
  std::fprintf(stderr, "nlpp_dump: %s\n", error.what());
  return 1;
}
