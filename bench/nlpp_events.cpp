// The events scenario's subscriber: a route mirror that follows
// RTNLGRP_IPV4_ROUTE through rtnl::EventStream while run.sh churns routes,
// the way a cache does. It dumps the IPv4 routes once subscribed, then
// applies every NewRoute / DelRoute event it receives to its set of route
// keys.
//
// An overrun (ENOBUFS: the kernel dropped notifications because the
// socket's receive buffer was full) is counted and reported, never hidden,
// and the mirror resyncs: it drains the socket, then dumps again. At the end the mirror is
// compared with a fresh dump: "diverged" counts the keys on one side only,
// so a resync that did not work shows.
//
//   nlpp_events EXPECTED READY_FILE [RECEIVE_BUFFER_BYTES]
//
// It creates READY_FILE once subscribed and synced, and ends when EXPECTED
// route notifications have arrived or nothing has come for idle_timeout.
// Without RECEIVE_BUFFER_BYTES the stream keeps nlpp's default (32 MiB).
#include "common/bench_common.h"

#include <nlpp/rtnl/events.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/route.hpp>

#include <linux/rtnetlink.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

using namespace nlpp;

namespace {

constexpr int first_event_timeout_ms = 60'000;
constexpr int idle_timeout_ms = 3'000;

using RouteKeys = std::set<rtnl::RouteKey>;

// The kernel's IPv4 routes, as keys: what the mirror starts from, what it
// resyncs to, and what it is checked against at the end.
RouteKeys dump_keys(rtnl::IpRoute& ipr) {
  RouteKeys keys;
  for (const rtnl::Route& route : ipr.dump<rtnl::Route>({.family = AF_INET}).value())
    keys.insert(rtnl::ObjectTraits<rtnl::Route>::key(route));
  return keys;
}

// Keys on one side only.
size_t difference(const RouteKeys& mirror, const RouteKeys& kernel) {
  std::vector<rtnl::RouteKey> apart;
  std::set_symmetric_difference(mirror.begin(), mirror.end(), kernel.begin(), kernel.end(), std::back_inserter(apart));
  return apart.size();
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: nlpp_events EXPECTED READY_FILE [RECEIVE_BUFFER_BYTES]\n");
    return 2;
  }
  const unsigned long expected = bench_count_arg(argv[1]);
  io::SocketOptions options;
  if (argc == 4) options.receive_buffer = static_cast<int>(bench_count_arg(argv[3]));
  rtnl::EventStream events = rtnl::EventStream::open({rtnl::EventGroup::ipv4_routes}, options).value();
  rtnl::IpRoute ipr = rtnl::IpRoute::open().value();
  RouteKeys mirror = dump_keys(ipr);
  std::ofstream(argv[2]) << "subscribed\n";

  unsigned long received = 0, overruns = 0, resyncs = 0, bad = 0;
  double first = 0, last = 0;
  // What a resync drains is already in the dump that follows: counted as
  // received (the kernel did deliver it), not applied.
  const auto count = [&](rtnl::Event&& event) {
    received += std::holds_alternative<rtnl::NewRoute>(event) || std::holds_alternative<rtnl::DelRoute>(event);
  };
  while (received < expected) {
    const int timeout_ms = received || overruns ? idle_timeout_ms : first_event_timeout_ms;
    std::optional<rtnl::Event> event = events.wait(std::chrono::milliseconds(timeout_ms)).value();
    if (!event) break;
    if (const auto* added = std::get_if<rtnl::NewRoute>(&*event)) {
      ++received;
      if (added->object.family == AF_INET) mirror.insert(rtnl::ObjectTraits<rtnl::Route>::key(added->object));
    } else if (const auto* deleted = std::get_if<rtnl::DelRoute>(&*event)) {
      ++received;
      if (deleted->object.family == AF_INET) mirror.erase(rtnl::ObjectTraits<rtnl::Route>::key(deleted->object));
    } else if (std::holds_alternative<rtnl::Overrun>(*event)) {
      // Notifications were lost: what the mirror holds may be stale. The
      // kernel drops silently until the socket's queue has been emptied
      // (NETLINK_S_CONGESTED), so the queue is drained first and the dump
      // taken after: a loss during the dump is reported again.
      ++overruns;
      events.drain(count).value();
      mirror = dump_keys(ipr);
      ++resyncs;
    } else if (std::holds_alternative<rtnl::UnknownEvent>(*event)) {
      ++bad;
    }
    last = bench_now();
    if (first == 0) first = last;
  }

  const size_t diverged = difference(mirror, dump_keys(ipr));
  const long missed = static_cast<long>(expected) - static_cast<long>(received);
  const std::string notes = "expected=" + std::to_string(expected) + " missed=" + std::to_string(missed) +
                            " overruns=" + std::to_string(overruns) + " resyncs=" + std::to_string(resyncs) +
                            " diverged=" + std::to_string(diverged) + " unparsed=" + std::to_string(bad);
  bench_report(last - first, received, bench_maxrss_kib(), notes.c_str());
  return 0;
} catch (const std::exception& error) {
  std::fprintf(stderr, "nlpp_events: %s\n", error.what());
  return 1;
}
