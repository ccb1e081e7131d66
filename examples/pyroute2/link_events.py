from pyroute2 import IPRoute
with IPRoute() as ipr:
    ipr.bind()
    ipr.link('add', ifname='v0', kind='veth', peer='v0p')
    ipr.link('del', ifname='v0')
    while True:
        for msg in ipr.get():
            if msg['event'] in ('RTM_NEWLINK', 'RTM_DELLINK'):
                print('deleted' if msg['event'] == 'RTM_DELLINK' else 'new', msg.get_attr('IFLA_IFNAME'))
                if msg['event'] == 'RTM_DELLINK' and msg.get_attr('IFLA_IFNAME') == 'v0':
                    raise SystemExit
