#!/usr/bin/env bash
# nlpp side by side with a bare C reference, libmnl, libnl, pyroute2 and
# iproute2, in one run: route dumps, route insert and delete, a link dump,
# route events under churn, and the peak RSS of each. Every measurement runs
# in throwaway network namespaces (nlpp-bench-*) that are removed on exit;
# the host namespace is never changed and no packet is sent.
#
# As root on Debian 12:  bench/run.sh [options]
#   --counts "N..."    route counts (default "10000 100000")
#   --1m               also 1,000,000 routes (slow: pyroute2 and libnl take minutes)
#   --reps R           repetitions; the tables show medians (default 5)
#   --skip REGEX       leave out the tools whose name matches (e.g. 'libnl|pyroute2')
#   --scenarios "..."  any of: route-change route-dump link-dump events micro cli ipdb (default all),
#                      cli: the nlpp tool against ip: `-j route show` of N routes and
#                      `-batch` of N route adds (each in a fresh namespace),
#                      tc: the nlpp tool against tc: `-batch` of N u32 filter adds (into a hash
#                      table of 256 buckets under an htb root), then `-j filter show` of them,
#                      ipdb: IPDB's start-up over N routes beside the bare dump and pyroute2's
#                      NDB, a transaction of N route adds beside `ip -batch` and nlpp's batch,
#                      and a cache following another process's churn of 2 x 50,000 route events,
#                      and profile: callgrind over nlpp's route paths at each count
#                      (not timed; writes bench/results/<time>-profile.txt),
#                      and micro: Google Benchmark of the codecs alone, no kernel
#                      (writes bench/results/<time>-micro.txt)
#   --no-install       do not apt-get the peers
#   --build-dir DIR    where nlpp and the programs are built (default build-bench/)
#   --source DIR       build nlpp and the programs from DIR instead of this tree:
#                      a `git archive` of a commit with this bench/ copied in, to
#                      measure a fixed commit while the tree is being edited
#                      (DIR/.nlpp-commit names the commit in the tables)
#
# Writes bench/results/<time>.tsv (every run) and .md (the tables, for
# docs/PERFORMANCE.md), and prints the tables.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
arguments=("$@")
counts=(10000 100000)
reps=5
skip='^$'
scenarios="route-change route-dump link-dump events micro cli tc ipdb"
install=1
build_dir=$root/build-bench
source_dir=$root
# A tool whose first run of a measurement takes longer is not repeated:
# libnl and pyroute2 take minutes per run at 1M routes.
slow_seconds=60
link_pairs=1000
churn_routes=50000  # added, then deleted: 100,000 route events
# Receive buffers the events subscriber is tried with: nlpp's default (what
# a user who sets nothing gets: 32 MiB), the system's (net.core.rmem_default)
# and 4 MiB (in MiB).
event_buffers=(default system 4)
python=/usr/bin/python3  # Debian's, which has python3-pyroute2

while (($#)); do
  case $1 in
    --counts) read -ra counts <<<"$2"; shift 2 ;;
    --1m) counts+=(1000000); shift ;;
    --reps) reps=$2; shift 2 ;;
    --skip) skip=$2; shift 2 ;;
    --scenarios) scenarios=$2; shift 2 ;;
    --no-install) install=0; shift ;;
    --build-dir) build_dir=$2; shift 2 ;;
    --source) source_dir=$(cd "$2" && pwd); shift 2 ;;
    *) echo "run.sh: unknown option $1 (see the comment at the top)" >&2; exit 2 ;;
  esac
done
[[ $(id -u) == 0 ]] || { echo "run.sh: must run as root (network namespaces)" >&2; exit 1; }

# The route set, read by every program (bench/common/bench_common.h): route
# i is a /32 at 100.64.0.0 + i (shared address space, room for 4M) via a
# gateway on a veth's subnet. Addresses only ever exist in the namespaces.
export BENCH_DEV=nlppb0 BENCH_GATEWAY=192.0.2.2 BENCH_FIRST_DST=100.64.0.0
bench_address=192.0.2.1/24

