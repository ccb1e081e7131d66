// nlpp's batched route changes: N requests in one MessageBuilder, sent by
// io::RequestEngine::send_batch (1,024 per sendmsg, an ACK asked only on
// the last of each chunk, like bare_route_batch).
//
//   nlpp_route_batch add|del N raw     requests written with MessageBuilder
//   nlpp_route_batch add|del N typed   rtnl::Route values, validated and
//                                      emitted by ObjectTraits<Route>
#include "common/bench_common.h"

#include <nlpp/io/request_engine.hpp>
#include <nlpp/rtnl/route.hpp>

#include <linux/rtnetlink.h>

#include <cstdio>
#include <exception>
#include <string_view>

using namespace nlpp;

namespace {

// nlmsghdr, rtmsg and three 4-byte attributes: what one request takes.
constexpr size_t request_size = 16 + 12 + 3 * 8;

// What bare_route_batch sends, written with the builder.
void emit_raw(wire::MessageBuilder& batch, const bench_routes& routes, bool add, uint32_t index) {
  rtmsg header{};
  header.rtm_family = AF_INET;
  header.rtm_dst_len = 32;
  header.rtm_table = RT_TABLE_MAIN;
  header.rtm_protocol = add ? RTPROT_BOOT : RTPROT_UNSPEC;
  header.rtm_scope = add ? RT_SCOPE_UNIVERSE : RT_SCOPE_NOWHERE;
  header.rtm_type = add ? RTN_UNICAST : RTN_UNSPEC;
  batch.begin_message(add ? RTM_NEWROUTE : RTM_DELROUTE, add ? NLM_F_CREATE | NLM_F_EXCL : 0).append_header(header);
  // Addresses are already in network order, as the kernel wants them.
  batch.add_u32(RTA_DST, bench_route_dst(&routes, index));
  if (add) batch.add_u32(RTA_GATEWAY, routes.gateway).add_u32(RTA_OIF, routes.oif);
}

// The same route as a user of rtnl::Route builds it; defaults (protocol,
// scope, type, table) are filled in by emit() the way `ip route` fills them.
void emit_typed(wire::MessageBuilder& batch, const bench_routes& routes, bool add, uint32_t index) {
  using rtnl::ObjectTraits;
  rtnl::Route route{.family = AF_INET, .dst = {nlpp::IpAddress::v4(routes.first_dst + index), 32}};
  if (add) {
    route.gateway = nlpp::IpAddress::v4(ntohl(routes.gateway));
    route.oif = routes.oif;
  }
  ObjectTraits<rtnl::Route>::validate(route).value();
  ObjectTraits<rtnl::Route>::emit(route, batch, add ? RTM_NEWROUTE : RTM_DELROUTE, add ? NLM_F_CREATE | NLM_F_EXCL : 0);
}

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: nlpp_route_batch add|del N raw|typed\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 4) usage();
  const std::string_view operation = argv[1], how = argv[3];
  if ((operation != "add" && operation != "del") || (how != "raw" && how != "typed")) usage();
  const bool add = operation == "add";
  const unsigned long count = bench_count_arg(argv[2]);
  const bench_routes routes = bench_routes_from_env();
  const auto emit = how == "raw" ? emit_raw : emit_typed;
  io::RequestEngine engine = io::RequestEngine::open(NETLINK_ROUTE).value();

  const double start = bench_now();
  wire::MessageBuilder batch(count * request_size);
  for (uint32_t index = 0; index < count; ++index) emit(batch, routes, add, index);
  const io::BatchResult result = engine.send_batch(batch).value();
  const double seconds = bench_now() - start;

  bench_report(seconds, result.size() - result.failed(), bench_maxrss_kib(), "");
  if (!result.all_succeeded()) {
    size_t first = 0;
    while (result.outcome(first) == io::Outcome::applied) ++first;
    std::fprintf(stderr, "nlpp_route_batch: %zu of %zu requests failed, first: %s\n", result.failed(), result.size(),
                 result[first].error().describe().c_str());
    return 1;
  }
  return 0;
} catch (const std::exception& error) {
  std::fprintf(stderr, "nlpp_route_batch: %s\n", error.what());
  return 1;
}
