#!/usr/bin/env python3
"""Captures routes, nexthop objects and rules as golden files: for each, the
request `ip` sends to create it (read off its sendmsg with strace) and the
message the kernel sends back for it in a dump.

Like capture.py (whose helpers it uses), it runs itself inside a throwaway
network namespace (`unshare -n`) and never in the one it was started from.
Needs iproute2 and strace.

    sudo python3 tests/data/golden/capture_routes.py
"""

import os
import socket
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from capture import (NETLINK_ROUTE, NLA_F_NESTED, NLM_F_DUMP, Netlink, attributes,  # noqa: E402
                     enter_fresh_namespace, write)

RTM_NEWROUTE, RTM_GETROUTE, RTM_NEWRULE, RTM_GETRULE = 24, 26, 32, 34
RTM_NEWNEXTHOP, RTM_GETNEXTHOP = 104, 106
RTA_DST, RTA_TABLE = 1, 15
FRA_PRIORITY = 6
NHA_ID = 1
RTMSG_SIZE, FIB_RULE_HDR_SIZE, NHMSG_SIZE = 12, 12, 8

SETUP = [
    "link set lo up",
    "link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02",
    "link set veth0 up",
    "link set veth1 up",
    "addr add 192.0.2.1/24 dev veth0",
    "addr add 2001:db8::1/64 dev veth0 nodad",
]

# (name, the ip command, how to find its object in a dump). Arguments come
# in the order nlpp emits attributes, so that its bytes can equal ip's.
ROUTES = [
    ("route_table1000",
     "route add table 1000 198.51.100.0/24 metric 5 src 192.0.2.1 via 192.0.2.254 dev veth0"
     " mtu lock 1400 advmss 1360 hoplimit 32", (socket.AF_INET, "198.51.100.0", 1000)),
    ("route_multipath",
     "route add 203.0.113.0/24 nexthop via 192.0.2.2 dev veth0 weight 1 nexthop via 192.0.2.3 dev veth0 weight 3",
     (socket.AF_INET, "203.0.113.0", 254)),
    ("route_via_inet6", "route add 198.51.100.128/25 via inet6 2001:db8::2 dev veth0",
     (socket.AF_INET, "198.51.100.128", 254)),
    ("route_blackhole", "route add blackhole 10.9.0.0/16 table 100 proto static", (socket.AF_INET, "10.9.0.0", 100)),
    ("route_ipv6", "-6 route add 2001:db8:1::/64 metric 100 via 2001:db8::2 pref high dev veth0",
     (socket.AF_INET6, "2001:db8:1::", 254)),
    ("route_encap_ip", "route add 10.10.0.0/24 encap ip id 10 dst 198.51.100.1 ttl 64 dev veth0",
     (socket.AF_INET, "10.10.0.0", 254)),
    ("route_seg6", "-6 route add 2001:db8:2::/64 encap seg6 mode encap segs 2001:db8::10,2001:db8::11 dev veth0",
     (socket.AF_INET6, "2001:db8:2::", 254)),
    ("route_seg6local", "-6 route add 2001:db8:3::1/128 encap seg6local action End.DX6 nh6 2001:db8::2 dev veth0",
     (socket.AF_INET6, "2001:db8:3::1", 254)),
]

NEXTHOPS = [
    ("nexthop_gateway", "nexthop add id 1 dev veth0 via 192.0.2.2", 1),
    ("nexthop_second", "nexthop add id 2 dev veth0 via 192.0.2.3", 2),
    ("nexthop_blackhole", "nexthop add id 3 blackhole", 3),
    ("nexthop_group", "nexthop add id 10 group 1/2,3", 10),
    ("nexthop_resilient", "nexthop add id 11 group 1/2 type resilient buckets 8 idle_timer 60", 11),
]

# A route through a nexthop object, once the objects exist.
ROUTES_ON_NEXTHOPS = [
    ("route_nh_id", "route add 10.20.0.0/24 nhid 10", (socket.AF_INET, "10.20.0.0", 254)),
]

# Requests only: the build machines' kernel has no MPLS routing, so ip's
# request is captured even though the kernel refuses it (the guest tier
# sends nlpp's equal bytes to a kernel that has it).
REQUESTS_ONLY = [
    ("route_mpls_swap", "-f mpls route add 100 as 200/300 via inet 192.0.2.2 dev veth0"),
    ("route_mpls_multipath",
     "-f mpls route add 101 nexthop as 201 via inet 192.0.2.2 dev veth0 nexthop via inet6 2001:db8::2 dev veth0"),
    ("route_mpls_encap", "route add 10.30.0.0/24 via 192.0.2.2 encap mpls 100/200 ttl 10 dev veth0"),
]

RULES = [
    ("rule_selectors",
     "rule add from 10.0.0.0/8 to 192.0.2.0/24 pref 100 fwmark 0x10/0xff table 1000 iif veth0"
     " uidrange 100-200 ipproto tcp sport 1000-2000 dport 80", (socket.AF_INET, 100)),
    ("rule_goto", "rule add pref 200 goto 300", (socket.AF_INET, 200)),
    ("rule_suppress", "rule add pref 300 table main suppress_prefixlength 0", (socket.AF_INET, 300)),
    ("rule_ipv6_blackhole", "-6 rule add from 2001:db8::/32 pref 400 blackhole", (socket.AF_INET6, 400)),
]


