"""The benchmark's route set, as run.sh describes it in the environment
(BENCH_DEV, BENCH_GATEWAY, BENCH_FIRST_DST; see common/bench_common.h):
route i is BENCH_FIRST_DST + i, a /32 via BENCH_GATEWAY on BENCH_DEV.

As a program it writes the `ip -batch` file that adds or deletes the
first N routes:

    python3 routes.py add|del N > FILE
"""

import ipaddress
import os
import sys


def destinations(count):
    first = int(ipaddress.IPv4Address(os.environ["BENCH_FIRST_DST"]))
    return [str(ipaddress.IPv4Address(first + index)) for index in range(count)]


def main():
    operation, count = sys.argv[1], int(sys.argv[2])
    if operation == "add":
        tail = " via %s dev %s" % (os.environ["BENCH_GATEWAY"], os.environ["BENCH_DEV"])
    else:
        tail = ""
    sys.stdout.write("".join("route %s %s/32%s\n" % (operation, dst, tail) for dst in destinations(count)))


if __name__ == "__main__":
    main()
