// IPDB at scale: the start-up of a cache over the namespace's whole state,
// and a transaction of N route additions, verified.
//
//   ipdb_bench open             ipdb::Cache::open(): subscribe, dump every kind, index
//   ipdb_bench transaction N    one ipdb::Transaction adding N routes (queue + commit),
//                              on a cache opened beforehand (not timed)
#include "common/bench_common.h"

#include <nlpp/ipdb/transaction.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

using namespace nlpp;

namespace {

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: ipdb_bench open | transaction N\n");
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

}  // namespace

int main(int argc, char** argv) try {
  if (argc == 2 && std::string_view(argv[1]) == "open") return open_cache();
  if (argc == 3 && std::string_view(argv[1]) == "transaction") return transaction(bench_count_arg(argv[2]));
  usage();
} catch (const std::exception& error) {
  std::fprintf(stderr, "ipdb_bench: %s\n", error.what());
  return 1;
}
