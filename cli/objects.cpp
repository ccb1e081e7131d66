// The objects of the command line and their help texts.
#include "commands.hpp"
#include "usage.hpp"

#include <array>
#include <ostream>

namespace nlpp::cli {
namespace {

constexpr std::string_view link_help =
    "Usage: nlpp link add|replace [link DEV] NAME [address LLADDR] [broadcast LLADDR] [mtu MTU]\n"
    "                             [txqueuelen N] [numtxqueues N] [numrxqueues N] [alias TEXT] [group N]\n"
    "                             [master DEV] [netns NAME|PID] [up] type KIND [KIND OPTIONS]\n"
    "       nlpp link set [dev] DEV [up|down] [name NEW] [mtu MTU] [address LLADDR]\n"
    "                     [master DEV|nomaster] [netns NAME|PID] [alias TEXT] [txqueuelen N]\n"
    "                     [promisc on|off] [allmulticast on|off] [arp on|off] [type KIND [OPTIONS]]\n"
    "       nlpp link del [dev] DEV\n"
    "       nlpp link show [[dev] DEV] [type KIND] [master DEV] [group N]\n"
    "KIND OPTIONS: OPTION VALUE pairs, named as nlpp's kind structs name them (docs/RTNL_LINKS.md)\n"
    "(bridge stp_state 1, vxlan vni 42 port 4789, bond mode active-backup miimon 100,\n"
    "vlan id 10 protocol 802.1ad), plus iproute2's words: vxlan id, remote, dev, dstport,\n"
    "[no]learning, [no]udpcsum, external; geneve id, dstport; tunnels dev.\n"
    "Kinds nlpp has no struct for take the attribute names of the kernel's rt-link spec, _ for -.\n"
    "Port options: type bridge_slave|bond_slave OPTION VALUE... (cost 5, state forwarding).\n"
    "veth peer [name] NAME [LINK OPTIONS].\n";

constexpr std::string_view address_help =
    "Usage: nlpp address add|replace|change|del PREFIX [peer PREFIX] [broadcast ADDRESS|+] [label LABEL]\n"
    "                     [scope SCOPE] [metric N] [proto P] [valid_lft N|forever]\n"
    "                     [preferred_lft N|forever] [FLAG...] dev DEV\n"
    "       nlpp address flush dev DEV [scope SCOPE] [label LABEL]\n"
    "       nlpp address show [[dev] DEV] [scope SCOPE] [label LABEL]\n"
    "FLAG: nodad, optimistic, home, mngtmpaddr, noprefixroute, autojoin\n";

constexpr std::string_view route_help =
    "Usage: nlpp route add|replace|change|append|prepend|del [TYPE] PREFIX|default|LABEL [via [inet|inet6] ADDRESS]\n"
    "                     [dev DEV] [table TABLE] [proto P] [scope S] [metric N] [tos T] [src ADDRESS]\n"
    "                     [onlink] [nhid ID] [METRIC N...] [encap mpls LABELS [ttl N]] [as [to] LABELS]\n"
    "                     [nexthop [via ADDRESS] [dev DEV] [weight N] [onlink] [as LABELS]]...\n"
    "       nlpp route get ADDRESS [...]\n"
    "       nlpp route show [table TABLE|all] [proto P] [type TYPE] [dev DEV] [scope S] [via ADDRESS]\n"
    "                       [nhid ID] [[root] PREFIX]\n"
    "TYPE: unicast, local, broadcast, anycast, multicast, blackhole, unreachable, prohibit, throw\n"
    "METRIC: mtu, advmss, window, rtt, rttvar, ssthresh, cwnd, reordering, hoplimit, initcwnd,\n"
    "        features, rto_min, initrwnd, quickack, fastopen_no_cookie\n"
    "MPLS routes: nlpp -f mpls route add LABEL as LABELS via inet ADDRESS dev DEV\n";

constexpr std::string_view neighbour_help =
    "Usage: nlpp neighbour add|replace|change|del ADDRESS [lladdr LLADDR] [nud STATE] [proxy]\n"
    "                      [router] [extern_learn] [protocol P] dev DEV\n"
    "       nlpp neighbour show [dev DEV] [master DEV] [proxy] [nud STATE]\n"
    "STATE: permanent, noarp, reachable, stale, delay, probe, failed, incomplete\n";

constexpr std::string_view rule_help =
    "Usage: nlpp rule add|del [not] [from PREFIX] [to PREFIX] [priority N] [tos T] [fwmark MARK[/MASK]]\n"
    "                 [iif DEV] [oif DEV] [l3mdev] [uidrange N-M] [ipproto P] [sport N[-M]]\n"
    "                 [dport N[-M]] [tun_id N] [protocol P] [suppress_prefixlength N]\n"
    "                 [suppress_ifgroup N] [table TABLE | goto N | TYPE]\n"
    "       nlpp rule show [table TABLE] [priority N] [protocol P] [iif DEV]\n"
    "TYPE: unicast, blackhole, unreachable, prohibit, nop\n";

constexpr std::string_view nexthop_help =
    "Usage: nlpp nexthop add|replace id ID [via ADDRESS] [dev DEV] [onlink] [fdb] [protocol P]\n"
    "       nlpp nexthop add|replace id ID blackhole [protocol P]\n"
    "       nlpp nexthop add|replace id ID group ID[,WEIGHT]/ID[,WEIGHT]... [fdb]\n"
    "                    [type mpath | type resilient [buckets N] [idle_timer S] [unbalanced_timer S]]\n"
    "       nlpp nexthop del|get id ID\n"
    "       nlpp nexthop show [id ID] [dev DEV] [master DEV] [groups] [fdb]\n";

constexpr std::string_view fdb_help =
    "Usage: nlpp fdb add|append|replace|del LLADDR dev DEV [dst ADDRESS] [vni N] [port N] [via DEV]\n"
    "                [src_vni N] [nhid N] [vlan N] [self] [master] [permanent|static|dynamic]\n"
    "                [extern_learn] [sticky]\n"
    "       nlpp fdb show [dev DEV] [br BRIDGE] [vlan N]\n"
    "Neither self nor master: self; no state: permanent (as bridge fdb assumes).\n";

constexpr std::string_view vlan_help =
    "Usage: nlpp vlan add|del dev DEV vid N[-M] [pvid] [untagged] [self] [master]\n"
    "       nlpp vlan show [dev DEV]\n"
    "Bridge vlan filters (the bridge needs vlan_filtering 1); show prints ranges compressed.\n";

constexpr std::string_view qdisc_help =
    "Usage: nlpp [-s] [-d] [-j] qdisc show [dev DEV] [root|ingress|clsact|parent ID|handle H] [invisible]\n"
    "       nlpp qdisc {add|del|replace|change} dev DEV [handle H] {root|ingress|clsact|parent ID}\n"
    "            [ingress_block N] [egress_block N] [KIND [OPTIONS]]\n"
    "In tc's words. KIND and its OPTIONS:\n"
    "  htb [r2q N] [default ID] [direct_qlen N] [offload]\n"
    "  tbf rate RATE burst SIZE {limit SIZE|latency TIME} [peakrate RATE mtu SIZE] [mpu SIZE]\n"
    "      [overhead N] [linklayer ethernet|atm]\n"
    "  pfifo|pfifo_head_drop [limit PACKETS]   bfifo [limit SIZE]\n"
    "  prio [bands N] [priomap P0 ... P15]\n"
    "  codel, fq_codel, fq, sfq, pie, fq_pie, red, choke: their words in tc-KIND(8)\n"
    "  ingress, clsact, and any other kind without options.\n"
    "RATE: 1mbit, 10Mbps...; SIZE: 10k, 1mb, 1600b; TIME: 50ms, 1s. -s: statistics.\n";

constexpr std::string_view class_help =
    "Usage: nlpp [-s] [-d] [-j] class show [dev DEV] [root|parent ID] [classid ID]\n"
    "       nlpp class {add|del|replace|change} dev DEV [classid ID] {root|parent ID} [KIND [OPTIONS]]\n"
    "In tc's words. KIND and its OPTIONS:\n"
    "  htb rate RATE [ceil RATE] [burst SIZE] [cburst SIZE] [prio N] [quantum N] [mtu N]\n"
    "      [mpu SIZE] [overhead N] [linklayer ethernet|atm]\n"
    "-j prints classes as tc 6.2 and later print them (tc 6.1 prints text).\n";

constexpr std::string_view filter_help =
    "Usage: nlpp [-s] [-d] [-j] filter show dev DEV|block N [root|ingress|egress|parent ID] [pref N]\n"
    "                           [protocol PROTO] [chain N] [handle H]\n"
    "       nlpp filter {add|del|replace|change} dev DEV|block N [root|ingress|egress|parent ID]\n"
    "            [handle H] [pref N] [protocol PROTO] [chain N] [KIND [OPTIONS]]\n"
    "       nlpp filter get dev DEV|block N parent ID|ingress|egress pref N protocol PROTO handle H KIND\n"
    "In tc's words. PROTO: ip, ipv6, all (the default), arp, 802.1Q, 802.1ad... or a number.\n"
    "KIND and its OPTIONS:\n"
    "  u32 [match SELECTOR]... [classid ID] [link HT] [ht HT] [divisor N] [order N] [indev DEV]\n"
    "      [hashkey mask M at OFF] [offset [plus N] [at N] [mask M] [shift N] [eat]]\n"
    "      [sample SELECTOR [divisor N]] [skip_hw|skip_sw] [action ACTION...]   (H: 800:0:800)\n"
    "    SELECTOR: u32|u16|u8 VALUE MASK [at [nexthdr+]OFF]; ip src|dst PREFIX;\n"
    "      ip tos|dsfield|precedence|ihl|protocol|sport|dport|icmp_type|icmp_code VALUE MASK;\n"
    "      ip nofrag|firstfrag|df|mf; ip6 src|dst PREFIX;\n"
    "      ip6 priority|protocol|flowlabel|sport|dport|icmp_type|icmp_code VALUE MASK;\n"
    "      tcp|udp src|dst VALUE MASK; icmp type|code VALUE MASK; ether src|dst LLADDR\n"
    "  matchall [classid ID] [skip_hw|skip_sw] [action ACTION...]\n"
    "  fw [classid ID] [indev DEV] [action ACTION...]   (H: MARK[/MASK])\n"
    "  bpf bytecode 'N,c t f k,...'|bytecode-file FILE [classid ID] [direct-action|da]\n"
    "      [skip_hw|skip_sw] [action ACTION...]   (classic BPF; eBPF objects not yet)\n"
    "  flower [classid ID|hw_tc N] [indev DEV] [num_of_vlans N] [vlan_id N] [vlan_prio N]\n"
    "      [vlan_ethtype PROTO] [cvlan_id N] [cvlan_prio N] [cvlan_ethtype PROTO] [mpls_label N]\n"
    "      [mpls_tc N] [mpls_bos N] [mpls_ttl N] [dst_mac|src_mac LLADDR[/MASK]]\n"
    "      [ip_proto tcp|udp|sctp|icmp|icmpv6|HEX] [ip_tos|ip_ttl V[/M]] [dst_ip|src_ip PREFIX]\n"
    "      [dst_port|src_port PORT[/MASK]|MIN-MAX] [tcp_flags F[/M]] [type|code N[/M]]\n"
    "      [arp_tip|arp_sip PREFIX] [arp_op request|reply|N[/M]] [arp_tha|arp_sha LLADDR[/MASK]]\n"
    "      [enc_dst_ip|enc_src_ip PREFIX] [enc_key_id N] [enc_dst_port N] [enc_tos|enc_ttl V[/M]]\n"
    "      [ip_flags [no]frag/[no]firstfrag] [ct_state +trk-new...] [ct_zone|ct_mark V[/M]]\n"
    "      [ct_label HEX[/HEX]] [verbose] [skip_hw|skip_sw] [action ACTION...]\n"
    "      (a key after the protocol, vlan_ethtype or ip_proto it needs, as in tc)\n"
    "  route [from REALM|fromif DEV] [to REALM] [order N] [classid ID] [action ACTION...]\n"
    "      (realms by number; H: what tc computes from them)\n"
    "  flow map key KEY [and|or|xor|rshift|addend N]... | hash keys KEY,KEY... [perturb SECS]\n"
    "      [divisor N] [baseclass ID] [action ACTION...]   (KEY: src, dst, proto, proto-src,\n"
    "      proto-dst, iif, priority, mark, nfct..., rt-classid, sk-uid, sk-gid, vlan-tag, rxhash)\n"
    "  cgroup [action ACTION...]   (H: needed; ematches not yet)\n"
    "ACTION: [gact] VERDICT [random netrand|determ VERDICT VALUE] [index N]\n"
    "        mirred egress|ingress mirror|redirect dev DEV [VERDICT (mirror)] [index N]\n"
    "        each followed by [cookie HEX] [hw_stats immediate|delayed|disabled] [no_percpu]\n"
    "        [skip_sw|skip_hw]; another action follows with or without \"action\".\n"
    "VERDICT: pass|ok, drop|shot, pipe, reclassify, continue, trap, goto chain N, jump N\n";

constexpr std::string_view chain_help =
    "Usage: nlpp [-j] chain show dev DEV|block N [root|ingress|egress|parent ID] [chain N]\n"
    "       nlpp chain add dev DEV|block N [root|ingress|egress|parent ID] [chain N] [KIND [OPTIONS]]\n"
    "       nlpp chain del dev DEV|block N [root|ingress|egress|parent ID] [chain N]\n"
    "       nlpp chain get dev DEV parent ID|ingress|egress [chain N]   (or block N [chain N])\n"
    "In tc's words: the chains of a qdisc's, a class's or a shared block of filters (chain 0\n"
    "without \"chain\"). A filter put into a chain makes it; deleting a chain deletes its filters.\n"
    "KIND OPTIONS: a template, a filter kind and its words (nlpp filter help); the kernel takes\n"
    "templates of flower only, whose IP keys need \"protocol ip|ipv6\" before the kind.\n";

constexpr std::string_view action_help =
    "Usage: nlpp [-s] [-j] actions list|ls action KIND\n"
    "       nlpp actions {add|change|replace} [action] ACTION [action ACTION]...\n"
    "       nlpp actions {get|delete} [action] KIND index N [[action] KIND index N]...\n"
    "       nlpp actions flush action KIND\n"
    "In tc's words: the standalone actions of each kind's table, which filters share by index.\n"
    "KIND: mirred, gact, police... (the kernel lists one kind's table at a time).\n"
    "ACTION: [gact] VERDICT [random netrand|determ VERDICT VALUE] [index N]\n"
    "        mirred egress|ingress mirror|redirect dev DEV [VERDICT (mirror)] [index N]\n"
    "        police, as after a filter's \"action\" (nlpp filter help)\n"
    "        each followed by [cookie HEX] [hw_stats immediate|delayed|disabled] [no_percpu]\n"
    "        [skip_sw|skip_hw].\n"
    "Several actions are one request each (tc sends them in one). -s: statistics.\n";

constexpr std::string_view monitor_help =
    "Usage: nlpp [-j] monitor [all|link|address|route|neighbour|fdb|rule|nexthop|vlan|qdisc|class|filter|action|\n"
    "                         chain]...\n"
    "Objects may be abbreviated (addr, neigh); none watches all.\n"
    "One line per change: ACTION OBJECT {JSON}, or a JSON object per line with -j.\n"
    "An overrun (the kernel dropped notifications) is printed as such, followed by\n"
    "\"resync\" lines with the current state of what is watched.\n";

constexpr std::string_view decode_help =
    "Usage: nlpp [-p] decode [pcap|hex] [--protocol NAME] [FILE|-]\n"
    "Decodes netlink messages recorded elsewhere into a JSON array, one object per message.\n"
    "FILE (standard input when absent or -): a pcap or pcapng capture of an nlmon device\n"
    "(tcpdump -i nlmon0 -w FILE), found by its magic number, or a hex dump: hex bytes as\n"
    "xxd, hexdump -C, od -A x -t x1 or Wireshark print them, or plain (0x prefixes allowed).\n"
    "pcap|hex: read FILE as that, whatever it looks like.\n"
    "--protocol NAME: the netlink protocol of a hex dump (route, generic, netfilter,\n"
    "sock_diag, xfrm, audit... or its number); route when not given.\n";

constexpr std::string_view netns_help =
    "Usage: nlpp netns list\n"
    "       nlpp netns add NAME\n"
    "       nlpp netns del NAME\n"
    "       nlpp netns exec NAME COMMAND [ARGUMENTS]\n";

const ObjectCommand link_object{link_help, run_link};
const ObjectCommand address_object{address_help, run_address};
const ObjectCommand route_object{route_help, run_route};
const ObjectCommand neighbour_object{neighbour_help, run_neighbour};
const ObjectCommand rule_object{rule_help, run_rule};
const ObjectCommand nexthop_object{nexthop_help, run_nexthop};
const ObjectCommand fdb_object{fdb_help, run_fdb};
const ObjectCommand vlan_object{vlan_help, run_vlan};
const ObjectCommand qdisc_object{qdisc_help, run_qdisc, false, true};
const ObjectCommand class_object{class_help, run_class, false, true};
const ObjectCommand filter_object{filter_help, run_filter, false, true};
const ObjectCommand action_object{action_help, run_action, false, true};
// -s is taken, as tc takes it: a chain has no statistics to print.
const ObjectCommand chain_object{chain_help, run_chain, false, true};
const ObjectCommand netns_object{netns_help, run_netns, true};
const ObjectCommand monitor_object{monitor_help, run_monitor, true};
const ObjectCommand decode_object{decode_help, run_decode};

// iproute2's spellings and abbreviations of each object.
const std::array<std::pair<std::string_view, const ObjectCommand*>, 31> object_words{{
    {"link", &link_object},
    {"l", &link_object},
    {"address", &address_object},
    {"addr", &address_object},
    {"a", &address_object},
    {"route", &route_object},
    {"r", &route_object},
    {"neighbour", &neighbour_object},
    {"neighbor", &neighbour_object},
    {"neigh", &neighbour_object},
    {"n", &neighbour_object},
    {"rule", &rule_object},
    {"ru", &rule_object},
    {"nexthop", &nexthop_object},
    {"nh", &nexthop_object},
    {"fdb", &fdb_object},
    {"vlan", &vlan_object},
    {"v", &vlan_object},
    {"qdisc", &qdisc_object},
    {"q", &qdisc_object},
    {"class", &class_object},
    {"c", &class_object},
    {"filter", &filter_object},
    {"f", &filter_object},
    {"actions", &action_object},
    {"action", &action_object},
    {"chain", &chain_object},
    {"netns", &netns_object},
    {"monitor", &monitor_object},
    {"m", &monitor_object},
    {"decode", &decode_object},
}};

}  // namespace

const ObjectCommand* find_object(std::string_view word) noexcept {
  for (const auto& [name, object] : object_words)
    if (name == word) return object;
  return nullptr;
}

void check_options(const ObjectCommand& object, const Options& options) {
  if (options.stats && !object.prints_statistics)
    throw UsageError("-s: only qdisc, class, filter and actions print statistics so far");
}

bool is_command(std::string_view word, std::string_view command) noexcept {
  return !word.empty() && command.starts_with(word);
}

void print_usage(std::ostream& out) {
  out << "Usage: nlpp [OPTIONS] OBJECT [COMMAND [ARGUMENTS]]\n"
         "OBJECT: link, address, route, rule, nexthop, neighbour, fdb, vlan, qdisc, class, filter, chain, actions, "
         "netns, monitor, decode\n"
         "        (nlpp OBJECT help)\n"
         "OPTIONS: -j|--json  JSON output, as ip -j prints it\n"
         "         -p|--pretty  indented JSON\n"
         "         -d|--details  every attribute\n"
         "         -s|-stats  statistics (qdisc, class, filter, actions: as tc -s)\n"
         "         -n|--netns NAME  work in the namespace NAME (as ip -n)\n"
         "         -4 | -6 | -f|--family inet|inet6|mpls|bridge|link\n"
         "         -b|-batch FILE  run the commands of FILE (- for stdin), one a line\n"
         "         -force  a batch goes on after a failing line\n"
         "         -atomic  a batch is one transaction: every line takes effect, or none does\n"
         "         -c|-color[=always|auto|never]  colour names and addresses (-c: always; default:\n"
         "                                        auto, on a terminal unless NO_COLOR is set)\n"
         "Exit status: 0 success, 1 an error of the kernel or the system, 2 a usage error.\n";
}

}  // namespace nlpp::cli