def zero_padding(area):
    """Zeroes the padding after each attribute in area, and inside nests
    flagged NLA_F_NESTED: ip leaves stack garbage there, which no encoder
    could reproduce and the kernel ignores."""
    offset = 0
    while offset + 4 <= len(area):
        length, kind = struct.unpack_from("=HH", area, offset)
        if length < 4 or offset + length > len(area):
            return
        if kind & NLA_F_NESTED:
            nested = area[offset + 4:offset + length]
            zero_padding(nested)
            area[offset + 4:offset + length] = nested
        padded = min((length + 3) & ~3, len(area) - offset)
        area[offset + length:offset + padded] = bytes(padded - length)
        offset += padded


def sent_by_ip(command, message_type, header_size, kernel_may_refuse=False):
    """Runs `ip COMMAND` under strace and returns the one request of
    message_type it sent, with nlmsg_seq zeroed (ip stamps the time there)
    and its attributes' padding zeroed."""
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as trace:
        subprocess.run(["strace", "-e", "trace=sendmsg", "-e", "write=all", "-o", trace.name, "ip"] + command.split(),
                       check=not kernel_may_refuse)
        messages, current = [], None
        for line in trace:
            if line.startswith("sendmsg("):
                current = bytearray()
                messages.append(current)
            elif line.startswith(" | ") and current is not None:
                # " | 00000  3c 00 00 00 ...  ascii |": the hex columns.
                current += bytes.fromhex(line[10:59])
    chosen = [m for m in messages if len(m) >= 16 and struct.unpack_from("=H", m, 4)[0] == message_type]
    if len(chosen) != 1:
        sys.exit("ip %s sent %d messages of type %d" % (command, len(chosen), message_type))
    request = chosen[0]
    struct.pack_into("=I", request, 8, 0)
    attributes_area = request[16 + header_size:]
    zero_padding(attributes_area)
    request[16 + header_size:] = attributes_area
    return bytes(request)


def dumped(rtnl, dump_type, header, wanted_type, predicate, what):
    _, replies = rtnl.transact(dump_type, NLM_F_DUMP, header)
    chosen = [data for kind, data in replies if kind == wanted_type and predicate(data)]
    if len(chosen) != 1:
        sys.exit("expected one %s in the dump, found %d" % (what, len(chosen)))
    return chosen[0]


def route_is(family, address, table):
    packed = socket.inet_pton(family, address)

    def predicate(data):
        found = attributes(data[16 + RTMSG_SIZE:])
        return data[16] == family and found.get(RTA_DST) == packed and found.get(RTA_TABLE) == struct.pack("=I", table)
    return predicate


def capture_routes(rtnl, routes):
    for name, command, (family, address, table) in routes:
        write(name + ".request", sent_by_ip(command, RTM_NEWROUTE, RTMSG_SIZE), "ip " + command)
        header = struct.pack("=BBBBBBBBI", family, 0, 0, 0, 0, 0, 0, 0, 0)
        data = dumped(rtnl, RTM_GETROUTE, header, RTM_NEWROUTE, route_is(family, address, table), name)
        write(name, data, "RTM_NEWROUTE the kernel dumps after: ip " + command)


def capture_requests_only():
    for name, command in REQUESTS_ONLY:
        write(name + ".request", sent_by_ip(command, RTM_NEWROUTE, RTMSG_SIZE, kernel_may_refuse=True), "ip " + command)


def capture_nexthops(rtnl):
    for name, command, nexthop_id in NEXTHOPS:
        write(name + ".request", sent_by_ip(command, RTM_NEWNEXTHOP, NHMSG_SIZE), "ip " + command)
        data = dumped(rtnl, RTM_GETNEXTHOP, struct.pack("=BBBBI", 0, 0, 0, 0, 0), RTM_NEWNEXTHOP,
                      lambda d: attributes(d[16 + NHMSG_SIZE:]).get(NHA_ID) == struct.pack("=I", nexthop_id), name)
        write(name, data, "RTM_NEWNEXTHOP the kernel dumps after: ip " + command)


def capture_rules(rtnl):
    for name, command, (family, priority) in RULES:
        write(name + ".request", sent_by_ip(command, RTM_NEWRULE, FIB_RULE_HDR_SIZE), "ip " + command)
        header = struct.pack("=BBBBBBBBI", family, 0, 0, 0, 0, 0, 0, 0, 0)
        data = dumped(rtnl, RTM_GETRULE, header, RTM_NEWRULE,
                      lambda d: attributes(d[16 + FIB_RULE_HDR_SIZE:]).get(FRA_PRIORITY) == struct.pack("=I", priority),
                      name)
        write(name, data, "RTM_NEWRULE the kernel dumps after: ip " + command)


def main():
    enter_fresh_namespace(__file__)
    for command in SETUP:
        subprocess.run(["ip"] + command.split(), check=True)
    rtnl = Netlink(NETLINK_ROUTE, cap_ack=True)
    capture_routes(rtnl, ROUTES)
    capture_nexthops(rtnl)
    capture_routes(rtnl, ROUTES_ON_NEXTHOPS)
    capture_requests_only()
    capture_rules(rtnl)


if __name__ == "__main__":
    main()
