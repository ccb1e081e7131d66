// Micro-benchmarks (Google Benchmark) of nlpp's codecs in user space alone,
// no kernel involved: the per-message costs the dump and batch scenarios
// add to the kernel's time. The input is the route dump the perf guard
// uses (tests/data/perf/route_dump.bin: 1,034 messages a real kernel sent).
//
//   micro_codec [--benchmark_filter=Route...] [DUMP_FILE]
#include <nlpp/rtnl/route.hpp>
#include <nlpp/schema/decoder.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <benchmark/benchmark.h>

#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace nlpp;

namespace {

std::string dump_path = NLPP_BENCH_ROUTE_DUMP;

// The dump's messages, read once.
const std::vector<std::byte>& dump_bytes() {
  static const std::vector<std::byte> bytes = [] {
    std::ifstream file(dump_path, std::ios::binary);
    const std::vector<char> text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const auto* first = reinterpret_cast<const std::byte*>(text.data());
    return std::vector<std::byte>(first, first + text.size());
  }();
  return bytes;
}

wire::MessageRange dump() { return wire::MessageRange(wire::Bytes(dump_bytes())); }

std::vector<rtnl::Route> parsed_routes() {
  std::vector<rtnl::Route> routes;
  for (const wire::Message& message : dump())
    if (message.type() == RTM_NEWROUTE) routes.push_back(rtnl::ObjectTraits<rtnl::Route>::parse(message).value());
  return routes;
}

// decode(message) for each message of the dump (only the RTM_NEWROUTEs
// when routes_only), each an item.
template <class Decode>
void decode_each(benchmark::State& state, bool routes_only, Decode decode) {
  size_t messages = 0;
  for (auto _ : state) {
    for (const wire::Message& message : dump()) {
      if (routes_only && message.type() != RTM_NEWROUTE) continue;
      auto decoded = decode(message);
      benchmark::DoNotOptimize(decoded);
      ++messages;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(messages));
}

// ObjectTraits<Route>::parse of every RTM_NEWROUTE: what dump_each adds per route.
void route_parse(benchmark::State& state) {
  decode_each(state, true, [](const wire::Message& message) { return rtnl::ObjectTraits<rtnl::Route>::parse(message); });
}
BENCHMARK(route_parse);

// validate + emit of each route as an RTM_NEWROUTE request into one
// builder: what a batched insert adds per route.
void route_validate_and_emit(benchmark::State& state) {
  const std::vector<rtnl::Route> routes = parsed_routes();
  wire::MessageBuilder batch(routes.size() * 256);
  for (auto _ : state) {
    batch.clear();
    for (const rtnl::Route& route : routes) {
      benchmark::DoNotOptimize(rtnl::ObjectTraits<rtnl::Route>::validate(route));
      rtnl::ObjectTraits<rtnl::Route>::emit(route, batch, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
    }
    benchmark::DoNotOptimize(batch.bytes().data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * routes.size()));
}
BENCHMARK(route_validate_and_emit);

// The generic decoder (schema tables) over every message: what `nlpp
// decode` and the schema JSON cost per message.
void generic_decode(benchmark::State& state) {
  decode_each(state, false, [](const wire::Message& message) {
    return schema::decode(NETLINK_ROUTE, message, schema::Direction::reply);
  });
}
BENCHMARK(generic_decode);

// diff() of two routes that differ in one metric: what a transactional
// database's verification costs per object.
void route_diff(benchmark::State& state) {
  const std::vector<rtnl::Route> routes = parsed_routes();
  std::vector<rtnl::Route> changed = routes;
  for (rtnl::Route& route : changed) route.priority += 1;
  for (auto _ : state)
    for (size_t i = 0; i < routes.size(); ++i)
      benchmark::DoNotOptimize(rtnl::ObjectTraits<rtnl::Route>::diff(routes[i], changed[i]));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * routes.size()));
}
BENCHMARK(route_diff);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc == 2) dump_path = argv[1];
  if (dump_bytes().empty() || !dump().validate()) {
    std::fprintf(stderr, "micro_codec: %s is not a netlink dump\n", dump_path.c_str());
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
