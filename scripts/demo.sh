#!/usr/bin/env bash
# The main demo: installs what is needed, builds, and runs examples/demo.cpp
# (which works in a throwaway network namespace and removes it afterwards).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
BUILD_DIR=${BUILD_DIR:-$root/build} "$root/scripts/build.sh" -DNLPP_BUILD_TESTS=OFF
"${BUILD_DIR:-$root/build}/examples/example_demo"