# The build tools, the peers (valgrind for --scenarios profile), from Debian;
# apt is only asked when something is missing.
install_peers() {
  local packages=(cmake ninja-build g++ pkg-config linux-libc-dev iproute2 python3 python3-pyroute2
                  libnl-3-dev libnl-route-3-dev libmnl-dev valgrind libbenchmark-dev) status
  status=$(dpkg-query -W -f='${db:Status-Status}\n' "${packages[@]}" 2>/dev/null) || status=missing
  if grep -qvx installed <<<"$status"; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${packages[@]}"
  fi
}

build() {
  cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNLPP_BUILD_BENCH=ON \
    -DNLPP_BUILD_TESTS=OFF -DNLPP_BUILD_EXAMPLES=OFF >/dev/null
  cmake --build "$build_dir" --target bare_dump bare_route_batch mnl_dump libnl_dump measure_exec \
    nlpp_dump nlpp_route_batch nlpp_events ipdb_bench micro_codec nlpp_cli
}

if ((install)); then install_peers; fi
build
bin=$build_dir/bench
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$root/bench/results"
raw=$root/bench/results/$stamp.tsv
markdown=$root/bench/results/$stamp.md
work=$(mktemp -d)

namespaces=()
cleanup() {
  local ns
  for ns in "${namespaces[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# new_namespace NAME: creates nlpp-bench-NAME-<pid> with lo up, sets $ns.
new_namespace() {
  ns=nlpp-bench-$1-$$
  ip netns add "$ns"
  namespaces+=("$ns")
  ip -n "$ns" link set lo up
}

# route_namespace NAME: a namespace with the routes' veth pair up and its
# address, so that the gateway is reachable; sets $ns and $base_routes.
route_namespace() {
  new_namespace "$1"
  ip -n "$ns" link add "$BENCH_DEV" type veth peer name nlppb1
  ip -n "$ns" link set nlppb1 up
  ip -n "$ns" link set "$BENCH_DEV" up
  ip -n "$ns" addr add "$bench_address" dev "$BENCH_DEV"
  base_routes=$(in_ns "$bin/bare_dump" route | cut -f2)
}

in_ns() { ip netns exec "$ns" "$@"; }

# expect_routes N: the namespace holds N benchmark routes (besides its own).
expect_routes() {
  local found
  found=$(in_ns "$bin/bare_dump" route | cut -f2)
  if ((found != base_routes + $1)); then
    echo "run.sh: expected $((base_routes + $1)) routes, found $found" >&2
    exit 1
  fi
}

declare -A slow
# skipped SCENARIO N TOOL: true when TOOL is not run (--skip), or no more
# (its first run was slow).
skipped() { [[ $3 =~ $skip || -n ${slow["$1/$2/$3"]:-} ]]; }

# measure SCENARIO N TOOL ROLE COMMAND...: runs COMMAND in the namespace
# (it prints one result line, see bench_common.h) and records it for
# repetition $rep. ROLE is "reference" (ratios are taken against it),
# "nlpp" (the second ratio column) or "-".
measure() {
  local scenario=$1 count=$2 tool=$3 role=$4 key="$1/$2/$3" line
  shift 4
  skipped "$scenario" "$count" "$tool" && return 0
  line=$(in_ns "$@")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$count" "$tool" "$role" "$rep" "$line" >>"$raw"
  printf '  %-12s %8s  %-34s %s\n' "$scenario" "$count" "$tool" "$(cut -f1 <<<"$line") s" >&2
  if awk -v s="$(cut -f1 <<<"$line")" -v limit="$slow_seconds" 'BEGIN { exit !(s > limit) }'; then
    slow[$key]=1
  fi
}

# Insert N routes with each tool, then delete them; the kernel's table is
# checked after each step so that every tool did the whole job.
scenario_route_change() {
  local n=$1 tool name role add del
  "$python" "$root/bench/routes.py" add "$n" >"$work/add.batch"
  "$python" "$root/bench/routes.py" del "$n" >"$work/del.batch"
  for ((rep = 1; rep <= reps; rep++)); do
    for tool in bare nlpp-raw nlpp-typed ip pyroute2; do
      case $tool in
        bare) add=("$bin/bare_route_batch" add "$n"); del=("$bin/bare_route_batch" del "$n")
              name="bare C, pipelined"; role=reference ;;
        nlpp-raw) add=("$bin/nlpp_route_batch" add "$n" raw); del=("$bin/nlpp_route_batch" del "$n" raw)
                  name="nlpp send_batch (MessageBuilder)"; role=- ;;
        nlpp-typed) add=("$bin/nlpp_route_batch" add "$n" typed); del=("$bin/nlpp_route_batch" del "$n" typed)
                    name="nlpp send_batch (rtnl::Route)"; role=nlpp ;;
        ip) add=("$bin/measure_exec" ip -batch "$work/add.batch"); del=("$bin/measure_exec" ip -batch "$work/del.batch")
            name="ip -batch"; role=- ;;
        pyroute2) add=("$python" "$root/bench/pyroute2_bench.py" add "$n")
                  del=("$python" "$root/bench/pyroute2_bench.py" del "$n")
                  name="pyroute2 IPRoute.route() loop"; role=- ;;
      esac
      # Both or neither: a tool that added the routes must delete them.
      skipped "route add" "$n" "$name" || skipped "route del" "$n" "$name" && continue
      measure "route add" "$n" "$name" "$role" "${add[@]}"
      expect_routes "$n"
      measure "route del" "$n" "$name" "$role" "${del[@]}"
      expect_routes 0
    done
  done
}

