#!/usr/bin/env bash
# Every test tier: installs what is needed, builds with -Werror (GCC), and
# runs ctest: unit, kernel (fresh namespaces), sanitizer (ASan+UBSan),
# install, fuzz (clang/libFuzzer) and guest (QEMU with Debian's kernel).
# With arguments, runs just ctest with them (e.g. -L unit, -R Netns).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/tests/vm/setup.sh"
BUILD_DIR=$build_dir "$root/scripts/build.sh" -DNLPP_WERROR=ON -DNLPP_BUILD_TESTS=ON
cd "$build_dir"
if (($#)); then
  exec ctest --output-on-failure "$@"
fi
# The host tiers first, two at a time; then the guest tier, which keeps
# both cores busy by itself.
ctest --output-on-failure -j2 -LE guest
ctest --output-on-failure -L guest
