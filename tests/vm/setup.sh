#!/bin/bash
# Installs the host tools the guest tier needs and downloads, unpacks and
# depmods the pinned Debian kernel into the cache. A second run finds
# everything in place and does nothing.
set -euo pipefail
source "$(dirname "$0")/config.sh"
lock_cache

# Wait for other apt users on a shared machine instead of failing at once.
apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 "$@"; }

tools=(qemu-system-x86 busybox-static cpio kmod xz-utils)
missing=()
for tool in "${tools[@]}"; do
  [[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$tool" 2>/dev/null) == "ii " ]] || missing+=("$tool")
done
if ((${#missing[@]})); then
  apt_get update
  apt_get install -y --no-install-recommends "${missing[@]}"
fi

if [[ -f $NLPP_VM_KERNEL_DIR/lib/modules/$NLPP_VM_KERNEL_RELEASE/modules.dep ]]; then
  exit 0
fi

deb_dir=$NLPP_VM_CACHE/debs
deb=$deb_dir/${NLPP_VM_KERNEL_PACKAGE}_${NLPP_VM_KERNEL_PACKAGE_VERSION}_amd64.deb
if [[ ! -f $deb ]]; then
  mkdir -p "$deb_dir"
  pin=$NLPP_VM_KERNEL_PACKAGE=$NLPP_VM_KERNEL_PACKAGE_VERSION
  # apt only knows versions from its last update; refresh once if needed.
  apt-cache show "$pin" >/dev/null 2>&1 || apt_get update
  if ! apt-cache show "$pin" >/dev/null 2>&1; then
    echo "setup.sh: $pin is not on the mirror any more; pin one of these in tests/vm/config.sh:" >&2
    apt-cache madison 'linux-image-6.12.*+deb12-amd64-unsigned' 'linux-image-6.1.0-*-amd64-unsigned' >&2
    exit 1
  fi
  # apt-get download checks the hash from the signed index. It downloads as
  # root into a fresh folder, so that an interrupted run leaves no partial
  # .deb behind under the final name.
  download=$(mktemp -d "$deb_dir/download.XXXXXX")
  (cd "$download" && apt_get -o APT::Sandbox::User=root download "$pin")
  mv "$download"/*.deb "$deb"
  rmdir "$download"
fi

# Unpack next to the final place and rename, so an interrupted run never
# leaves a half-unpacked kernel that looks complete.
unpack=$(mktemp -d "$NLPP_VM_CACHE/unpack.XXXXXX")
dpkg-deb -x "$deb" "$unpack"
# The package ships no modules.dep (its postinst makes it); modprobe needs it.
/sbin/depmod -b "$unpack" "$NLPP_VM_KERNEL_RELEASE"
mkdir -p "$(dirname "$NLPP_VM_KERNEL_DIR")"
rm -rf "$NLPP_VM_KERNEL_DIR"
mv "$unpack" "$NLPP_VM_KERNEL_DIR"
