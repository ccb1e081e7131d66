#!/usr/bin/env python3
"""Captures real netlink traffic on an nlmon device for nlpp's capture tests.

Runs itself inside a throwaway network namespace (`unshare -n`), never in
the namespace it was started from. There it creates nlmon0 (the kernel's
netlink monitor: every netlink message of the namespace is also delivered
to it), listens on it with an AF_PACKET socket, and runs

    ip link add dummy0 type dummy
    ip -d link show dummy0

It writes, into the folder given (default: beside this script):

- nlmon_link_add.pcap: every packet seen, as libpcap writes a capture of an
  nlmon device (LINKTYPE_NETLINK, 253): a 16-byte cooked (SLL) header made
  from the packet socket's sockaddr_ll (packet type, ARPHRD_NETLINK, the
  netlink protocol in network byte order) before the kernel's bytes.
  Nanosecond pcap, host byte order; timestamps are the kernel's
  (SO_TIMESTAMPNS).
- newlink_dummy0.xxd and newlink_dummy0.hexdump: the RTM_NEWLINK reply to
  the `ip link show` request, rendered by `xxd` and by `hexdump -C`.

Needs the nlmon and dummy modules (the build machines' kernel has neither:
run it in the guest, tests/vm/run.sh -- python3 THIS_SCRIPT OUT_DIR).
Python standard library only.
"""

import os
import select
import socket
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
INSIDE_MARK = "NLPP_CAPTURE_STARTED_IN_NETNS"

ETH_P_ALL = 0x0003
SO_TIMESTAMPNS = 35
SCM_TIMESTAMPNS = SO_TIMESTAMPNS
ARPHRD_NETLINK = 824
LINKTYPE_NETLINK = 253
PCAP_NANOSECOND_MAGIC = 0xA1B23C4D
NLMSG_HEADER = struct.Struct("=IHHII")
RTM_NEWLINK = 16
NLM_F_REQUEST = 0x1


def run(command):
    subprocess.run(command.split(), check=True)


def capture():
    run("ip link add nlmon0 type nlmon")
    run("ip link set nlmon0 up")
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    sock.bind(("nlmon0", ETH_P_ALL))
    run("ip link add dummy0 type dummy")
    run("ip -d link show dummy0")
    packets = []
    while select.select([sock], [], [], 0.5)[0]:
        data, ancillary, _, address = sock.recvmsg(1 << 16, socket.CMSG_SPACE(16))
        seconds, nanoseconds = 0, 0
        for level, kind, value in ancillary:
            if level == socket.SOL_SOCKET and kind == SCM_TIMESTAMPNS:
                seconds, nanoseconds = struct.unpack("=qq", value[:16])
        # address: (ifname, protocol, pkttype, hatype, addr); protocol is
        # already in host order here, the netlink protocol number.
        _, protocol, pkttype, hatype, lladdr = address
        assert hatype == ARPHRD_NETLINK, hatype
        packets.append((seconds, nanoseconds, pkttype, hatype, lladdr, protocol, data))
    return packets


def sll_header(pkttype, hatype, lladdr, protocol):
    return struct.pack(">HHH8sH", pkttype, hatype, len(lladdr), lladdr.ljust(8, b"\0"), protocol)


def pcap(packets):
    out = struct.pack("=IHHiIII", PCAP_NANOSECOND_MAGIC, 2, 4, 0, 0, 65535 + 16, LINKTYPE_NETLINK)
    for seconds, nanoseconds, pkttype, hatype, lladdr, protocol, data in packets:
        frame = sll_header(pkttype, hatype, lladdr, protocol) + data
        out += struct.pack("=IIII", seconds, nanoseconds, len(frame), len(frame)) + frame
    return out


def newlink_reply(packets):
    for *_, data in packets:
        _, kind, flags, _, _ = NLMSG_HEADER.unpack_from(data)
        if kind == RTM_NEWLINK and not flags & NLM_F_REQUEST and b"dummy0\0" in data:
            return data
    raise SystemExit("capture_nlmon: no RTM_NEWLINK reply for dummy0 was seen")


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def main():
    folder = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else HERE)
    if os.environ.get(INSIDE_MARK) != "1":
        os.environ[INSIDE_MARK] = "1"
        os.execvp("unshare", ["unshare", "-n", sys.executable, os.path.abspath(__file__), folder])
    packets = capture()
    write(folder, "nlmon_link_add.pcap", pcap(packets))
    reply = newlink_reply(packets)
    for tool, name in ((["xxd"], "newlink_dummy0.xxd"), (["hexdump", "-C"], "newlink_dummy0.hexdump")):
        write(folder, name, subprocess.run(tool, input=reply, check=True, capture_output=True).stdout)
    print(f"capture_nlmon: {len(packets)} packets on {os.uname().release}")


if __name__ == "__main__":
    main()
