#!/usr/bin/env python3
"""Captures the route dump the perf regression guard decodes
(tests/data/perf/route_dump.bin): about a thousand RTM_NEWROUTE messages
exactly as the kernel sent them, back to back, NLMSG_DONE included.

The mix is mostly what large tables hold (IPv4 /32s and /24s via a
gateway), with some of everything a parser meets besides: metrics,
multipath, blackhole and unreachable routes, another table, IPv6 routes.

It runs itself again inside a named network namespace of its own
(nlpp-perf-capture-PID, `ip netns exec`) and removes it afterwards: nothing
is set up in the namespace it was started from. Uses the netlink helpers of
tests/data/golden/capture.py. Needs iproute2.

    sudo python3 tests/perf/capture_route_dump.py
"""

import os
import platform
import socket
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "data", "golden"))
from capture import NLM_F_DUMP, RTM_GETROUTE, NETLINK_ROUTE, Netlink  # noqa: E402

OUTPUT = os.path.normpath(os.path.join(HERE, "..", "data", "perf", "route_dump.bin"))

SETUP = [
    "link set lo up",
    "link add veth0 type veth peer name veth1",
    "link set veth1 up",
    "link set veth0 up",
    "addr add 192.0.2.1/24 dev veth0",
    "addr add 2001:db8::1/64 dev veth0 nodad",
]


def routes():
    """The `ip -batch` lines of the routes to dump."""
    lines = ["route add 100.64.%d.%d/32 via 192.0.2.2 dev veth0" % (i // 256, i % 256) for i in range(800)]
    lines += ["route add 198.18.%d.0/24 via 192.0.2.3 dev veth0 metric 100 proto static" % i for i in range(100)]
    lines += ["route add 198.19.%d.0/24 via 192.0.2.4 dev veth0 table 1000 mtu lock 1400 advmss 1360" % i
              for i in range(40)]
    lines += ["route add 203.0.113.%d/32 nexthop via 192.0.2.5 weight 1 nexthop via 192.0.2.6 weight 2" % i
              for i in range(20)]
    lines += ["route add blackhole 10.%d.0.0/16" % i for i in range(10)]
    lines += ["route add unreachable 172.16.%d.0/24 table 100" % i for i in range(10)]
    lines += ["route add 2001:db8:%x::/48 via 2001:db8::2 dev veth0 metric 512" % i for i in range(40)]
    return lines


def dump(rtnl, family):
    """Every message of an RTM_GETROUTE dump of the family, NLMSG_DONE last."""
    rtmsg = struct.pack("=BBBBBBBBI", family, 0, 0, 0, 0, 0, 0, 0, 0)
    _, replies = rtnl.transact(RTM_GETROUTE, NLM_F_DUMP, rtmsg)
    return [data for _, data in replies]


def capture():
    """Sets up the routes and writes the dump; runs inside the namespace."""
    for command in SETUP:
        subprocess.run(["ip"] + command.split(), check=True)
    subprocess.run(["ip", "-batch", "-"], input="\n".join(routes()) + "\n", text=True, check=True)
    rtnl = Netlink(NETLINK_ROUTE, cap_ack=True)
    # The IPv4 dump's NLMSG_DONE is left out: one at the very end suffices.
    messages = dump(rtnl, socket.AF_INET)[:-1] + dump(rtnl, socket.AF_INET6)
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "wb") as out:
        out.write(b"".join(messages))
    print("wrote %s: %d messages, %d bytes, Linux %s" % (OUTPUT, len(messages), sum(map(len, messages)),
                                                          platform.release()))


def main():
    if sys.argv[1:] == ["--inside"]:
        return capture()
    namespace = "nlpp-perf-capture-%d" % os.getpid()
    subprocess.run(["ip", "netns", "add", namespace], check=True)
    try:
        subprocess.run(["ip", "netns", "exec", namespace, sys.executable, os.path.abspath(__file__), "--inside"],
                       check=True)
    finally:
        subprocess.run(["ip", "netns", "del", namespace], check=True)


if __name__ == "__main__":
    main()
