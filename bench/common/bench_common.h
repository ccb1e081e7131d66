/* What every benchmark program shares (C and C++): a clock, the peak RSS,
 * the route set the scenarios use, and the one result line run.sh reads.
 *
 * The route set is described once, in run.sh, and handed over in the
 * environment so that the C, C++ and Python programs and the `ip -batch`
 * files all create and delete exactly the same routes:
 *   BENCH_DEV        the veth the routes leave through      (nlppb0)
 *   BENCH_GATEWAY    their gateway, on that veth's subnet   (192.0.2.2)
 *   BENCH_FIRST_DST  the first /32; route i is FIRST_DST + i (100.64.0.0)
 */
#ifndef NLPP_BENCH_COMMON_H
#define NLPP_BENCH_COMMON_H

#include <arpa/inet.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

/* The route set, resolved inside the benchmark's namespace. Addresses are
 * in network byte order, as they go on the wire. */
struct bench_routes {
  uint32_t oif;
  uint32_t gateway;
  uint32_t first_dst; /* host order: i is added to it */
};

/* One route as the "parse and store" dumps keep it (bare libmnl and nlpp's
 * engine with a minimal parse): what `ip route` shows for a plain route. */
struct bench_route {
  uint32_t dst;
  uint32_t gateway;
  uint32_t prefsrc;
  uint32_t oif;
  uint32_t priority;
  uint32_t table;
  uint8_t dst_len;
  uint8_t protocol;
  uint8_t scope;
  uint8_t type;
};

static inline double bench_now(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static inline long bench_maxrss_kib(void) {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss; /* KiB on Linux */
}

/* The result line: seconds, items handled, peak RSS in KiB, then notes as
 * key=value words (or "-"). run.sh adds the scenario and tool columns. */
static inline void bench_report(double seconds, unsigned long count, long maxrss_kib, const char* notes) {
  printf("%.6f\t%lu\t%ld\t%s\n", seconds, count, maxrss_kib, notes && *notes ? notes : "-");
  fflush(stdout);
}

static inline void bench_die(const char* what) {
  perror(what);
  exit(1);
}

static inline uint32_t bench_ipv4_from_env(const char* name) {
  const char* text = getenv(name);
  struct in_addr address;
  if (!text || inet_pton(AF_INET, text, &address) != 1) {
    fprintf(stderr, "%s is not set to an IPv4 address (run through bench/run.sh)\n", name);
    exit(2);
  }
  return address.s_addr;
}

static inline struct bench_routes bench_routes_from_env(void) {
  const char* dev = getenv("BENCH_DEV");
  struct bench_routes routes;
  routes.oif = dev ? if_nametoindex(dev) : 0;
  if (routes.oif == 0) {
    fprintf(stderr, "BENCH_DEV does not name a link here (run through bench/run.sh)\n");
    exit(2);
  }
  routes.gateway = bench_ipv4_from_env("BENCH_GATEWAY");
  routes.first_dst = ntohl(bench_ipv4_from_env("BENCH_FIRST_DST"));
  return routes;
}

/* The i-th route's /32 destination, network order. */
static inline uint32_t bench_route_dst(const struct bench_routes* routes, uint32_t i) {
  return htonl(routes->first_dst + i);
}

/* A count from the command line; exits on anything else. */
static inline unsigned long bench_count_arg(const char* text) {
  char* end = NULL;
  unsigned long count = strtoul(text, &end, 10);
  if (!*text || *end) {
    fprintf(stderr, "not a count: %s\n", text);
    exit(2);
  }
  return count;
}

#endif
