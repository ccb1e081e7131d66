/* A bare C program that does what a library dump does, with libmnl: every
 * IPv4 route is parsed and stored in a growing array of plain structs (the
 * "1.28x" line of DESIGN.md's kernel facts). The floor for any typed dump.
 *
 *   mnl_dump
 */
#include "common/bench_common.h"

#include <libmnl/libmnl.h>
#include <linux/rtnetlink.h>
#include <string.h>

struct route_array {
  struct bench_route* routes;
  size_t count;
  size_t capacity;
};

static struct bench_route* append(struct route_array* array) {
  if (array->count == array->capacity) {
    array->capacity = array->capacity ? 2 * array->capacity : 1024;
    array->routes = realloc(array->routes, array->capacity * sizeof *array->routes);
    if (!array->routes) bench_die("realloc");
  }
  struct bench_route* route = &array->routes[array->count++];
  memset(route, 0, sizeof *route);
  return route;
}

/* Keeps an attribute in tb only if it has the size the kernel uses for it. */
static int keep_attribute(const struct nlattr* attribute, void* data) {
  const struct nlattr** tb = data;
  const uint16_t type = mnl_attr_get_type(attribute);
  if (mnl_attr_type_valid(attribute, RTA_MAX) < 0) return MNL_CB_OK;
  switch (type) {
    case RTA_DST:
    case RTA_GATEWAY:
    case RTA_PREFSRC:
    case RTA_OIF:
    case RTA_PRIORITY:
    case RTA_TABLE:
      if (mnl_attr_validate(attribute, MNL_TYPE_U32) < 0) return MNL_CB_ERROR;
      break;
    default:
      break;
  }
  tb[type] = attribute;
  return MNL_CB_OK;
}

static uint32_t u32_or_zero(const struct nlattr* attribute) { return attribute ? mnl_attr_get_u32(attribute) : 0; }

static int store_route(const struct nlmsghdr* nlh, void* data) {
  const struct rtmsg* header = mnl_nlmsg_get_payload(nlh);
  const struct nlattr* tb[RTA_MAX + 1] = {0};
  if (mnl_attr_parse(nlh, sizeof *header, keep_attribute, tb) < 0) return MNL_CB_ERROR;
  struct bench_route* route = append(data);
  route->dst = u32_or_zero(tb[RTA_DST]);
  route->gateway = u32_or_zero(tb[RTA_GATEWAY]);
  route->prefsrc = u32_or_zero(tb[RTA_PREFSRC]);
  route->oif = u32_or_zero(tb[RTA_OIF]);
  route->priority = u32_or_zero(tb[RTA_PRIORITY]);
  route->table = tb[RTA_TABLE] ? mnl_attr_get_u32(tb[RTA_TABLE]) : header->rtm_table;
  route->dst_len = header->rtm_dst_len;
  route->protocol = header->rtm_protocol;
  route->scope = header->rtm_scope;
  route->type = header->rtm_type;
  return MNL_CB_OK;
}

int main(void) {
  /* As large as nlpp's and bare_dump's buffer, for the same datagrams. */
  static char buffer[64 * 1024];
  struct mnl_socket* socket = mnl_socket_open(NETLINK_ROUTE);
  if (!socket || mnl_socket_bind(socket, 0, MNL_SOCKET_AUTOPID) < 0) bench_die("mnl_socket");
  const unsigned int port_id = mnl_socket_get_portid(socket);
  struct route_array array = {0};

  const double start = bench_now();
  struct nlmsghdr* nlh = mnl_nlmsg_put_header(buffer);
  nlh->nlmsg_type = RTM_GETROUTE;
  nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  nlh->nlmsg_seq = 1;
  struct rtmsg* header = mnl_nlmsg_put_extra_header(nlh, sizeof *header);
  header->rtm_family = AF_INET;
  if (mnl_socket_sendto(socket, nlh, nlh->nlmsg_len) < 0) bench_die("mnl_socket_sendto");
  int status;
  do {
    const ssize_t length = mnl_socket_recvfrom(socket, buffer, sizeof buffer);
    if (length < 0) bench_die("mnl_socket_recvfrom");
    status = mnl_cb_run(buffer, length, 1, port_id, store_route, &array);
  } while (status > MNL_CB_STOP);
  if (status < 0) bench_die("mnl_cb_run");
  const double seconds = bench_now() - start;

  bench_report(seconds, array.count, bench_maxrss_kib(), "");
  mnl_socket_close(socket);
  free(array.routes);
  return 0;
}