# measure_dumps OBJECT N: one repetition of every dump of N OBJECTs
# (route or link); libmnl and nlpp's minimal parse only know routes.
measure_dumps() {
  local object=$1 n=$2 scenario="$1 dump"
  measure "$scenario" "$n" "bare C, count only" reference "$bin/bare_dump" "$object"
  if [[ $object == route ]]; then
    measure "$scenario" "$n" "bare C + libmnl parse, store" - "$bin/mnl_dump"
  fi
  measure "$scenario" "$n" "nlpp engine, count only" - "$bin/nlpp_dump" "$object" count
  if [[ $object == route ]]; then
    measure "$scenario" "$n" "nlpp engine + minimal parse" - "$bin/nlpp_dump" route parse
  fi
  if [[ $object == route ]]; then
    measure "$scenario" "$n" "nlpp dump_each<Route>(), not kept" - "$bin/nlpp_dump" route each
  fi
  measure "$scenario" "$n" "nlpp dump<${object^}>()" nlpp "$bin/nlpp_dump" "$object" typed
  measure "$scenario" "$n" "libnl $object cache" - "$bin/libnl_dump" "$object"
  measure "$scenario" "$n" "pyroute2 get_${object}s()" - "$python" "$root/bench/pyroute2_bench.py" "${object}s"
  measure "$scenario" "$n" "ip -j $object show" - "$bin/measure_exec" ip -j "$object" show
}

# Dump N routes with each tool; the routes are added once, by the fastest
# sender (the bare one), and removed afterwards.
scenario_route_dump() {
  local n=$1
  in_ns "$bin/bare_route_batch" add "$n" >/dev/null
  expect_routes "$n"
  for ((rep = 1; rep <= reps; rep++)); do measure_dumps route "$n"; done
  in_ns "$bin/bare_route_batch" del "$n" >/dev/null
}

# Checks that a run reported count refusals, each "File exists" once.
expect_refusals() {
  local count=$1 file=$2 got
  got=$(grep -c 'File exists' "$file" || true)
  [[ $got == "$count" ]] || { echo "run.sh: expected $count refusals, got $got ($file)" >&2; exit 1; }
}

# The nlpp tool against iproute2 on the same jobs, both run by measure_exec
# (output to /dev/null): `-j route show` of N routes in this namespace, then
# `-batch` of the same file of N `route add` lines, each run in a fresh
# namespace of its own.
scenario_cli() {
  local n=$1 tool name role routes_ns=$ns
  local -A command=([ip]=ip [nlpp]=$build_dir/cli/nlpp)
  "$python" "$root/bench/routes.py" add "$n" >"$work/add.batch"
  in_ns "$bin/bare_route_batch" add "$n" >/dev/null
  expect_routes "$n"
  for ((rep = 1; rep <= reps; rep++)); do
    measure "cli route show" "$n" "ip -j route show" reference "$bin/measure_exec" ip -j route show
    measure "cli route show" "$n" "nlpp -j route show" nlpp "$bin/measure_exec" "${command[nlpp]}" -j route show
  done
  in_ns "$bin/bare_route_batch" del "$n" >/dev/null
  for ((rep = 1; rep <= reps; rep++)); do
    for tool in ip nlpp; do
      name="$tool -batch"; role=$([[ $tool == ip ]] && echo reference || echo nlpp)
      route_namespace "cli-$tool-$rep"
      measure "cli route add -batch" "$n" "$name" "$role" "$bin/measure_exec" "${command[$tool]}" -batch "$work/add.batch"
      expect_routes "$n"
      # The same file again with -force: every line is refused (EEXIST),
      # and each refusal must be reported by the line, in bounded memory.
      measure "cli route add -batch again (all EEXIST)" "$n" "$name -force" "$role" \
        "$bin/measure_exec" --errors "$work/errors" "${command[$tool]}" -force -batch "$work/add.batch"
      expect_refusals "$n" "$work/errors"
      expect_routes "$n"
      ip netns del "$ns"
    done
  done
  ns=$routes_ns
}

