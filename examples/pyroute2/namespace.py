import sys
from pyroute2 import IPRoute, NetNS, netns
name = sys.argv[1] if len(sys.argv) > 1 else 'blue'
netns.create(name)
with IPRoute() as ipr:
    ipr.link('add', ifname='v0', kind='veth', peer={'ifname': 'v0p', 'net_ns_fd': name})
with NetNS(name) as ns:
    v0p = ns.link_lookup(ifname='v0p')[0]
    ns.link('set', index=v0p, state='up')
    ns.addr('add', index=v0p, address='10.0.0.2', prefixlen=24)
