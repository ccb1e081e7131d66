/* The reference for batched changes: N route requests, 1,024 per sendmsg,
 * with NLM_F_ACK only on the last request of each chunk. The kernel handles
 * a whole datagram before sendmsg returns and sends an error for every
 * failing request even without NLM_F_ACK, so the chunk's outcome is known
 * once the last request's ACK is read. Also the churn of the events
 * scenario.
 *
 *   bare_route_batch add|del N
 */
#include "common/bare_netlink.h"

#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

enum { chunk_size = 1024 };

/* nlmsghdr, rtmsg and three 4-byte attributes. */
enum { request_room = NLMSG_ALIGN(NLMSG_LENGTH(sizeof(struct rtmsg))) + 3 * NLA_ALIGN(NLA_HDRLEN + 4) };

/* Appends request number index at buffer, returns its length. A delete
 * names the route by table and destination only, as `ip route del` does. */
static size_t put_request(char* buffer, const struct bench_routes* routes, int add, uint32_t index, int ack) {
  struct nlmsghdr* nlh = (struct nlmsghdr*)buffer;
  memset(buffer, 0, request_room);
  nlh->nlmsg_len = NLMSG_LENGTH(sizeof(struct rtmsg));
  nlh->nlmsg_type = add ? RTM_NEWROUTE : RTM_DELROUTE;
  nlh->nlmsg_flags = NLM_F_REQUEST | (add ? NLM_F_CREATE | NLM_F_EXCL : 0) | (ack ? NLM_F_ACK : 0);
  nlh->nlmsg_seq = index + 1;
  struct rtmsg* header = NLMSG_DATA(nlh);
  header->rtm_family = AF_INET;
  header->rtm_dst_len = 32;
  header->rtm_table = RT_TABLE_MAIN;
  header->rtm_protocol = add ? RTPROT_BOOT : RTPROT_UNSPEC;
  header->rtm_scope = add ? RT_SCOPE_UNIVERSE : RT_SCOPE_NOWHERE;
  header->rtm_type = add ? RTN_UNICAST : RTN_UNSPEC;
  bare_add_u32(nlh, RTA_DST, bench_route_dst(routes, index));
  if (add) {
    bare_add_u32(nlh, RTA_GATEWAY, routes->gateway);
    bare_add_u32(nlh, RTA_OIF, routes->oif);
  }
  return NLMSG_ALIGN(nlh->nlmsg_len);
}

/* Reads replies until the one to last_seq; returns how many requests failed. */
static unsigned long settle_chunk(int fd, uint32_t last_seq) {
  static char buffer[bare_buffer_size];
  unsigned long failures = 0;
  for (;;) {
    ssize_t length = recv(fd, buffer, sizeof buffer, 0);
    if (length < 0) bench_die("recv");
    for (struct nlmsghdr* nlh = (struct nlmsghdr*)buffer; NLMSG_OK(nlh, (size_t)length);
         nlh = NLMSG_NEXT(nlh, length)) {
      if (nlh->nlmsg_type != NLMSG_ERROR) continue;
      const struct nlmsgerr* error = NLMSG_DATA(nlh);
      if (error->error != 0) {
        if (failures == 0) fprintf(stderr, "request %u: %s\n", nlh->nlmsg_seq, strerror(-error->error));
        ++failures;
      }
      if (nlh->nlmsg_seq == last_seq) return failures;
    }
  }
}

int main(int argc, char** argv) {
  if (argc != 3 || (strcmp(argv[1], "add") && strcmp(argv[1], "del"))) {
    fprintf(stderr, "usage: bare_route_batch add|del N\n");
    return 2;
  }
  const int add = strcmp(argv[1], "add") == 0;
  const unsigned long count = bench_count_arg(argv[2]);
  const struct bench_routes routes = bench_routes_from_env();
  static char chunk[chunk_size * request_room];
  const int fd = bare_socket();
  unsigned long failures = 0;

  const double start = bench_now();
  for (unsigned long first = 0; first < count; first += chunk_size) {
    const unsigned long end = first + chunk_size < count ? first + chunk_size : count;
    size_t length = 0;
    for (unsigned long index = first; index < end; ++index)
      length += put_request(chunk + length, &routes, add, index, index + 1 == end);
    if (send(fd, chunk, length, 0) < 0) bench_die("send");
    failures += settle_chunk(fd, end);
  }
  const double seconds = bench_now() - start;

  bench_report(seconds, count - failures, bench_maxrss_kib(), "");
  if (failures) fprintf(stderr, "bare_route_batch: %lu of %lu requests failed\n", failures, count);
  return failures ? 1 : 0;
}
