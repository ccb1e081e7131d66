#!/usr/bin/env python3
"""Captures RTM_NEWLINK messages of every link kind nlpp types, as golden
files for tests/unit/link_golden_test.cpp.

Like capture.py (whose netlink helpers it uses), it re-runs itself in a
throwaway network namespace (`unshare -n`) and refuses to capture in the one
it was started from. There it creates links with iproute2, dumps them with
RTM_GETLINK, and writes link_<link name>.hex for each, plus a fuzz seed of
the same name. On the host it also records requests `ip` sends (read off its
sendmsg with strace, as capture_routes.py does), as link_<what>.request.hex:
nlpp must emit the same bytes for the same link.

    sudo python3 tests/data/golden/capture_links.py            # the host's kinds
    tests/vm/run.sh -- python3 tests/data/golden/capture_links.py --guest --out /run/nlpp-vm/golden

--guest captures the kinds only the QEMU guest's kernel has (bond, vlan,
vrf, the tunnels...); the guest's root is read-only, so --out names a
writable folder (the guest's /run/nlpp-vm is the host's job folder) from
which the files are copied here.
"""

import argparse
import os
import socket
import struct
import subprocess
import sys

import capture
from capture_routes import sent_by_ip

RTM_NEWLINK, RTM_DELLINK = 16, 17
IFINFOMSG_SIZE = 16

# The kinds the build machines' kernel has.
HOST_SETUP = [
    "link set lo up",
    "link add br0 address 02:00:00:00:00:b0 type bridge stp_state 1 forward_delay 400 hello_time 300"
    " max_age 1000 ageing_time 20000 priority 4096 mcast_snooping 0 group_fwd_mask 8",
    "link add veth0 address 02:00:00:00:00:01 mtu 1400 type veth peer name veth1 address 02:00:00:00:00:02",
    "link set veth0 master br0 alias uplink group 7 txqlen 500",
    "link set veth0 type bridge_slave cost 7 priority 12 learning off flood off mcast_flood off isolated on",
    "link property add dev veth0 altname nlpp-veth-alternative",
    "link add vxlan0 type vxlan id 42 group 239.1.1.1 dev veth1 dstport 4789 ttl 10 tos 0x10 nolearning"
    " ageing 120 srcport 1000 2000 noudpcsum",
    "link add vxlan6 type vxlan id 43 remote 2001:db8::2 local 2001:db8::1 dstport 4790 udp6zerocsumtx",
    "link add macvlan0 link veth1 address 02:00:00:00:00:0a type macvlan mode bridge",
    "link add macvtap0 link veth1 type macvtap mode vepa",
    "link add ifb0 type ifb",
    "tuntap add dev tap0 mode tap user 65534 group 65534 vnet_hdr",
]

# The kinds only the guest's kernel has.
GUEST_SETUP = [
    "link set lo up",
    "link add dummy0 address 02:00:00:00:00:d0 type dummy",
    "link add bond0 type bond mode 802.3ad miimon 100 updelay 200 downdelay 300 lacp_rate fast"
    " xmit_hash_policy layer3+4 min_links 1 ad_actor_sys_prio 100",
    "link add bond1 type bond mode active-backup arp_interval 500 arp_ip_target 192.0.2.1,192.0.2.2",
    "link add dummy1 type dummy",
    "link set dummy1 master bond1",
    "link add link dummy0 name vlan0 type vlan protocol 802.1ad id 100 reorder_hdr off"
    " ingress-qos-map 1:2 egress-qos-map 3:4 5:6",
    "link add vrf0 type vrf table 100",
    "link add gre0x type gre local 192.0.2.1 remote 198.51.100.1 ttl 64 key 7",
    "link add gretap0 type gretap local 192.0.2.1 remote 198.51.100.2 ikey 8 okey 9 nopmtudisc",
    "link add ip6gre0 type ip6gre local 2001:db8::1 remote 2001:db8::2 hoplimit 30",
    "link add ipip0 type ipip local 192.0.2.1 remote 198.51.100.3 ttl 32",
    "link add sit0x type sit local 192.0.2.1 remote 198.51.100.4",
    "link add ip6tnl0 type ip6tnl mode ipip6 local 2001:db8::1 remote 2001:db8::3 encaplimit 5",
    "link add vti0x type vti local 192.0.2.1 remote 198.51.100.5 ikey 10 okey 11",
    "link add vti60 type vti6 local 2001:db8::1 remote 2001:db8::4",
    "link add geneve0 type geneve id 77 remote 198.51.100.6 dstport 6082 ttl 20",
    "link add xfrm0 type xfrm dev dummy0 if_id 5",
    "link add link dummy0 name ipvlan0 type ipvlan mode l3 private",
    "link add wg0 type wireguard",
    # nlmon is missing: tests/vm/modules.txt does not load it.
]