# The nlpp tool against tc on u32 filters: the same `-batch` file of N
# `filter add` lines (bench/tc_filters.py) in a fresh namespace each, the
# kernel's count checked after; then `-j filter show` of the N filters.
scenario_tc() {
  local n=$1 tool name role found routes_ns=$ns
  local -A command=([tc]=tc [nlpp]=$build_dir/cli/nlpp)
  "$python" "$root/bench/tc_filters.py" setup >"$work/filters-setup.batch"
  "$python" "$root/bench/tc_filters.py" add "$n" >"$work/filters.batch"
  for ((rep = 1; rep <= reps; rep++)); do
    for tool in tc nlpp; do
      name="$tool -batch"; role=$([[ $tool == tc ]] && echo reference || echo nlpp)
      route_namespace "tc-$tool-$rep"
      in_ns tc -batch "$work/filters-setup.batch"
      measure "tc u32 filter add -batch" "$n" "$name" "$role" "$bin/measure_exec" "${command[$tool]}" -batch "$work/filters.batch"
      found=$(in_ns tc filter show dev "$BENCH_DEV" parent 1: | grep -c 'flowid 1:1' || true)
      ((found == n)) || { echo "run.sh: expected $n filters, found $found" >&2; exit 1; }
      if [[ $tool == nlpp ]]; then
        for ((show = 1; show <= reps; show++)); do
          measure "tc u32 filter show" "$n" "tc -j filter show" reference \
            "$bin/measure_exec" tc -j filter show dev "$BENCH_DEV" parent 1:
          measure "tc u32 filter show" "$n" "nlpp -j filter show" nlpp \
            "$bin/measure_exec" "${command[nlpp]}" -j filter show dev "$BENCH_DEV" parent 1:
        done
      fi
      ip netns del "$ns"
    done
  done
  ns=$routes_ns
}

# IPDB: the start-up of a cache over N routes (beside the bare dump and
# pyroute2's NDB), then a transaction adding N routes, verified (beside
# `ip -batch` and nlpp's own pipelined batch of the same routes).
scenario_ipdb() {
  local n=$1 tool name role add
  in_ns "$bin/bare_route_batch" add "$n" >/dev/null
  expect_routes "$n"
  for ((rep = 1; rep <= reps; rep++)); do
    measure "ipdb start-up" "$n" "bare C dump, count only" reference "$bin/bare_dump" route
    measure "ipdb start-up" "$n" "nlpp ipdb::Cache::open()" nlpp "$bin/ipdb_bench" open
    measure "ipdb start-up" "$n" "pyroute2 NDB()" - "$python" "$root/bench/pyroute2_bench.py" ndb
  done
  in_ns "$bin/bare_route_batch" del "$n" >/dev/null
  "$python" "$root/bench/routes.py" add "$n" >"$work/add.batch"
  for ((rep = 1; rep <= reps; rep++)); do
    for tool in nlpp-batch ip ipdb; do
      case $tool in
        nlpp-batch) add=("$bin/nlpp_route_batch" add "$n" typed); name="nlpp send_batch (rtnl::Route)"; role=reference ;;
        ip) add=("$bin/measure_exec" ip -batch "$work/add.batch"); name="ip -batch"; role=- ;;
        ipdb) add=("$bin/ipdb_bench" transaction "$n"); name="nlpp ipdb::Transaction, verified"; role=nlpp ;;
      esac
      measure "ipdb transaction" "$n" "$name" "$role" "${add[@]}"
      expect_routes "$n"
      in_ns "$bin/bare_route_batch" del "$n" >/dev/null
    done
  done
}

