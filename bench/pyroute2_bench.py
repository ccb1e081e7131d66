"""pyroute2 (Debian's python3-pyroute2) in the benchmark's scenarios, timed
inside the interpreter so that starting Python and importing pyroute2 are
not counted. Prints the result line of common/bench_common.h.

    pyroute2_bench.py routes | links      IPRoute().get_routes(AF_INET) / get_links()
    pyroute2_bench.py add | del N         a loop of IPRoute().route(...), one request and ACK each
    pyroute2_bench.py ndb                 NDB() start-up: its database loaded with the namespace's state
"""

import os
import resource
import socket
import sys
import time

from pyroute2 import NDB, IPRoute

import routes


def report(seconds, count):
    maxrss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("%.6f\t%d\t%d\t-" % (seconds, count, maxrss_kib), flush=True)


def dump(ipr, what):
    start = time.monotonic()
    if what == "routes":
        objects = ipr.get_routes(family=socket.AF_INET)
    else:
        objects = ipr.get_links()
    # Kept alive until measured: the RSS is that of holding them.
    report(time.monotonic() - start, len(objects))


def change(ipr, operation, count):
    destinations = routes.destinations(count)
    if operation == "add":
        extra = {"gateway": os.environ["BENCH_GATEWAY"], "oif": ipr.link_lookup(ifname=os.environ["BENCH_DEV"])[0]}
    else:
        extra = {}
    start = time.monotonic()
    for dst in destinations:
        ipr.route(operation, dst=dst, dst_len=32, **extra)
    report(time.monotonic() - start, count)


def ndb_start():
    start = time.monotonic()
    ndb = NDB()  # returns once its sources have loaded the state
    seconds = time.monotonic() - start
    # Counted after the clock stopped; the RSS is that of holding the state.
    count = len(list(ndb.routes.summary()))
    report(seconds, count)
    ndb.close()


def main():
    if sys.argv[1] == "ndb":
        ndb_start()
        return
    with IPRoute() as ipr:
        if sys.argv[1] in ("routes", "links"):
            dump(ipr, sys.argv[1])
        else:
            change(ipr, sys.argv[1], int(sys.argv[2]))


if __name__ == "__main__":
    main()
