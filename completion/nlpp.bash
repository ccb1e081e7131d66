# bash completion for nlpp(8): global options, objects, the commands of each
# object, and the values people look up: link names (from /sys/class/net, or
# `nlpp -n NS link show` when -n names a namespace), link kinds after
# `type`, filter kinds, protocols and actions after `filter` and its
# `protocol` and `action`, a chain's place words after `chain`, actions and
# action kinds after `actions`' `action`, namespace names after -n and `netns exec|del`,
# families after -f, files after -batch, bytecode-file and for decode.
#
# Installed as share/bash-completion/completions/nlpp; to try it from the
# source tree: source completion/nlpp.bash.

# COMPREPLY=($(compgen ...)) splits at blanks on purpose: no word offered
# holds one.
# shellcheck disable=SC2207
_nlpp_objects="link address route neighbour rule nexthop fdb vlan qdisc class filter chain actions netns monitor decode
  help"
_nlpp_options="-j -json --json -p -pretty --pretty -d -details --details -s -stats --stats -n -netns --netns
  -4 -6 -f -family --family -b -batch --batch -force --force -atomic --atomic -c -color= --color= -colour= --colour=
  -h -help --help"
_nlpp_kinds="bond bridge dummy erspan geneve gre gretap hsr ifb ip6erspan ip6gre ip6gretap ip6tnl
  ipip ipvlan ipvtap macsec macvlan macvtap nlmon sit tun veth vlan vrf vti vti6 vxlan wireguard xfrm"
# What `nlpp filter` reads: the words before the kind, the kinds, tc's
# common protocol names, and what may follow `action`.
_nlpp_filter_words="dev block root ingress egress parent handle pref protocol chain u32 matchall fw bpf flower route flow cgroup"
_nlpp_filter_protocols="all ip ipv6 arp 802.1Q 802.1ad"
# What `nlpp chain` reads before a template's kind.
_nlpp_chain_words="dev block root ingress egress parent chain"
_nlpp_actions="gact mirred police pass drop pipe reclassify continue trap goto jump"
# The kinds whose tables `nlpp actions list|flush|get|delete` read.
_nlpp_action_kinds="gact mirred police"

# The object a word names (iproute2's spellings and abbreviations).
_nlpp_object() {
  case $1 in
    l | link) echo link ;;
    a | addr | address) echo address ;;
    r | route) echo route ;;
    n | neigh | neighbor | neighbour) echo neighbour ;;
    ru | rule) echo rule ;;
    nh | nexthop) echo nexthop ;;
    fdb) echo fdb ;;
    v | vlan) echo vlan ;;
    q | qdisc) echo qdisc ;;
    c | class) echo class ;;
    f | filter) echo filter ;;
    chain) echo chain ;;
    action | actions) echo actions ;;
    netns) echo netns ;;
    m | monitor) echo monitor ;;
    decode) echo decode ;;
  esac
}

_nlpp_commands() {
  case $1 in
    link) echo "add replace set change del show help" ;;
    address) echo "add replace change del flush show help" ;;
    route) echo "add replace change append prepend del get show help" ;;
    neighbour) echo "add replace change del show help" ;;
    rule) echo "add del show help" ;;
    nexthop) echo "add replace del get show help" ;;
    fdb) echo "add append replace del show help" ;;
    vlan) echo "add del show help" ;;
    qdisc) echo "add del replace change show help" ;;
    class) echo "add del replace change show help" ;;
    filter) echo "add del replace change get show help" ;;
    chain) echo "add del get show help" ;;
    actions) echo "add change replace get delete list flush help" ;;
    netns) echo "list add del exec help" ;;
    monitor) echo "all link address route neigh fdb rule nexthop vlan qdisc class filter action chain" ;;
    decode) echo "pcap hex --protocol" ;;
  esac
}

# The links of the namespace the command line works in ($1, may be empty).
_nlpp_links() {
  if [[ -n $1 ]]; then
    # The NAME column of the table, "v0@v1" cut at the @.
    "$_nlpp_binary" -n "$1" link show 2>/dev/null | awk 'NR > 1 { sub(/@.*/, "", $2); print $2 }'
  else
    command ls /sys/class/net 2>/dev/null
  fi
}