# IPDB following a churn: a cache over the whole namespace applies the
# notifications while the bare sender adds, then deletes churn_routes
# routes as fast as it can (2 x churn_routes events). The sender's time is
# the reference: a follower keeping pace ends right after it (ratio about
# 1); the follower's notes count overruns and the routes apart from a
# fresh dump at the end.
scenario_ipdb_churn() {
  local ready follower added deleted sent expected=$((2 * churn_routes))
  route_namespace ipdb-churn
  for ((rep = 1; rep <= reps; rep++)); do
    ready=$work/ipdb-open
    rm -f "$ready"
    in_ns "$bin/ipdb_bench" follow "$expected" "$ready" >"$work/follow.out" &
    follower=$!
    while [[ ! -e $ready ]]; do sleep 0.05; done
    added=$(in_ns "$bin/bare_route_batch" add "$churn_routes")
    deleted=$(in_ns "$bin/bare_route_batch" del "$churn_routes")
    # One result line for both: seconds and items summed, the larger RSS.
    sent=$(awk -v a="$added" -v b="$deleted" 'BEGIN {
      split(a, x, "\t"); split(b, y, "\t")
      printf "%.6f\t%d\t%d\t-", x[1] + y[1], x[2] + y[2], (x[3] > y[3] ? x[3] : y[3]) }')
    wait "$follower"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "ipdb churn" "$expected" "bare C sender, add then delete" reference "$rep" \
      "$sent" >>"$raw"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "ipdb churn" "$expected" "nlpp ipdb::Cache following, update()" nlpp "$rep" \
      "$(cat "$work/follow.out")" >>"$raw"
    printf '  %-12s %8s  sender %s s, follower %s\n' "ipdb churn" "$expected" "$(cut -f1 <<<"$sent")" \
      "$(cut -f1,4 "$work/follow.out")" >&2
  done
  ip netns del "$ns"
}

# Dump the links of link_pairs veth pairs.
scenario_link_dump() {
  local i
  new_namespace links
  for ((i = 0; i < link_pairs; i++)); do echo "link add nlppa$i type veth peer name nlppz$i"; done >"$work/links.batch"
  ip -n "$ns" -batch "$work/links.batch"
  for ((rep = 1; rep <= reps; rep++)); do measure_dumps link $((2 * link_pairs)); done
}

# A subscriber follows RTNLGRP_IPV4_ROUTE while the bare sender adds and
# deletes churn_routes routes as fast as it can (the worst case for it).
scenario_events() {
  local buffer ready subscriber receive_buffer expected=$((2 * churn_routes))
  route_namespace events
  for ((rep = 1; rep <= reps; rep++)); do
    for buffer in "${event_buffers[@]}"; do
      ready=$work/subscribed
      rm -f "$ready"
      case $buffer in
        default) receive_buffer=() buffer="nlpp default (32 MiB)" ;;
        system) receive_buffer=("$(cat /proc/sys/net/core/rmem_default)") buffer="system default ($((receive_buffer[0] / 1024)) KiB)" ;;
        *) receive_buffer=($((buffer * 1024 * 1024))) buffer="$buffer MiB" ;;
      esac
      in_ns "$bin/nlpp_events" "$expected" "$ready" "${receive_buffer[@]}" >"$work/events.out" &
      subscriber=$!
      while [[ ! -e $ready ]]; do sleep 0.05; done
      in_ns "$bin/bare_route_batch" add "$churn_routes" >/dev/null
      in_ns "$bin/bare_route_batch" del "$churn_routes" >/dev/null
      wait "$subscriber"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' events "$expected" "nlpp EventStream, receive buffer $buffer" - "$rep" \
        "$(cat "$work/events.out")" >>"$raw"
      printf '  %-12s %8s  receive buffer %-10s %s\n' events "$expected" "$buffer" "$(cut -f4 "$work/events.out")" >&2
    done
  done
}

