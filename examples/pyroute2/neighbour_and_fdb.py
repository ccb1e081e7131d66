from pyroute2 import IPRoute
from pyroute2.netlink.rtnl.ndmsg import states
ipr = IPRoute()
ipr.link('add', ifname='br0', kind='bridge', state='up')
br0 = ipr.link_lookup(ifname='br0')[0]
ipr.link('add', ifname='v0', kind='veth', peer='v0p', master=br0)
ipr.neigh('add', dst='10.0.0.9', lladdr='02:00:00:00:00:09', ifindex=br0)
ipr.fdb('add', ifindex=ipr.link_lookup(ifname='v0')[0], lladdr='02:00:00:00:00:0a', master=br0, state=states['noarp'])
