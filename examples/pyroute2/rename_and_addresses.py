from pyroute2 import IPRoute
ipr = IPRoute()
ipr.link('add', ifname='brx', kind='bridge')
dev = ipr.link_lookup(ifname='brx')[0]
ipr.link('set', index=dev, state='down')
ipr.link('set', index=dev, address='00:11:22:33:44:55', ifname='br-ctrl')
ipr.addr('add', index=dev, address='10.0.0.1', mask=24, broadcast='10.0.0.255')
ipr.addr('add', index=dev, address='10.0.0.2', mask=24, broadcast='10.0.0.255')
ipr.link('set', index=dev, state='up')
