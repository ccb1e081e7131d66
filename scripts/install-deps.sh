#!/usr/bin/env bash
# Installs what nlpp needs to build and test on Debian 12, from Debian's
# packages only. Idempotent: packages already present are not fetched again.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config linux-libc-dev   # the build
  clang-14 libclang-rt-14-dev                       # clang build, libFuzzer, sanitizers
  libgtest-dev nlohmann-json3-dev                   # tests
  iproute2 python3 python3-yaml                     # the iproute2 oracle (ip, genl); the schema generator
  nftables                                          # the nft oracle
  python3-pyroute2                                  # the twins of the examples (examples/pyroute2)
  valgrind                                          # the perf guard counts instructions
  groff-base                                        # the man page check renders docs/nlpp.8
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