# (name, ip command, message type): requests whose bytes nlpp must match.
# The links get fixed ifindexes so that the requests naming them do not
# change from run to run; arguments come in the order nlpp emits them.
REQUESTS_SETUP = ["link add veth10 index 100 type veth peer name veth11 index 101"]
REQUESTS = [
    ("link_bridge", "link add address 02:00:00:00:00:b9 mtu 1400 dev br9 type bridge forward_delay 400 stp_state 1"
     " priority 4096 vlan_protocol 802.1ad group_fwd_mask 8 mcast_snooping 0", RTM_NEWLINK),
    ("link_veth", "link add dev veth9 type veth peer address 02:00:00:00:00:99 mtu 1300 name veth9p", RTM_NEWLINK),
    ("link_macvlan", "link add link veth11 dev mv9 type macvlan mode private", RTM_NEWLINK),
    ("link_set_up", "link set dev veth10 mtu 1300 up", RTM_NEWLINK),
    ("link_set_master", "link set dev veth10 master br9", RTM_NEWLINK),
    ("link_rename", "link set dev veth10 alias uplink group 5 name veth7", RTM_NEWLINK),
    ("link_del", "link del dev veth9", RTM_DELLINK),
]

SKIPPED = {"lo"}


def link_name(data):
    """The IFLA_IFNAME of an RTM_NEWLINK."""
    return capture.attributes(data[32:]).get(capture.IFLA_IFNAME, b"").rstrip(b"\0").decode()


def capture_links(note):
    rtnl = capture.Netlink(capture.NETLINK_ROUTE, cap_ack=True)
    ifinfomsg = struct.pack("=BxHiII", socket.AF_UNSPEC, 0, 0, 0, 0)
    _, links = rtnl.transact(capture.RTM_GETLINK, capture.NLM_F_DUMP, ifinfomsg)
    for kind, data in links:
        name = link_name(data) if kind == capture.RTM_NEWLINK else ""
        if name and name not in SKIPPED:
            capture.write("link_" + name, data, "RTM_NEWLINK for %s (%s), from an RTM_GETLINK dump" % (name, note))


def capture_requests():
    for command in REQUESTS_SETUP:
        subprocess.run(["ip"] + command.split(), check=True)
    for name, command, message_type in REQUESTS:
        capture.write(name + ".request", sent_by_ip(command, message_type, IFINFOMSG_SIZE), "ip " + command)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--guest", action="store_true", help="capture the kinds only the guest's kernel has")
    parser.add_argument("--out", help="write here instead of beside this script (and no fuzz seeds)")
    args = parser.parse_args()
    capture.enter_fresh_namespace(__file__)
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        capture.HERE = capture.CORPUS = args.out
    setup, note = (GUEST_SETUP, "guest kernel") if args.guest else (HOST_SETUP, "host kernel")
    for command in setup:
        subprocess.run(["ip"] + command.split(), check=True)
    capture_links(note)
    if not args.guest:
        capture_requests()


if __name__ == "__main__":
    main()
