#!/bin/bash
# Proves that a test failing inside the guest fails the run: the exit status
# really comes back from the guest. Runs the one test that fails on purpose
# when NLPP_VM_SELFTEST_FAIL=1 and expects run.sh to exit 1, gtest's status
# for a failed test (125 would mean the guest never reported at all).
# Arguments go to run.sh (--build-dir DIR).
set -euo pipefail
status=0
NLPP_VM_SELFTEST_FAIL=1 "$(dirname "$0")/run.sh" "$@" \
  --filter GuestExitStatus.fails_only_when_nlpp_vm_selftest_fail_is_set || status=$?
if ((status != 1)); then
  echo "selftest.sh: expected exit status 1 from the failing guest test, got $status" >&2
  exit 1
fi
echo "selftest.sh: the failing guest test failed the run, as it must"