_nlpp_namespaces() { "$_nlpp_binary" netns list 2>/dev/null; }

_nlpp() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=""
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  local _nlpp_binary=${COMP_WORDS[0]}  # seen by _nlpp_links and _nlpp_namespaces
  COMPREPLY=()

  # The options before the object, the object and its command.
  local i=1 netns="" object="" command="" word
  while ((i < COMP_CWORD)); do
    word=${COMP_WORDS[i]}
    case $word in
      -n | -netns | --netns) netns=${COMP_WORDS[i + 1]}; ((i += 2)); continue ;;
      -f | -family | --family | -b | -batch | --batch) ((i += 2)); continue ;;
      -* | always | auto | never) ((i++)); continue ;;  # the last three: `-c always`
    esac
    object=$(_nlpp_object "$word")
    ((i + 1 < COMP_CWORD)) && command=${COMP_WORDS[i + 1]}
    break
  done

  # Values of the options.
  case $prev in
    -n | -netns | --netns) COMPREPLY=($(compgen -W "$(_nlpp_namespaces)" -- "$cur")); return ;;
    -f | -family | --family) COMPREPLY=($(compgen -W "inet inet6 mpls bridge link" -- "$cur")); return ;;
    -b | -batch | --batch) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ -z $object ]]; then
    if [[ $cur == -c*=* || $cur == -*colo*r=* ]]; then
      COMPREPLY=($(compgen -P "${cur%%=*}=" -W "always auto never" -- "${cur#*=}"))
    elif [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "$_nlpp_options" -- "$cur"))
      [[ ${COMPREPLY[*]} == *= ]] && compopt -o nospace 2>/dev/null
    elif [[ $prev == -c || $prev == -color || $prev == -colour ]]; then
      COMPREPLY=($(compgen -W "always auto never $_nlpp_objects" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$_nlpp_objects" -- "$cur"))
    fi
    return
  fi

  # The command of the object.
  if [[ -z $command ]]; then
    COMPREPLY=($(compgen -W "$(_nlpp_commands "$object")" -- "$cur"))
    [[ $object == decode ]] && COMPREPLY+=($(compgen -f -- "$cur"))
    return
  fi

  # Arguments: what the previous keyword takes.
  case $object:$prev in
    monitor:*) COMPREPLY=($(compgen -W "$(_nlpp_commands monitor)" -- "$cur")) ;;
    netns:exec | netns:del | netns:delete | *:netns) COMPREPLY=($(compgen -W "$(_nlpp_namespaces)" -- "$cur")) ;;
    link:type) COMPREPLY=($(compgen -W "$_nlpp_kinds bridge_slave bond_slave" -- "$cur")) ;;
    filter:add | filter:del | filter:delete | filter:replace | filter:change | filter:get | filter:show)
      COMPREPLY=($(compgen -W "$_nlpp_filter_words" -- "$cur")) ;;
    filter:protocol) COMPREPLY=($(compgen -W "$_nlpp_filter_protocols" -- "$cur")) ;;
    filter:action | filter:actions) COMPREPLY=($(compgen -W "$_nlpp_actions" -- "$cur")) ;;
    filter:bytecode-file) COMPREPLY=($(compgen -f -- "$cur")) ;;
    chain:add | chain:del | chain:delete | chain:get | chain:show)
      COMPREPLY=($(compgen -W "$_nlpp_chain_words" -- "$cur")) ;;
    actions:add | actions:change | actions:replace | actions:get | actions:delete | actions:del | actions:list | \
      actions:ls | actions:flush) COMPREPLY=($(compgen -W "action" -- "$cur")) ;;
    actions:action)
      case $command in
        a* | c* | r*) COMPREPLY=($(compgen -W "$_nlpp_actions" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "$_nlpp_action_kinds" -- "$cur")) ;;
      esac ;;
    *:dev | *:master | *:link | *:iif | *:oif | *:br | link:del | link:set | link:change | link:show)
      COMPREPLY=($(compgen -W "$(_nlpp_links "$netns")" -- "$cur")) ;;
    decode:--protocol) COMPREPLY=($(compgen -W "route generic netfilter sock_diag xfrm audit" -- "$cur")) ;;
    decode:*) COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
}

complete -F _nlpp nlpp
