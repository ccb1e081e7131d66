#!/usr/bin/env bash
# Configures and builds nlpp into BUILD_DIR (default: build/) with Ninja.
# Extra arguments go to cmake's configure step.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build_dir" -G Ninja "$@"
cmake --build "$build_dir"
