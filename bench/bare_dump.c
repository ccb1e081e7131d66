/* The reference dump: the kernel's own cost. A plain netlink socket asks for
 * every IPv4 route (or every link) and only counts the messages that come
 * back: no parsing, no storing. Every other dump is measured against it.
 *
 *   bare_dump route|link
 */
#include "common/bare_netlink.h"

#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

/* Sends RTM_GETROUTE (AF_INET) or RTM_GETLINK with NLM_F_DUMP. */
static void request_dump(int fd, int links) {
  struct {
    struct nlmsghdr header;
    union {
      struct rtmsg route;
      struct ifinfomsg link;
    } body;
  } request;
  memset(&request, 0, sizeof request);
  request.header.nlmsg_type = links ? RTM_GETLINK : RTM_GETROUTE;
  request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  request.header.nlmsg_seq = 1;
  request.header.nlmsg_len = NLMSG_LENGTH(links ? sizeof request.body.link : sizeof request.body.route);
  if (links)
    request.body.link.ifi_family = AF_UNSPEC;
  else
    request.body.route.rtm_family = AF_INET;
  if (send(fd, &request, request.header.nlmsg_len, 0) < 0) bench_die("send");
}

/* Reads the dump to NLMSG_DONE; returns the number of data messages. */
static unsigned long count_dump(int fd, uint16_t data_type) {
  static char buffer[bare_buffer_size];
  unsigned long count = 0;
  for (;;) {
    ssize_t length = recv(fd, buffer, sizeof buffer, 0);
    if (length < 0) bench_die("recv");
    for (struct nlmsghdr* nlh = (struct nlmsghdr*)buffer; NLMSG_OK(nlh, (size_t)length);
         nlh = NLMSG_NEXT(nlh, length)) {
      if (nlh->nlmsg_type == NLMSG_DONE) return count;
      if (nlh->nlmsg_type == NLMSG_ERROR) {
        fprintf(stderr, "bare_dump: the kernel refused the dump\n");
        exit(1);
      }
      if (nlh->nlmsg_type == data_type) ++count;
    }
  }
}

int main(int argc, char** argv) {
  if (argc != 2 || (strcmp(argv[1], "route") && strcmp(argv[1], "link"))) {
    fprintf(stderr, "usage: bare_dump route|link\n");
    return 2;
  }
  const int links = strcmp(argv[1], "link") == 0;
  const int fd = bare_socket();
  const double start = bench_now();
  request_dump(fd, links);
  const unsigned long count = count_dump(fd, links ? RTM_NEWLINK : RTM_NEWROUTE);
  bench_report(bench_now() - start, count, bench_maxrss_kib(), "");
  return 0;
}