# callgrind_top N COMMAND...: runs COMMAND under callgrind in the namespace
# and appends its top functions, by their own instructions, to the profile.
callgrind_top() {
  local n=$1 out=$work/callgrind.out
  shift
  in_ns valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>&1
  {
    echo "== ${*#"$bin/"}  ($n routes)"
    # awk reads to the end: with pipefail, head would fail the pipeline.
    callgrind_annotate "$out" 2>/dev/null |
      awk '/^ *[0-9,]+ / && shown++ < 16 { sub(/ \[\/.*\]$/, ""); sub(/\?\?\?:/, ""); print substr($0, 1, 200) }'
    echo
  } >>"$root/bench/results/$stamp-profile.txt"
}

# Where nlpp's user-space instructions go on the route paths (callgrind does
# not see the kernel's share; bare_dump measures that).
scenario_profile() {
  local n=$1
  callgrind_top "$n" "$bin/nlpp_route_batch" add "$n" typed
  callgrind_top "$n" "$bin/nlpp_dump" route count
  callgrind_top "$n" "$bin/nlpp_dump" route parse
  callgrind_top "$n" "$bin/nlpp_dump" route each
  callgrind_top "$n" "$bin/nlpp_dump" route typed
  callgrind_top "$n" "$bin/nlpp_route_batch" del "$n" typed
  callgrind_top "$n" "$bin/nlpp_route_batch" add "$n" raw
  in_ns "$bin/bare_route_batch" del "$n" >/dev/null
  echo "wrote $root/bench/results/$stamp-profile.txt" >&2
}

nlpp_version() {
  if [[ $source_dir == "$root" ]]; then
    git -C "$root" describe --always --dirty 2>/dev/null || echo unknown
  else
    echo "$(cat "$source_dir/.nlpp-commit" 2>/dev/null || echo unknown) (built from a copy of that commit)"
  fi
}

machine() {
  local cpu
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  echo "| | |"
  echo "| --- | --- |"
  echo "| date (UTC) | $stamp |"
  echo "| CPU | $cpu, $(nproc) cores |"
  echo "| memory | $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) |"
  echo "| kernel | $(uname -r) |"
  echo "| Debian | $(cat /etc/debian_version) |"
  echo "| compiler | $(g++ --version | head -1) |"
  echo "| iproute2 | $(dpkg-query -W -f='${Version}' iproute2) |"
  echo "| pyroute2 | $(dpkg-query -W -f='${Version}' python3-pyroute2) (Python $("$python" -c 'import platform; print(platform.python_version())')) |"
  echo "| libnl | $(dpkg-query -W -f='${Version}' libnl-route-3-dev) |"
  echo "| libmnl | $(dpkg-query -W -f='${Version}' libmnl-dev) |"
  echo "| nlpp | $(nlpp_version) |"
  echo "| load average | at start: $load_start; at end: $(cut -d' ' -f1-3 /proc/loadavg) |"
  echo "| repetitions | $reps (medians shown) |"
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
printf 'scenario\tcount\ttool\trole\trep\tseconds\titems\tmaxrss_kib\tnotes\n' >"$raw"
selected() { [[ " $scenarios " == *" $1 "* ]]; }
for n in "${counts[@]}"; do
  if selected route-change || selected route-dump || selected profile || selected cli || selected tc ||
    selected ipdb; then
    route_namespace "routes-$n"
    if selected route-change; then scenario_route_change "$n"; fi
    if selected route-dump; then scenario_route_dump "$n"; fi
    if selected profile; then scenario_profile "$n"; fi
    if selected cli; then scenario_cli "$n"; fi
    if selected tc; then scenario_tc "$n"; fi
    if selected ipdb; then scenario_ipdb "$n"; fi
    ip netns del "$ns"
  fi
done
if selected link-dump; then scenario_link_dump; fi
if selected micro; then
  "$bin/micro_codec" --benchmark_repetitions="$reps" --benchmark_report_aggregates_only=true \
    | tee "$root/bench/results/$stamp-micro.txt" >&2
fi
if selected events; then scenario_events; fi
if selected ipdb; then scenario_ipdb_churn; fi

{
  echo "# nlpp benchmark, $stamp"
  echo
  echo "\`bench/run.sh${arguments[*]:+$(printf ' %q' "${arguments[@]}")}\`"
  echo
  machine
  echo
  "$python" "$root/bench/report.py" "$raw"
} >"$markdown"
cat "$markdown"
echo "wrote $markdown and $raw" >&2
