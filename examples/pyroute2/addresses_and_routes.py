from pyroute2 import IPRoute
with IPRoute() as ipr:
    ipr.link('add', ifname='v0', kind='veth', peer='v0p', state='up')
    v0 = ipr.link_lookup(ifname='v0')[0]
    ipr.addr('add', index=v0, address='10.0.0.1', prefixlen=24)
    ipr.route('add', dst='10.1.0.0/16', gateway='10.0.0.2', metrics={'mtu': 1400, 'advmss': 1360})
    ipr.route('add', dst='10.2.0.0/16', multipath=[{'gateway': '10.0.0.2', 'hops': 0},
                                                   {'gateway': '10.0.0.3', 'hops': 2}])
