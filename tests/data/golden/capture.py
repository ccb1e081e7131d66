#!/usr/bin/env python3
"""Captures kernel netlink replies as golden files for nlpp's unit tests.

Runs itself inside a throwaway network namespace (`unshare -n`), never in
the namespace it was started from: it sets up lo, a veth pair, a bridge,
addresses, a route and a neighbour there with iproute2, asks the kernel for
them over plain AF_NETLINK sockets, and writes each reply message as a hex
file beside this script, the requests that failed on purpose too, and each
message in binary as a fuzz seed in tests/fuzz/corpus/. Python standard
library only.

    sudo python3 tests/data/golden/capture.py
"""

import os
import platform
import socket
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "fuzz", "corpus")
INSIDE_MARK = "NLPP_GOLDEN_STARTED_IN_NETNS"

# <linux/netlink.h>, <linux/rtnetlink.h>, <linux/genetlink.h>
NETLINK_ROUTE, NETLINK_GENERIC = 0, 16
SOL_NETLINK = 270
NETLINK_CAP_ACK, NETLINK_EXT_ACK = 10, 11
NLM_F_REQUEST, NLM_F_ACK, NLM_F_CREATE, NLM_F_EXCL, NLM_F_DUMP = 0x1, 0x4, 0x400, 0x200, 0x300
NLMSG_ERROR, NLMSG_DONE = 2, 3
NLA_F_NESTED = 0x8000
RTM_NEWLINK, RTM_GETLINK, RTM_NEWADDR, RTM_GETADDR = 16, 18, 20, 22
RTM_NEWROUTE, RTM_GETROUTE, RTM_NEWNEIGH, RTM_GETNEIGH = 24, 26, 28, 30
IFLA_IFNAME, IFLA_LINKINFO, IFLA_INFO_KIND, IFLA_INFO_DATA = 3, 18, 1, 2
IFLA_BR_FORWARD_DELAY = 1
IFA_ADDRESS, RTA_DST, RTA_TABLE, NDA_DST = 1, 1, 15, 1
GENL_ID_CTRL, CTRL_CMD_GETFAMILY, CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME = 16, 3, 1, 2
NETDEV_CMD_DEV_GET = 1

SETUP = [
    "link set lo up",
    "link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02",
    "link add br0 address 02:00:00:00:00:b0 type bridge",
    "link set veth0 up",
    "link set veth1 up",
    "addr add 192.0.2.1/24 dev veth0",
    "addr add 2001:db8::1/64 dev veth0 nodad",
    "route add 198.51.100.0/24 via 192.0.2.254 dev veth0 table 100",
    "neigh add 192.0.2.2 lladdr 02:00:00:00:00:aa dev veth0 nud permanent",
]


def attribute(kind, payload):
    length = 4 + len(payload)
    return struct.pack("=HH", length, kind) + payload + bytes(-length % 4)


def message(kind, flags, seq, payload):
    return struct.pack("=IHHII", 16 + len(payload), kind, flags, seq, 0) + payload


def split(datagram):
    """The messages of a datagram, as (type, bytes)."""
    messages = []
    while len(datagram) >= 16:
        length, kind = struct.unpack_from("=IH", datagram)
        messages.append((kind, datagram[:length]))
        datagram = datagram[(length + 3) & ~3:]
    return messages


def attributes(area):
    """{type: payload} of the attributes laid out in area (flags masked off)."""
    found = {}
    while len(area) >= 4:
        length, kind = struct.unpack_from("=HH", area)
        found.setdefault(kind & 0x3FFF, area[4:length])
        area = area[(length + 3) & ~3:]
    return found


class Netlink:
    def __init__(self, protocol, cap_ack):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, protocol)
        self.sock.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        self.sock.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1 if cap_ack else 0)
        self.sock.bind((0, 0))
        self.seq = 0

    def transact(self, kind, flags, payload):
        """Sends one request; returns it and every reply message up to the
        NLMSG_DONE or NLMSG_ERROR that ends it."""
        self.seq += 1
        request = message(kind, NLM_F_REQUEST | flags, self.seq, payload)
        self.sock.send(request)
        replies = []
        while True:
            for reply_kind, data in split(self.sock.recv(1 << 16)):
                replies.append((reply_kind, data))
                if reply_kind in (NLMSG_DONE, NLMSG_ERROR):
                    return request, replies


def write(name, data, note):
    with open(os.path.join(HERE, name + ".hex"), "w") as out:
        out.write("# %s\n# captured by capture.py on Linux %s\n" % (note, platform.release()))
        for start in range(0, len(data), 16):
            out.write(data[start:start + 16].hex() + "\n")
    with open(os.path.join(CORPUS, name), "wb") as out:
        out.write(data)
    print("wrote %s (%d bytes): %s" % (name, len(data), note))


def only(replies, kind, predicate, what):
    chosen = [data for reply_kind, data in replies if reply_kind == kind and predicate(data)]
    if len(chosen) != 1:
        sys.exit("expected one %s, found %d" % (what, len(chosen)))
    return chosen[0]


