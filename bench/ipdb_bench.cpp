// IPDB at scale: the start-up of a cache over the namespace's whole state,
// a transaction of N route additions, verified, and a cache following
// another process's churn.
//
//   ipdb_bench open             ipdb::Cache::open(): subscribe, dump every kind, index
//   ipdb_bench transaction N    one ipdb::Transaction adding N routes (queue + commit),
//                              on a cache opened beforehand (not timed)
//   ipdb_bench follow EXPECTED READY_FILE
//                              a cache over the namespace applies notifications
//                              (update()) until EXPECTED events are in, or none came
//                              for idle_timeout; READY_FILE is made once it is open.
//                              Reports the time from the first change applied to the
//                              last, the events applied, the overruns (each a
//                              resync) and the routes apart from a fresh dump.
#include "common/bench_common.h"

#include <nlpp/ipdb/transaction.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/route.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

using namespace nlpp;

namespace {

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: ipdb_bench open | transaction N | follow EXPECTED READY_FILE\n");
  std::exit(2);
}

int open_cache() {
  const double start = bench_now();
  ipdb::Cache cache = ipdb::Cache::open().value();
  const double seconds = bench_now() - start;
  // Kept alive until measured: the RSS is that of holding the state.
  bench_report(seconds, cache.count<rtnl::Route>(), bench_maxrss_kib(), "");
  return 0;
}

int transaction(unsigned long count) {
  const bench_routes routes = bench_routes_from_env();
  ipdb::Cache cache = ipdb::Cache::open().value();
  const IpAddress gateway = IpAddress::v4(ntohl(routes.gateway));

  const double start = bench_now();
  ipdb::Transaction tx(cache);
  for (uint32_t index = 0; index < count; ++index)
    tx.add(rtnl::Route{.family = AF_INET,
                       .dst = {IpAddress::v4(routes.first_dst + index), 32},
                       .gateway = gateway,
                       .oif = routes.oif})
        .value();
  const ipdb::CommitReport report = tx.commit().value();
  const double seconds = bench_now() - start;
  const std::string notes = "sends=" + std::to_string(report.sends) + " rereads=" + std::to_string(report.rereads);
  bench_report(seconds, report.changes, bench_maxrss_kib(), notes.c_str());
  return 0;
}

constexpr auto first_event_timeout = std::chrono::seconds(60);
constexpr auto idle_timeout = std::chrono::seconds(3);

// Route keys (with link and gateway, as the cache tells routes apart) on
// one side only.
size_t routes_apart(const std::vector<rtnl::Route>& cached, const std::vector<rtnl::Route>& dumped) {
  using Key = std::tuple<rtnl::RouteKey, uint32_t, IpAddress>;
  const auto keys = [](const std::vector<rtnl::Route>& routes) {
    std::set<Key> keys;
    for (const rtnl::Route& route : routes)
      keys.emplace(rtnl::ObjectTraits<rtnl::Route>::key(route), uint32_t{route.oif}, route.gateway);
    return keys;
  };
  const std::set<Key> in_cache = keys(cached), in_kernel = keys(dumped);
  std::vector<Key> apart;
  std::ranges::set_symmetric_difference(in_cache, in_kernel, std::back_inserter(apart));
  return apart.size();
}

int follow(unsigned long expected, const char* ready_file) {
  ipdb::Cache cache = ipdb::Cache::open().value();
  std::ofstream(ready_file) << "open\n";
  size_t events = 0, resyncs = 0;
  double first = 0, last = 0;
  while (events < expected) {
    const auto timeout = events || resyncs ? idle_timeout : first_event_timeout;
    const ipdb::UpdateStats stats =
        cache.update(std::chrono::duration_cast<std::chrono::milliseconds>(timeout)).value();
    if (stats.events == 0 && stats.resyncs == 0) break;  // idle: the churn is over
    events += stats.events;
    resyncs += stats.resyncs;
    last = bench_now();
    if (first == 0) first = last;
  }
  const size_t apart =
      routes_apart(cache.all<rtnl::Route>(), rtnl::IpRoute::open().value().dump<rtnl::Route>().value());
  const std::string notes = "expected=" + std::to_string(expected) + " overruns=" + std::to_string(resyncs) +
                            " apart=" + std::to_string(apart);
  bench_report(last - first, events, bench_maxrss_kib(), notes.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc == 2 && std::string_view(argv[1]) == "open") return open_cache();
  if (argc == 3 && std::string_view(argv[1]) == "transaction") return transaction(bench_count_arg(argv[2]));
  if (argc == 4 && std::string_view(argv[1]) == "follow") return follow(bench_count_arg(argv[2]), argv[3]);
  usage();
} catch (const std::exception& error) {
  std::fprintf(stderr, "ipdb_bench: %s\n", error.what());
  return 1;
}
