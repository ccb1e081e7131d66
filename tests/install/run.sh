#!/usr/bin/env bash
# cmake --install into a fresh prefix, then build and run an out-of-tree
# consumer twice: through find_package(nlpp) and through pkg-config.
set -euo pipefail
build_dir=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
# With the tool come its man page and bash completion, where man and
# bash-completion look for them.
if [[ -e $work/prefix/bin/nlpp ]]; then
  for file in share/man/man8/nlpp.8 share/bash-completion/completions/nlpp; do
    [[ -f $work/prefix/$file ]] || { echo "cmake --install did not install $file"; exit 1; }
  done
fi
cmake -S "$here/consumer" -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer"

export PKG_CONFIG_PATH=$(dirname "$(find "$work/prefix" -name nlpp.pc)")
# shellcheck disable=SC2046 # pkg-config prints several words on purpose
c++ "$here/consumer/main.cpp" -o "$work/consumer_pc" $(pkg-config --cflags --libs nlpp)
"$work/consumer_pc"