def capture_rtnetlink():
    rtnl = Netlink(NETLINK_ROUTE, cap_ack=True)
    ifinfomsg = struct.pack("=BxHiII", socket.AF_UNSPEC, 0, 0, 0, 0)
    _, links = rtnl.transact(RTM_GETLINK, NLM_F_DUMP, ifinfomsg)
    for ifname in ("lo", "veth0", "br0"):
        data = only(links, RTM_NEWLINK, lambda d: attributes(d[32:]).get(IFLA_IFNAME) == ifname.encode() + b"\0",
                    "link " + ifname)
        write("newlink_" + ifname, data, "RTM_NEWLINK for %s, from an RTM_GETLINK dump" % ifname)
    write("done", links[-1][1], "NLMSG_DONE ending an RTM_GETLINK dump")
    with open(os.path.join(CORPUS, "getlink_dump"), "wb") as out:
        out.write(b"".join(data for _, data in links))

    ifaddrmsg = struct.pack("=BBBBI", socket.AF_UNSPEC, 0, 0, 0, 0)
    _, addresses = rtnl.transact(RTM_GETADDR, NLM_F_DUMP, ifaddrmsg)
    for name, family, address in (("newaddr_ipv4", socket.AF_INET, "192.0.2.1"),
                                  ("newaddr_ipv6", socket.AF_INET6, "2001:db8::1")):
        packed = socket.inet_pton(family, address)
        data = only(addresses, RTM_NEWADDR, lambda d: d[16] == family and attributes(d[24:]).get(IFA_ADDRESS) == packed,
                    "address " + address)
        write(name, data, "RTM_NEWADDR for %s on veth0, from an RTM_GETADDR dump" % address)

    rtmsg = struct.pack("=BBBBBBBBI", socket.AF_INET, 0, 0, 0, 0, 0, 0, 0, 0)
    _, routes = rtnl.transact(RTM_GETROUTE, NLM_F_DUMP, rtmsg)
    data = only(routes, RTM_NEWROUTE, lambda d: attributes(d[28:]).get(RTA_TABLE) == struct.pack("=I", 100),
                "route in table 100")
    write("newroute_table100", data, "RTM_NEWROUTE for 198.51.100.0/24 via 192.0.2.254 table 100")

    ndmsg = struct.pack("=BxxxiHBB", socket.AF_INET, 0, 0, 0, 0)
    _, neighbours = rtnl.transact(RTM_GETNEIGH, NLM_F_DUMP, ndmsg)
    data = only(neighbours, RTM_NEWNEIGH, lambda d: attributes(d[28:]).get(NDA_DST) == socket.inet_aton("192.0.2.2"),
                "neighbour 192.0.2.2")
    write("newneigh", data, "RTM_NEWNEIGH for 192.0.2.2 lladdr 02:00:00:00:00:aa on veth0")

    # A bridge whose forward delay is a u16 where the kernel wants a u32:
    # the extended ACK points into linkinfo.data.
    info = attribute(IFLA_INFO_KIND, b"bridge\0") + attribute(
        NLA_F_NESTED | IFLA_INFO_DATA, attribute(IFLA_BR_FORWARD_DELAY, struct.pack("=H", 1500)))
    request, replies = rtnl.transact(
        RTM_NEWLINK, NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL,
        ifinfomsg + attribute(IFLA_IFNAME, b"br1\0") + attribute(NLA_F_NESTED | IFLA_LINKINFO, info))
    write("error_bad_attribute.request", request, "RTM_NEWLINK for a bridge with a u16 IFLA_BR_FORWARD_DELAY")
    write("error_bad_attribute", replies[-1][1], "NLMSG_ERROR (capped) for error_bad_attribute.request")


def capture_genetlink():
    genl = Netlink(NETLINK_GENERIC, cap_ack=False)
    getfamily = struct.pack("=BBH", CTRL_CMD_GETFAMILY, 1, 0) + attribute(CTRL_ATTR_FAMILY_NAME, b"netdev\0")
    _, replies = genl.transact(GENL_ID_CTRL, NLM_F_ACK, getfamily)
    write("nlctrl_getfamily_netdev", replies[0][1], "nlctrl CTRL_CMD_NEWFAMILY for netdev (reply to GETFAMILY)")
    family_id = struct.unpack("=H", attributes(replies[0][1][20:])[CTRL_ATTR_FAMILY_ID])[0]

    # dev-get without the ifindex it requires: NLMSGERR_ATTR_MISS_TYPE; no
    # NETLINK_CAP_ACK, so the kernel echoes the request.
    request, replies = genl.transact(family_id, NLM_F_ACK, struct.pack("=BBH", NETDEV_CMD_DEV_GET, 1, 0))
    write("error_missing_attribute.request", request, "netdev dev-get without NETDEV_A_DEV_IFINDEX")
    write("error_missing_attribute", replies[-1][1], "NLMSG_ERROR (uncapped) for error_missing_attribute.request")


def network_namespace():
    return str(os.stat("/proc/self/ns/net").st_ino)


def enter_fresh_namespace(script):
    """What every capture script does first. The first run records its own
    namespace, runs `script` again (with the same arguments) in a new one
    (`unshare -n`) and exits with its status; that second run returns from
    here, unless it finds itself in the namespace the first run came from."""
    started_in = os.environ.get(INSIDE_MARK)
    if started_in is None:
        env = dict(os.environ, **{INSIDE_MARK: network_namespace()})
        command = ["unshare", "-n", sys.executable, os.path.abspath(script)] + sys.argv[1:]
        sys.exit(subprocess.call(command, env=env))
    if started_in == network_namespace():
        sys.exit("refusing to run in the network namespace %s was started from" % os.path.basename(script))


def main():
    enter_fresh_namespace(__file__)
    os.makedirs(CORPUS, exist_ok=True)
    for command in SETUP:
        subprocess.run(["ip"] + command.split(), check=True)
    capture_rtnetlink()
    capture_genetlink()


if __name__ == "__main__":
    main()
