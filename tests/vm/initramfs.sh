#!/bin/bash
# Builds the guest's initramfs: static busybox, tests/vm/init as /init, and
# the modules of modules.txt with their dependencies. Prints its path. The
# result is cached under a hash of its inputs, so it is rebuilt only when
# this script, init, modules.txt, busybox or the kernel changes.
set -euo pipefail
here=$(dirname "$0")
source "$here/config.sh"
lock_cache

key=$(cat "$0" "$here/init" "$here/modules.txt" /bin/busybox <(echo "$NLPP_VM_KERNEL_RELEASE") |
  sha256sum | cut -c1-16)
out=$NLPP_VM_CACHE/initramfs/$NLPP_VM_KERNEL_RELEASE-$key.cpio
if [[ -f $out ]]; then
  echo "$out"
  exit 0
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging"/{bin,sbin,usr/bin,usr/sbin,etc,proc,sys,dev,host}
cp /bin/busybox "$staging/bin/busybox"
install -m 0755 "$here/init" "$staging/init"

# Checking a module's signature costs about as much as the rest of loading
# it under emulation, half of the modules' share of the boot time. Without
# one the kernel loads it all the same (signatures are not enforced), only
# tainting itself. The signature ends the file: the signature bytes, a
# 12-byte struct module_signature whose last 4 bytes are their length (big
# endian), and a 28-byte magic line.
strip_signature() {
  [[ $(tail -c 28 "$1") == "~Module signature appended~" ]] || return 0
  local length
  length=$(tail -c 32 "$1" | head -c 4 | od -An -tu4 --endian=big)
  truncate -s $(($(stat -c %s "$1") - 40 - length)) "$1"
}

modules_dir=lib/modules/$NLPP_VM_KERNEL_RELEASE
mkdir -p "$staging/$modules_dir"
cp "$NLPP_VM_KERNEL_DIR/$modules_dir"/modules.{builtin,builtin.modinfo,order} "$staging/$modules_dir/"
while read -r module; do
  if ! depends=$(/sbin/modprobe -d "$NLPP_VM_KERNEL_DIR" -S "$NLPP_VM_KERNEL_RELEASE" \
    --show-depends "$module" 2>/dev/null); then
    echo "initramfs.sh: no module $module in $NLPP_VM_KERNEL_RELEASE, left out" >&2
    continue
  fi
  echo "$module" >>"$staging/etc/modules"
  # Lines are "insmod PATH [PARAMS]" or "builtin NAME". 6.12's modules are
  # .ko.xz: unpacked here, because xz under emulation costs boot time too.
  while read -r verb path _; do
    [[ $verb == insmod ]] || continue
    target=$staging/${path#"$NLPP_VM_KERNEL_DIR"/}
    target=${target%.xz}
    [[ -f $target ]] && continue
    mkdir -p "$(dirname "$target")"
    if [[ $path == *.xz ]]; then xz -dc "$path" >"$target"; else cp "$path" "$target"; fi
    strip_signature "$target"
  done <<<"$depends"
done < <(grep -v -e '^#' -e '^$' "$here/modules.txt")
/sbin/depmod -b "$staging" "$NLPP_VM_KERNEL_RELEASE"

# Uncompressed: the kernel unpacks it in a moment even under emulation.
mkdir -p "$(dirname "$out")"
rm -f "$NLPP_VM_CACHE/initramfs/$NLPP_VM_KERNEL_RELEASE"-*.cpio
(cd "$staging" && find . | cpio -o -H newc --quiet) >"$out.tmp"
mv "$out.tmp" "$out"
echo "$out"
