#!/usr/bin/env bash
# The perf regression guard, without timing: counts the instructions that
# nlpp_perf_decode spends decoding tests/data/perf/route_dump.bin (callgrind,
# only inside the decoding functions) and compares them with the baseline
# recorded for this build configuration (compiler, version, build type).
#
#   check_instruction_count.sh PROGRAM DUMP BASELINE CONFIGURATION [--update]
#
# Fails when a count is more than tolerance_percent above its baseline, so a
# parser that got 2x slower fails for sure. Says so when a count is well
# below, so that the baseline can follow an improvement (--update rewrites
# this configuration's lines; commit the file). Without a baseline for the
# configuration (a Debug build, another compiler) it skips (exit 77).
set -euo pipefail

tolerance_percent=30
program=$1 dump=$2 baseline=$3 configuration=$4 update=${5:-}

if ! command -v valgrind >/dev/null; then
  echo "check_instruction_count.sh: valgrind is needed (apt-get install valgrind)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# count DECODER: the instructions inside nlpp_perf_<DECODER>_* for one pass over the dump.
count() {
  local function=nlpp_perf_generic_decode
  [[ $1 == route ]] && function=nlpp_perf_route_parse
  if ! valgrind --tool=callgrind --collect-atstart=no --toggle-collect="$function" \
      --callgrind-out-file="$work/$1.out" "$program" "$1" "$dump" >"$work/$1.log" 2>&1; then
    cat "$work/$1.log" >&2
    echo "check_instruction_count.sh: $program $1 failed" >&2
    exit 1
  fi
  sed -n 's/^summary: //p' "$work/$1.out"
}

failed=0
for decoder in generic route; do
  measured=$(count "$decoder")
  if [[ $update == --update ]]; then
    grep -v "^$configuration $decoder " "$baseline" >"$work/baseline" || true
    echo "$configuration $decoder $measured" >>"$work/baseline"
    cp "$work/baseline" "$baseline"
    echo "$decoder: $measured instructions recorded for $configuration"
    continue
  fi
  expected=$(awk -v c="$configuration" -v d="$decoder" '$1 == c && $2 == d { print $3 }' "$baseline")
  if [[ -z $expected ]]; then
    echo "no baseline for $configuration in $baseline: skipped (record one with --update)"
    exit 77
  fi
  change=$(((measured - expected) * 100 / expected))
  echo "$decoder: $measured instructions, baseline $expected ($change%)"
  if ((change > tolerance_percent)); then
    echo "  more than $tolerance_percent% above the baseline: the $decoder decoder got slower"
    failed=1
  elif ((change < -tolerance_percent)); then
    echo "  well below the baseline: if that is an improvement, record it with --update"
  fi
done
exit "$failed"
