// What parsing costs, for people tuning it: disabled, since a test suite
// asserts no timings. Run them with
//   nlpp_unit_tests --gtest_also_run_disabled_tests --gtest_filter='RouteParseCost.*'
#include <nlpp/rtnl/route.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>

namespace nlpp::rtnl {
namespace {

constexpr size_t count = 1'000'000;

// Resident memory of this process, in MiB.
double resident_mib() {
  std::ifstream statm("/proc/self/statm");
  size_t total = 0, resident = 0;
  statm >> total >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// Nanoseconds per call of step, over count calls.
template <class Step>
double nanoseconds_each(Step&& step) {
  const auto start = std::chrono::steady_clock::now();
  for (size_t i = 0; i < count; ++i) step();
  const std::chrono::duration<double, std::nano> elapsed = std::chrono::steady_clock::now() - start;
  return elapsed.count() / count;
}

// Parses the captured message count times: alone, into a reserved vector
// (dump_into() a vector that has room), and into a new vector as dump()
// does; and stores copies of one parsed route, which is what the vector
// alone costs. Prints each and the memory the vector holds.
void measure(const std::string& capture) {
  const std::vector<std::byte> bytes = test::golden_bytes(capture);
  const wire::Message message(bytes);
  size_t parsed = 0;
  const double parse = nanoseconds_each([&] { parsed += ObjectTraits<Route>::parse(message).has_value(); });
  const Route one = ObjectTraits<Route>::parse(message).value();
  double store = 0;
  {
    std::vector<Route> copies;
    store = nanoseconds_each([&] { copies.push_back(one); });
  }
  double reserved = 0;
  {
    // What IpRoute::dump_into() into a vector reserved (or reused) for the table costs.
    std::vector<Route> into;
    into.reserve(count);
    reserved = nanoseconds_each([&] { into.push_back(ObjectTraits<Route>::parse(message).value()); });
  }
  const double before = resident_mib();
  std::vector<Route> routes;
  const double both = nanoseconds_each([&] { routes.push_back(ObjectTraits<Route>::parse(message).value()); });
  std::printf(
      "%s: parse %.1f ns, store %.1f ns, parse and store %.1f ns (%.1f ns into a reserved vector) per route; "
      "%zu routes hold %.1f MiB (sizeof(Route) %zu)\n",
      capture.c_str(), parse, store, both, reserved, routes.size(), resident_mib() - before, sizeof(Route));
  EXPECT_EQ(parsed, count);
}

TEST(RouteParseCost, DISABLED_ipv4_route_with_a_gateway) { measure("newroute_table100"); }

TEST(RouteParseCost, DISABLED_ipv6_route_with_a_gateway) { measure("route_ipv6"); }

TEST(RouteParseCost, DISABLED_ipv4_multipath_route) { measure("route_multipath"); }

}  // namespace
}  // namespace nlpp::rtnl
