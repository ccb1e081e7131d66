from pyroute2 import IPRoute
ipr = IPRoute()
ipr.link('add', ifname='br0', kind='bridge')
br0 = ipr.link_lookup(ifname='br0')[0]
for a, b in (('v0', 'v0p'), ('v1', 'v1p')):
    ipr.link('add', ifname=a, kind='veth', peer=b, master=br0, state='up')
    ipr.link('set', ifname=b, state='up')
ipr.link('set', index=br0, mtu=9000, state='up')
