from pyroute2 import IPRoute, NetlinkError
ipr = IPRoute()
for attempt in (1, 2):
    try:
        ipr.link('add', ifname='v0', kind='veth', peer='v0p')
    except NetlinkError as e:
        print(attempt, e.code, e)
try:
    ipr.route('add', dst='10.1.0.0/16', gateway='10.9.9.9')
except NetlinkError as e:
    print(e.code, e)
