#!/usr/bin/env python3
"""Captures RTNL notifications as golden files: the message the kernel
multicasts to the RTNLGRP_* groups when `ip` changes something. The unit
tests of rtnl::EventStream (tests/unit/rtnl_events_test.cpp) decode them.

Like capture.py (whose helpers it uses), it runs itself inside a throwaway
network namespace (`unshare -n`) and never in the one it was started from.

    sudo python3 tests/data/golden/capture_events.py
"""

import os
import socket
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from capture import NETLINK_ROUTE, SOL_NETLINK, attributes, enter_fresh_namespace, split, write  # noqa: E402

NETLINK_ADD_MEMBERSHIP = 1
# RTNLGRP_LINK, NEIGH, IPV4_IFADDR, IPV4_ROUTE, IPV4_RULE, NEXTHOP
GROUPS = [1, 3, 5, 7, 8, 32]
RTM_NEWLINK, RTM_DELLINK, RTM_NEWADDR, RTM_DELADDR = 16, 17, 20, 21
RTM_NEWROUTE, RTM_DELROUTE, RTM_NEWNEIGH, RTM_DELNEIGH = 24, 25, 28, 29
RTM_NEWRULE, RTM_NEWNEXTHOP, RTM_DELNEXTHOP = 32, 104, 105
IFINFOMSG_SIZE, RTMSG_SIZE = 16, 12
IFLA_IFNAME, RTA_TABLE = 3, 15
AF_BRIDGE = 7


def family(data):
    return data[16]


def link_named(name):
    return lambda data: family(data) == socket.AF_UNSPEC and \
        attributes(data[16 + IFINFOMSG_SIZE:]).get(IFLA_IFNAME) == name.encode() + b"\0"


def route_in_table(table):
    return lambda data: attributes(data[16 + RTMSG_SIZE:]).get(RTA_TABLE) == struct.pack("=I", table)


def any_message(data):
    return True


# (file, ip command, the notification's type, which one of them)
STEPS = [
    ("event_newlink_veth0",
     "link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02",
     RTM_NEWLINK, link_named("veth0")),
    (None, "link set veth0 up", None, None),
    (None, "link set veth1 up", None, None),
    ("event_newaddr_ipv4", "addr add 192.0.2.1/24 dev veth0", RTM_NEWADDR, any_message),
    ("event_newroute", "route add 198.51.100.0/24 via 192.0.2.254 dev veth0 table 100", RTM_NEWROUTE,
     route_in_table(100)),
    ("event_newroute_replace", "route replace 198.51.100.0/24 via 192.0.2.253 dev veth0 table 100", RTM_NEWROUTE,
     route_in_table(100)),
    ("event_delroute", "route del 198.51.100.0/24 table 100", RTM_DELROUTE, route_in_table(100)),
    ("event_newneigh", "neigh add 192.0.2.2 lladdr 02:00:00:00:00:aa dev veth0 nud permanent", RTM_NEWNEIGH,
     any_message),
    ("event_delneigh", "neigh del 192.0.2.2 dev veth0", RTM_DELNEIGH, any_message),
    ("event_newrule", "rule add pref 100 from 10.0.0.0/8 table 100", RTM_NEWRULE, any_message),
    ("event_newnexthop", "nexthop add id 1 via 192.0.2.2 dev veth0", RTM_NEWNEXTHOP, any_message),
    ("event_delnexthop", "nexthop del id 1", RTM_DELNEXTHOP, any_message),
    ("event_deladdr_ipv4", "addr del 192.0.2.1/24 dev veth0", RTM_DELADDR, any_message),
    (None, "link add br0 address 02:00:00:00:00:b0 type bridge", None, None),
    ("event_newlink_bridge_port", "link set veth1 master br0", RTM_NEWLINK, lambda data: family(data) == AF_BRIDGE),
    ("event_newneigh_fdb", "bridge fdb add 02:00:00:00:00:dd dev veth1 master static", RTM_NEWNEIGH,
     lambda data: family(data) == AF_BRIDGE),
    ("event_dellink_bridge_port", "link set veth1 nomaster", RTM_DELLINK, lambda data: family(data) == AF_BRIDGE),
    ("event_dellink_veth0", "link del veth0", RTM_DELLINK, link_named("veth0")),
]


def pending(sock):
    """Every notification queued on sock, as (type, bytes)."""
    messages = []
    while True:
        try:
            messages += split(sock.recv(1 << 16, socket.MSG_DONTWAIT))
        except BlockingIOError:
            return messages


def main():
    enter_fresh_namespace(__file__)
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_ROUTE)
    sock.bind((0, 0))
    for group in GROUPS:
        sock.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group)
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    for name, command, kind, predicate in STEPS:
        tool = command.split()[0] == "bridge"
        subprocess.run(command.split() if tool else ["ip"] + command.split(), check=True)
        notifications = pending(sock)
        if name is None:
            continue
        chosen = [data for message_kind, data in notifications if message_kind == kind and predicate(data)]
        if not chosen:
            sys.exit("%s: no notification of type %d among %s" % (name, kind, [k for k, _ in notifications]))
        write(name, chosen[0], "notification (RTNLGRP_*) after: %s" % (command if tool else "ip " + command))


if __name__ == "__main__":
    main()
