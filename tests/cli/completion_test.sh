#!/usr/bin/env bash
# The bash completion, sourced in bash and called as bash calls it: objects,
# the commands of an object, option values, and the names of a namespace
# this test creates and of a link in it (through `nlpp -n NS link show`).
# Needs root (it adds a namespace).
#   completion_test.sh NLPP_BINARY SOURCE_DIR
set -uo pipefail
nlpp=$1
# shellcheck source=/dev/null
source "$2/completion/nlpp.bash"
failed=0

# Completes the words given (the last one is the word under the cursor);
# COMPREPLY, one a line, sorted.
complete_words() {
  COMP_WORDS=("$nlpp" "$@")
  COMP_CWORD=$(($# ))
  COMPREPLY=()
  _nlpp
  printf '%s\n' "${COMPREPLY[@]}" | sort
}

# expect DESCRIPTION EXPECTED_LINES WORDS...: COMPREPLY is exactly that.
expect() {
  local description=$1 expected=$2
  shift 2
  local got
  got=$(complete_words "$@")
  if [[ $got != "$(tr ' ' '\n' <<<"$expected" | sort)" ]]; then
    echo "FAIL: $description: expected [$expected], got [${got//$'\n'/ }]"
    failed=1
  fi
}
# expect_has DESCRIPTION WORD WORDS...: COMPREPLY holds WORD.
expect_has() {
  local description=$1 wanted=$2
  shift 2
  if ! complete_words "$@" | grep -qx -- "$wanted"; then
    echo "FAIL: $description: no $wanted in [$(complete_words "$@" | tr '\n' ' ')]"
    failed=1
  fi
}

expect "objects" "link address route neighbour rule nexthop fdb vlan qdisc class filter chain actions netns monitor decode help" ""
expect "objects after options" "neighbour netns nexthop" -j -p ne
expect "link a" "add" link a
expect "addr commands by abbreviation" "add" a a
expect "route commands" "replace" route rep
expect "families" "inet inet6" -f in
expect "colour choices" "-color=always -color=auto" -color=a
expect "colour choice as the next word, or an object" "actions address always auto" -c a
expect "kinds after type" "veth vlan vrf vti vti6 vxlan" link add x type v
expect "monitor groups" "link" monitor l
expect "qdisc commands" "replace" qdisc rep
expect "actions commands" "list" actions li
expect "action kinds to list" "mirred" actions ls action mi
expect "actions to add" "mirred" actions add action mi
expect "chain commands" "del" chain de
expect "a chain's place words" "egress" chain add eg
expect "monitor chain events" "chain class" monitor c
expect_has "host links from /sys/class/net" lo link show dev ""

ns=nlpp-completion-$$
trap '"$nlpp" netns del "$ns" >/dev/null 2>&1' EXIT
"$nlpp" netns add "$ns" || { echo "FAIL: cannot add namespace $ns"; exit 1; }
"$nlpp" -n "$ns" link add completion0 type veth peer name completion1 || { echo "FAIL: cannot add a link in $ns"; exit 1; }
expect_has "-n lists the namespace" "$ns" -n ""
expect_has "netns exec lists the namespace" "$ns" netns exec ""
expect "links of the -n namespace" "completion0 completion1" -n "$ns" link set com
expect "links after a class's dev" "completion0 completion1" -n "$ns" class add dev com
expect_has "links of the -n namespace after dev" lo -n "$ns" address show dev ""
if complete_words link set com | grep -qx completion0; then
  echo "FAIL: the namespace's link completion0 is offered without -n"
  failed=1
fi
exit $failed
