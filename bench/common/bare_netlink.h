/* Plain netlink socket code for the bare C reference programs (no library
 * at all): what the kernel costs when user space does nothing extra. */
#ifndef NLPP_BENCH_BARE_NETLINK_H
#define NLPP_BENCH_BARE_NETLINK_H

#include "bench_common.h"

#include <linux/netlink.h>
#include <string.h>
#include <sys/socket.h>

/* Receive buffer of the bare programs: as large as nlpp's engine uses, so
 * that both get the same datagrams (the kernel sizes a dump's datagrams
 * by the largest read it has seen, up to 32 KiB). */
enum { bare_buffer_size = 64 * 1024 };

/* A bound NETLINK_ROUTE socket. */
static inline int bare_socket(void) {
  struct sockaddr_nl local;
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  if (fd < 0) bench_die("socket");
  memset(&local, 0, sizeof local);
  local.nl_family = AF_NETLINK;
  if (bind(fd, (struct sockaddr*)&local, sizeof local) < 0) bench_die("bind");
  return fd;
}

/* Appends an attribute with a 4-byte payload to the message at nlh, whose
 * buffer has room for it. */
static inline void bare_add_u32(struct nlmsghdr* nlh, unsigned short type, uint32_t value) {
  struct nlattr* attribute = (struct nlattr*)((char*)nlh + NLMSG_ALIGN(nlh->nlmsg_len));
  attribute->nla_type = type;
  attribute->nla_len = NLA_HDRLEN + sizeof value;
  memcpy((char*)attribute + NLA_HDRLEN, &value, sizeof value);
  nlh->nlmsg_len = NLMSG_ALIGN(nlh->nlmsg_len) + NLA_ALIGN(attribute->nla_len);
}

#endif
