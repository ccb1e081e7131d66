#!/usr/bin/env python3
"""Captures the kernel's addresses, neighbours and bridge FDB entries as
golden files for the unit tests of nlpp's Address, Neighbour and FdbEntry.

Like capture.py (whose helpers it uses), it runs itself inside a throwaway
network namespace (`unshare -n`) and never captures in the namespace it was
started from. There it sets the objects up with iproute2 (and one address
with IFA_PROTO by a raw request: iproute2 6.1 cannot set it), dumps them
over AF_NETLINK and writes each message as <name>.hex beside this script,
and in binary as a fuzz seed.

    sudo python3 tests/data/golden/capture_address_neighbour_fdb.py
"""

import os
import socket
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import capture  # noqa: E402  (beside this script)

AF_BRIDGE = 7
NTF_PROXY = 0x08
IFA_LOCAL, IFA_PROTO = 2, 11
NDA_LLADDR = 2

SETUP = [
    "ip link set lo up",
    "ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02",
    "ip link add br0 address 02:00:00:00:00:b0 type bridge",
    "ip link set veth1 master br0",
    "ip link set veth0 up",
    "ip link set veth1 up",
    "ip link set br0 up",
    "ip link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1 nolearning",
    "ip addr add 192.0.2.1/24 dev veth0",
    "ip addr add 198.51.100.1/24 brd + dev veth0 label veth0:nlpp scope link metric 50"
    " valid_lft 3600 preferred_lft 1800 noprefixroute",
    "ip addr add 10.9.0.1 peer 10.9.0.2/32 dev veth0",
    "ip addr add 2001:db8:1::1/64 dev veth0 nodad noprefixroute metric 60 valid_lft 3600 preferred_lft 1800",
    "ip addr add 2001:db8:2::1 peer 2001:db8:2::2/128 dev veth0 nodad",
    "ip neigh add 2001:db8:1::2 lladdr 02:00:00:00:00:cc dev veth0 router nud permanent",
    "ip neigh add 192.0.2.3 lladdr 02:00:00:00:00:bb dev veth0 nud stale extern_learn protocol static",
    "ip neigh add proxy 192.0.2.50 dev veth0",
    "bridge fdb add 02:00:00:00:00:dd dev veth1 master static",
    "bridge fdb add 00:00:00:00:00:00 dev vx0 dst 198.51.100.7 port 4790 vni 100 self permanent via veth0",
]


def add_address_with_proto(rtnl):
    """203.0.113.1/24 on veth0 with IFA_PROTO 9, sent as iproute2 would."""
    local = socket.inet_aton("203.0.113.1")
    ifaddrmsg = struct.pack("=BBBBI", socket.AF_INET, 24, 0, 0, socket.if_nametoindex("veth0"))
    payload = (ifaddrmsg + capture.attribute(IFA_LOCAL, local) + capture.attribute(capture.IFA_ADDRESS, local)
               + capture.attribute(IFA_PROTO, b"\x09"))
    _, replies = rtnl.transact(capture.RTM_NEWADDR, capture.NLM_F_ACK | capture.NLM_F_CREATE | capture.NLM_F_EXCL,
                               payload)
    if struct.unpack_from("=i", replies[-1][1], 16)[0] != 0:
        sys.exit("adding the address with IFA_PROTO failed")


def dump(rtnl, kind, header):
    _, replies = rtnl.transact(kind, capture.NLM_F_DUMP, header)
    return replies


