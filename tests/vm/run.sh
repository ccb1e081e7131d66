#!/bin/bash
# Runs a command in a QEMU guest that boots Debian's stock kernel (pinned in
# config.sh) with the host's root read-only over 9p, so the host's own build
# and tools run against a kernel with every module. See docs/TESTING.md.
#
#   run.sh [--build-dir DIR] [--filter GTEST_FILTER]   the kernel test suite
#   run.sh [--build-dir DIR] --shell                   a shell in the guest
#   run.sh [--build-dir DIR] -- COMMAND [ARG...]       any command
#
# The exit status is the guest command's, or 125 when the guest never
# reported one (timeout, crash). The full suite (no --filter) also fails when
# a test of must_run.txt skipped, failed or did not run; with --filter, so
# does any such test the filter selected. Variables named NLPP_* or GTEST_*
# are passed on to the command. NLPP_BUILD_DIR is the default build dir,
# NLPP_VM_TIMEOUT bounds the run (seconds), NLPP_VM_ACCEL=kvm|tcg skips the
# KVM probe.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/config.sh"

usage() { sed -n 's/^#   //p' "$0" >&2; exit 2; }
build_dir=${NLPP_BUILD_DIR:-$here/../../build}
mode=suite
filter=""
command=()
while (($#)); do
  case $1 in
    --build-dir) (($# >= 2)) || usage; build_dir=$2; shift 2 ;;
    --filter) (($# >= 2)) || usage; filter=$2; shift 2 ;;
    --shell) mode=shell; shift ;;
    --) shift; (($#)) || usage; mode='command'; command=("$@"); break ;;
    *) usage ;;
  esac
done
# The guest sees the host's root, so host paths work in it unchanged.
build_dir=$(realpath "$build_dir")
kernel_tests=$build_dir/tests/nlpp_kernel_tests
if [[ $mode == suite && ! -x $kernel_tests ]]; then
  echo "run.sh: no $kernel_tests; build first or pass --build-dir" >&2
  exit 2
fi

"$here/setup.sh"
initramfs=$("$here/initramfs.sh")

# The second, writable share: the job goes in, results come out.
run_dir=$(mktemp -d "${TMPDIR:-/tmp}/nlpp-vm.XXXXXX")
trap 'rm -rf "$run_dir"' EXIT
results=/run/nlpp-vm
# The trees the job needs, which the guest must see through its tmpfs mounts.
printf '%s\n' "$build_dir" "$(realpath "$here/../..")" >"$run_dir/keep"
{
  echo 'export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  # The console is a terminal, but its reader is mostly a log.
  echo 'export GTEST_COLOR=no'
  for name in $(compgen -e | grep -E '^(NLPP|GTEST)_'); do
    printf 'export %s=%q\n' "$name" "${!name}"
  done
  case $mode in
    suite) printf '%q --gtest_output=json:%s/kernel_tests.json --gtest_filter=%q\n' \
      "$kernel_tests" "$results" "${filter:-*}" ;;
    # The console cannot be a controlling terminal; the serial port can.
    shell) echo 'exec setsid --ctty --wait bash -i <>/dev/ttyS0 >&0 2>&0' ;;
    command) printf '%q ' "${command[@]}"; echo ;;
  esac
} >"$run_dir/job"

qemu=(qemu-system-x86_64 -nodefaults -display none -no-reboot -m 1G -smp 2
  -kernel "$NLPP_VM_VMLINUZ" -initrd "$initramfs"
  -virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap"
  -virtfs "local,path=$run_dir,mount_tag=nlpp_run,security_model=none,multidevs=remap")
# panic=-1 with -no-reboot: a guest panic ends qemu at once, not at the timeout.
append="console=ttyS0 panic=-1 quiet"

# /dev/kvm can exist and still fail to run a guest (it does on the build
# machines), so it is used only after a guest booted with it in a few seconds.
accel=${NLPP_VM_ACCEL:-}
if [[ -z $accel ]]; then
  accel=tcg
  if [[ -w /dev/kvm ]] && timeout -k 1 10 "${qemu[@]}" -accel kvm -cpu host -serial stdio \
    -append "$append nlpp.probe" </dev/null 2>/dev/null | grep -q NLPP_VM_PROBE_OK; then
    accel=kvm
  fi
fi
case $accel in
  kvm) qemu+=(-accel kvm -cpu host) ;;
  tcg) qemu+=(-accel 'tcg,thread=multi' -cpu max) ;;
  *) echo "run.sh: NLPP_VM_ACCEL must be kvm or tcg" >&2; exit 2 ;;
esac

# The console goes to stdout and to a log, where the exit marker is looked
# for. Only the shell reads stdin, and there Ctrl-C is the guest's.
console=stdio,id=console,logfile=$run_dir/console.log
if [[ $mode == shell ]]; then
  console+=,signal=off
  input=/dev/stdin
else
  input=/dev/null
fi
echo "run.sh: booting $NLPP_VM_KERNEL_RELEASE ($accel)" >&2
# qemu's own exit status says nothing about the command's: the marker does.
timeout --foreground -k 10 "${NLPP_VM_TIMEOUT:-1200}" "${qemu[@]}" \
  -chardev "$console" -serial chardev:console -append "$append" <"$input" || true

status=$(tr -d '\r' <"$run_dir/console.log" | sed -n 's/^NLPP_VM_EXIT=\([0-9]*\)$/\1/p' | tail -n 1)
if [[ -z $status ]]; then
  echo "run.sh: the guest reported no exit status (timed out or crashed)" >&2
  exit 125
fi
if [[ $mode == suite ]] && ! python3 "$here/check_must_run.py" ${filter:+--partial} \
  "$here/must_run.txt" "$run_dir/kernel_tests.json"; then
  ((status != 0)) || status=1
fi
exit "$status"
