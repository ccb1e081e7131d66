import json
from pyroute2 import IPRoute
from pyroute2.netlink import NLM_F_REQUEST, NLM_F_DUMP
from pyroute2.netlink.rtnl import RTM_GETLINK
from pyroute2.netlink.rtnl.ifinfmsg import ifinfmsg
with IPRoute() as ipr:
    for reply in ipr.nlm_request(ifinfmsg(), msg_type=RTM_GETLINK, msg_flags=NLM_F_REQUEST | NLM_F_DUMP):
        print(json.dumps(reply.dump(), default=str))