def capture_addresses(rtnl):
    addresses = dump(rtnl, capture.RTM_GETADDR, struct.pack("=BBBBI", socket.AF_UNSPEC, 0, 0, 0, 0))
    for name, family, address, note in (
            ("address_ipv4", socket.AF_INET, "198.51.100.1",
             "198.51.100.1/24 brd + label veth0:nlpp scope link metric 50 lifetimes 3600/1800 noprefixroute"),
            ("address_ipv4_peer", socket.AF_INET, "10.9.0.2", "10.9.0.1 peer 10.9.0.2/32"),
            ("address_ipv4_proto", socket.AF_INET, "203.0.113.1", "203.0.113.1/24 with IFA_PROTO 9"),
            ("address_ipv6", socket.AF_INET6, "2001:db8:1::1",
             "2001:db8:1::1/64 nodad noprefixroute metric 60 lifetimes 3600/1800"),
            ("address_ipv6_peer", socket.AF_INET6, "2001:db8:2::2", "2001:db8:2::1 peer 2001:db8:2::2/128 nodad")):
        packed = socket.inet_pton(family, address)
        data = capture.only(addresses, capture.RTM_NEWADDR,
                            lambda d: d[16] == family and capture.attributes(d[24:]).get(capture.IFA_ADDRESS) == packed,
                            "address " + address)
        capture.write(name, data, "RTM_NEWADDR for %s on veth0, from an RTM_GETADDR dump" % note)


def capture_neighbours(rtnl):
    for name, family, flags, address, note in (
            ("neighbour_ipv6_router", socket.AF_INET6, 0, "2001:db8:1::2",
             "2001:db8:1::2 lladdr 02:00:00:00:00:cc router nud permanent"),
            ("neighbour_ipv4_extern_learn", socket.AF_INET, 0, "192.0.2.3",
             "192.0.2.3 lladdr 02:00:00:00:00:bb nud stale extern_learn protocol static"),
            ("neighbour_proxy", socket.AF_INET, NTF_PROXY, "192.0.2.50", "proxy 192.0.2.50")):
        packed = socket.inet_pton(family, address)
        neighbours = dump(rtnl, capture.RTM_GETNEIGH, struct.pack("=BxxxiHBB", family, 0, 0, flags, 0))
        data = capture.only(neighbours, capture.RTM_NEWNEIGH,
                            lambda d: capture.attributes(d[28:]).get(capture.NDA_DST) == packed, "neighbour " + address)
        capture.write(name, data, "RTM_NEWNEIGH for %s on veth0, from an RTM_GETNEIGH dump" % note)


def capture_fdb(rtnl):
    entries = dump(rtnl, capture.RTM_GETNEIGH, struct.pack("=BxxxiHBB", AF_BRIDGE, 0, 0, 0, 0))
    for name, ifname, lladdr, note in (
            ("fdb_bridge_static", "veth1", "02:00:00:00:00:dd", "02:00:00:00:00:dd dev veth1 master br0 static"),
            ("fdb_self", "veth1", "33:33:00:00:00:01", "33:33:00:00:00:01 dev veth1 self permanent"),
            ("fdb_vxlan", "vx0", "00:00:00:00:00:00",
             "00:00:00:00:00:00 dev vx0 dst 198.51.100.7 port 4790 vni 100 via veth0 self permanent")):
        ifindex = socket.if_nametoindex(ifname)
        packed = bytes.fromhex(lladdr.replace(":", ""))
        data = capture.only(entries, capture.RTM_NEWNEIGH,
                            lambda d: struct.unpack_from("=i", d, 20)[0] == ifindex
                            and capture.attributes(d[28:]).get(NDA_LLADDR) == packed, "fdb entry " + lladdr)
        capture.write(name, data, "RTM_NEWNEIGH (AF_BRIDGE) for %s, from an RTM_GETNEIGH dump" % note)


def main():
    capture.enter_fresh_namespace(__file__)
    os.makedirs(capture.CORPUS, exist_ok=True)
    for command in SETUP:
        subprocess.run(command.split(), check=True)
    rtnl = capture.Netlink(capture.NETLINK_ROUTE, cap_ack=True)
    add_address_with_proto(rtnl)
    capture_addresses(rtnl)
    capture_neighbours(rtnl)
    capture_fdb(rtnl)


if __name__ == "__main__":
    main()
