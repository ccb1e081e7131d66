"""The benchmark's u32 filter set: filter i matches destination
BENCH_FIRST_DST + i (a /32) and sends it to class 1:1. A u32 bucket holds
at most 4095 filters, so they go into a hash table of 256 buckets keyed on
the address's last byte, which the setup lines make and link from the
priority's root table.

As a program it writes the `tc -batch` / `nlpp -batch` file of the setup
lines, or of the first N filters:

    python3 tc_filters.py setup|add N > FILE
"""

import ipaddress
import os
import sys


def main():
    operation = sys.argv[1]
    dev = os.environ["BENCH_DEV"]
    head = "filter add dev %s parent 1: protocol ip prio 1" % dev
    if operation == "setup":
        sys.stdout.write("qdisc add dev %s root handle 1: htb\n" % dev)
        sys.stdout.write("%s handle 2: u32 divisor 256\n" % head)
        sys.stdout.write("%s u32 ht 800:: match ip dst 100.64.0.0/10 hashkey mask 0x000000ff at 16 link 2:\n" % head)
        return
    first = int(ipaddress.IPv4Address(os.environ["BENCH_FIRST_DST"]))
    count = int(sys.argv[2])
    lines = []
    for index in range(count):
        address = first + index
        lines.append("%s u32 ht 2:%x: match ip dst %s/32 flowid 1:1\n"
                     % (head, address & 0xff, ipaddress.IPv4Address(address)))
    sys.stdout.write("".join(lines))


if __name__ == "__main__":
    main()
