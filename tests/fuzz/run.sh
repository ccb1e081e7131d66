#!/bin/sh
# Builds a fuzz target in a clang build tree of its own and runs it for a
# bounded time over the seed corpus (tests/fuzz/corpus, messages the kernel
# sent). Targets: decode (the generic decoder, the default) and rtnl_parse
# (the typed RTNL parsers and their emit round trip). Exits non-zero when
# libFuzzer finds a crash, a sanitizer report or a broken property; the
# input that did it is saved in the build tree as crash-*.
#
#   tests/fuzz/run.sh [BUILD_DIR [TARGET]]   (default: ./build-fuzz decode)
#   NLPP_FUZZ_SECONDS=600 tests/fuzz/run.sh
set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${1:-$PWD/build-fuzz}
target=${2:-decode}
seconds=${NLPP_FUZZ_SECONDS:-30}

compiler=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$compiler" ]; then
  echo "run.sh: no clang++ found (apt-get install clang-14)" >&2
  exit 1
fi

# -O1 and line tables: what libFuzzer advises, all a crash report needs, and
# a shorter build than -O2 -g.
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S "$source_dir" -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" \
    -DCMAKE_CXX_COMPILER="$compiler" \
    -DNLPP_FUZZ=ON -DNLPP_BUILD_TESTS=OFF -DNLPP_BUILD_EXAMPLES=OFF \
    "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
fi
cmake --build "$build_dir" --target "nlpp_fuzz_$target" --parallel 2

# New inputs go to the first corpus folder, in the build tree; the seeds in
# the source tree are only read.
corpus="$build_dir/fuzz-corpus/$target"
mkdir -p "$corpus"
exec "$build_dir/tests/fuzz/nlpp_fuzz_$target" "$corpus" "$source_dir/tests/fuzz/corpus" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
  -artifact_prefix="$build_dir/" -print_final_stats=1
