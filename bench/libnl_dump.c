/* libnl 3's caches, as its users fill them: every IPv4 route
 * (rtnl_route_alloc_cache) or every link (rtnl_link_alloc_cache).
 *
 *   libnl_dump route|link
 */
#include "common/bench_common.h"

#include <netlink/netlink.h>
#include <netlink/route/link.h>
#include <netlink/route/route.h>
#include <string.h>

int main(int argc, char** argv) {
  if (argc != 2 || (strcmp(argv[1], "route") && strcmp(argv[1], "link"))) {
    fprintf(stderr, "usage: libnl_dump route|link\n");
    return 2;
  }
  struct nl_sock* socket = nl_socket_alloc();
  if (!socket || nl_connect(socket, NETLINK_ROUTE) < 0) bench_die("nl_connect");
  struct nl_cache* cache = NULL;

  const double start = bench_now();
  const int error = strcmp(argv[1], "link") == 0 ? rtnl_link_alloc_cache(socket, AF_UNSPEC, &cache)
                                                 : rtnl_route_alloc_cache(socket, AF_INET, 0, &cache);
  const double seconds = bench_now() - start;
  if (error < 0) {
    fprintf(stderr, "libnl_dump: %s\n", nl_geterror(error));
    return 1;
  }

  bench_report(seconds, (unsigned long)nl_cache_nitems(cache), bench_maxrss_kib(), "");
  nl_cache_free(cache);
  nl_socket_free(socket);
  return 0;
}
